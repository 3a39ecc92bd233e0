import { decodeText } from './encoding.ts';
import { ExtractionError, type Extraction, type ExtractOptions, type Section } from './types.ts';

/** About this many characters per `part=N` section: a few pages, small enough to show and cite. */
export const PART_CHARS = 20_000;

/** Cuts one block that is longer than a part by itself: at line ends, else at spaces, else hard. */
function cutBlock(block: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = block;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let at = window.lastIndexOf('\n');
    if (at < limit / 2) at = window.lastIndexOf(' ');
    if (at < limit / 2) at = limit;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^[\n ]+/, '');
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Splits a text into parts of about {@link PART_CHARS} characters at paragraph boundaries (a
 * Markdown table is one paragraph, so it stays whole unless it alone is longer than a part).
 *
 * @example
 * splitParts('a\n\nb', 2); // ['a', 'b']
 */
export function splitParts(text: string, limit = PART_CHARS): string[] {
  const blocks = text.split(/\n{2,}/).map((b) => b.replace(/\s+$/, '')).filter((b) => b.trim() !== '');
  const parts: string[] = [];
  let current = '';
  for (const block of blocks.flatMap((b) => (b.length > limit ? cutBlock(b, limit) : [b]))) {
    if (current && current.length + 2 + block.length > limit) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${block}` : block;
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * A text as `part=N` sections (`del N` / `part N`); a short text is the one section `part=1`.
 * Refuses a text with nothing in it: an empty extraction is never a success.
 *
 * @example
 * partSections('Hej', 'text', 'note.txt'); // [{ anchor: 'part=1', label: { da: 'del 1', en: 'part 1' }, text: 'Hej', format: 'text' }]
 */
export function partSections(text: string, format: Section['format'], name: string): Section[] {
  const parts = splitParts(text);
  if (parts.length === 0) throw new ExtractionError('empty', `${name} contains no text`);
  return parts.map((part, i) => ({ anchor: `part=${i + 1}`, label: { da: `del ${i + 1}`, en: `part ${i + 1}` }, text: part, format }));
}

/** A cell's text fit for a Markdown table row: one line, pipes escaped. */
function cell(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/**
 * Rows as a Markdown table, the first row as the header; short rows are padded so every row
 * has the same columns.
 *
 * @example
 * markdownTable([['Vare', 'Pris'], ['Tag', '100']]); // '| Vare | Pris |\n| --- | --- |\n| Tag | 100 |'
 * markdownTable([['Nordlys IT'], ['Vare', 'Pris'], ['Tag', '100']]); // 'Nordlys IT\n\n| Vare | Pris |\n| --- | --- |\n| Tag | 100 |'
 */
export function markdownTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  // A sheet often starts with a letterhead or a title above its table (one filled cell a row):
  // those lines are text above the table, and the header is the first row with two or more cells.
  const filled = (row: readonly string[]) => row.filter((c) => c.trim() !== '').length;
  const start = rows.findIndex((row) => filled(row) >= 2);
  const lead = start > 0 ? rows.slice(0, start).map((row) => row.filter((c) => c.trim() !== '').join(' ')).filter(Boolean) : [];
  const table = start > 0 ? rows.slice(start) : rows;
  const width = Math.max(1, ...table.map((r) => r.length));
  const line = (row: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(row[i] ?? '')).join(' | ')} |`;
  const [header, ...body] = table;
  const grid = [line(header!), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...body.map(line)].join('\n');
  return lead.length ? `${lead.join('\n\n')}\n\n${grid}` : grid;
}

/**
 * A plain text file: the encoding detected (UTF-8, UTF-16, Windows-1252), split into parts.
 *
 * @example
 * const { sections, meta } = await extractText(bytes, options); // meta.encoding === 'utf-16le'
 */
export async function extractText(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const { text, encoding } = decodeText(bytes);
  return { sections: partSections(text, 'text', options.name), meta: { encoding } };
}
