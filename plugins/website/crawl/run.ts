import type { JobRun } from '../../../plugin-api.d.ts';
import type { DocumentsApi } from '../../documents/api.ts';
import type { Ctx } from '../context.ts';
import {
  addUrls, bumpCrawl, type CrawlRow, finishCrawl, getCrawl, getSite, indexedUrls, isCancelRequested, nextUrls, nextWaiting, patchSite, queuedCount,
  listFrontier, requestedCount, setRobots, skipQueued, startCrawl, type NewUrl,
} from '../store.ts';
import { HostGate, sleep } from './hosts.ts';
import { indexSite } from './index-pages.ts';
import { createRenderer, type Renderer } from './render.ts';
import { readRobots, type RobotsRules } from './robots.ts';
import { readSitemaps } from './sitemap.ts';
import { normalizeUrl, pathMatcher, sameSite } from './url.ts';
import { type CrawlRun, visit } from './visit.ts';
import { userAgent } from './user-agent.ts';

/** Index what was saved after this many new or changed pages (so a long crawl is searchable as it goes). */
const INDEX_EVERY = 50;

/**
 * The `crawl` job: runs (or resumes) one crawl of a site. The frontier in the database is the
 * crawl's memory: robots.txt and the sitemaps are read on the first run, then URLs are taken
 * shallowest first, each visited and recorded before the next is taken, so a restart anywhere
 * goes on where it stopped. At the end the index is brought up to date, URLs left over are
 * recorded with the reason, and the next scheduled crawl is queued.
 *
 * @example
 * ctx.jobs.define('crawl', (p: { crawlId: string; companyId: string }, job) => runCrawl(ctx, p.companyId, p.crawlId, job));
 */
export async function runCrawl(ctx: Ctx, companyId: string, crawlId: string, job: Pick<JobRun, 'signal' | 'progress'>): Promise<CrawlSummary> {
  const store = ctx.forCompany(companyId);
  const crawl = await startCrawl(store, crawlId);
  if (!crawl) {
    const existing = await getCrawl(store, crawlId);
    return summaryOf(existing!);
  }
  const site = (await getSite(store, crawl.site_id))!;
  const self = await ctx.companies.self();
  const renderers: Renderer[] = [];
  const signal = AbortSignal.any([job.signal, ctx.shutdown]);
  const robotsByOrigin = new Map<string, Promise<RobotsRules>>();
  const agent = userAgent(ctx.config.contactUrl);
  const gate = new HostGate({ concurrency: ctx.config.concurrencyPerHost, delayMs: ctx.config.delayMs });
  const robots = (url: string) => {
    const { origin, host } = new URL(url);
    let rules = robotsByOrigin.get(origin);
    if (!rules) {
      rules = readRobots(ctx.fetch, origin, { userAgent: agent, timeoutMs: ctx.config.timeoutMs, signal }).then((r) => {
        if (r.crawlDelay !== null) gate.setDelay(host, Math.max(ctx.config.delayMs, Math.min(r.crawlDelay, ctx.config.maxWaitSeconds) * 1000));
        return r;
      });
      robotsByOrigin.set(origin, rules);
    }
    return rules;
  };
  const run: CrawlRun = {
    ctx, store, companyId, crawlId, site, options: crawl.options, visibility: companyId === self.id ? 'public' : 'internal', userAgent: agent, gate, robots, signal, saved: 0, seen: new Set(),
    documents: ctx.plugins.api<DocumentsApi>('documents'),
    renderer: () => {
      if (!renderers[0]) {
        renderers[0] = createRenderer({
          fetch: ctx.fetch, executablePath: ctx.config.chromiumPath, maxMemoryMb: ctx.config.renderMaxMemoryMb, pageTimeoutMs: ctx.config.renderTimeoutMs,
          maxBytesPerRequest: ctx.config.maxBytes, userAgent: agent, sameSite: (url) => sameSite(url, site.url), signal,
        });
      }
      return renderers[0];
    },
  };
  try {
    const start = await robots(site.url);
    if (crawl.robots === null) await seed(run, crawl, start);
    if (start.blockedReason && (await queuedCount(store, crawlId)) > 0) throw new Error(`${site.url}: ${start.blockedReason}, so nothing was fetched`);
    const cancelled = await crawlLoop(run, crawl, job);
    await indexSite(ctx.forCompany(companyId), site, { visibility: run.visibility, signal });
    const left = await skipQueued(store, crawlId, cancelled ? 'cancelled' : 'max_pages');
    if (left) await bumpCrawl(store, crawlId, { skipped: left, reason: cancelled ? 'cancelled' : 'max_pages', reasonCount: left });
    // A crawl that got nothing at all from the site did not succeed: say why, from the start page.
    const counts = (await getCrawl(store, crawlId))!;
    const nothing = !cancelled && counts.fetched + counts.unchanged === 0 ? await startPageVerdict(store, crawlId, site.url) : null;
    const done = (await finishCrawl(store, crawlId, cancelled ? 'cancelled' : nothing ? 'failed' : 'succeeded', nothing))!;
    await afterCrawl(ctx, done);
    return summaryOf(done);
  } catch (error) {
    if (signal.aborted && !(await isCancelRequested(store, crawlId))) throw error; // the worker stops: the job runs again and resumes
    const failed = (await finishCrawl(store, crawlId, 'failed', (error as Error).message))!;
    await afterCrawl(ctx, failed);
    return summaryOf(failed);
  } finally {
    await Promise.all(renderers.map((r) => r.close()));
  }
}

/** Why the start page gave nothing (its outcome and detail, or the redirect's target's), for a crawl that fetched nothing. */
async function startPageVerdict(store: CrawlRun['store'], crawlId: string, startUrl: string): Promise<string> {
  const [start] = await listFrontier(store, crawlId, { limit: 1 });
  const row = start?.url === startUrl ? start : undefined;
  const why = row ? [row.outcome, row.detail].filter(Boolean).join(': ') : 'it was not reached';
  return `Nothing could be read from ${startUrl} (${why || 'no answer'})`;
}

/** The first run of a crawl: the start URL, the sitemaps, and the pages indexed before (so vanished ones are noticed). */
async function seed(run: CrawlRun, crawl: CrawlRow, rules: RobotsRules): Promise<void> {
  const { ctx, store, site, companyId, crawlId, signal } = run;
  const include = crawl.options.include.map(pathMatcher);
  const exclude = crawl.options.exclude.map(pathMatcher);
  const wanted = (url: string) => sameSite(url, site.url) && !exclude.some((m) => m(url)) && (include.length === 0 || include.some((m) => m(url)));
  const sitemapUrls = rules.sitemaps.length ? rules.sitemaps : [new URL('/sitemap.xml', site.url).href];
  const sitemaps = rules.blockedReason ? { entries: [], read: [], failures: [] } : await readSitemaps(ctx.fetch, sitemapUrls.filter((u) => sameSite(u, site.url)), {
    userAgent: run.userAgent, timeoutMs: ctx.config.timeoutMs, maxBytes: ctx.config.maxBytes, accept: (u) => { const n = normalizeUrl(u); return !!n && wanted(n); },
    limit: Math.max(crawl.options.max_pages * 4, 1000), signal,
  });
  const urls: NewUrl[] = [{ url: site.url, depth: 0, via: 'start' }];
  // Sitemap and known pages count as one link from the start page.
  const deep = crawl.options.max_depth < 1;
  for (const entry of sitemaps.entries) {
    const url = normalizeUrl(entry.url);
    if (url) urls.push({ url, depth: 1, via: 'sitemap', lastmod: entry.lastmod, ...(!rules.isAllowed(url) ? { skip: 'disallowed' } : deep ? { skip: 'max_depth' } : {}) });
  }
  for (const url of await indexedUrls(store, site.id)) urls.push({ url, depth: 1, via: 'known', ...(!wanted(url) ? { skip: 'excluded' } : deep ? { skip: 'max_depth' } : {}) });
  const added = await addUrls(store, companyId, crawlId, urls);
  await bumpCrawl(store, crawlId, { queued: added.filter((a) => a.state === 'queued').length });
  const reasons = new Map<string, number>();
  for (const a of added) if (a.state === 'skipped') reasons.set(a.outcome!, (reasons.get(a.outcome!) ?? 0) + 1);
  for (const [reason, n] of reasons) await bumpCrawl(store, crawlId, { skipped: n, reason, reasonCount: n });
  await setRobots(store, crawlId, {
    url: rules.url, status: rules.status, crawl_delay: rules.crawlDelay, sitemaps: sitemaps.read, blocked: rules.blockedReason, sitemap_urls: sitemaps.entries.length, sitemap_failures: sitemaps.failures,
  });
}

/** Visits queued URLs until none is left, the page budget is spent or the crawl is cancelled; true when cancelled. */
async function crawlLoop(run: CrawlRun, crawl: CrawlRow, job: Pick<JobRun, 'progress'>): Promise<boolean> {
  const { store, crawlId, signal, ctx } = run;
  const concurrency = ctx.config.concurrencyPerHost;
  const inFlight = new Map<string, Promise<void>>();
  let requested = await requestedCount(store, crawlId);
  let checkedCancel = 0;
  let lastProgress = 0;
  const failures: unknown[] = [];
  for (;;) {
    signal.throwIfAborted();
    if (failures.length) throw failures[0];
    if (Date.now() - checkedCancel > 1000) {
      checkedCancel = Date.now();
      if (await isCancelRequested(store, crawlId)) {
        await Promise.allSettled(inFlight.values());
        return true;
      }
    }
    if (run.saved >= INDEX_EVERY && inFlight.size === 0) {
      run.saved = 0;
      await indexSite(ctx.forCompany(run.companyId), run.site, { visibility: run.visibility, signal });
    }
    if (Date.now() - lastProgress > 1000) {
      lastProgress = Date.now();
      const now = (await getCrawl(store, crawlId))!;
      const done = now.fetched + now.unchanged + now.skipped + now.failed;
      await job.progress(done, done + (await queuedCount(store, crawlId)), `${now.fetched} fetched, ${now.unchanged} unchanged`);
    }
    const budgetLeft = crawl.options.max_pages - requested;
    const room = Math.min(concurrency - inFlight.size, budgetLeft - inFlight.size);
    const batch = room > 0 ? await nextUrls(store, crawlId, room, [...inFlight.keys()]) : [];
    for (const row of batch) {
      requested++;
      const work = visit(run, row).catch((error) => { failures.push(error); }).finally(() => inFlight.delete(row.url));
      inFlight.set(row.url, work);
    }
    if (batch.length === 0) {
      if (inFlight.size > 0) {
        await Promise.race(inFlight.values());
        continue;
      }
      if (budgetLeft <= 0) return false;
      const waiting = await nextWaiting(store, crawlId);
      if (!waiting) return false;
      await sleep(Math.max(50, Math.min(5000, new Date(waiting).getTime() - Date.now())), signal);
      continue;
    }
    if (inFlight.size >= concurrency) await Promise.race(inFlight.values());
  }
}

/** A finished crawl's numbers, as the job's result and the timeline show them. */
export interface CrawlSummary {
  crawlId: string;
  status: CrawlRow['status'];
  fetched: number;
  unchanged: number;
  skipped: number;
  failed: number;
  new: number;
  changed: number;
  removed: number;
  documents: number;
  error: string | null;
}

function summaryOf(c: CrawlRow): CrawlSummary {
  return {
    crawlId: c.id, status: c.status, fetched: c.fetched, unchanged: c.unchanged, skipped: c.skipped, failed: c.failed,
    new: c.new_pages, changed: c.changed_pages, removed: c.removed_pages, documents: c.documents, error: c.error,
  };
}

/** The timeline entry, the event, and the site's next scheduled crawl. */
async function afterCrawl(ctx: Ctx, crawl: CrawlRow): Promise<void> {
  const store = ctx.forCompany(crawl.company_id);
  const site = await getSite(store, crawl.site_id);
  if (!site) return;
  if (crawl.purpose === 'crawl') {
    await store.timeline.record({
      type: 'website.crawled',
      payload: {
        crawl_id: crawl.id, url: site.url, status: crawl.status, new: crawl.new_pages, changed: crawl.changed_pages, removed: crawl.removed_pages, unchanged: crawl.unchanged, failed: crawl.failed, error: crawl.error,
        summary: crawl.status === 'failed'
          ? { da: `Fejlede: ${crawl.error ?? ''}`, en: `Failed: ${crawl.error ?? ''}` }
          : { da: `${crawl.new_pages} nye, ${crawl.changed_pages} ændrede, ${crawl.removed_pages} fjernede, ${crawl.unchanged} uændrede sider`, en: `${crawl.new_pages} new, ${crawl.changed_pages} changed, ${crawl.removed_pages} removed, ${crawl.unchanged} unchanged pages` },
      },
    });
    await ctx.events.emit('website.crawled', { companyId: crawl.company_id, crawlId: crawl.id, siteId: site.id, status: crawl.status });
  }
  await patchSite(store, site.id, { last_crawl_id: crawl.id });
  if (site.recrawl_days && ctx.config.schedule) await scheduleNext(ctx, site.company_id, site.id, site.recrawl_days);
}

/** Queues the site's next crawl `days` from now (the `recrawl` job checks the site still wants it then). */
export async function scheduleNext(ctx: Ctx, companyId: string, siteId: string, days: number, from = new Date()): Promise<Date> {
  const at = new Date(from.getTime() + days * 86_400_000);
  const store = ctx.forCompany(companyId);
  await store.transaction(async (tx) => {
    await patchSite(tx, siteId, { next_crawl_at: at });
    await tx.jobs.enqueue('recrawl', { siteId, companyId, at: at.toISOString() }, { idempotencyKey: `recrawl:${siteId}:${at.toISOString()}`, runAt: at });
  });
  return at;
}
