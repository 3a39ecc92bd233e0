import { streamSSE } from 'hono/streaming';
import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Caller } from '../../../plugin-api.d.ts';
import type { Ctx } from '../context.ts';
import { queueCrawl } from '../crawls.ts';
import { locate } from '../locate.ts';
import { body, CrawlIn, CrawlOut, Cursor, IdParam, json, Limit, problems, UrlOut } from '../schemas.ts';
import { type CrawlRow, getCrawl, getSite, listCrawls, listFrontier, queuedCount, requestCancel, type Sql } from '../store.ts';
import { crawlOut, decodeCursor, encodeCursor, urlOut } from './out.ts';

const tags = ['Website: crawls'];
const POLL_MS = 500;

const start = createRoute({
  method: 'post', path: '/crawls', operationId: 'websiteStartCrawl', tags,
  summary: "Crawl a website into a company's passages (default the own company: the chatbot's public knowledge). Resumable job; robots.txt, sitemaps, politeness and conditional re-crawls included",
  request: body(CrawlIn),
  responses: { 202: json(CrawlOut, 'Queued'), ...problems(400, 403, 404, 409, 422) },
});
const list = createRoute({
  method: 'get', path: '/crawls', operationId: 'websiteListCrawls', tags, summary: "A company's crawls, newest first",
  request: { query: z.object({ company_id: z.uuid().optional().openapi({ description: 'Default the own company' }), site_id: z.uuid().optional(), limit: Limit, cursor: Cursor }) },
  responses: { 200: json(z.object({ items: z.array(CrawlOut), next_cursor: z.string().nullable() }), 'A page of crawls'), ...problems(400, 404, 422) },
});
const get = createRoute({
  method: 'get', path: '/crawls/{id}', operationId: 'websiteGetCrawl', tags,
  summary: 'A crawl with its progress: queued, fetched, unchanged, skipped (with reasons), failed, pending; and what it changed (new, changed, removed pages)',
  request: { params: IdParam },
  responses: { 200: json(CrawlOut, 'The crawl'), ...problems(404, 422) },
});
const progress = createRoute({
  method: 'get', path: '/crawls/{id}/progress', operationId: 'websiteCrawlProgress', tags,
  summary: 'Server-Sent Events: `progress` (the crawl, whenever its counts change) and `done` (the finished crawl)',
  request: { params: IdParam },
  responses: { 200: { description: 'The progress stream', content: { 'text/event-stream': { schema: z.string() } } }, ...problems(404, 422) },
});
const urls = createRoute({
  method: 'get', path: '/crawls/{id}/urls', operationId: 'websiteListCrawlUrls', tags,
  summary: "The URLs a crawl has seen, in the order found, with each one's outcome or skip reason",
  request: {
    params: IdParam,
    query: z.object({
      state: z.enum(['queued', 'done', 'skipped', 'failed']).optional(),
      outcome: z.string().max(60).optional().openapi({ description: 'e.g. disallowed, canonical_duplicate, new, unchanged' }),
      limit: Limit, cursor: Cursor,
    }),
  },
  responses: { 200: json(z.object({ items: z.array(UrlOut), next_cursor: z.string().nullable() }), 'A page of URLs'), ...problems(404, 422) },
});
const cancel = createRoute({
  method: 'post', path: '/crawls/{id}/cancel', operationId: 'websiteCancelCrawl', tags,
  summary: 'Stop a crawl: a queued one at once, a running one after the pages in flight (what was indexed stays)',
  request: { params: IdParam },
  responses: { 200: json(CrawlOut, 'The crawl, cancel requested'), ...problems(404, 422) },
});

/** The crawl and its company's store, or 404 (also for a crawl of a company the caller can't see). */
async function crawlOf(ctx: Ctx, c: { var: { caller: Caller; forCompany(id: string): Sql } }, id: string): Promise<{ crawl: CrawlRow; store: Sql }> {
  const companyId = await locate.companyOf(ctx.kv, 'crawl', id);
  // Another company's crawl answers exactly as a missing one: nothing tells them apart.
  const store = companyId && c.var.caller.sees(companyId) ? c.var.forCompany(companyId) : null;
  const crawl = store ? await getCrawl(store, id) : undefined;
  if (!store || !crawl) throw new CrmError('not_found', `Crawl ${id} not found`);
  return { crawl, store };
}

/** The crawl as the API shows it, read fresh. */
export async function presentCrawl(store: Sql, crawl: CrawlRow) {
  const site = await getSite(store, crawl.site_id);
  return crawlOut(crawl, site ?? { url: '' }, crawl.status === 'queued' || crawl.status === 'running' ? await queuedCount(store, crawl.id) : 0);
}

/** Crawls: start, list, follow, inspect and cancel. */
export function crawlRoutes(ctx: Ctx): void {
  ctx.routes.openapi(start, async (c) => {
    const input = c.req.valid('json');
    const companyId = input.company_id ?? (await ctx.companies.self()).id;
    c.var.forCompany(companyId); // 404 for a company outside the caller's access
    if (!(await ctx.companies.get(companyId))) throw new CrmError('not_found', `Company ${companyId} not found`);
    const { url, company_id: _, recrawl_days, ...options } = input;
    const { crawl } = await queueCrawl(ctx, { url, companyId, options, actor: c.var.caller.actor, trigger: 'manual', ...(recrawl_days !== undefined ? { recrawlDays: recrawl_days } : {}) });
    const store = c.var.forCompany(companyId);
    return c.json(await presentCrawl(store, crawl), 202);
  });

  ctx.routes.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const store = c.var.forCompany(q.company_id ?? (await ctx.companies.self()).id);
    const before = decodeCursor(q.cursor, (v): v is { at: string; id: string } => typeof v === 'object' && v !== null && 'at' in v && 'id' in v);
    const rows = await listCrawls(store, { siteId: q.site_id, limit: q.limit + 1, before });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const items = await Promise.all(page.map((r) => presentCrawl(store, r)));
    return c.json({ items, next_cursor: rows.length > q.limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null }, 200);
  });

  ctx.routes.openapi(get, async (c) => {
    const { crawl, store } = await crawlOf(ctx, c, c.req.valid('param').id);
    return c.json(await presentCrawl(store, crawl), 200);
  });

  ctx.routes.openapi(progress, async (c) => {
    const { id } = c.req.valid('param');
    const { store } = await crawlOf(ctx, c, id);
    return streamSSE(c, async (stream) => {
      let last = '';
      while (!stream.aborted && !ctx.shutdown.aborted) {
        const crawl = await getCrawl(store, id);
        if (!crawl) return;
        const out = await presentCrawl(store, crawl);
        const finished = crawl.status !== 'queued' && crawl.status !== 'running';
        const text = JSON.stringify(out);
        if (finished) {
          await stream.writeSSE({ event: 'done', data: text });
          return;
        }
        if (text !== last) {
          last = text;
          await stream.writeSSE({ event: 'progress', data: text });
        }
        await stream.sleep(POLL_MS);
      }
    }) as never;
  });

  ctx.routes.openapi(urls, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { store } = await crawlOf(ctx, c, id);
    const after = decodeCursor(q.cursor, (v): v is { seq: string } => typeof v === 'object' && v !== null && 'seq' in v);
    const rows = await listFrontier(store, id, { state: q.state, outcome: q.outcome, limit: q.limit + 1, afterSeq: after?.seq });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return c.json({ items: page.map(urlOut), next_cursor: rows.length > q.limit && last ? encodeCursor({ seq: String(last.seq) }) : null }, 200);
  });

  ctx.routes.openapi(cancel, async (c) => {
    const { id } = c.req.valid('param');
    const { store } = await crawlOf(ctx, c, id);
    const crawl = (await requestCancel(store, id))!;
    return c.json(await presentCrawl(store, crawl), 200);
  });
}

