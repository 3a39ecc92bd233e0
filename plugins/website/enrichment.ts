import { randomUUID } from 'node:crypto';
import { CrmError } from '../../plugin-api.js';
import type { Company, JobRun } from '../../plugin-api.d.ts';
import type { CrawlOptions } from './config.ts';
import type { Ctx } from './context.ts';
import { fetchPage } from './crawl/fetch-page.ts';
import { HostGate } from './crawl/hosts.ts';
import { readRobots } from './crawl/robots.ts';
import { normalizeUrl, sameSite, siteKey } from './crawl/url.ts';
import { userAgent } from './crawl/user-agent.ts';
import { extractProfile, pickProfilePages, type CompanyProfile } from './enrich/index.ts';
import { decodeHtml, extractPage } from './extract/index.ts';
import { locate } from './locate.ts';
import {
  activeCrawl, bumpCrawl, finishCrawl, findSite, insertCrawl, insertProfile, insertSite, patchSite, setCrawlJob, startCrawl, type CrawlRow,
} from './store.ts';

const HTML = /^(?:text\/html|application\/xhtml\+xml)\b/;

/** The website a company's profile is read from: its website URL, else its domain. */
export function websiteOf(company: Company): string | null {
  const url = company.website_url ? normalizeUrl(company.website_url) : null;
  if (url) return url;
  return company.domain ? normalizeUrl(`https://${company.domain}/`) : null;
}

/**
 * Queues the enrichment of a customer company from its website (a crawl with purpose
 * `enrich`, followed at `/api/website/crawls/{id}`). One at a time per site: asking again
 * while one is queued or running gives that one.
 *
 * @example
 * const { crawl, jobId } = await queueEnrichment(ctx, companyId, { actor: 'key:…', trigger: 'manual' });
 */
export async function queueEnrichment(ctx: Ctx, companyId: string, o: { actor: string; trigger: CrawlRow['trigger'] }): Promise<{ crawl: CrawlRow; jobId: string }> {
  const company = await ctx.companies.get(companyId);
  if (!company) throw new CrmError('not_found', `Company ${companyId} not found`);
  if (company.kind === 'self') throw new CrmError('validation_failed', 'The own company is not enriched: crawl its website into the knowledge base instead (POST /api/website/crawls)');
  const url = websiteOf(company);
  if (!url) throw new CrmError('validation_failed', `${company.name} has no domain or website to read a profile from`);
  const store = ctx.forCompany(companyId);
  const options: CrawlOptions = { max_pages: ctx.config.enrichPages, max_depth: 1, include: [], exclude: [], render: false };
  const queued = await store.transaction(async (tx) => {
    const key = siteKey(url);
    const site = (await findSite(tx, key)) ?? (await insertSite(tx, { id: randomUUID(), companyId, url, siteKey: key, options: {} }));
    const running = await activeCrawl(tx, site.id);
    if (running?.job_id && running.purpose === 'enrich') return { crawl: running, jobId: running.job_id };
    const crawl = await insertCrawl(tx, { id: randomUUID(), companyId, siteId: site.id, purpose: 'enrich', options, trigger: o.trigger, createdBy: o.actor });
    const jobId = await tx.jobs.enqueue('enrich', { crawlId: crawl.id, companyId }, { idempotencyKey: `enrich:${crawl.id}` });
    await setCrawlJob(tx, crawl.id, jobId);
    return { crawl: { ...crawl, job_id: jobId }, jobId };
  });
  // After the commit: the key-value store is another transaction (one connection on PGlite).
  await locate.remember(ctx.kv, 'crawl', queued.crawl.id, companyId);
  return queued;
}

/**
 * The `enrich` job: reads the front page and the likeliest about, contact and product pages
 * (robots.txt obeyed, politely, a few pages only), extracts the profile with a source URL for
 * every field, keeps it, fills the company's gaps (never overwriting what staff entered), and
 * puts it on the company's timeline.
 *
 * @example
 * ctx.jobs.define('enrich', (p: { crawlId: string; companyId: string }, job) => runEnrichment(ctx, p.companyId, p.crawlId, job));
 */
export async function runEnrichment(ctx: Ctx, companyId: string, crawlId: string, job: Pick<JobRun, 'signal' | 'progress'>): Promise<{ fields: string[]; applied: string[] }> {
  const store = ctx.forCompany(companyId);
  const crawl = await startCrawl(store, crawlId);
  if (!crawl) return { fields: [], applied: [] };
  const company = await ctx.companies.get(companyId);
  const start = company ? websiteOf(company) : null;
  try {
    if (!start) throw new Error('The company has no domain or website any more');
    const signal = AbortSignal.any([job.signal, ctx.shutdown]);
    const agent = userAgent(ctx.config.contactUrl);
    const robots = await readRobots(ctx.fetch, new URL(start).origin, { userAgent: agent, timeoutMs: ctx.config.timeoutMs, signal });
    if (robots.blockedReason) throw new Error(`${start}: ${robots.blockedReason}`);
    const gate = new HostGate({ concurrency: 1, delayMs: Math.max(ctx.config.delayMs, (robots.crawlDelay ?? 0) * 1000) });
    const read = async (url: string) => {
      const release = await gate.take(new URL(url).host, signal);
      try {
        return await fetchPage(url, {
          fetch: ctx.fetch, userAgent: agent, timeoutMs: ctx.config.timeoutMs, maxBytes: ctx.config.maxBytes, maxRedirects: ctx.config.maxRedirects,
          allowed: (u) => robots.isAllowed(u), wanted: (type) => HTML.test(type), signal,
        });
      } finally {
        release();
      }
    };
    const pages: { url: string; html: string; fetchedAt: string }[] = [];
    const front = robots.isAllowed(start) ? await read(start) : null;
    if (!front || front.kind !== 'ok') throw new Error(`The front page ${start} could not be read (${front ? describe(front) : 'robots.txt disallows it'})`);
    const frontHtml = decodeHtml(front.body, front.contentType).html;
    pages.push({ url: front.url, html: frontHtml, fetchedAt: new Date().toISOString() });
    await bumpCrawl(store, crawlId, { fetched: 1, bytes: front.body.byteLength });
    const links = extractPage(frontHtml, front.url).links.map((l) => ({ url: l.url, text: l.text }));
    const candidates = pickProfilePages(links, front.url, ctx.config.enrichPages - 1).filter((u) => sameSite(u, front.url));
    await job.progress(1, candidates.length + 1, 'front page read');
    for (const [i, url] of candidates.entries()) {
      if (!robots.isAllowed(url)) {
        await bumpCrawl(store, crawlId, { skipped: 1, reason: 'disallowed' });
        continue;
      }
      const page = await read(url);
      if (page.kind === 'ok') {
        pages.push({ url: page.url, html: decodeHtml(page.body, page.contentType).html, fetchedAt: new Date().toISOString() });
        await bumpCrawl(store, crawlId, { fetched: 1, bytes: page.body.byteLength });
      } else if (page.kind === 'skip') await bumpCrawl(store, crawlId, { skipped: 1, reason: page.reason });
      else await bumpCrawl(store, crawlId, { failed: 1 });
      await job.progress(i + 2, candidates.length + 1, `${pages.length} pages read`);
    }
    const profile = extractProfile(pages);
    if (ctx.llm.available) await summarise(ctx, profile, pages, signal);
    const applied = await keep(ctx, companyId, crawlId, front.url, profile, pages.map((p) => p.url));
    await patchSite(store, crawl.site_id, { last_crawl_id: crawlId });
    await finishCrawl(store, crawlId, 'succeeded', null);
    return { fields: filledFields(profile), applied };
  } catch (error) {
    if (job.signal.aborted) throw error;
    await finishCrawl(store, crawlId, 'failed', (error as Error).message);
    return { fields: [], applied: [] };
  }
}

function describe(page: Awaited<ReturnType<typeof fetchPage>>): string {
  switch (page.kind) {
    case 'skip': return `${page.reason}: ${page.detail}`;
    case 'retry': return `${page.reason}: ${page.detail}`;
    case 'gone': return `HTTP ${page.status}`;
    default: return page.kind;
  }
}

/** The fields of a profile that were found. */
function filledFields(profile: CompanyProfile): string[] {
  return Object.entries(profile).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined)).map(([k]) => k);
}

/** Stores the profile, writes what it found onto the company, and records it on the timeline. */
async function keep(ctx: Ctx, companyId: string, crawlId: string, url: string, profile: CompanyProfile, pages: string[]): Promise<string[]> {
  const store = ctx.forCompany(companyId);
  await insertProfile(store, { id: randomUUID(), companyId, url, profile, pages, crawlId });
  const address = profile.address ? `${profile.address.value.street}, ${profile.address.value.postalCode} ${profile.address.value.city}` : undefined;
  const attributes: Record<string, unknown> = {
    website_profile: { ...profile, url, read_at: new Date().toISOString() },
    ...(address ? { address } : {}),
    ...(profile.address ? { city: profile.address.value.city } : {}),
    ...(profile.keywords?.value.length ? { industry: profile.keywords.value.slice(0, 3).join(', ') } : {}),
  };
  const { applied } = await ctx.companies.enrich(companyId, { attributes, ...(profile.cvr ? { cvr: profile.cvr.value } : {}), website_url: url });
  await store.timeline.record({
    type: 'website.enriched',
    payload: {
      crawl_id: crawlId, url, pages: pages.length, fields: filledFields(profile), applied,
      name: profile.name?.value ?? null, description: profile.description?.value ?? null, cvr: profile.cvr?.value ?? null,
      email: profile.emails[0]?.value ?? null, phone: profile.phones[0]?.value ?? null, address: address ?? null,
    },
  });
  await ctx.events.emit('website.enriched', { companyId, crawlId, fields: filledFields(profile) });
  return applied;
}

/** With an LLM configured: a two-sentence description from the pages read, in the site's language, marked as a summary. */
async function summarise(ctx: Ctx, profile: CompanyProfile, pages: { url: string; html: string }[], signal: AbortSignal): Promise<void> {
  const text = pages.map((p) => extractPage(p.html, p.url).text.slice(0, 3000)).join('\n\n').slice(0, 9000);
  if (text.length < 200) return;
  try {
    const { text: summary } = await ctx.llm.complete({
      messages: [
        { role: 'system', content: 'You summarise what a company does from its own website, in two sentences, in the language of the website. Only state what the text says. No marketing words.' },
        { role: 'user', content: text },
      ],
      maxTokens: 160, temperature: 0, signal,
    });
    const clean = summary.trim().slice(0, 500);
    if (clean) profile.summary = { value: clean, url: pages[0]!.url, at: new Date().toISOString() };
  } catch (error) {
    ctx.logger.warn({ err: error }, 'the LLM summary of a company website failed; the profile keeps its meta description');
  }
}
