/**
 * The dry run: a parsed price list against the live one. Each good row becomes an item to
 * create (a SKU the list doesn't have), an update with exactly the fields that change (`from`,
 * `to`), or unchanged; with `replace`, the live items the file doesn't name are archived. Each
 * item is checked by the same schema the API checks an item with, so what the dry run shows
 * can be applied as it is. A digest of the live list lets apply refuse when it changed since.
 */
import { createHash } from 'node:crypto';
import type { z } from '../../../plugin-api.js';
import { ItemIn, itemOut } from '../schemas.ts';
import type { StoredItem } from '../store.ts';
import type { Field } from './columns.ts';
import type { LineError, ParsedTable, RowValues } from './rows.ts';
import type { Text } from './values.ts';

/** An item as the API takes it, defaults applied. */
export type ItemData = z.infer<typeof ItemIn>;

export type ImportMode = 'merge' | 'replace';

/** A field's change: the item's value and the file's. */
export interface Change {
  from: unknown;
  to: unknown;
}

export interface ImportDiff {
  /** Data rows read (not the header, blank lines or headings). */
  rows: number;
  create: (ItemData & { line: number })[];
  update: { line: number; id: string; sku: string; changes: Record<string, Change> }[];
  unchanged: number;
  /** Only with `replace`: live items the file doesn't name. */
  archive: { id: string; sku: string; name: { da: string; en: string } }[];
  errors: LineError[];
}

/** Exactly what apply writes. */
export interface ImportPlan {
  create: ItemData[];
  update: { id: string; item: ItemData }[];
  archive: string[];
}

/** The fields compared, as the diff names them. */
const COMPARED = ['sku', 'name.da', 'name.en', 'synonyms', 'unit', 'unit_price_ore', 'vat_class', 'breaks', 'min_quantity', 'add_ons', 'valid_from', 'valid_to', 'public'] as const;

function valueAt(item: ItemData, field: (typeof COMPARED)[number]): unknown {
  if (field === 'name.da') return item.name.da;
  if (field === 'name.en') return item.name.en;
  return item[field];
}

/** Which column an item field came from (for an error), by the schema's path. */
const FIELD_OF: Record<string, Field> = {
  sku: 'sku', unit: 'unit', unit_price_ore: 'price', vat_class: 'vat_class', synonyms: 'synonyms', breaks: 'break', min_quantity: 'min_quantity',
  add_ons: 'add_ons', valid_from: 'valid_from', valid_to: 'valid_to', public: 'public',
};

const FIELD_NAMES: Record<string, Text> = {
  sku: { da: 'Varenummeret', en: 'The SKU' }, name: { da: 'Navnet', en: 'The name' }, unit: { da: 'Enheden', en: 'The unit' },
  unit_price_ore: { da: 'Prisen', en: 'The price' }, synonyms: { da: 'Synonymerne', en: 'The synonyms' }, breaks: { da: 'Mængdepriserne', en: 'The quantity breaks' },
  min_quantity: { da: 'Mindsteantallet', en: 'The minimum quantity' }, add_ons: { da: 'Tilvalgene', en: 'The add-ons' },
  valid_from: { da: 'Gyldig fra', en: 'Valid from' }, valid_to: { da: 'Gyldig til', en: 'Valid to' },
};

/** An item the schema refused, as line errors on the columns it came from. */
function schemaErrors(parsed: ParsedTable, line: number, issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[]): LineError[] {
  return issues.map((issue) => {
    const [top, sub] = issue.path.map(String);
    const field: Field | undefined = top === 'name' ? (sub === 'en' ? 'name_en' : 'name_da') : FIELD_OF[top ?? ''];
    const column = parsed.header.columns.find((c) => c.field === field) ?? (top === 'name' ? parsed.header.columns.find((c) => c.field === 'name_da') : undefined);
    const what = FIELD_NAMES[top ?? ''] ?? { da: top ?? 'Værdien', en: top ?? 'The value' };
    let message: Text;
    if (top === 'sku' && issue.code === 'invalid_format') message = { da: 'Varenummeret må kun have bogstaver, tal og . _ - / (ingen mellemrum)', en: 'The SKU may have letters, digits and . _ - / only (no spaces)' };
    else if (issue.code === 'too_big') message = { da: `${what.da} er for lang eller for stor`, en: `${what.en} is too long or too large` };
    else message = { da: `${what.da} kan ikke bruges: ${issue.message}`, en: `${what.en} can't be used: ${issue.message}` };
    return { line, column: column?.header ?? null, message };
  });
}

/** The API's item of a stored one (what the file's fields are laid over). */
function dataOf(item: StoredItem): ItemData {
  const out = itemOut(item);
  return {
    sku: out.sku, name: out.name, synonyms: out.synonyms, unit: out.unit, unit_price_ore: out.unit_price_ore, vat_class: out.vat_class, breaks: out.breaks,
    min_quantity: out.min_quantity, add_ons: out.add_ons, valid_from: out.valid_from, valid_to: out.valid_to, public: out.public,
  };
}

/** A row's present fields over `base` (an existing item, or none for a new one). */
function itemInput(values: RowValues, base: ItemData | undefined): Record<string, unknown> {
  const da = values.name_da ?? base?.name.da;
  // An English name not in the file: a new item takes the Danish one, and so does an item whose English name was its Danish one.
  const en = values.name_en !== undefined ? values.name_en ?? da : !base || base.name.en === base.name.da ? da : base.name.en;
  // A SKU matched without regard to case keeps the item's spelling (a case change is for PATCH).
  const input: Record<string, unknown> = { ...(base ?? {}), sku: base?.sku ?? values.sku, name: { da, en } };
  for (const key of ['unit', 'unit_price_ore', 'vat_class', 'synonyms', 'min_quantity', 'valid_from', 'valid_to', 'public', 'add_ons', 'breaks'] as const) {
    if (values[key] !== undefined) input[key] = values[key];
  }
  if (!base && input.unit === undefined) input.unit = 'stk';
  return input;
}

/**
 * The diff of a parsed file against the live items, and the plan that applies it.
 *
 * @example
 * const { diff, plan } = diffImport(parsed, await listItems(store), 'merge');
 * diff.update[0]; // { line: 3, id, sku: 'TR-1', changes: { unit_price_ore: { from: 45000, to: 46000 } } }
 */
export function diffImport(parsed: ParsedTable, live: StoredItem[], mode: ImportMode): { diff: ImportDiff; plan: ImportPlan } {
  const bySku = new Map(live.map((item) => [item.sku.toLowerCase(), item]));
  const errors: LineError[] = [...parsed.errors];
  const diff: ImportDiff = { rows: parsed.count, create: [], update: [], unchanged: 0, archive: [], errors };
  const plan: ImportPlan = { create: [], update: [], archive: [] };
  const hasColumn = (field: Field) => parsed.header.columns.some((c) => c.field === field);

  for (const { line, values } of parsed.rows) {
    const current = bySku.get(values.sku.toLowerCase());
    if (!current) {
      const missing: LineError[] = [];
      if (!hasColumn('name_da')) missing.push({ line, column: null, message: { da: 'En ny vare skal have et navn, og filen har ingen kolonne for navn', en: 'A new item needs a name, and the file has no name column' } });
      if (!hasColumn('price')) missing.push({ line, column: null, message: { da: 'En ny vare skal have en pris, og filen har ingen kolonne for pris', en: 'A new item needs a price, and the file has no price column' } });
      if (missing.length > 0) {
        errors.push(...missing);
        continue;
      }
      const checked = ItemIn.safeParse(itemInput(values, undefined));
      if (!checked.success) {
        errors.push(...schemaErrors(parsed, line, checked.error.issues));
        continue;
      }
      diff.create.push({ line, ...checked.data });
      plan.create.push(checked.data);
      continue;
    }
    const before = dataOf(current);
    const checked = ItemIn.safeParse(itemInput(values, before));
    if (!checked.success) {
      errors.push(...schemaErrors(parsed, line, checked.error.issues));
      continue;
    }
    const changes: Record<string, Change> = {};
    for (const field of COMPARED) {
      const from = valueAt(before, field);
      const to = valueAt(checked.data, field);
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
    }
    if (Object.keys(changes).length === 0) {
      diff.unchanged++;
      continue;
    }
    diff.update.push({ line, id: current.id, sku: checked.data.sku, changes });
    plan.update.push({ id: current.id, item: checked.data });
  }

  if (mode === 'replace') {
    for (const item of live) {
      if (parsed.skus.has(item.sku.toLowerCase())) continue;
      diff.archive.push({ id: item.id, sku: item.sku, name: item.name });
      plan.archive.push(item.id);
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { diff, plan };
}

/**
 * A digest of the live price list (every item's id and fields): equal exactly when the list is
 * as it was, so apply can tell that the dry run still holds.
 */
export function priceListDigest(live: StoredItem[]): string {
  const items = [...live]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((i) => [i.id, i.sku, i.name.da, i.name.en, i.synonyms, i.unit, i.unitPriceOre, i.vatClass, i.breaks, i.minQuantity, i.addOns, i.validFrom, i.validTo, i.public]);
  return createHash('sha256').update(JSON.stringify(items)).digest('hex');
}
