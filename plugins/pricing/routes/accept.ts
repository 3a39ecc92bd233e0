import { createRoute, CrmError } from '../../../plugin-api.js';
import { signQuoteLink, verifyQuoteLink } from '../accept.ts';
import type { Ctx } from '../context.ts';
import { locate } from '../locate.ts';
import { acceptQuote, readQuote } from '../quotes.ts';
import { AcceptIn, body, IdParam, json, LinkOut, problems, PublicQuoteOut, TokenParam, totalsOut } from '../schemas.ts';
import { quoteStore } from './quotes.ts';

const link = createRoute({
  method: 'post', path: '/quotes/{id}/link', operationId: 'pricingQuoteLink', tags: ['Pricing: quotes'],
  summary: 'A signed link for the customer to see and accept the quote online, valid until the day after the quote’s validity',
  request: { params: IdParam }, responses: { 200: json(LinkOut, 'The link'), ...problems(404, 409, 422) },
});
const view = createRoute({
  method: 'get', path: '/public/quotes/{token}', operationId: 'pricingPublicQuote', tags: ['Pricing: customers'],
  summary: 'The quote a signed link names, as its customer sees it (no other credential)',
  request: { params: TokenParam }, responses: { 200: json(PublicQuoteOut, 'The quote'), ...problems(404, 422) },
});
const accept = createRoute({
  method: 'post', path: '/public/quotes/{token}/accept', operationId: 'pricingPublicAccept', tags: ['Pricing: customers'],
  summary: 'Accept the quote, with the optional lines and alternatives picked (name, time and address recorded)',
  request: { params: TokenParam, ...body(AcceptIn) }, responses: { 200: json(PublicQuoteOut, 'The accepted quote'), ...problems(404, 409, 422) },
});

const NOT_FOUND = 'This link is not valid (it may have expired); ask for a new one';

/** Acceptance online: a signed link per quote, and what its holder may do with it. */
export function acceptRoutes(ctx: Ctx): void {
  ctx.routes.openapi(link, async (c) => {
    const { id } = c.req.valid('param');
    const { store } = await quoteStore(ctx, c, id);
    const { quote } = await readQuote(store, id);
    if (quote.status === 'accepted' || quote.status === 'rejected') throw new CrmError('conflict', `Quote ${quote.number} is ${quote.status}`);
    const expiresAt = new Date(`${quote.valid_until}T23:59:59Z`);
    expiresAt.setUTCDate(expiresAt.getUTCDate() + 1);
    const token = await signQuoteLink(ctx.kv, id, expiresAt);
    return c.json({ token, path: `/api/pricing/public/quotes/${token}`, expires_at: expiresAt.toISOString() }, 200);
  });

  /** The quote behind a token, or the same 404 for a bad, forged or expired one. */
  const open = async (token: string, ip: string | null) => {
    await ctx.limits.take(`public:${ip ?? 'unknown'}`, { limit: 60, windowMs: 60_000 });
    const verified = await verifyQuoteLink(ctx.kv, token);
    const companyId = verified ? await locate.companyOf(ctx.kv, verified.quoteId) : undefined;
    if (!verified || !companyId) throw new CrmError('not_found', NOT_FOUND);
    return { quoteId: verified.quoteId, companyId };
  };
  const present = async (companyId: string, quoteId: string) => {
    const { quote, version } = await readQuote(ctx.forCompany(companyId), quoteId);
    const [self, customer] = await Promise.all([ctx.companies.self(), ctx.companies.get(companyId)]);
    return {
      number: quote.number, version: version.version, status: quote.status, lang: quote.lang, valid_until: quote.valid_until,
      seller: { name: self.name, cvr: self.cvr }, customer: { name: customer?.name ?? '' }, title: quote.title, notes: version.notes, totals: totalsOut(version.totals),
      accepted_at: quote.accepted_at, accepted_by: quote.accepted_by,
    };
  };

  ctx.publicRoutes.openapi(view, async (c) => {
    const { quoteId, companyId } = await open(c.req.valid('param').token, c.var.clientIp);
    c.header('Cache-Control', 'no-store');
    return c.json(await present(companyId, quoteId), 200);
  });

  ctx.publicRoutes.openapi(accept, async (c) => {
    const { quoteId, companyId } = await open(c.req.valid('param').token, c.var.clientIp);
    const input = c.req.valid('json');
    await acceptQuote(ctx, companyId, quoteId, { name: input.name, chosen: input.chosen, ip: c.var.clientIp });
    return c.json(await present(companyId, quoteId), 200);
  });
}
