import { randomUUID } from 'node:crypto';
import { CrmError } from '../../plugin-api.js';
import type { CrawlOptions } from './config.ts';
import type { Ctx } from './context.ts';
import { normalizeUrl, siteKey } from './crawl/url.ts';
import { locate } from './locate.ts';
import { activeCrawl, type CrawlRow, findSite, getSite, insertCrawl, insertSite, patchSite, setCrawlJob, type SiteRow } from './store.ts';

/** A crawl request's options, completed from the site's stored ones and the config's defaults. */
export function crawlOptions(ctx: Ctx, asked: Partial<CrawlOptions>, stored: Partial<CrawlOptions> = {}): CrawlOptions {
  return {
    max_pages: asked.max_pages ?? stored.max_pages ?? ctx.config.maxPages,
    max_depth: asked.max_depth ?? stored.max_depth ?? ctx.config.maxDepth,
    include: asked.include ?? stored.include ?? [],
    exclude: asked.exclude ?? stored.exclude ?? [],
    render: asked.render ?? stored.render ?? false,
  };
}

/**
 * Queues a crawl of a site for a company: the site is found (or created) by its registrable
 * domain, one crawl runs per site at a time (`conflict` names the running one), and the crawl
 * row and its job are written in one transaction.
 *
 * @example
 * const crawl = await queueCrawl(ctx, { url: 'https://www.tagfirma.dk/', companyId: self.id, options: {}, actor: 'key:…', trigger: 'manual' });
 */
export async function queueCrawl(ctx: Ctx, r: { url: string; companyId: string; options: Partial<CrawlOptions>; actor: string; trigger: CrawlRow['trigger']; recrawlDays?: number | null }): Promise<{ crawl: CrawlRow; site: SiteRow }> {
  const url = normalizeUrl(r.url);
  if (!url) throw new CrmError('validation_failed', `"${r.url.slice(0, 100)}" is not an http or https URL`, { issues: [{ path: 'url', message: 'must be an http or https URL' }] });
  const store = ctx.forCompany(r.companyId);
  const result = await store.transaction(async (tx) => {
    const key = siteKey(url);
    let site = await findSite(tx, key);
    if (!site) site = await insertSite(tx, { id: randomUUID(), companyId: r.companyId, url, siteKey: key, options: r.options });
    else site = (await patchSite(tx, site.id, { url, options: { ...site.options, ...r.options } }))!;
    if (r.recrawlDays !== undefined) site = (await patchSite(tx, site.id, { recrawl_days: r.recrawlDays, ...(r.recrawlDays === null ? { next_crawl_at: null } : {}) }))!;
    const running = await activeCrawl(tx, site.id);
    if (running) throw new CrmError('conflict', `A crawl of ${site.site_key} is already ${running.status} (${running.id}); cancel it or wait for it`, { extra: { crawl_id: running.id } });
    const crawl = await insertCrawl(tx, { id: randomUUID(), companyId: r.companyId, siteId: site.id, purpose: 'crawl', options: crawlOptions(ctx, r.options, site.options), trigger: r.trigger, createdBy: r.actor });
    const jobId = await tx.jobs.enqueue('crawl', { crawlId: crawl.id, companyId: r.companyId }, { idempotencyKey: `crawl:${crawl.id}` });
    await setCrawlJob(tx, crawl.id, jobId);
    return { crawl: { ...crawl, job_id: jobId }, site };
  });
  await Promise.all([locate.remember(ctx.kv, 'crawl', result.crawl.id, r.companyId), locate.remember(ctx.kv, 'site', result.site.id, r.companyId)]);
  return result;
}

/**
 * The `recrawl` job: the scheduled crawl of a site, if the site still wants one at this time
 * (a changed schedule queues its own job, and the old one finds the time moved and does nothing).
 *
 * @example
 * ctx.jobs.define('recrawl', (p: { siteId: string; companyId: string; at: string }) => runScheduled(ctx, p));
 */
export async function runScheduled(ctx: Ctx, p: { siteId: string; companyId: string; at: string }): Promise<{ crawlId: string | null; reason?: string }> {
  const companyId = (await locate.companyOf(ctx.kv, 'site', p.siteId)) ?? p.companyId;
  const site = await getSite(ctx.forCompany(companyId), p.siteId);
  if (!site || !site.recrawl_days || !site.next_crawl_at) return { crawlId: null, reason: 'the site has no schedule any more' };
  if (Math.abs(new Date(site.next_crawl_at).getTime() - new Date(p.at).getTime()) > 60_000) return { crawlId: null, reason: 'the schedule changed' };
  try {
    const { crawl } = await queueCrawl(ctx, { url: site.url, companyId, options: {}, actor: 'schedule', trigger: 'schedule' });
    return { crawlId: crawl.id };
  } catch (error) {
    if (error instanceof CrmError && error.code === 'conflict') return { crawlId: null, reason: error.message };
    throw error;
  }
}
