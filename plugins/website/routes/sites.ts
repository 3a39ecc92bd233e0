import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Caller } from '../../../plugin-api.d.ts';
import type { Ctx } from '../context.ts';
import { queueCrawl } from '../crawls.ts';
import { scheduleNext } from '../crawl/run.ts';
import { locate } from '../locate.ts';
import { body, CrawlOut, Cursor, IdParam, json, Limit, PageOut, problems, SiteOut, SitePatch } from '../schemas.ts';
import { getCrawl, getSite, listPages, listSites, patchSite, type SiteRow, type Sql } from '../store.ts';
import { presentCrawl } from './crawls.ts';
import { decodeCursor, encodeCursor, pageOut, siteOut } from './out.ts';

const tags = ['Website: sites'];

const list = createRoute({
  method: 'get', path: '/sites', operationId: 'websiteListSites', tags, summary: "A company's crawled sites with their schedule and last crawl",
  request: { query: z.object({ company_id: z.uuid().optional().openapi({ description: 'Default the own company' }) }) },
  responses: { 200: json(z.object({ items: z.array(SiteOut) }), 'The sites'), ...problems(404, 422) },
});
const patch = createRoute({
  method: 'patch', path: '/sites/{id}', operationId: 'websiteUpdateSite', tags,
  summary: "Change a site's re-crawl schedule (every N days, or null) and the options its scheduled crawls use",
  request: { params: IdParam, ...body(SitePatch) },
  responses: { 200: json(SiteOut, 'The site'), ...problems(400, 404, 422) },
});
const recrawl = createRoute({
  method: 'post', path: '/sites/{id}/crawl', operationId: 'websiteRecrawlSite', tags,
  summary: 'Crawl a site again with its options: unchanged pages are asked for conditionally and written to nothing',
  request: { params: IdParam },
  responses: { 202: json(CrawlOut, 'Queued'), ...problems(404, 409, 422) },
});
const pages = createRoute({
  method: 'get', path: '/sites/{id}/pages', operationId: 'websiteListPages', tags, summary: "A site's pages and files in the index (and those removed), by URL",
  request: { params: IdParam, query: z.object({ limit: Limit, cursor: Cursor }) },
  responses: { 200: json(z.object({ items: z.array(PageOut), next_cursor: z.string().nullable() }), 'A page of pages'), ...problems(404, 422) },
});

async function siteOf(ctx: Ctx, c: { var: { caller: Caller; forCompany(id: string): Sql } }, id: string): Promise<{ site: SiteRow; store: Sql }> {
  const companyId = await locate.companyOf(ctx.kv, 'site', id);
  // Another company's site answers exactly as a missing one.
  const store = companyId && c.var.caller.sees(companyId) ? c.var.forCompany(companyId) : null;
  const site = store ? await getSite(store, id) : undefined;
  if (!store || !site) throw new CrmError('not_found', `Site ${id} not found`);
  return { site, store };
}

async function present(store: Sql, site: SiteRow) {
  const last = site.last_crawl_id ? await getCrawl(store, site.last_crawl_id) : undefined;
  return siteOut(site, last ? await presentCrawl(store, last) : null);
}

/** Sites: their schedule, a re-crawl, and the pages they have in the index. */
export function siteRoutes(ctx: Ctx): void {
  ctx.routes.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const store = c.var.forCompany(q.company_id ?? (await ctx.companies.self()).id);
    const sites = await listSites(store);
    return c.json({ items: await Promise.all(sites.map((s) => present(store, s))) }, 200);
  });

  ctx.routes.openapi(patch, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { site, store } = await siteOf(ctx, c, id);
    let updated = (await patchSite(store, id, {
      ...(input.recrawl_days !== undefined ? { recrawl_days: input.recrawl_days } : {}),
      ...(input.options ? { options: { ...site.options, ...input.options } } : {}),
      ...(input.recrawl_days === null ? { next_crawl_at: null } : {}),
    }))!;
    if (input.recrawl_days) {
      await scheduleNext(ctx, updated.company_id, id, input.recrawl_days, new Date());
      updated = (await getSite(store, id))!;
    }
    return c.json(await present(store, updated), 200);
  });

  ctx.routes.openapi(recrawl, async (c) => {
    const { id } = c.req.valid('param');
    const { site, store } = await siteOf(ctx, c, id);
    const { crawl } = await queueCrawl(ctx, { url: site.url, companyId: site.company_id, options: {}, actor: c.var.caller.actor, trigger: 'manual' });
    return c.json(await presentCrawl(store, crawl), 202);
  });

  ctx.routes.openapi(pages, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { store } = await siteOf(ctx, c, id);
    const after = decodeCursor(q.cursor, (v): v is { url: string } => typeof v === 'object' && v !== null && 'url' in v);
    const rows = await listPages(store, id, { limit: q.limit + 1, afterUrl: after?.url });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return c.json({ items: page.map(pageOut), next_cursor: rows.length > q.limit && last ? encodeCursor({ url: last.url }) : null }, 200);
  });
}
