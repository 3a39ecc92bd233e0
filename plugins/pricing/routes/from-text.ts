import { createRoute } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import { linesFromText } from '../parse/lines.ts';
import { price } from '../quotes.ts';
import { body, FromTextIn, FromTextOut, json, problems, totalsOut } from '../schemas.ts';
import { listItems } from '../store.ts';

const fromText = createRoute({
  method: 'post', path: '/from-text', operationId: 'pricingFromText', tags: ['Pricing: quotes'],
  summary: "Quote lines from a customer's words in Danish or English (\"3 stk. tagrender à 12 m og 20 timers montage\"), found by the price list's names and synonyms and priced; what the list lacks is listed, never guessed",
  request: body(FromTextIn),
  responses: { 200: json(FromTextOut, 'The lines, what was not matched, and the price'), ...problems(400, 404, 422) },
});

/** From a request's text to priced quote lines: only SKUs and prices of the price list, never invented. */
export function fromTextRoutes(ctx: Ctx): void {
  ctx.routes.openapi(fromText, async (c) => {
    const input = c.req.valid('json');
    const self = await ctx.companies.self();
    const store = c.var.forCompany(self.id);
    if (input.company_id) c.var.forCompany(input.company_id);
    const items = (await listItems(store)).map(({ archivedAt: _a, createdAt: _c, updatedAt: _u, ...item }) => item);
    const read = linesFromText(input.text, items, { ...(input.lang ? { lang: input.lang } : {}), stem: (word, lang) => ctx.text.stem(word, lang) });
    const totals = read.lines.length
      ? (await price(ctx, input.company_id ?? null, read.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), {})).totals
      : null;
    return c.json({
      lines: read.lines.map((l) => ({ sku: l.sku, quantity: l.quantity / 1000, approximate: l.approximate, text: l.text, confidence: l.confidence })),
      unmatched: read.unmatched, totals: totals ? totalsOut(totals) : null, estimate: read.lines.some((l) => l.approximate),
    }, 200);
  });
}
