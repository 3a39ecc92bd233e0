/**
 * CSV as price lists come: `;` (Excel in Denmark), `,` or tab between fields, sniffed from the
 * first lines (or Excel's `sep=;` first line); fields in double quotes may hold the delimiter,
 * new lines and `""`; CRLF, LF or CR line ends. Each record keeps the line of the file it starts
 * on, so errors can name it.
 */

export type Delimiter = ';' | ',' | '\t';

/** One record: the file's line it starts on (1-based) and its fields, untrimmed. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Splits text into records with `delimiter`; a quoted field left open at the end of the file is
 * an error naming the line it opened on. `limit` stops after that many records (for sniffing).
 *
 * @example
 * parseCsv('Varenr;Navn\n"A-1";"Rende; zink"\n', ';');
 * // [{ line: 1, cells: ['Varenr', 'Navn'] }, { line: 2, cells: ['A-1', 'Rende; zink'] }]
 */
export function parseCsv(text: string, delimiter: Delimiter, limit = Number.POSITIVE_INFINITY): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let cells: string[] = [];
  let field = '';
  let start = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(field);
    field = '';
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
    cells = [];
  };
  while (i < n && records.length < limit) {
    const ch = text[i]!;
    if (ch === '"' && field.trim() === '') {
      // A quoted field: up to the quote not doubled; what follows it up to the delimiter is kept as written.
      const opened = line;
      field = '';
      i++;
      for (;;) {
        if (i >= n) throw new CsvError(opened, 'quote');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\r' || c === '\n') {
          if (c === '\r' && text[i + 1] === '\n') {
            field += '\r';
            i++;
          }
          line++;
        }
        field += text[i]!;
        i++;
      }
      continue;
    }
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line++;
      start = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (records.length < limit && (field !== '' || cells.length > 0)) endRecord();
  return records;
}

const CANDIDATES: Delimiter[] = [';', '\t', ','];

/**
 * The delimiter of a CSV: the one that gives most of the first 50 records one and the same
 * number of fields (more than one); on a tie `;`, then tab, then `,`. Excel's `sep=X` first line
 * decides by itself.
 *
 * @example
 * sniffDelimiter('Varenr;Navn;Pris\nA-1;Rende, zink;1.250,50\n'); // ';'
 */
export function sniffDelimiter(text: string): Delimiter {
  const hint = /^sep=(.)\r?\n/i.exec(text);
  if (hint && (CANDIDATES as string[]).includes(hint[1]!)) return hint[1] as Delimiter;
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: Delimiter; score: number; width: number } = { delimiter: ';', score: -1, width: 0 };
  for (const delimiter of CANDIDATES) {
    let records: CsvRecord[] = [];
    try {
      records = parseCsv(sample, delimiter, 50);
    } catch {
      // A quote left open in the sample (it may close after it): count the records before it.
      try {
        records = parseCsv(sample.slice(0, sample.lastIndexOf('\n') + 1), delimiter, 50);
      } catch {
        records = [];
      }
    }
    const counts = new Map<number, number>();
    for (const r of records) if (r.cells.length > 1) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    let score = 0;
    let width = 0;
    for (const [w, count] of counts) if (count > score || (count === score && w > width)) [score, width] = [count, w];
    if (score > best.score) best = { delimiter, score, width };
  }
  return best.delimiter;
}

/** The records of a CSV file's text, its `sep=` line left out (the line numbers stay the file's). */
export function readCsv(text: string): { delimiter: Delimiter; records: CsvRecord[] } {
  const delimiter = sniffDelimiter(text);
  return { delimiter, records: parseCsv(text.replace(/^sep=.(?=\r?\n|$)/i, ''), delimiter) };
}
