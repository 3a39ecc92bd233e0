/**
 * A price list's table (rows of cells from a CSV or a sheet) as the items it gives: the header
 * row found and mapped, each data row's cells read exactly (prices in øre, quantities, dates,
 * units, VAT), and every problem as a line-level error naming the file's line and the column as
 * the file heads it. Rows with an error give no item; nothing is guessed.
 */
import type { Ore, Unit, VatClass } from '../types.ts';
import { type Column, type HeaderMap, mapHeader } from './columns.ts';
import {
  type Cell, cellText, type DecimalMark, exclusiveOfVat, isEmpty, markOf, type Read, readAmount, readBoolean, readDate, readList, readQuantity, readUnit, readVat, type Text,
} from './values.ts';

/** The most data rows one import takes. */
export const MAX_ROWS = 10_000;

/** A row of the file: its line (1-based, as an editor or Excel shows it) and its cells. */
export interface TableRow {
  line: number;
  cells: Cell[];
}

/** What is wrong with one cell or row. */
export interface LineError {
  line: number;
  /** The column as the file heads it; null for the row as a whole. */
  column: string | null;
  message: Text;
}

/**
 * A row's values in the API's terms (øre, quantities in units). A field is undefined when the
 * file has no column for it (an update keeps what the item has); `name_en: null` is an empty
 * English name (the Danish one is used).
 */
export interface RowValues {
  sku: string;
  name_da?: string;
  name_en?: string | null;
  unit?: Unit;
  unit_price_ore?: Ore;
  vat_class?: VatClass;
  synonyms?: string[];
  min_quantity?: number | null;
  valid_from?: string | null;
  valid_to?: string | null;
  public?: boolean;
  add_ons?: string[];
  breaks?: { min_quantity: number; unit_price_ore: Ore }[];
}

export interface ParsedRow {
  line: number;
  values: RowValues;
}

export interface ParsedTable {
  headerLine: number;
  header: HeaderMap;
  /** The decimal mark the file's written numbers were read with. */
  mark: DecimalMark;
  /** Rows without errors. */
  rows: ParsedRow[];
  /** Data rows read (with or without errors; not blank lines or headings). */
  count: number;
  errors: LineError[];
  /** Lines not taken as items that are no error: section headings ("Tagrender"). */
  headings: number[];
  /** Every SKU the file names, also on rows with errors, lower case: a replace import never archives these. */
  skus: Set<string>;
  notes: Text[];
}

/** The file can't be read as a price list at all (no header row, no SKU column, too many rows). */
export class ImportFileError extends Error {
  constructor(
    readonly text: Text,
    readonly line: number | null = null,
  ) {
    super(text.en);
  }
}

const HEADER_SEARCH = 20;

/** The first row among the first 20 non-empty ones that names a SKU column and one more field. */
function findHeader(rows: TableRow[]): { index: number; header: HeaderMap } {
  for (const [index, row] of rows.slice(0, HEADER_SEARCH).entries()) {
    const header = mapHeader(row.cells);
    if (header.columns.some((c) => c.field === 'sku') && header.columns.length >= 2) return { index, header };
  }
  throw new ImportFileError({
    da: 'Der er ingen overskriftsrække med en kolonne for varenummer (Varenr., SKU, Nummer) og fx Navn og Pris i de første 20 rækker',
    en: 'No header row with an item number column (SKU, Item no, Varenr.) and e.g. Name and Price in the first 20 rows',
  });
}

/** The file's decimal mark: what the written prices and quantities show, else the headers' language. */
function decimalMark(rows: TableRow[], columns: Column[], lang: 'da' | 'en'): DecimalMark {
  const numeric = columns.filter((c) => c.field === 'price' || c.field === 'break' || c.field === 'min_quantity');
  let comma = 0;
  let point = 0;
  for (const row of rows) {
    for (const column of numeric) {
      const cell = row.cells[column.index];
      if (typeof cell !== 'string') continue;
      const mark = markOf(cell);
      if (mark === ',') comma++;
      if (mark === '.') point++;
    }
  }
  if (comma !== point) return comma > point ? ',' : '.';
  return lang === 'en' ? '.' : ',';
}

/** A section heading: one cell with text that is no SKU (a space, or no digit), outside the price columns. */
function isHeading(row: TableRow, columns: Column[]): boolean {
  const filled = row.cells.map((c, i) => [cellText(c), i] as const).filter(([text]) => text !== '');
  if (filled.length !== 1) return false;
  const [text, index] = filled[0]!;
  const field = columns.find((c) => c.index === index)?.field;
  if (field === 'price' || field === 'break') return false;
  return /\s/.test(text) || !/\d/.test(text);
}

const MESSAGES = {
  missingSku: { da: 'Varenummeret mangler', en: 'The SKU is missing' },
  missingName: { da: 'Navnet mangler', en: 'The name is missing' },
  missingUnit: { da: 'Enheden mangler', en: 'The unit is missing' },
  missingPrice: { da: 'Prisen mangler', en: 'The price is missing' },
};

/**
 * The items of a table, with the errors of its rows.
 *
 * @example
 * const parsed = parseTable([{ line: 1, cells: ['Varenr', 'Navn', 'Pris'] }, { line: 2, cells: ['A-1', 'Tagrende', '1.250,50'] }]);
 * parsed.rows[0]; // { line: 2, values: { sku: 'A-1', name_da: 'Tagrende', unit_price_ore: 125050 } }
 */
export function parseTable(table: TableRow[]): ParsedTable {
  const nonEmpty = table.filter((r) => r.cells.some((c) => !isEmpty(c)));
  if (nonEmpty.length === 0) throw new ImportFileError({ da: 'Filen er tom', en: 'The file is empty' });
  const { index, header } = findHeader(nonEmpty);
  const data = nonEmpty.slice(index + 1);
  const headerLine = nonEmpty[index]!.line;
  const columns = header.columns;
  const column = (field: string) => columns.find((c) => c.field === field);
  const mark = decimalMark(data, columns, header.lang);
  const breaks = columns.filter((c) => c.field === 'break').sort((a, b) => a.breakAt! - b.breakAt!);

  const errors: LineError[] = [];
  const rows: ParsedRow[] = [];
  const headings: number[] = [];
  const skus = new Set<string>();
  const firstLine = new Map<string, number>();
  let count = 0;

  for (const row of data) {
    if (isHeading(row, columns)) {
      headings.push(row.line);
      continue;
    }
    count++;
    if (count > MAX_ROWS) throw new ImportFileError({ da: `Filen har mere end ${MAX_ROWS} rækker; del den op`, en: `The file has more than ${MAX_ROWS} rows; split it` });
    const rowErrors: LineError[] = [];
    const fail = (c: Column | undefined, message: Text) => rowErrors.push({ line: row.line, column: c?.header ?? null, message });
    const cell = (c: Column) => row.cells[c.index];
    /** A cell read by `read` when the column is there (undefined when it isn't, or on an error); an empty one is `empty`. */
    const optional = <T, E>(c: Column | undefined, read: (cell: Cell) => Read<T>, empty: E): T | E | undefined => {
      if (!c) return undefined;
      const value = cell(c);
      if (value === undefined || isEmpty(value)) return empty;
      const result = read(value);
      if (result.ok) return result.value;
      fail(c, result.error);
      return undefined;
    };
    /** The same for a cell that must not be empty: an empty one is the error `missing`. */
    const required = <T>(c: Column | undefined, read: (cell: Cell) => Read<T>, missing: Text): T | undefined => {
      if (c && isEmpty(cell(c))) {
        fail(c, missing);
        return undefined;
      }
      return optional(c, read, undefined);
    };

    const text = (value: Cell): Read<string> => ({ ok: true, value: cellText(value).replace(/\s+/g, ' ') });

    const skuColumn = column('sku')!;
    const sku = required(skuColumn, text, MESSAGES.missingSku);
    if (sku !== undefined) {
      const key = sku.toLowerCase();
      const first = firstLine.get(key);
      if (first !== undefined) {
        fail(skuColumn, { da: `Varenummeret ${sku} står allerede på linje ${first}`, en: `The SKU ${sku} is already on line ${first}` });
      } else firstLine.set(key, row.line);
      skus.add(key);
    }
    const values: RowValues = { sku: sku ?? '' };
    const set = <K extends keyof RowValues>(key: K, value: RowValues[K] | undefined) => {
      if (value !== undefined) values[key] = value;
    };
    set('name_da', required(column('name_da'), text, MESSAGES.missingName));
    set('name_en', optional(column('name_en'), text, null));
    set('unit', required(column('unit'), readUnit, MESSAGES.missingUnit));
    set('vat_class', optional(column('vat_class'), readVat, 'standard' as const));
    /** A price; from a column including moms, without it (an exempt row's price has none to take out). */
    const price = (c: Column) => (value: Cell): Read<Ore> => {
      const amount = readAmount(value, mark);
      return amount.ok && c.inclVat && values.vat_class !== 'exempt' ? { ok: true, value: exclusiveOfVat(amount.value) } : amount;
    };
    const priceColumn = column('price');
    if (priceColumn) set('unit_price_ore', required(priceColumn, price(priceColumn), MESSAGES.missingPrice));
    set('synonyms', optional(column('synonyms'), (v) => ({ ok: true, value: readList(v) }), []));
    const minQuantity = optional(column('min_quantity'), (v) => readQuantity(v, mark), null);
    set('min_quantity', typeof minQuantity === 'number' ? minQuantity / 1000 : minQuantity);
    set('valid_from', optional(column('valid_from'), readDate, null));
    set('valid_to', optional(column('valid_to'), readDate, null));
    set('public', optional(column('public'), readBoolean, true));
    set('add_ons', optional(column('add_ons'), (v) => ({ ok: true, value: readList(v) }), []));
    if (breaks.length > 0) {
      const list: NonNullable<RowValues['breaks']> = [];
      for (const b of breaks) {
        const ore = optional(b, price(b), null);
        if (typeof ore === 'number') list.push({ min_quantity: b.breakAt! / 1000, unit_price_ore: ore });
      }
      values.breaks = list;
    }
    if (values.valid_from && values.valid_to && values.valid_to < values.valid_from) {
      fail(column('valid_to'), { da: 'Gyldig til er før gyldig fra', en: 'Valid to is before valid from' });
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push({ line: row.line, values });
  }

  const notes: Text[] = [];
  const inclusive = columns.filter((c) => (c.field === 'price' || c.field === 'break') && c.inclVat);
  if (inclusive.length > 0) {
    const names = inclusive.map((c) => `»${c.header}«`).join(', ');
    notes.push({
      da: `Priserne i ${names} er inkl. moms og er omregnet til ekskl. moms: divideret med 1,25 og afrundet til hele øre (halve øre væk fra nul); momsfritagne varer har ingen moms at trække fra og er taget, som de står`,
      en: `The prices in ${names.replace(/[»«]/g, '"')} include VAT and were converted to excluding VAT: divided by 1.25 and rounded to whole øre (half an øre away from zero); VAT-exempt items have no VAT to take out and are taken as written`,
    });
  }
  if (!column('unit')) notes.push({ da: 'Filen har ingen kolonne for enhed: nye varer får enheden stk', en: 'The file has no unit column: new items get the unit stk' });
  if (!column('name_en')) notes.push({ da: 'Filen har ingen engelske navne: nye varer får det danske navn på engelsk', en: 'The file has no English names: new items get the Danish name in English' });
  const unknown = header.ignored.filter((c) => c.reason === 'unknown').map((c) => c.header);
  if (unknown.length > 0) notes.push({ da: `Kolonner, der ikke bruges: ${unknown.join(', ')}`, en: `Columns not used: ${unknown.join(', ')}` });
  for (const c of header.ignored.filter((i) => i.reason === 'duplicate')) {
    notes.push({ da: `Kolonnen ${c.header} bruges ikke: en anden kolonne giver det samme felt`, en: `The column ${c.header} is not used: another column gives the same field` });
  }
  return { headerLine, header, mark, rows, count, errors, headings, skus, notes };
}
