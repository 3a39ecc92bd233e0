/** One parsed record and the line of the file it starts on (1-based, header = line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV (RFC 4180: quoted fields with `""` escapes and line breaks inside quotes, CRLF
 * or LF) from text chunks as they arrive, yielding one record at a time: a 100 MB file never
 * sits in memory as rows. Blank lines are skipped; a byte-order mark is dropped.
 *
 * @example
 * for await (const { line, fields } of parseCsv(chunks, ';')) console.log(line, fields);
 */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>, delimiter: string): AsyncGenerator<CsvRecord> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let first = true;
  let pendingCr = false;
  const endRecord = function* () {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') yield { line: recordLine, fields };
    fields = [];
    field = '';
  };
  for await (let chunk of chunks) {
    if (first) {
      chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (c === '"') {
          if (chunk[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === chunk.length) {
            // The closing quote or the first of a pair: decided by the next chunk.
            quoted = false;
            afterQuote = true;
          } else {
            quoted = false;
          }
        } else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (afterQuote) {
        afterQuote = false;
        if (c === '"') {
          field += '"';
          quoted = true;
          continue;
        }
      }
      if (c === '"' && field === '') quoted = true;
      else if (c === delimiter) {
        fields.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        yield* endRecord();
        if (c === '\r') pendingCr = true;
        line++;
        recordLine = line;
      } else field += c;
    }
  }
  if (quoted) throw new CsvError(recordLine, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0) yield* endRecord();
}

/** A CSV file that can't be read at all (as opposed to one bad row). */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`Line ${line}: ${reason}`);
    this.name = 'CsvError';
  }
}

/**
 * Guesses the delimiter from the header line: the one of `,` `;` tab `|` that occurs most
 * outside quotes (Danish spreadsheets export with `;`, English ones with `,`).
 *
 * @example
 * detectDelimiter('Firma;CVR;E-mail'); // ';'
 */
export function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t', '|'].map((d) => [d, unquoted.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}
