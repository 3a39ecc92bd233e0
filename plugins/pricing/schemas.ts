import { z } from '../../plugin-api.js';
import type { StoredAgreement, StoredItem } from './store.ts';
import type { LineInput, QuoteTotals, Unit } from './types.ts';

export const UNITS = ['stk', 'time', 'm', 'm2', 'm3', 'kg', 'l', 'dag', 'uge', 'måned', 'år', 'km', 'sæt', 'pakke', 'ton'] as const satisfies readonly Unit[];

const Uuid = z.uuid();
export const IdParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' }, example: '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47' }) });
export const CompanyParam = z.object({ company_id: Uuid.openapi({ param: { name: 'company_id', in: 'path' } }) });
const Time = z.string().openapi({ description: 'ISO 8601', example: '2026-12-02T10:14:00.000Z' });
const Day = z.iso.date().openapi({ description: 'ISO 8601 date', example: '2027-01-01' });

export const ProblemOut = z
  .object({
    type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), instance: z.string().optional(), request_id: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('PricingProblem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request', 403: 'Not allowed for this credential', 404: 'No such thing (or outside the companies this credential may see)',
  409: 'Another live item has this SKU', 422: 'Invalid input',
};

/** The problem answers a route may give, described once. */
export function problems(...statuses: (400 | 403 | 404 | 409 | 422)[]) {
  return Object.fromEntries(statuses.map((status) => [status, { description: DESCRIPTIONS[status]!, content: { 'application/problem+json': { schema: ProblemOut } } }]));
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

/** Øre: whole numbers only (450,00 kr. is 45000). */
const Ore = z.number().int('must be whole øre').min(0).max(1e13);
/** A quantity with at most three decimals (1.5 m, 0.25 time), in the unit's terms. */
export const Quantity = z.number().positive().max(1e9).refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, 'may have at most three decimals')
  .openapi({ description: 'In the item’s unit, at most three decimals', example: 12.5 });
const Percent = z.number().min(0).max(100).refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'may have at most two decimals')
  .openapi({ description: 'Percent, at most two decimals', example: 12.5 });

/** A quantity in thousandths, a percentage in basis points: the exact forms the calculation takes. */
export const milli = (quantity: number) => Math.round(quantity * 1000);
export const basisPoints = (percent: number) => Math.round(percent * 100);

export const ItemIn = z.object({
  sku: z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._\-/]+$/u, 'letters, digits, . _ - / only').openapi({ example: 'TR-ZINK-333' }),
  name: z.object({ da: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }).openapi({ example: { da: 'Tagrende i zink, 333 mm', en: 'Zinc gutter, 333 mm' } }),
  synonyms: z.array(z.string().trim().min(1).max(100)).max(50).default([]).openapi({ example: ['tagrende', 'zinktagrende', 'rende', 'gutter'] }),
  unit: z.enum(UNITS),
  unit_price_ore: Ore.openapi({ description: 'Excluding VAT, in øre (450,00 kr. = 45000)', example: 45000 }),
  vat_class: z.enum(['standard', 'exempt']).default('standard').openapi({ description: 'standard: 25 % moms; exempt: 0 % (e.g. services exempt from VAT, exports)' }),
  breaks: z.array(z.object({ min_quantity: Quantity, unit_price_ore: Ore })).max(20).default([])
    .refine((b) => b.every((x, i) => i === 0 || x.min_quantity > b[i - 1]!.min_quantity), 'must be ascending by min_quantity, each once')
    .openapi({ description: 'From min_quantity on, this unit price', example: [{ min_quantity: 50, unit_price_ore: 41000 }] }),
  min_quantity: Quantity.nullable().default(null),
  add_ons: z.array(z.string().trim().min(1).max(64)).max(20).default([]).openapi({ description: 'SKUs suggested with this one' }),
  valid_from: Day.nullable().default(null),
  valid_to: Day.nullable().default(null),
  public: z.boolean().default(true).openapi({ description: 'Shown to the chatbot and in public estimates' }),
}).refine((i) => !i.valid_from || !i.valid_to || i.valid_to >= i.valid_from, { message: 'valid_to is before valid_from', path: ['valid_to'] });

export const ItemPatch = z.object({
  sku: z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._\-/]+$/u),
  name: z.object({ da: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }),
  synonyms: z.array(z.string().trim().min(1).max(100)).max(50),
  unit: z.enum(UNITS),
  unit_price_ore: Ore,
  vat_class: z.enum(['standard', 'exempt']),
  breaks: z.array(z.object({ min_quantity: Quantity, unit_price_ore: Ore })).max(20),
  min_quantity: Quantity.nullable(),
  add_ons: z.array(z.string().trim().min(1).max(64)).max(20),
  valid_from: Day.nullable(),
  valid_to: Day.nullable(),
  public: z.boolean(),
}).partial().strict();

export const ItemOut = z.object({
  id: Uuid, sku: z.string(), name: z.object({ da: z.string(), en: z.string() }), synonyms: z.array(z.string()), unit: z.enum(UNITS),
  unit_price_ore: z.number().int(), vat_class: z.enum(['standard', 'exempt']),
  breaks: z.array(z.object({ min_quantity: z.number(), unit_price_ore: z.number().int() })),
  min_quantity: z.number().nullable(), add_ons: z.array(z.string()), valid_from: z.string().nullable(), valid_to: z.string().nullable(), public: z.boolean(),
  archived_at: Time.nullable(), created_at: Time, updated_at: Time,
}).openapi('PriceItem');

export function itemOut(item: StoredItem): z.infer<typeof ItemOut> {
  return {
    id: item.id, sku: item.sku, name: item.name, synonyms: item.synonyms, unit: item.unit, unit_price_ore: item.unitPriceOre, vat_class: item.vatClass,
    breaks: item.breaks.map((b) => ({ min_quantity: b.minQuantity / 1000, unit_price_ore: b.unitPriceOre })),
    min_quantity: item.minQuantity === null ? null : item.minQuantity / 1000, add_ons: item.addOns, valid_from: item.validFrom, valid_to: item.validTo,
    public: item.public, archived_at: item.archivedAt, created_at: item.createdAt, updated_at: item.updatedAt,
  };
}

export const AgreementIn = z.object({
  prices: z.record(z.string().min(1).max(64), Ore).default({}).openapi({ description: 'Net unit prices by SKU, in øre, excluding VAT', example: { 'TR-ZINK-333': 39000 } }),
  discount_percent: Percent.default(0).openapi({ description: 'A discount on every line without an agreed price' }),
  valid_from: Day.nullable().default(null),
  valid_to: Day.nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});

export const AgreementOut = z.object({
  id: Uuid, company_id: Uuid, prices: z.record(z.string(), z.number().int()), discount_percent: z.number(),
  valid_from: z.string().nullable(), valid_to: z.string().nullable(), note: z.string().nullable(), created_by: z.string(), created_at: Time, updated_at: Time,
}).openapi('PriceAgreement');

export function agreementOut(a: StoredAgreement): z.infer<typeof AgreementOut> {
  return {
    id: a.id, company_id: a.companyId, prices: a.prices, discount_percent: a.discountBp / 100, valid_from: a.validFrom, valid_to: a.validTo,
    note: a.note, created_by: a.createdBy, created_at: a.createdAt, updated_at: a.updatedAt,
  };
}

// ─── Calculation and quotes ─────────────────────────────────────────────────────────────

export const LineIn = z.object({
  sku: z.string().trim().min(1).max(64),
  quantity: Quantity,
  discount_percent: Percent.optional(),
  unit_price_ore: Ore.optional().openapi({ description: 'A manual unit price (excluding VAT), replacing list price, breaks and agreement' }),
  optional: z.boolean().optional().openapi({ description: 'Shown, counted only when chosen' }),
  chosen: z.boolean().optional(),
  group: z.string().trim().min(1).max(64).optional().openapi({ description: 'Alternatives share a group: one of them counts (the chosen one, else the first)' }),
  description: z.string().trim().max(500).optional(),
});

export const CalculateIn = z.object({
  company_id: Uuid.optional().openapi({ description: "The customer whose agreement applies (none: list prices)" }),
  lines: z.array(LineIn).min(1).max(500),
  total_discount_percent: Percent.optional(),
  date: Day.optional().openapi({ description: 'The day the prices apply (default today): items and the agreement must be valid then' }),
});

const PriceReasonOut = z.object({ kind: z.string(), unit_price_ore: z.number().int().optional(), min_quantity: z.number().optional(), discount_percent: z.number().optional() })
  .openapi({ description: 'A rule that set or changed the price: list, break, agreement_price, agreement_discount, manual, line_discount, minimum_quantity' });

export const TotalsOut = z.object({
  lines: z.array(z.object({
    sku: z.string(), name: z.object({ da: z.string(), en: z.string() }), unit: z.enum(UNITS), quantity: z.number(),
    unit_price_ore: z.number().int(), net_ore: z.number().int(), vat_class: z.enum(['standard', 'exempt']), vat_percent: z.number(),
    optional: z.boolean(), counted: z.boolean(), group: z.string().nullable(), reasons: z.array(PriceReasonOut),
  })),
  subtotal_ore: z.number().int(),
  total_discount_percent: z.number(),
  total_discount_ore: z.number().int(),
  net_ore: z.number().int().openapi({ description: 'Excluding VAT (ekskl. moms)' }),
  vat: z.array(z.object({ vat_class: z.enum(['standard', 'exempt']), percent: z.number(), base_ore: z.number().int(), vat_ore: z.number().int() })),
  vat_ore: z.number().int(),
  gross_ore: z.number().int().openapi({ description: 'Including VAT (inkl. moms)' }),
  rounding: z.enum(['line', 'total']),
}).openapi('QuoteTotals');

/** The calculation as the API shows it: quantities in units, percentages in percent. */
export function totalsOut(t: QuoteTotals): z.infer<typeof TotalsOut> {
  return {
    lines: t.lines.map((l) => ({
      sku: l.sku, name: l.name, unit: l.unit, quantity: l.quantity / 1000, unit_price_ore: l.unitPriceOre, net_ore: l.netOre, vat_class: l.vatClass,
      vat_percent: l.vatRateBp / 100, optional: l.optional, counted: l.counted, group: l.group,
      reasons: l.reasons.map((r) => ({
        kind: r.kind,
        ...('unitPriceOre' in r ? { unit_price_ore: r.unitPriceOre } : {}),
        ...('minQuantity' in r ? { min_quantity: r.minQuantity / 1000 } : {}),
        ...('discountBp' in r ? { discount_percent: r.discountBp / 100 } : {}),
      })),
    })),
    subtotal_ore: t.subtotalOre, total_discount_percent: t.totalDiscountBp / 100, total_discount_ore: t.totalDiscountOre, net_ore: t.netOre,
    vat: t.vat.map((v) => ({ vat_class: v.vatClass, percent: v.rateBp / 100, base_ore: v.baseOre, vat_ore: v.vatOre })),
    vat_ore: t.vatOre, gross_ore: t.grossOre, rounding: t.rounding,
  };
}

/** The API's line as the calculation's. */
export function lineFrom(l: z.infer<typeof LineIn>): LineInput {
  return {
    sku: l.sku, quantity: milli(l.quantity),
    ...(l.discount_percent !== undefined ? { discountBp: basisPoints(l.discount_percent) } : {}),
    ...(l.unit_price_ore !== undefined ? { unitPriceOre: l.unit_price_ore } : {}),
    ...(l.optional !== undefined ? { optional: l.optional } : {}),
    ...(l.chosen !== undefined ? { chosen: l.chosen } : {}),
    ...(l.group !== undefined ? { group: l.group } : {}),
    ...(l.description !== undefined ? { description: l.description } : {}),
  };
}

export const QuoteIn = CalculateIn.omit({ company_id: true, date: true }).extend({
  company_id: Uuid,
  lang: z.enum(['da', 'en']).default('da'),
  title: z.string().trim().max(300).optional(),
  notes: z.string().trim().max(5000).optional(),
  valid_until: Day.optional().openapi({ description: 'Default today + validityDays (30)' }),
});

export const VersionIn = QuoteIn.omit({ company_id: true, lang: true });

export const QuoteStatusIn = z.object({ status: z.enum(['sent', 'rejected', 'expired']) });

export const QuoteOut = z.object({
  id: Uuid, company_id: Uuid, number: z.string(), status: z.enum(['draft', 'sent', 'accepted', 'rejected', 'expired']), lang: z.enum(['da', 'en']),
  version: z.number().int(), valid_until: z.string(), estimate: z.boolean(), conversation_id: Uuid.nullable(), title: z.string().nullable(), notes: z.string().nullable(),
  lines: z.array(LineIn), totals: TotalsOut,
  versions: z.array(z.object({ version: z.number().int(), created_at: Time, created_by: z.string(), gross_ore: z.number().int() })),
  sent_at: Time.nullable(), accepted_at: Time.nullable(), accepted_by: z.string().nullable(), accepted_version: z.number().int().nullable(), rejected_at: Time.nullable(),
  created_by: z.string(), created_at: Time, updated_at: Time,
}).openapi('Quote');

export const QuoteSummaryOut = QuoteOut.omit({ lines: true, totals: true, versions: true, notes: true }).extend({ gross_ore: z.number().int(), net_ore: z.number().int() }).openapi('QuoteSummary');

// ─── Acceptance online ──────────────────────────────────────────────────────────────────

export const TokenParam = z.object({ token: z.string().min(10).max(200).openapi({ param: { name: 'token', in: 'path' }, description: 'The signed link’s token' }) });

export const LinkOut = z.object({ token: z.string(), path: z.string().openapi({ example: '/api/pricing/public/quotes/…' }), expires_at: Time }).openapi('QuoteLink');

export const PublicQuoteOut = z.object({
  number: z.string(), version: z.number().int(), status: z.enum(['draft', 'sent', 'accepted', 'rejected', 'expired']), lang: z.enum(['da', 'en']),
  valid_until: z.string(), seller: z.object({ name: z.string(), cvr: z.string().nullable() }), customer: z.object({ name: z.string() }),
  title: z.string().nullable(), notes: z.string().nullable(), totals: TotalsOut,
  accepted_at: Time.nullable(), accepted_by: z.string().nullable(),
}).openapi('PublicQuote');

export const AcceptIn = z.object({
  name: z.string().trim().min(2, 'write your name').max(200),
  /** Which optional lines the customer wants, and which alternative of each group, by line index (0-based). */
  chosen: z.array(z.number().int().min(0).max(499)).max(500).default([]).openapi({ description: 'The indexes of the optional lines wanted and of the alternative picked in each group' }),
});

// ─── From a customer's text ─────────────────────────────────────────────────────────────

export const FromTextIn = z.object({
  text: z.string().trim().min(1).max(5000).openapi({ example: '3 stk. tagrender à 12 m og 20 timers montage' }),
  company_id: Uuid.optional().openapi({ description: "The customer whose agreement applies (none: list prices)" }),
  lang: z.enum(['da', 'en']).optional().openapi({ description: 'Detected from the text when not given' }),
});

export const FromTextOut = z.object({
  lines: z.array(z.object({
    sku: z.string(), quantity: z.number(), approximate: z.boolean(), text: z.string().openapi({ description: 'The part of the request it came from' }),
    confidence: z.number().openapi({ description: '0–1' }),
  })),
  unmatched: z.array(z.string()).openapi({ description: 'Parts of the request that name something the price list does not have: listed, not dropped' }),
  totals: TotalsOut.nullable().openapi({ description: 'The lines priced (null when no line was found)' }),
  estimate: z.boolean().openapi({ description: 'True when a quantity was approximate: the price is an estimate' }),
}).openapi('QuoteFromText');
