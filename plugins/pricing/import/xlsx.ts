/**
 * The first sheet of an Excel workbook (.xlsx) as rows of cells, read with fflate and
 * fast-xml-parser: shared strings, inline strings, formula results, numbers (kept as the
 * number Excel stored, never rounded through a float sum), date-formatted numbers as ISO days,
 * percent-formatted numbers as `25%`, booleans. Each row keeps its Excel row number.
 *
 * Unpacking is bounded: every part is inflated into a buffer of the size the zip declares for it
 * (fflate never grows it), and parts declaring more than {@link MAX_PART_BYTES} are refused, so
 * a zip bomb can't take the memory.
 */
import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import type { Cell } from './values.ts';

/** The most one part of the workbook (a sheet, the shared strings) may unpack to. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

export class XlsxError extends Error {
  constructor(
    readonly reason: 'not_xlsx' | 'old_format' | 'encrypted' | 'too_large' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

/** One row of the sheet: its Excel row number and its cells from column A ('' where empty). */
export interface SheetRow {
  line: number;
  cells: Cell[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['sheet', 'row', 'c', 'si', 'r', 'Relationship', 'numFmt', 'xf']);
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value && typeof value === 'object' ? [value as Node] : []);

function xml(bytes: Uint8Array | undefined, part: string): Node {
  if (!bytes) return {};
  const text = new TextDecoder().decode(bytes);
  // A workbook part never declares a DOCTYPE; one that does is built to expand entities.
  if (/<!DOCTYPE/i.test(text)) throw new XlsxError('corrupt', `${part} declares a DOCTYPE`);
  try {
    return parser.parse(text) as Node;
  } catch {
    throw new XlsxError('corrupt', `${part} is not well-formed XML`);
  }
}

function textOf(t: unknown): string {
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && '#text' in t) return String((t as Node)['#text']);
  return '';
}

/** A shared or inline string: `<t>`, or rich text runs `<r><t>…</t></r>` (phonetic runs left out). */
function stringItem(si: Node | undefined): string {
  if (!si) return '';
  if ('t' in si) return textOf(si.t);
  return list(si.r).map((r) => textOf(r.t)).join('');
}

/** The folder of a part (`xl/workbook.xml` → `xl/`). */
const folderOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);

function resolve(folder: string, target: string): string {
  const parts: string[] = [];
  for (const piece of (target.startsWith('/') ? target.slice(1) : folder + target).split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(rels: Node, folder: string): { byId: Map<string, string>; byType: Map<string, string> } {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  for (const r of list((rels.Relationships as Node | undefined)?.Relationship)) {
    const target = resolve(folder, String(r['@_Target'] ?? ''));
    byId.set(String(r['@_Id']), target);
    const type = String(r['@_Type'] ?? '').replace(/^.*\//, '');
    if (!byType.has(type)) byType.set(type, target);
  }
  return { byId, byType };
}

type Style = 'date' | 'percent' | null;

/** Built-in number formats that show dates (ECMA-376 18.8.30) and percentages. */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_PERCENT = new Set([9, 10]);

/** What a format code shows: a date (d or y outside quotes and brackets), a percentage, or a plain number. */
function formatKind(code: string): Style {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  if (bare.includes('%')) return 'percent';
  return /[dy]/i.test(bare) ? 'date' : null;
}

function cellStyles(styles: Node): Style[] {
  const sheet = (styles.styleSheet ?? {}) as Node;
  const custom = new Map<number, string>();
  for (const f of list((sheet.numFmts as Node | undefined)?.numFmt)) custom.set(Number(f['@_numFmtId']), String(f['@_formatCode'] ?? ''));
  return list((sheet.cellXfs as Node | undefined)?.xf).map((xf) => {
    const id = Number(xf['@_numFmtId'] ?? 0);
    if (custom.has(id)) return formatKind(custom.get(id)!);
    return BUILTIN_DATES.has(id) ? 'date' : BUILTIN_PERCENT.has(id) ? 'percent' : null;
  });
}

/** An Excel serial day as yyyy-mm-dd (the 1900 system's fictitious 29 February 1900 allowed for); with a time of day, yyyy-mm-ddThh:mm:ss. */
function serialDay(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial;
  const ms = Math.round(((days < 61 ? days + 1 : days) - 25569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** `B12` → column 1 (0-based). */
function columnOf(ref: unknown): number | null {
  const m = typeof ref === 'string' ? /^\$?([A-Z]{1,3})\$?\d+$/i.exec(ref) : null;
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return col - 1;
}

/** Number to text the way a person reads it: 25 % for 0.25 with a percent format. */
function percentText(raw: string): string {
  const n = Number(raw) * 100;
  return `${Number.parseFloat(n.toPrecision(12))}%`;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes are a zip (an .xlsx is one). */
export const isZip = (bytes: Uint8Array) => ZIP.every((b, i) => bytes[i] === b);
/** Whether the bytes are an OLE compound file: an old .xls, or a password-protected .xlsx. */
export const isCompoundFile = (bytes: Uint8Array) => CFB.every((b, i) => bytes[i] === b);

/**
 * The first visible sheet of a workbook: its name and its non-empty rows, at most `maxRows`
 * (more is `too_large`) and `maxColumns` columns.
 *
 * @example
 * const { sheet, rows } = readFirstSheet(bytes);
 * rows[0]; // { line: 1, cells: ['Varenr.', 'Navn', 'Pris'] }
 */
export function readFirstSheet(bytes: Uint8Array, limits: { maxRows?: number; maxColumns?: number } = {}): { sheet: string; rows: SheetRow[] } {
  const maxRows = limits.maxRows ?? 10_000;
  const maxColumns = limits.maxColumns ?? 100;
  if (isCompoundFile(bytes)) {
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw encrypted
      ? new XlsxError('encrypted', 'The workbook is password-protected; save it without a password')
      : new XlsxError('old_format', 'The file is in the old Excel format (.xls); save it as .xlsx');
  }
  if (!isZip(bytes)) throw new XlsxError('not_xlsx', 'The file is not an .xlsx workbook');
  // The directory first (nothing inflated), then only the parts needed, each within its declared size.
  const unzip = (names: Set<string>): Record<string, Uint8Array> => {
    try {
      return unzipSync(bytes, {
        filter: (f) => {
          if (!names.has(f.name)) return false;
          if (f.originalSize > MAX_PART_BYTES) throw new XlsxError('too_large', `${f.name} unpacks to more than ${MAX_PART_BYTES} bytes`);
          return true;
        },
      });
    } catch (error) {
      if (error instanceof XlsxError) throw error;
      throw new XlsxError('corrupt', 'The workbook is not a readable zip file');
    }
  };
  const head = unzip(new Set(['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']));
  const root = relationships(xml(head['_rels/.rels'], '_rels/.rels'), '');
  const main = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
  const relsPart = `${folderOf(main)}_rels/${main.slice(folderOf(main).length)}.rels`;
  const parts = main === 'xl/workbook.xml' ? head : unzip(new Set([main, relsPart]));
  if (!parts[main]) throw new XlsxError('not_xlsx', 'The file is a zip but not an Excel workbook');
  const workbook = (xml(parts[main], main).workbook ?? {}) as Node;
  const rels = relationships(xml(parts[relsPart], relsPart), folderOf(main));
  const sheets = list((workbook.sheets as Node | undefined)?.sheet);
  const entry = sheets.find((s) => !s['@_state'] || s['@_state'] === 'visible') ?? sheets[0];
  if (!entry) throw new XlsxError('corrupt', 'The workbook has no sheets');
  const sheetPart = rels.byId.get(String(entry['@_id'] ?? '')) ?? `${folderOf(main)}worksheets/sheet1.xml`;
  const sharedPart = rels.byType.get('sharedStrings') ?? `${folderOf(main)}sharedStrings.xml`;
  const stylesPart = rels.byType.get('styles') ?? `${folderOf(main)}styles.xml`;
  const body = unzip(new Set([sheetPart, sharedPart, stylesPart]));
  if (!body[sheetPart]) throw new XlsxError('corrupt', `The first sheet (${sheetPart}) is missing`);

  const shared = list((xml(body[sharedPart], sharedPart).sst as Node | undefined)?.si).map(stringItem);
  const styles = cellStyles(xml(body[stylesPart], stylesPart));
  const date1904 = ['1', 'true'].includes(String((workbook.workbookPr as Node | undefined)?.['@_date1904'] ?? ''));

  const cellValue = (c: Node): Cell => {
    const v = textOf(c.v);
    switch (c['@_t']) {
      case 's':
        return shared[Number(v)] ?? '';
      case 'inlineStr':
        return stringItem(c.is as Node | undefined);
      case 'b':
        return v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : v;
      case 'str':
      case 'e':
      case 'd':
        return v;
      default: {
        if (v.trim() === '') return '';
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        const style = styles[Number(c['@_s'] ?? 0)] ?? null;
        if (style === 'date') return serialDay(n, date1904);
        if (style === 'percent') return percentText(v);
        return { number: v.trim() };
      }
    }
  };

  const data = ((xml(body[sheetPart], sheetPart).worksheet as Node | undefined)?.sheetData ?? {}) as Node;
  const rows: SheetRow[] = [];
  let next = 1;
  for (const row of list(data.row)) {
    const line = Number(row['@_r']) || next;
    next = line + 1;
    const cells: Cell[] = [];
    let nextColumn = 0;
    for (const c of list(row.c)) {
      const column = columnOf(c['@_r']) ?? nextColumn;
      nextColumn = column + 1;
      if (column >= maxColumns) continue;
      const value = cellValue(c);
      if (value === '') continue;
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
    if (cells.length === 0) continue;
    if (rows.length >= maxRows) throw new XlsxError('too_large', `The sheet has more than ${maxRows} rows`);
    rows.push({ line, cells });
  }
  return { sheet: String(entry['@_name'] ?? 'Sheet1'), rows };
}
