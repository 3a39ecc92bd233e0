import { XMLParser } from 'fast-xml-parser';
import { markdownTable } from './text.ts';
import { ExtractionError, type Extraction, type ExtractOptions, type Section } from './types.ts';
import { guardZip, inflateEntry, refuseCompoundFile } from './zip.ts';

/** Rows and columns kept per sheet: enough for any price list, bounded for a machine-written dump. */
export const MAX_SHEET_ROWS = 10_000;
export const MAX_SHEET_COLUMNS = 60;

/** What the meta says about each sheet, so a citation can name an Excel row. */
export interface SheetInfo {
  name: string;
  rows: number;
  columns: number;
  /** The Excel row number of each table row (header first), in the order of the Markdown table. */
  rowNumbers: number[];
  truncatedRows?: number;
  truncatedColumns?: number;
  hidden?: boolean;
}

const ARRAYS = new Set(['sheet', 'row', 'c', 'si', 'r', 'Relationship', 'numFmt', 'xf']);
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

function parseXml(bytes: Uint8Array | undefined, part: string, name: string): Node {
  if (!bytes) return {};
  const xml = new TextDecoder().decode(bytes);
  if (/<!DOCTYPE/i.test(xml)) throw new ExtractionError('corrupt', `${name}: ${part} declares a DOCTYPE, which a spreadsheet never does`);
  try {
    return parser.parse(xml) as Node;
  } catch (error) {
    throw new ExtractionError('corrupt', `${name}: ${part} is not well-formed XML`, { cause: error });
  }
}

const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value && typeof value === 'object' ? [value as Node] : []);

/** The text of a `<t>` (a string, or an object when it has attributes like xml:space). */
function textOf(t: unknown): string {
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && '#text' in t) return String((t as Node)['#text']);
  return '';
}

/** A shared or inline string: plain `<t>`, or rich text runs `<r><t>…</t></r>` (phonetic hints left out). */
function richText(si: Node | undefined): string {
  if (!si) return '';
  if ('t' in si) return textOf(si.t);
  return list(si.r)
    .map((r) => textOf(r.t))
    .join('');
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, plus common locale ids). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_PERCENT = new Set([9, 10]);

type CellStyle = 'date' | 'time' | 'datetime' | 'percent' | null;

/** Whether a format code shows a date, a time or both: its d/m/y/h/s outside quotes and brackets. */
function formatKind(code: string): CellStyle {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (/%/.test(bare)) return 'percent';
  // `m` alone is month or minute depending on its neighbours; a day, year, hour or second decides.
  const date = /[dy]/i.test(bare);
  const time = /[hs]/i.test(bare);
  if (date) return time ? 'datetime' : 'date';
  return time ? 'time' : null;
}

/** The display kind of each cell style (`s` attribute), from styles.xml's cellXfs and numFmts. */
function cellStyles(styles: Node): CellStyle[] {
  const sheet = (styles.styleSheet ?? {}) as Node;
  const custom = new Map<number, string>();
  for (const f of list((sheet.numFmts as Node | undefined)?.numFmt)) custom.set(Number(f['@_numFmtId']), String(f['@_formatCode'] ?? ''));
  return list((sheet.cellXfs as Node | undefined)?.xf).map((xf) => {
    const id = Number(xf['@_numFmtId'] ?? 0);
    if (custom.has(id)) return formatKind(custom.get(id)!);
    if (BUILTIN_DATES.has(id)) return id >= 18 && id <= 21 ? 'time' : id === 22 ? 'datetime' : id >= 45 && id <= 47 ? 'time' : 'date';
    return BUILTIN_PERCENT.has(id) ? 'percent' : null;
  });
}

/** An Excel serial date as ISO 8601 (UTC, as Excel has no time zones). */
function serialToIso(serial: number, date1904: boolean, kind: 'date' | 'time' | 'datetime'): string {
  const days = date1904 ? serial + 1462 : serial;
  // Serials from 61 on are off by Lotus 1-2-3's fictitious 29 February 1900.
  const ms = Math.round(((days < 61 ? days + 1 : days) - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  if (kind === 'date') return iso.slice(0, 10);
  if (kind === 'time') return iso.slice(11, 19);
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A number as Excel shows it roughly: float noise (0.30000000000000004) trimmed to 15 digits. */
function numberText(raw: string): string {
  const n = Number(raw);
  return Number.isFinite(n) ? String(Number.parseFloat(n.toPrecision(15))) : raw;
}

/** `B12` → column 1 (0-based) and row 12. */
function position(ref: unknown): { col: number; row: number } | null {
  const m = typeof ref === 'string' ? /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref) : null;
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col: col - 1, row: Number(m[2]) };
}

interface Context {
  shared: string[];
  styles: CellStyle[];
  date1904: boolean;
}

function cellText(c: Node, ctx: Context): string {
  const type = c['@_t'];
  const v = textOf(c.v);
  switch (type) {
    case 's':
      return ctx.shared[Number(v)] ?? '';
    case 'inlineStr':
      return richText(c.is as Node | undefined);
    case 'b':
      return v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
    case 'str':
    case 'e':
    case 'd':
      return v;
    default: {
      if (v === '') return '';
      const style = ctx.styles[Number(c['@_s'] ?? 0)] ?? null;
      const n = Number(v);
      if (style && style !== 'percent' && Number.isFinite(n)) return serialToIso(n, ctx.date1904, style);
      if (style === 'percent' && Number.isFinite(n)) return `${numberText(String(n * 100))}%`;
      return numberText(v);
    }
  }
}

/** A sheet's cells as rows of text (Excel row numbers kept), empty cells keeping their columns. */
function sheetRows(sheet: Node, ctx: Context): { rows: Map<number, string[]>; width: number } {
  const data = ((sheet.worksheet as Node | undefined)?.sheetData ?? {}) as Node;
  const rows = new Map<number, string[]>();
  let width = 0;
  let nextRow = 1;
  for (const row of list(data.row)) {
    const rowNumber = Number(row['@_r']) || nextRow;
    nextRow = rowNumber + 1;
    const cells: string[] = [];
    let nextCol = 0;
    for (const c of list(row.c)) {
      const col = position(c['@_r'])?.col ?? nextCol;
      nextCol = col + 1;
      const text = cellText(c, ctx);
      if (text === '') continue;
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
    if (cells.length > 0) {
      rows.set(rowNumber, cells);
      width = Math.max(width, cells.length);
    }
  }
  return { rows, width };
}

/** The folder of a part (`xl/workbook.xml` → `xl/`), against which its relationships resolve. */
const folderOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);

/** A relationship's target as a part name: absolute (`/xl/…`) or relative to the source's folder. */
function resolve(folder: string, target: string): string {
  const parts: string[] = [];
  for (const piece of (target.startsWith('/') ? target.slice(1) : folder + target).split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The relationships of a part by id (`rId3` → `xl/worksheets/sheet3.xml`), from its `_rels/….rels`. */
function relationships(rels: Node, folder: string): { byId: Map<string, string>; byType: Map<string, string> } {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  for (const r of list((rels.Relationships as Node | undefined)?.Relationship)) {
    const target = resolve(folder, String(r['@_Target'] ?? ''));
    byId.set(String(r['@_Id']), target);
    byType.set(String(r['@_Type'] ?? '').replace(/^.*\//, ''), target);
  }
  return { byId, byType };
}

/**
 * A workbook read with the guarded unzip and fast-xml-parser (no spreadsheet library: they are
 * large, and the part of Excel's format that holds text is small): one `sheet=<name>` Markdown section per
 * non-empty sheet, shared and inline strings, rich text, numbers, booleans and date-formatted
 * cells as ISO dates. Rows and columns beyond {@link MAX_SHEET_ROWS}/{@link MAX_SHEET_COLUMNS}
 * are left out and the meta says how many.
 *
 * @example
 * const { sections, meta } = await extractXlsx(bytes, options); // sections[0].anchor === 'sheet=Priser'
 */
export async function extractXlsx(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  refuseCompoundFile(bytes, options.name);
  const entries = new Map(guardZip(bytes, options).map((e) => [e.name, e]));
  // Each part is inflated only when needed, never to more than it declares (see zip.ts).
  const read = (part: string) => {
    const entry = entries.get(part);
    return entry ? inflateEntry(bytes, entry, options.name) : undefined;
  };
  // The workbook is where the package's root relationships say (almost always xl/workbook.xml).
  const root = relationships(parseXml(read('_rels/.rels'), '_rels/.rels', options.name), '');
  const main = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
  const workbookXml = read(main);
  if (!workbookXml) throw new ExtractionError('corrupt', `${options.name} is a zip but not an Excel workbook (no ${main})`);
  const workbook = (parseXml(workbookXml, main, options.name).workbook ?? {}) as Node;
  const relsPart = `${folderOf(main)}_rels/${main.slice(folderOf(main).length)}.rels`;
  const rels = relationships(parseXml(read(relsPart), relsPart, options.name), folderOf(main));
  const sharedPart = rels.byType.get('sharedStrings') ?? `${folderOf(main)}sharedStrings.xml`;
  const stylesPart = rels.byType.get('styles') ?? `${folderOf(main)}styles.xml`;
  const ctx: Context = {
    shared: list((parseXml(read(sharedPart), sharedPart, options.name).sst as Node | undefined)?.si).map(richText),
    styles: cellStyles(parseXml(read(stylesPart), stylesPart, options.name)),
    date1904: ['1', 'true'].includes(String((workbook.workbookPr as Node | undefined)?.['@_date1904'] ?? '')),
  };

  const sections: Section[] = [];
  const sheets: SheetInfo[] = [];
  const declared = list((workbook.sheets as Node | undefined)?.sheet);
  for (const [i, entry] of declared.entries()) {
    options.signal?.throwIfAborted();
    const name = String(entry['@_name'] ?? `Sheet${i + 1}`);
    const target = rels.byId.get(String(entry['@_id'] ?? '')) ?? `${folderOf(main)}worksheets/sheet${i + 1}.xml`;
    const xml = read(target);
    if (!xml) continue; // a chart sheet or a dialog sheet: no cells
    const { rows, width } = sheetRows(parseXml(xml, target, name), ctx);
    if (rows.size === 0) continue;
    // Columns empty in every row at the left (data starting in column C) are left out.
    let first = width;
    for (const cells of rows.values()) first = Math.min(first, cells.findIndex((c) => c !== ''));
    const numbers = [...rows.keys()].sort((a, b) => a - b);
    const kept = numbers.slice(0, MAX_SHEET_ROWS);
    const columns = Math.min(width - first, MAX_SHEET_COLUMNS);
    const table = kept.map((n) => rows.get(n)!.slice(first, first + columns));
    sections.push({ anchor: `sheet=${name}`, label: { da: `ark ${name}`, en: `sheet ${name}` }, sheet: name, text: markdownTable(table), format: 'markdown' });
    sheets.push({
      name,
      rows: rows.size,
      columns: width - first,
      rowNumbers: kept,
      ...(numbers.length > kept.length ? { truncatedRows: numbers.length - kept.length } : {}),
      ...(width - first > columns ? { truncatedColumns: width - first - columns } : {}),
      ...(entry['@_state'] && entry['@_state'] !== 'visible' ? { hidden: true } : {}),
    });
    await options.progress?.(i + 1, declared.length, `sheet ${name}`);
  }
  if (sections.length === 0) throw new ExtractionError('empty', `${options.name} has no cells with values`);
  return { sections, meta: { sheetCount: declared.length, sheets } };
}
