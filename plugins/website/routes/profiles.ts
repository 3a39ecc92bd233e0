import { createRoute, CrmError, type z } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import { queueEnrichment } from '../enrichment.ts';
import { CompanyParam, CrawlOut, json, problems, ProfileOut } from '../schemas.ts';
import { latestProfile } from '../store.ts';
import { presentCrawl } from './crawls.ts';

const tags = ['Website: profiles'];

const get = createRoute({
  method: 'get', path: '/profiles/{company_id}', operationId: 'websiteGetProfile', tags,
  summary: "A company's profile from its own website: name, description, keywords, emails, phones, address, CVR, social links, languages; each with its source URL",
  request: { params: CompanyParam },
  responses: { 200: json(ProfileOut, 'The latest profile'), ...problems(404, 422) },
});
const enrich = createRoute({
  method: 'post', path: '/profiles/{company_id}', operationId: 'websiteEnrichCompany', tags,
  summary: 'Read the profile again from the company website (also `POST /api/companies/{id}/enrich`)',
  request: { params: CompanyParam },
  responses: { 202: json(CrawlOut, 'Queued: follow it at /api/website/crawls/{id}'), ...problems(404, 422) },
});

/** Company profiles from their websites. */
export function profileRoutes(ctx: Ctx): void {
  ctx.routes.openapi(get, async (c) => {
    const { company_id } = c.req.valid('param');
    const row = await latestProfile(c.var.forCompany(company_id));
    if (!row) throw new CrmError('not_found', `No website profile of company ${company_id} yet (POST /api/companies/${company_id}/enrich reads one)`);
    return c.json({ company_id, url: row.url, pages: row.pages, crawl_id: row.crawl_id, updated_at: row.updated_at, profile: row.profile as z.infer<typeof ProfileOut>['profile'] }, 200);
  });

  ctx.routes.openapi(enrich, async (c) => {
    const { company_id } = c.req.valid('param');
    const store = c.var.forCompany(company_id);
    const { crawl } = await queueEnrichment(ctx, company_id, { actor: c.var.caller.actor, trigger: 'manual' });
    return c.json(await presentCrawl(store, crawl), 202);
  });
}
