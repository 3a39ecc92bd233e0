import { decodeText } from './encoding.ts';
import { markdownTable } from './text.ts';
import { ExtractionError, type Extraction, type ExtractOptions } from './types.ts';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from './xlsx.ts';

/** Delimiters tried, in the order that breaks ties: Danish Excel writes `;` (the comma is the decimal sign). */
const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * Parses CSV per RFC 4180 as written in practice: quoted fields may hold the delimiter, `""`
 * and line breaks; a quote inside an unquoted field is kept as text. Stops after `maxRows` rows.
 *
 * @example
 * parseCsv('a;"b;c"\n"x\ny";2', ';'); // [['a', 'b;c'], ['x\ny', '2']]
 */
export function parseCsv(text: string, delimiter: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // CRLF outside quotes: the \n ends the row.
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      if (rows.length >= maxRows) return rows;
      row = [];
      field = '';
      fieldStart = true;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The delimiter that splits the first rows most consistently into more than one field: the
 * most common field count, weighted by how many rows have it.
 *
 * @example
 * detectDelimiter('navn;beløb\nTag;1,5\n'); // ';'
 */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best: { delimiter: string; score: number } = { delimiter: DELIMITERS[0], score: 0 };
  for (const delimiter of DELIMITERS) {
    const rows = parseCsv(sample, delimiter, 50).filter((r) => r.some((f) => f.trim() !== ''));
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let score = 0;
    for (const [fields, times] of counts) if (fields > 1) score = Math.max(score, times * 1000 + fields);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * A CSV file: encoding (UTF-8, UTF-16, Windows-1252) and delimiter detected, one section
 * `sheet=<file name without extension>` as a Markdown table, capped like a sheet.
 *
 * @example
 * const { sections, meta } = await extractCsv(bytes, { ...options, name: 'priser.csv' }); // sections[0].anchor === 'sheet=priser'
 */
export async function extractCsv(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const all = parseCsv(text, delimiter, MAX_SHEET_ROWS * 2);
  const rows = all.filter((r) => r.some((f) => f.trim() !== ''));
  if (rows.length === 0) throw new ExtractionError('empty', `${options.name} has no values`);
  const kept = rows.slice(0, MAX_SHEET_ROWS);
  const width = Math.max(...kept.map((r) => r.length));
  const columns = Math.min(width, MAX_SHEET_COLUMNS);
  const sheet = options.name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'csv';
  return {
    sections: [{ anchor: `sheet=${sheet}`, label: { da: `ark ${sheet}`, en: `sheet ${sheet}` }, sheet, text: markdownTable(kept.map((r) => r.slice(0, columns))), format: 'markdown' }],
    meta: {
      encoding,
      delimiter,
      rows: kept.length,
      columns: width,
      ...(rows.length > kept.length || all.length >= MAX_SHEET_ROWS * 2 ? { truncatedRows: true } : {}),
      ...(width > columns ? { truncatedColumns: width - columns } : {}),
    },
  };
}
