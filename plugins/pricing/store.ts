/**
 * Every query of the pricing plugin, as named functions over a company's store (or one of its
 * transactions), returning the plugin's types. Nothing else in the plugin writes SQL. Money
 * columns are bigint: both drivers may hand them back as text, so every row is read through
 * `itemOf` / `agreementOf`, which make whole numbers of them.
 */
import type { CompanyStore } from '../../plugin-api.d.ts';
import type { Agreement, LineInput, PriceBreak, PriceItem, QuoteTotals, RoundingRule, Unit, VatClass } from './types.ts';

/** A store or a transaction of one: anything that runs the plugin's SQL in a company's scope. */
export type Sql = Pick<CompanyStore, 'sql'>;

interface ItemRow {
  id: string;
  sku: string;
  name_da: string;
  name_en: string;
  synonyms: string[];
  unit: Unit;
  unit_price_ore: string | number;
  vat_class: VatClass;
  breaks: { minQuantity: number | string; unitPriceOre: number | string }[];
  min_quantity: string | number | null;
  add_ons: string[];
  valid_from: string | Date | null;
  valid_to: string | Date | null;
  public: boolean;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A stored item with its bookkeeping times. */
export type StoredItem = PriceItem & { archivedAt: string | null; createdAt: string; updatedAt: string };

/** A `date` column as yyyy-mm-dd, whichever form the driver gave (text, or a Date at UTC midnight). */
function day(value: string | Date | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
}

function itemOf(row: ItemRow): StoredItem {
  return {
    id: row.id, sku: row.sku, name: { da: row.name_da, en: row.name_en }, synonyms: row.synonyms, unit: row.unit,
    unitPriceOre: Number(row.unit_price_ore), vatClass: row.vat_class,
    breaks: row.breaks.map((b): PriceBreak => ({ minQuantity: Number(b.minQuantity), unitPriceOre: Number(b.unitPriceOre) })),
    minQuantity: row.min_quantity === null ? null : Number(row.min_quantity), addOns: row.add_ons,
    validFrom: day(row.valid_from), validTo: day(row.valid_to), public: row.public,
    archivedAt: row.archived_at, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export async function insertItem(sql: Sql, companyId: string, item: PriceItem): Promise<StoredItem> {
  const [row] = await sql.sql<ItemRow>`
    insert into pricing_items (id, company_id, sku, name_da, name_en, synonyms, unit, unit_price_ore, vat_class, breaks, min_quantity, add_ons, valid_from, valid_to, public)
    values (${item.id}, ${companyId}, ${item.sku}, ${item.name.da}, ${item.name.en}, ${JSON.stringify(item.synonyms)}::jsonb, ${item.unit}, ${item.unitPriceOre}, ${item.vatClass},
            ${JSON.stringify(item.breaks)}::jsonb, ${item.minQuantity}, ${JSON.stringify(item.addOns)}::jsonb, ${item.validFrom}::date, ${item.validTo}::date, ${item.public})
    returning *`;
  return itemOf(row!);
}

/** Replaces every field of a live item (the caller merged the patch). */
export async function updateItem(sql: Sql, item: PriceItem): Promise<StoredItem | undefined> {
  const [row] = await sql.sql<ItemRow>`
    update pricing_items set sku = ${item.sku}, name_da = ${item.name.da}, name_en = ${item.name.en}, synonyms = ${JSON.stringify(item.synonyms)}::jsonb,
      unit = ${item.unit}, unit_price_ore = ${item.unitPriceOre}, vat_class = ${item.vatClass}, breaks = ${JSON.stringify(item.breaks)}::jsonb,
      min_quantity = ${item.minQuantity}, add_ons = ${JSON.stringify(item.addOns)}::jsonb, valid_from = ${item.validFrom}::date, valid_to = ${item.validTo}::date, public = ${item.public}
    where id = ${item.id} and archived_at is null returning *`;
  return row ? itemOf(row) : undefined;
}

export async function getItem(sql: Sql, id: string): Promise<StoredItem | undefined> {
  const [row] = await sql.sql<ItemRow>`select * from pricing_items where id = ${id}`;
  return row ? itemOf(row) : undefined;
}

export async function itemBySku(sql: Sql, sku: string): Promise<StoredItem | undefined> {
  const [row] = await sql.sql<ItemRow>`select * from pricing_items where lower(sku) = lower(${sku}) and archived_at is null`;
  return row ? itemOf(row) : undefined;
}

/** The live items, by SKU; with `q`, those whose SKU, names or synonyms contain it. */
export async function listItems(sql: Sql, q: { search?: string; publicOnly?: boolean; archived?: boolean } = {}): Promise<StoredItem[]> {
  const like = q.search ? `%${q.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const rows = await sql.sql<ItemRow>`
    select * from pricing_items
    where (${q.archived ?? false} or archived_at is null) and (not ${q.publicOnly ?? false} or public)
      and (${like}::text is null or sku ilike ${like} or name_da ilike ${like} or name_en ilike ${like} or synonyms::text ilike ${like})
    order by lower(sku)`;
  return rows.map(itemOf);
}

/** Archives an item: it leaves the price list, old quotes keep naming it. */
export async function archiveItem(sql: Sql, id: string): Promise<StoredItem | undefined> {
  const [row] = await sql.sql<ItemRow>`update pricing_items set archived_at = now() where id = ${id} and archived_at is null returning *`;
  return row ? itemOf(row) : undefined;
}

interface AgreementRow {
  id: string;
  company_id: string;
  prices: Record<string, number | string>;
  discount_bp: number;
  valid_from: string | Date | null;
  valid_to: string | Date | null;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type StoredAgreement = Agreement & { id: string; note: string | null; createdBy: string; createdAt: string; updatedAt: string };

function agreementOf(row: AgreementRow): StoredAgreement {
  return {
    id: row.id, companyId: row.company_id, prices: Object.fromEntries(Object.entries(row.prices).map(([sku, ore]) => [sku, Number(ore)])),
    discountBp: row.discount_bp, validFrom: day(row.valid_from), validTo: day(row.valid_to), note: row.note,
    createdBy: row.created_by, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** The company's agreement: the newest (a merge may have brought two). */
export async function currentAgreement(sql: Sql, companyId: string): Promise<StoredAgreement | undefined> {
  const [row] = await sql.sql<AgreementRow>`select * from pricing_agreements where company_id = ${companyId} order by created_at desc, id desc limit 1`;
  return row ? agreementOf(row) : undefined;
}

/** Sets the company's agreement (replacing the ones before). */
export async function setAgreement(sql: Sql, a: { id: string; companyId: string; prices: Record<string, number>; discountBp: number; validFrom: string | null; validTo: string | null; note: string | null; createdBy: string }): Promise<StoredAgreement> {
  await sql.sql`delete from pricing_agreements where company_id = ${a.companyId}`;
  const [row] = await sql.sql<AgreementRow>`
    insert into pricing_agreements (id, company_id, prices, discount_bp, valid_from, valid_to, note, created_by)
    values (${a.id}, ${a.companyId}, ${JSON.stringify(a.prices)}::jsonb, ${a.discountBp}, ${a.validFrom}::date, ${a.validTo}::date, ${a.note}, ${a.createdBy})
    returning *`;
  return agreementOf(row!);
}

export async function deleteAgreement(sql: Sql, companyId: string): Promise<number> {
  const rows = await sql.sql<{ id: string }>`delete from pricing_agreements where company_id = ${companyId} returning id`;
  return rows.length;
}

// ─── Quotes ─────────────────────────────────────────────────────────────────────────────

export type QuoteStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired';

export interface QuoteRow {
  id: string;
  company_id: string;
  number: string;
  status: QuoteStatus;
  lang: 'da' | 'en';
  current_version: number;
  valid_until: string;
  estimate: boolean;
  conversation_id: string | null;
  title: string | null;
  created_by: string;
  sent_at: string | null;
  accepted_at: string | null;
  accepted_by: string | null;
  accepted_ip: string | null;
  accepted_version: number | null;
  rejected_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface VersionRow {
  quote_id: string;
  version: number;
  lines: LineInput[];
  items: PriceItem[];
  agreement: Agreement | null;
  total_discount_bp: number;
  rounding: RoundingRule;
  totals: QuoteTotals;
  notes: string | null;
  created_by: string;
  created_at: string;
}

function quoteOf(row: QuoteRow & { valid_until: string | Date }): QuoteRow {
  return { ...row, valid_until: day(row.valid_until)! };
}

/** The own company's next quote number of `year` ("2026-0042"), counted in its own transaction. */
export async function nextQuoteNumber(sql: Sql, selfId: string, year: number): Promise<string> {
  const [row] = await sql.sql<{ last: number }>`
    insert into pricing_quote_numbers (company_id, year, last) values (${selfId}, ${year}, 1)
    on conflict (company_id, year) do update set last = pricing_quote_numbers.last + 1
    returning last`;
  return `${year}-${String(row!.last).padStart(4, '0')}`;
}

export async function insertQuote(sql: Sql, q: { id: string; companyId: string; number: string; lang: 'da' | 'en'; validUntil: string; estimate: boolean; conversationId: string | null; title: string | null; createdBy: string }): Promise<QuoteRow> {
  const [row] = await sql.sql<QuoteRow>`
    insert into pricing_quotes (id, company_id, number, lang, valid_until, estimate, conversation_id, title, created_by)
    values (${q.id}, ${q.companyId}, ${q.number}, ${q.lang}, ${q.validUntil}::date, ${q.estimate}, ${q.conversationId}, ${q.title}, ${q.createdBy})
    returning *`;
  return quoteOf(row!);
}

export async function insertVersion(sql: Sql, companyId: string, v: Omit<VersionRow, 'created_at'>): Promise<VersionRow> {
  const [row] = await sql.sql<VersionRow>`
    insert into pricing_quote_versions (company_id, quote_id, version, lines, items, agreement, total_discount_bp, rounding, totals, notes, created_by)
    values (${companyId}, ${v.quote_id}, ${v.version}, ${JSON.stringify(v.lines)}::jsonb, ${JSON.stringify(v.items)}::jsonb, ${v.agreement ? JSON.stringify(v.agreement) : null}::jsonb, ${v.total_discount_bp}, ${v.rounding},
            ${JSON.stringify(v.totals)}::jsonb, ${v.notes}, ${v.created_by})
    returning *`;
  return row!;
}

export async function getQuote(sql: Sql, id: string): Promise<QuoteRow | undefined> {
  const [row] = await sql.sql<QuoteRow>`select * from pricing_quotes where id = ${id}`;
  return row ? quoteOf(row) : undefined;
}

export async function getVersion(sql: Sql, quoteId: string, version: number): Promise<VersionRow | undefined> {
  const [row] = await sql.sql<VersionRow>`select * from pricing_quote_versions where quote_id = ${quoteId} and version = ${version}`;
  return row;
}

export async function listVersions(sql: Sql, quoteId: string): Promise<Pick<VersionRow, 'version' | 'created_at' | 'created_by' | 'totals'>[]> {
  return sql.sql`select version, created_at, created_by, totals from pricing_quote_versions where quote_id = ${quoteId} order by version`;
}

/** A company's quotes, newest first, after a cursor. */
export async function listQuotes(sql: Sql, companyId: string, q: { limit: number; status?: QuoteStatus; before?: { at: string; id: string } }): Promise<QuoteRow[]> {
  const rows = await sql.sql<QuoteRow>`
    select * from pricing_quotes
    where company_id = ${companyId} and (${q.status ?? null}::text is null or status = ${q.status ?? null}::text)
      and (${q.before?.at ?? null}::timestamptz is null or (created_at, id) < (${q.before?.at ?? null}::timestamptz, ${q.before?.id ?? null}::uuid))
    order by created_at desc, id desc limit ${q.limit}`;
  return rows.map(quoteOf);
}

/** Moves a quote to its next version (the caller wrote the version row); a staff revision makes it a draft again, a customer's picks don't. */
export async function setCurrentVersion(sql: Sql, id: string, version: number, validUntil: string, o: { backToDraft: boolean } = { backToDraft: true }): Promise<QuoteRow | undefined> {
  const [row] = await sql.sql<QuoteRow>`
    update pricing_quotes set current_version = ${version}, valid_until = ${validUntil}::date,
      status = case when ${o.backToDraft} then 'draft' else status end, sent_at = case when ${o.backToDraft} then null else sent_at end
    where id = ${id} and current_version = ${version - 1} and status in ('draft', 'sent', 'rejected', 'expired') returning *`;
  return row ? quoteOf(row) : undefined;
}

/** Changes a quote's status from one of `from`; undefined when it was in none of them. */
export async function setStatus(sql: Sql, id: string, to: QuoteStatus, from: QuoteStatus[], extra: { acceptedBy?: string; acceptedIp?: string | null } = {}): Promise<QuoteRow | undefined> {
  const [row] = await sql.sql<QuoteRow>`
    update pricing_quotes set status = ${to},
      sent_at = case when ${to} = 'sent' then now() else sent_at end,
      accepted_at = case when ${to} = 'accepted' then now() else accepted_at end,
      accepted_by = case when ${to} = 'accepted' then ${extra.acceptedBy ?? null}::text else accepted_by end,
      accepted_ip = case when ${to} = 'accepted' then ${extra.acceptedIp ?? null}::text else accepted_ip end,
      accepted_version = case when ${to} = 'accepted' then current_version else accepted_version end,
      rejected_at = case when ${to} = 'rejected' then now() else rejected_at end
    where id = ${id} and status in (select jsonb_array_elements_text(${JSON.stringify(from)}::jsonb)) returning *`;
  return row ? quoteOf(row) : undefined;
}

// ─── Price list imports ─────────────────────────────────────────────────────────────────

/** A stored dry run: its diff and plan as the import module made them (D, P), and the result once applied (R). */
export interface ImportRow<D = unknown, P = unknown, R = unknown> {
  id: string;
  name: string;
  format: 'csv' | 'xlsx';
  mode: 'merge' | 'replace';
  diff: D;
  plan: P;
  list_digest: string;
  error_count: number;
  created_by: string;
  created_at: string;
  applied_at: string | null;
  applied_by: string | null;
  result: R | null;
}


export async function insertImport<D extends { errors: unknown[] }, P>(sql: Sql, i: { id: string; companyId: string; name: string; format: 'csv' | 'xlsx'; mode: 'merge' | 'replace'; diff: D; plan: P; digest: string; createdBy: string }): Promise<ImportRow<D, P>> {
  const [row] = await sql.sql<ImportRow<D, P>>`
    insert into pricing_imports (id, company_id, name, format, mode, diff, plan, list_digest, error_count, created_by)
    values (${i.id}, ${i.companyId}, ${i.name}, ${i.format}, ${i.mode}, ${JSON.stringify(i.diff)}::jsonb, ${JSON.stringify(i.plan)}::jsonb, ${i.digest}, ${i.diff.errors.length}, ${i.createdBy})
    returning *`;
  return row!;
}

/** An import, locked until the transaction ends (two applies of one import wait for each other). */
export async function lockImport<D, P, R>(sql: Sql, id: string): Promise<ImportRow<D, P, R> | undefined> {
  const [row] = await sql.sql<ImportRow<D, P, R>>`select * from pricing_imports where id = ${id} for update`;
  return row;
}

export async function markApplied<R>(sql: Sql, id: string, by: string, result: R): Promise<ImportRow<unknown, unknown, R> | undefined> {
  const [row] = await sql.sql<ImportRow<unknown, unknown, R>>`
    update pricing_imports set applied_at = now(), applied_by = ${by}, result = ${JSON.stringify(result)}::jsonb
    where id = ${id} and applied_at is null returning *`;
  return row;
}

/** Dry runs never applied are kept 30 days. */
export async function forgetOldImports(sql: Sql): Promise<void> {
  await sql.sql`delete from pricing_imports where applied_at is null and created_at < now() - interval '30 days'`;
}

/** Locks the live items until the transaction ends, so none changes between the digest check and the writes. */
export async function lockLiveItems(sql: Sql): Promise<void> {
  await sql.sql`select id from pricing_items where archived_at is null for update`;
}
