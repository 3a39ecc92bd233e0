import { randomUUID } from 'node:crypto';
import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import {
  diffImport, type FileSource, type ImportDiff, ImportFileError, type ImportMode, type ImportPlan, type ItemData, parseTable, type ParsedTable, priceListDigest, readPriceList, type Text,
} from '../import/index.ts';
import { IdParam, json, milli, ProblemOut, problems, UNITS } from '../schemas.ts';
import { archiveItem, forgetOldImports, type ImportRow as StoredImport, insertImport, insertItem, listItems, lockImport, lockLiveItems, markApplied, type Sql, updateItem } from '../store.ts';
import type { PriceItem } from '../types.ts';

const tags = ['Pricing: import'];

/** The most a price list file may be (the body streams past the JSON limit; this one is checked while it arrives). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What a client may call the file; its bytes decide how it is read (a zip is a workbook, anything else CSV text). */
const TYPES = ['text/csv', XLSX, 'text/plain', 'text/tab-separated-values', 'application/vnd.ms-excel', 'application/octet-stream'] as const;
const file = z.string().openapi({ format: 'binary' });

const TextOut = z.object({ da: z.string(), en: z.string() });
const Time = z.string().openapi({ description: 'ISO 8601', example: '2026-12-02T10:14:00.000Z' });
const Problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemOut } } });

const ItemFields = {
  sku: z.string(), name: z.object({ da: z.string(), en: z.string() }), synonyms: z.array(z.string()), unit: z.enum(UNITS), unit_price_ore: z.number().int(),
  vat_class: z.enum(['standard', 'exempt']), breaks: z.array(z.object({ min_quantity: z.number(), unit_price_ore: z.number().int() })), min_quantity: z.number().nullable(),
  add_ons: z.array(z.string()), valid_from: z.string().nullable(), valid_to: z.string().nullable(), public: z.boolean(),
};

export const ImportOut = z.object({
  id: z.uuid(),
  name: z.string(),
  mode: z.enum(['merge', 'replace']),
  source: z.object({
    format: z.enum(['csv', 'xlsx']), encoding: z.string().optional().openapi({ description: 'CSV: utf-8, utf-16le, utf-16be or windows-1252' }),
    delimiter: z.string().optional().openapi({ description: 'CSV: ; , or a tab' }), sheet: z.string().optional().openapi({ description: 'XLSX: the sheet read (the first visible one)' }),
  }),
  header_line: z.number().int().openapi({ description: 'The line (row) of the file the column names are on' }),
  columns: z.array(z.object({
    column: z.string().openapi({ description: 'As the file heads it' }),
    field: z.string().openapi({ description: 'sku, name_da, name_en, unit, price, vat_class, synonyms, min_quantity, valid_from, valid_to, public, add_ons or break' }),
    incl_vat: z.boolean().openapi({ description: 'Prices including 25 % moms, converted to excluding (÷ 1.25, rounded half away from zero to whole øre)' }),
    break_from: z.number().optional().openapi({ description: 'A quantity break column: from this quantity' }),
  })),
  rows: z.number().int().openapi({ description: 'Data rows read' }),
  create: z.array(z.object({ line: z.number().int(), ...ItemFields })).openapi({ description: 'New items, as they will be created' }),
  update: z.array(z.object({
    line: z.number().int(), id: z.uuid(), sku: z.string(),
    changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).openapi({ description: 'By field (name.da, name.en, unit_price_ore, breaks, …): the value now and the file’s', example: { unit_price_ore: { from: 45000, to: 46000 } } }),
  })),
  unchanged: z.number().int(),
  archive: z.array(z.object({ id: z.uuid(), sku: z.string(), name: TextOut })).openapi({ description: 'Only with mode=replace: live items the file doesn’t name' }),
  errors: z.array(z.object({
    line: z.number().int().openapi({ description: '1-based, as the file shows it (an editor’s line, an Excel row)' }),
    column: z.string().nullable().openapi({ description: 'As the file heads it; null for the row as a whole' }),
    message: TextOut,
  })),
  headings: z.array(z.number().int()).openapi({ description: 'Lines taken as section headings (one text cell), not as items' }),
  notes: z.array(TextOut).openapi({ description: 'How the file was read: prices converted from incl. VAT, columns not used, defaults' }),
  created_by: z.string(), created_at: Time,
}).openapi('PriceImport');

const ApplyResult = z.object({
  created: z.number().int(), updated: z.number().int(), archived: z.number().int(), unchanged: z.number().int(),
  skipped_rows: z.number().int().openapi({ description: 'Rows with errors, left out (skip_errors=true)' }),
});
const ApplyOut = ApplyResult.extend({ id: z.uuid(), applied_at: Time }).openapi('PriceImportResult');

const dryRun = createRoute({
  method: 'post', path: '/import', operationId: 'pricingImportDryRun', tags,
  summary: 'Read a price list (CSV or XLSX, the raw file as the body) and show what importing it would do, changing nothing: items to create, updates with each changed field, unchanged, with mode=replace the items to archive, and line-level errors. Apply it with POST /import/{id}/apply',
  request: {
    query: z.object({
      name: z.string().trim().min(1).max(255).optional().openapi({ description: 'The file name, shown with the import', example: 'prisliste.csv' }),
      mode: z.enum(['merge', 'replace']).default('merge').openapi({ description: 'merge: items not in the file stay; replace: they are archived' }),
    }),
    body: { required: true, content: Object.fromEntries(TYPES.map((t) => [t, { schema: file }])) },
  },
  responses: { 201: json(ImportOut, 'The dry run'), ...problems(404, 422), 413: Problem('The file is larger than 20 MB'), 415: Problem('Not a CSV or XLSX body') },
});
const apply = createRoute({
  method: 'post', path: '/import/{id}/apply', operationId: 'pricingApplyImport', tags,
  summary: 'Apply a dry run exactly as it was shown, in one transaction. Refused (422) when it had errors unless skip_errors=true (then only its good rows), and (409) when the price list changed since the dry run or it was applied already',
  request: { params: IdParam, query: z.object({ skip_errors: z.enum(['true', 'false']).optional().openapi({ description: 'Apply the good rows of a dry run that had errors' }) }) },
  responses: { 200: json(ApplyOut, 'Applied'), ...problems(404, 422), 409: Problem('Applied already, or the price list changed since the dry run') },
});


/** The dry run as stored: the diff and how the file was read. */
type StoredDiff = ImportDiff & { source: FileSource; header_line: number; columns: z.infer<typeof ImportOut>['columns']; headings: number[]; notes: Text[] };

/** A dry run as this route stores it. */
type ImportRow = StoredImport<StoredDiff, ImportPlan, z.infer<typeof ApplyResult>>;

function importOut(row: ImportRow): z.infer<typeof ImportOut> {
  const d = row.diff;
  return {
    id: row.id, name: row.name, mode: row.mode, source: d.source, header_line: d.header_line, columns: d.columns, rows: d.rows, create: d.create, update: d.update,
    unchanged: d.unchanged, archive: d.archive, errors: d.errors, headings: d.headings, notes: d.notes, created_by: row.created_by, created_at: row.created_at,
  };
}

function storedDiff(diff: ImportDiff, source: FileSource, parsed: ParsedTable): StoredDiff {
  return {
    ...diff, source, header_line: parsed.headerLine, headings: parsed.headings, notes: parsed.notes,
    columns: parsed.header.columns.map((c) => ({ column: c.header, field: c.field, incl_vat: c.inclVat, ...(c.breakAt !== undefined ? { break_from: c.breakAt / 1000 } : {}) })),
  };
}

// ─── Reading the body ───────────────────────────────────────────────────────────────────

/** The request body, refused as it arrives once it passes `max` bytes. */
async function readBody(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new CrmError('payload_too_large', `The file is larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** The API's item as the store's (quantities in thousandths). */
function itemFrom(id: string, i: ItemData): PriceItem {
  return {
    id, sku: i.sku, name: i.name, synonyms: i.synonyms, unit: i.unit, unitPriceOre: i.unit_price_ore, vatClass: i.vat_class,
    breaks: i.breaks.map((b) => ({ minQuantity: milli(b.min_quantity), unitPriceOre: b.unit_price_ore })),
    minQuantity: i.min_quantity === null ? null : milli(i.min_quantity), addOns: i.add_ons, validFrom: i.valid_from, validTo: i.valid_to, public: i.public,
  };
}

/** A Postgres unique violation, through whichever wrapper the driver used. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === '23505') return true;
  }
  return false;
}

const changed = () => new CrmError('conflict', 'The price list changed since the dry run; make a new dry run of the file');

/** Price list import: a dry run first (stored, changing nothing), then applied exactly as shown. */
export function importRoutes(ctx: Ctx): void {
  const selfStore = async (forCompany: (id: string) => Sql) => {
    const self = await ctx.companies.self();
    return { self, store: forCompany(self.id) };
  };

  ctx.routes.openapi(dryRun, async (c) => {
    // The credential must see the own company before anything is read.
    const { self, store } = await selfStore(c.var.forCompany);
    const q = c.req.valid('query');
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > MAX_IMPORT_BYTES) throw new CrmError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES} bytes`);
    if (!c.req.raw.body) throw new CrmError('validation_failed', 'Send the price list file (CSV or XLSX) as the request body', { issues: [{ path: 'body', message: 'is missing' }] });
    const bytes = await readBody(c.req.raw.body, MAX_IMPORT_BYTES);
    let source: FileSource;
    let parsed: ParsedTable;
    try {
      const read = readPriceList(bytes);
      source = read.source;
      parsed = parseTable(read.rows);
    } catch (error) {
      if (error instanceof ImportFileError) throw new CrmError('validation_failed', error.text.en, { issues: [{ path: 'body', message: error.text.en }], extra: { text: error.text } });
      throw error;
    }
    const name = (q.name ?? (source.format === 'xlsx' ? 'prisliste.xlsx' : 'prisliste.csv')).replace(/[\u0000-\u001f\u007f/\\]/g, '_');
    const live = await listItems(store);
    const { diff, plan } = diffImport(parsed, live, q.mode);
    const row = await ctx.forCompany(self.id).transaction(async (tx) => {
      await forgetOldImports(tx);
      return insertImport<StoredDiff, ImportPlan>(tx, {
        id: randomUUID(), companyId: self.id, name, format: source.format, mode: q.mode, diff: storedDiff(diff, source, parsed), plan,
        digest: priceListDigest(live), createdBy: c.var.caller.actor,
      });
    });
    return c.json(importOut(row as ImportRow), 201);
  });

  ctx.routes.openapi(apply, async (c) => {
    const { id } = c.req.valid('param');
    const skipErrors = c.req.valid('query').skip_errors === 'true';
    const { self } = await selfStore(c.var.forCompany);
    try {
      const row = await ctx.forCompany(self.id).transaction(async (tx) => {
        const found = await lockImport<StoredDiff, ImportPlan, z.infer<typeof ApplyResult>>(tx, id);
        if (!found) throw new CrmError('not_found', `Price list import ${id} not found`);
        if (found.applied_at) throw new CrmError('conflict', `This import was applied already (${found.applied_at})`);
        if (found.error_count > 0 && !skipErrors) {
          throw new CrmError('validation_failed', `The dry run has ${found.error_count} error(s); correct the file and make a new dry run, or apply the good rows with skip_errors=true`, {
            issues: found.diff.errors.slice(0, 50).map((e) => ({ path: `line ${e.line}${e.column ? `, ${e.column}` : ''}`, message: e.message.en })),
          });
        }
        await lockLiveItems(tx);
        if (priceListDigest(await listItems(tx)) !== found.list_digest) throw changed();
        const { plan } = found;
        for (const itemId of plan.archive) if (!(await archiveItem(tx, itemId))) throw changed();
        for (const u of plan.update) if (!(await updateItem(tx, itemFrom(u.id, u.item)))) throw changed();
        for (const item of plan.create) await insertItem(tx, self.id, itemFrom(randomUUID(), item));
        const result = {
          created: plan.create.length, updated: plan.update.length, archived: plan.archive.length, unchanged: found.diff.unchanged, skipped_rows: new Set(found.diff.errors.map((e) => e.line)).size,
        };
        const applied = await markApplied(tx, id, c.var.caller.actor, result);
        if (!applied) throw new CrmError('conflict', 'This import was applied already');
        return applied;
      });
      return c.json({ id: row.id, applied_at: row.applied_at!, ...row.result! }, 200);
    } catch (error) {
      // Another live item took a new item's SKU while this ran.
      if (isUniqueViolation(error)) throw changed();
      throw error;
    }
  });
}
