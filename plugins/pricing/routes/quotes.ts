import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Caller } from '../../../plugin-api.d.ts';
import type { Ctx } from '../context.ts';
import { locate } from '../locate.ts';
import { createQuote, moveQuote, price, quotePdf, type QuoteView, readQuote, reviseQuote } from '../quotes.ts';
import {
  basisPoints, body, CalculateIn, IdParam, json, lineFrom, problems, QuoteIn, QuoteOut, QuoteStatusIn, QuoteSummaryOut, TotalsOut, totalsOut, VersionIn,
} from '../schemas.ts';
import { listQuotes, listVersions, type QuoteRow, type Sql } from '../store.ts';
import type { LineInput } from '../types.ts';

const tags = ['Pricing: quotes'];

const calculate = createRoute({
  method: 'post', path: '/calculate', operationId: 'pricingCalculate', tags,
  summary: 'Price lines without saving them: list price, quantity breaks, the customer’s agreement, discounts, VAT per class and totals excluding and including moms, every line with the rules that set its price',
  request: body(CalculateIn),
  responses: { 200: json(TotalsOut, 'The calculation'), ...problems(400, 404, 422) },
});
const create = createRoute({
  method: 'post', path: '/quotes', operationId: 'pricingCreateQuote', tags, summary: 'Make a quote for a customer (version 1, a draft), numbered by year',
  request: body(QuoteIn), responses: { 201: json(QuoteOut, 'The quote'), ...problems(400, 404, 422) },
});
const list = createRoute({
  method: 'get', path: '/quotes', operationId: 'pricingListQuotes', tags, summary: "A company's quotes, newest first",
  request: { query: z.object({ company_id: z.uuid(), status: z.enum(['draft', 'sent', 'accepted', 'rejected', 'expired']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(200).optional() }) },
  responses: { 200: json(z.object({ items: z.array(QuoteSummaryOut), next_cursor: z.string().nullable() }), 'A page of quotes'), ...problems(400, 404, 422) },
});
const get = createRoute({
  method: 'get', path: '/quotes/{id}', operationId: 'pricingGetQuote', tags, summary: 'A quote: its current version (or ?version=N) with lines and totals, and its versions',
  request: { params: IdParam, query: z.object({ version: z.coerce.number().int().min(1).optional() }) },
  responses: { 200: json(QuoteOut, 'The quote'), ...problems(404, 422) },
});
const revise = createRoute({
  method: 'post', path: '/quotes/{id}/versions', operationId: 'pricingReviseQuote', tags, summary: 'A new version of a quote, priced today (the quote becomes a draft again)',
  request: { params: IdParam, ...body(VersionIn) }, responses: { 201: json(QuoteOut, 'The quote at its new version'), ...problems(400, 404, 409, 422) },
});
const pdf = createRoute({
  method: 'get', path: '/quotes/{id}/pdf', operationId: 'pricingQuotePdf', tags, summary: 'The quote as a PDF in its language (or ?lang=), its current version (or ?version=N)',
  request: { params: IdParam, query: z.object({ version: z.coerce.number().int().min(1).optional(), lang: z.enum(['da', 'en']).optional() }) },
  responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...problems(404, 422) },
});
const status = createRoute({
  method: 'post', path: '/quotes/{id}/status', operationId: 'pricingSetQuoteStatus', tags, summary: 'Mark a quote sent, rejected or expired',
  request: { params: IdParam, ...body(QuoteStatusIn) }, responses: { 200: json(QuoteOut, 'The quote'), ...problems(400, 404, 409, 422) },
});

/** A quote as the API shows it. */
export async function quoteOut(store: Sql, view: QuoteView): Promise<z.infer<typeof QuoteOut>> {
  const { quote, version } = view;
  const versions = await listVersions(store, quote.id);
  return {
    id: quote.id, company_id: quote.company_id, number: quote.number, status: quote.status, lang: quote.lang, version: version.version, valid_until: quote.valid_until,
    estimate: quote.estimate, conversation_id: quote.conversation_id, title: quote.title, notes: version.notes,
    lines: version.lines.map(lineOut), totals: totalsOut(version.totals),
    versions: versions.map((v) => ({ version: v.version, created_at: v.created_at, created_by: v.created_by, gross_ore: v.totals.grossOre })),
    sent_at: quote.sent_at, accepted_at: quote.accepted_at, accepted_by: quote.accepted_by, accepted_version: quote.accepted_version, rejected_at: quote.rejected_at,
    created_by: quote.created_by, created_at: quote.created_at, updated_at: quote.updated_at,
  };
}

function lineOut(l: LineInput) {
  return {
    sku: l.sku, quantity: l.quantity / 1000,
    ...(l.discountBp !== undefined ? { discount_percent: l.discountBp / 100 } : {}),
    ...(l.unitPriceOre !== undefined ? { unit_price_ore: l.unitPriceOre } : {}),
    ...(l.optional !== undefined ? { optional: l.optional } : {}),
    ...(l.chosen !== undefined ? { chosen: l.chosen } : {}),
    ...(l.group !== undefined ? { group: l.group } : {}),
    ...(l.description !== undefined ? { description: l.description } : {}),
  };
}

/** The quote's company store, or 404 alike for a missing quote and another company's. */
export async function quoteStore(ctx: Ctx, c: { var: { caller: Caller; forCompany(id: string): Sql } }, id: string): Promise<{ companyId: string; store: Sql }> {
  const companyId = await locate.companyOf(ctx.kv, id);
  if (!companyId || !c.var.caller.sees(companyId)) throw new CrmError('not_found', `Quote ${id} not found`);
  return { companyId, store: c.var.forCompany(companyId) };
}

const encode = (row: QuoteRow) => Buffer.from(JSON.stringify({ at: row.created_at, id: row.id })).toString('base64url');
function decode(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof value.at === 'string' && typeof value.id === 'string') return { at: value.at, id: value.id };
  } catch {
    // fall through
  }
  throw new CrmError('validation_failed', 'cursor is not a next_cursor of this list', { issues: [{ path: 'cursor', message: 'is invalid' }] });
}

/** Calculation, and quotes with versions and status. */
export function quoteRoutes(ctx: Ctx): void {
  // Pricing reads the whole price list (public or not): only for credentials that see the own company.
  const priceList = async (forCompany: (id: string) => Sql) => forCompany((await ctx.companies.self()).id);

  ctx.routes.openapi(calculate, async (c) => {
    const input = c.req.valid('json');
    await priceList(c.var.forCompany);
    if (input.company_id) c.var.forCompany(input.company_id);
    const { totals } = await price(ctx, input.company_id ?? null, input.lines.map(lineFrom), {
      totalDiscountBp: input.total_discount_percent === undefined ? 0 : basisPoints(input.total_discount_percent), ...(input.date ? { date: input.date } : {}),
    });
    return c.json(totalsOut(totals), 200);
  });

  ctx.routes.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const store = c.var.forCompany(input.company_id);
    await priceList(c.var.forCompany);
    const view = await createQuote(ctx, {
      companyId: input.company_id, lines: input.lines.map(lineFrom), totalDiscountBp: input.total_discount_percent === undefined ? 0 : basisPoints(input.total_discount_percent),
      lang: input.lang, title: input.title ?? null, notes: input.notes ?? null, ...(input.valid_until ? { validUntil: input.valid_until } : {}), actor: c.var.caller.actor,
    });
    await locate.remember(ctx.kv, view.quote.id, input.company_id);
    return c.json(await quoteOut(store, view), 201);
  });

  ctx.routes.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const store = c.var.forCompany(q.company_id);
    const rows = await listQuotes(store, q.company_id, { limit: q.limit + 1, status: q.status, before: decode(q.cursor) });
    const page = rows.slice(0, q.limit);
    const items = await Promise.all(page.map(async (row) => {
      const view = await readQuote(store, row.id);
      const { lines: _l, totals, versions: _v, notes: _n, ...summary } = await quoteOut(store, view);
      return { ...summary, gross_ore: totals.gross_ore, net_ore: totals.net_ore };
    }));
    const last = page[page.length - 1];
    return c.json({ items, next_cursor: rows.length > q.limit && last ? encode(last) : null }, 200);
  });

  ctx.routes.openapi(get, async (c) => {
    const { id } = c.req.valid('param');
    const { store } = await quoteStore(ctx, c, id);
    return c.json(await quoteOut(store, await readQuote(store, id, c.req.valid('query').version)), 200);
  });

  ctx.routes.openapi(revise, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { companyId, store } = await quoteStore(ctx, c, id);
    await priceList(c.var.forCompany);
    const view = await reviseQuote(ctx, companyId, id, {
      lines: input.lines.map(lineFrom), totalDiscountBp: input.total_discount_percent === undefined ? 0 : basisPoints(input.total_discount_percent),
      notes: input.notes ?? null, ...(input.valid_until ? { validUntil: input.valid_until } : {}), actor: c.var.caller.actor,
    });
    return c.json(await quoteOut(store, view), 201);
  });

  ctx.routes.openapi(pdf, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { store } = await quoteStore(ctx, c, id);
    const view = await readQuote(store, id, q.version);
    const bytes = await quotePdf(ctx, view, q.lang ?? view.quote.lang);
    const name = `${view.quote.lang === 'en' ? 'quote' : 'tilbud'}-${view.quote.number}${view.version.version > 1 ? `-v${view.version.version}` : ''}.pdf`;
    return new Response(bytes as BodyInit, { status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"` } }) as never;
  });

  ctx.routes.openapi(status, async (c) => {
    const { id } = c.req.valid('param');
    const { companyId, store } = await quoteStore(ctx, c, id);
    return c.json(await quoteOut(store, await moveQuote(ctx, companyId, id, c.req.valid('json').status)), 200);
  });
}
