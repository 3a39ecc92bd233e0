import { createHash } from 'node:crypto';
import type { DocumentsApi } from '../../documents/api.ts';
import type { CrawlOptions } from '../config.ts';
import type { Ctx } from '../context.ts';
import { decodeHtml, extractPage, type ExtractedPage } from '../extract/index.ts';
import {
  addUrls, bumpCrawl, countAttempt, countBlocks, type CrawlDelta, finishUrl, type FrontierRow, type NewUrl, pageValidators, removePage, retryUrlLater,
  savePage, type SiteRow, type Sql, touchPage,
} from '../store.ts';
import { fetchPage } from './fetch-page.ts';
import { metaRefresh } from './meta-refresh.ts';
import type { HostGate } from './hosts.ts';
import type { RobotsRules } from './robots.ts';
import type { Renderer } from './render.ts';
import { fileNameOf, normalizeUrl, pathMatcher, sameSite } from './url.ts';

const HTML = /^(?:text\/html|application\/xhtml\+xml)\b/;
const DOCUMENT_TYPES = /^(?:application\/pdf|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document|application\/msword)\b/;
const DOCUMENT_EXTENSIONS = /\.(?:pdf|docx|doc)$/i;

/** What one crawl run shares between the URLs it visits. */
export interface CrawlRun {
  ctx: Ctx;
  store: Sql;
  companyId: string;
  crawlId: string;
  site: SiteRow;
  options: CrawlOptions;
  visibility: 'public' | 'internal';
  userAgent: string;
  gate: HostGate;
  robots: (url: string) => Promise<RobotsRules>;
  renderer: () => Renderer | null;
  documents: DocumentsApi | undefined;
  signal: AbortSignal;
  /** Pages saved since the last indexing pass. */
  saved: number;
  /** URLs this run has put in the frontier (the database knows them; this saves asking again). */
  seen: Set<string>;
}

/** A URL's fate for the crawl's counts and its frontier row. */
interface Verdict {
  state: 'done' | 'skipped' | 'failed';
  outcome: string;
  detail?: string | null;
  status?: number | null;
  delta: CrawlDelta;
}

/**
 * Visits one frontier URL: checks it (robots.txt, lastmod), fetches it politely, and writes
 * what came of it in one transaction (the page, the site's block counts, the URLs it links
 * to, the frontier row and the crawl's counts), so a crawl stopped anywhere resumes with
 * nothing lost or counted twice. A retry is recorded as a later time on the same row.
 *
 * @example
 * await visit(run, row);
 */
export async function visit(run: CrawlRun, row: FrontierRow): Promise<void> {
  const { store, site, crawlId } = run;
  const robots = await run.robots(row.url);
  if (!robots.isAllowed(row.url)) return dropped(run, row, { outcome: 'disallowed', detail: robots.blockedReason ?? 'robots.txt disallows it', status: null, bytes: 0 }, []);
  const known = await pageValidators(store, site.id, row.url);
  if (row.lastmod && known?.status === 'indexed' && known.kind === 'page' && new Date(known.fetched_at) >= new Date(row.lastmod)) {
    await touchPage(store, site.id, row.url, {});
    return settle(run, row, { state: 'done', outcome: 'unchanged', detail: 'sitemap lastmod', delta: { unchanged: 1 } }, { links: known.links });
  }
  const host = new URL(row.url).host;
  const release = await run.gate.take(host, run.signal);
  let fetched;
  try {
    await countAttempt(store, crawlId, row.url);
    fetched = await fetchPage(row.url, {
      fetch: run.ctx.fetch, userAgent: run.userAgent, timeoutMs: run.ctx.config.timeoutMs, maxBytes: run.ctx.config.maxBytes, maxRedirects: run.ctx.config.maxRedirects,
      validators: async (url) => {
        const page = url === row.url ? known : await pageValidators(store, site.id, url);
        return page?.status === 'indexed' ? { etag: page.etag, lastModified: page.last_modified } : undefined;
      },
      allowed: (url) => robots.isAllowed(url), wanted: (type, url) => HTML.test(type) || isDocument(type, url), signal: run.signal,
    });
  } finally {
    release();
  }
  if ((fetched.kind === 'ok' || fetched.kind === 'not_modified' || fetched.kind === 'gone') && fetched.url !== row.url) {
    // A redirect: the target is the page; the URL that redirected is recorded as such.
    const [added] = await addUrls(store, run.companyId, crawlId, [{ url: fetched.url, depth: row.depth, via: 'redirect', referrer: row.url }]);
    await settle(run, row, { state: 'done', outcome: 'redirected', detail: fetched.url, status: null, delta: {} });
    if (!added) return; // the target was seen already in this crawl
    row = { ...row, url: fetched.url, via: 'redirect', attempts: 0 };
    await bumpCrawl(store, crawlId, { queued: 1 });
  }
  switch (fetched.kind) {
    case 'retry': {
      const attempts = row.attempts + 1;
      const waitMs = fetched.waitMs ?? Math.min(30_000, 1000 * 2 ** (attempts - 1));
      const maxWait = run.ctx.config.maxWaitSeconds * 1000;
      if (fetched.waitMs !== null) run.gate.pause(host, Date.now() + Math.min(waitMs, maxWait));
      if (attempts >= run.ctx.config.maxAttempts || waitMs > maxWait) {
        const why = waitMs > maxWait ? `${fetched.detail}; asked to wait ${Math.round(waitMs / 1000)} s, more than the ${run.ctx.config.maxWaitSeconds} s we wait` : `${fetched.detail} (${attempts} attempts)`;
        return settle(run, row, { state: 'failed', outcome: fetched.reason, detail: why, status: fetched.status, delta: { failed: 1 } });
      }
      await retryUrlLater(store, crawlId, row.url, new Date(Date.now() + waitMs), fetched.detail, fetched.status);
      return;
    }
    case 'skip':
      return settle(run, row, { state: 'skipped', outcome: fetched.reason, detail: fetched.detail, status: fetched.status ?? null, delta: {} });
    case 'gone':
      return gone(run, row, fetched.status);
    case 'not_modified':
      await touchPage(store, site.id, row.url, { etag: fetched.etag, lastModified: fetched.lastModified });
      return settle(run, row, { state: 'done', outcome: 'unchanged', detail: 'HTTP 304', status: 304, delta: { unchanged: 1 } }, { links: (await pageValidators(store, site.id, row.url))?.links ?? [] });
    case 'ok':
      if (isDocument(fetched.contentType, fetched.url)) return document(run, row, fetched);
      return page(run, row, fetched);
  }
}

/**
 * An `X-Robots-Tag` header's rules for every crawler or ours (`open-crm-crawler: noindex`);
 * rules for another named agent are not ours.
 */
function robotsHeader(header: string | null): { noindex: boolean; nofollow: boolean } {
  const rules = (header ?? '').split(',').map((r) => r.trim().toLowerCase());
  let agent: string | null = null;
  const ours: string[] = [];
  for (const rule of rules) {
    const named = /^([a-z0-9_-]+)\s*:\s*(.*)$/.exec(rule);
    if (named && !['noindex', 'nofollow', 'none', 'unavailable_after', 'max-snippet', 'max-image-preview', 'max-video-preview'].includes(named[1]!)) {
      agent = named[1]!;
      if (agent === 'open-crm-crawler') ours.push(named[2]!);
      continue;
    }
    if (agent === null || agent === 'open-crm-crawler') ours.push(rule);
  }
  return { noindex: ours.some((r) => r === 'noindex' || r === 'none'), nofollow: ours.some((r) => r === 'nofollow' || r === 'none') };
}

function isDocument(contentType: string, url: string): boolean {
  return DOCUMENT_TYPES.test(contentType) || (/^(?:application\/octet-stream|binary\/octet-stream)?\b/.test(contentType) && DOCUMENT_EXTENSIONS.test(new URL(url).pathname));
}

type Ok = Extract<Awaited<ReturnType<typeof fetchPage>>, { kind: 'ok' }>;

async function page(run: CrawlRun, row: FrontierRow, fetched: Ok): Promise<void> {
  let html = decodeHtml(fetched.body, fetched.contentType).html;
  let extracted: ExtractedPage = extractPage(html, fetched.url);
  const bytes = fetched.body.byteLength;
  // An empty hop that redirects with <meta http-equiv=refresh>: followed like a 3xx.
  const refresh = extracted.blocks.length <= 2 ? metaRefresh(html, fetched.url) : null;
  const refreshTo = refresh ? normalizeUrl(refresh) : null;
  if (refreshTo && refreshTo !== row.url) {
    if (!sameSite(refreshTo, run.site.url)) return settle(run, row, { state: 'skipped', outcome: 'redirect_off_site', detail: `meta refresh to ${refreshTo}`, status: fetched.status, delta: { bytes } });
    return settle(run, row, { state: 'done', outcome: 'redirected', detail: `meta refresh to ${refreshTo}`, status: fetched.status, delta: { bytes } }, { extra: [{ url: refreshTo, depth: row.depth, via: 'redirect', referrer: row.url }] });
  }
  let rendered = false;
  // An app shell: empty without its scripts (chrome around an empty root counts as empty).
  if (extracted.shell || (extracted.blocks.length === 0 && /<script\b/i.test(html))) {
    const renderer = run.options.render ? run.renderer() : null;
    if (!renderer) return settle(run, row, { state: 'skipped', outcome: 'needs_javascript', detail: 'the page is empty without JavaScript; crawl with render: true to render it', status: fetched.status, delta: { bytes } });
    try {
      const result = await renderer.render(fetched.url, { timeoutMs: run.ctx.config.renderTimeoutMs });
      html = result.html;
      extracted = extractPage(html, fetched.url);
      rendered = true;
    } catch (error) {
      return settle(run, row, { state: 'failed', outcome: 'render_failed', detail: (error as Error).message, status: fetched.status, delta: { failed: 1, bytes } });
    }
  }
  const links = extracted.robots.nofollow ? [] : extracted.links.filter((l) => !l.rel.includes('nofollow')).map((l) => l.url);
  const header = robotsHeader(fetched.robotsTag);
  if (header.nofollow) links.length = 0;
  if (extracted.robots.noindex || header.noindex) return dropped(run, row, { outcome: 'noindex', detail: header.noindex ? 'X-Robots-Tag: noindex' : 'meta robots noindex', status: fetched.status, bytes }, links);
  const canonical = extracted.canonical ? normalizeUrl(extracted.canonical) : null;
  if (canonical && canonical !== row.url && sameSite(canonical, row.url)) {
    return dropped(run, row, { outcome: 'canonical_duplicate', detail: `canonical is ${canonical}`, status: fetched.status, bytes }, links, [{ url: canonical, depth: row.depth, via: 'canonical', referrer: row.url }]);
  }
  if (extracted.blocks.length === 0) return dropped(run, row, { outcome: 'empty', detail: rendered ? 'no text after rendering' : 'no text', status: fetched.status, bytes }, links);
  const contentHash = createHash('sha256').update(`${extracted.title ?? ''}\n${extracted.text}`).digest('hex');
  const known = await pageValidators(run.store, run.site.id, row.url);
  if (known?.status === 'indexed' && known.content_hash === contentHash) {
    await touchPage(run.store, run.site.id, row.url, { etag: fetched.etag, lastModified: fetched.lastModified });
    return settle(run, row, { state: 'done', outcome: 'unchanged', detail: 'same content', status: fetched.status, delta: { unchanged: 1, bytes } }, { links });
  }
  const lang = extracted.lang ?? run.ctx.text.detectLanguage(extracted.text.slice(0, 4000));
  await run.ctx.forCompany(run.companyId).transaction(async (tx) => {
    const saved = await savePage(tx, {
      companyId: run.companyId, siteId: run.site.id, url: row.url, kind: 'page', title: extracted.title, lang, etag: fetched.etag, lastModified: fetched.lastModified,
      contentHash, blocks: extracted.blocks, links,
    });
    await countBlocks(tx, run.companyId, run.site.id, saved.oldBlocks, [...new Set(extracted.blocks.map((b) => b.hash))]);
    const outcome = saved.existed ? 'changed' : 'new';
    await settleIn(tx, run, row, { state: 'done', outcome, detail: rendered ? 'rendered' : null, status: fetched.status, delta: { fetched: 1, bytes, ...(saved.existed ? { changed_pages: 1 } : { new_pages: 1 }) } }, { links });
  });
  run.saved++;
}

/** A page that is not (or no longer) indexed: taken out if it was, its links still followed. */
async function dropped(run: CrawlRun, row: FrontierRow, why: { outcome: string; detail: string; status: number | null; bytes: number }, links: string[], extra: NewUrl[] = []): Promise<void> {
  await run.ctx.forCompany(run.companyId).transaction(async (tx) => {
    const removed = await removePage(tx, run.site.id, row.url);
    if (removed) {
      await countBlocks(tx, run.companyId, run.site.id, removed, []);
      await tx.passages.remove({ sourceType: 'web_page', sourceId: row.url });
    }
    await settleIn(tx, run, row, { state: 'skipped', outcome: why.outcome, detail: why.detail, status: why.status, delta: { bytes: why.bytes, ...(removed ? { removed_pages: 1 } : {}) } }, { links, extra });
  });
}

async function gone(run: CrawlRun, row: FrontierRow, status: number): Promise<void> {
  await run.ctx.forCompany(run.companyId).transaction(async (tx) => {
    const removed = await removePage(tx, run.site.id, row.url);
    if (removed) {
      await countBlocks(tx, run.companyId, run.site.id, removed, []);
      await tx.passages.remove({ sourceType: 'web_page', sourceId: row.url });
    }
    await settleIn(tx, run, row, removed
      ? { state: 'done', outcome: 'removed', detail: `HTTP ${status}: its passages were removed`, status, delta: { removed_pages: 1 } }
      : { state: 'skipped', outcome: 'not_found', detail: `HTTP ${status}`, status, delta: {} });
  });
}

async function document(run: CrawlRun, row: FrontierRow, fetched: Ok): Promise<void> {
  const bytes = fetched.body.byteLength;
  if (!run.documents) return settle(run, row, { state: 'skipped', outcome: 'documents_off', detail: 'the documents plugin is not running, so PDF and Word files are not read', status: fetched.status, delta: { bytes } });
  const contentHash = createHash('sha256').update(fetched.body).digest('hex');
  const known = await pageValidators(run.store, run.site.id, row.url);
  if (known?.status === 'indexed' && known.content_hash === contentHash) {
    await touchPage(run.store, run.site.id, row.url, { etag: fetched.etag, lastModified: fetched.lastModified });
    return settle(run, row, { state: 'done', outcome: 'unchanged', detail: 'same file', status: fetched.status, delta: { unchanged: 1, bytes } });
  }
  const handed = await run.documents.store(run.companyId, { name: fileNameOf(row.url, 'document.pdf'), data: fetched.body, visibility: run.visibility, actor: 'website' });
  if (handed.outcome === 'refused') return settle(run, row, { state: 'skipped', outcome: 'document_refused', detail: handed.reason, status: fetched.status, delta: { bytes } });
  await run.ctx.forCompany(run.companyId).transaction(async (tx) => {
    const saved = await savePage(tx, {
      companyId: run.companyId, siteId: run.site.id, url: row.url, kind: 'document', title: handed.name, lang: null, etag: fetched.etag, lastModified: fetched.lastModified,
      contentHash, blocks: [], links: [], documentId: handed.documentId,
    });
    await settleIn(tx, run, row, { state: 'done', outcome: 'document', detail: `${handed.outcome === 'duplicate' ? 'already a document' : 'a new document'}: ${handed.documentId}`, status: fetched.status,
      delta: { fetched: 1, documents: 1, bytes, ...(saved.existed ? { changed_pages: 1 } : { new_pages: 1 }) } });
  });
}

/** Records a URL's verdict (and the links it leads to) in one transaction. */
async function settle(run: CrawlRun, row: FrontierRow, verdict: Verdict, follow: { links?: string[]; extra?: NewUrl[] } = {}): Promise<void> {
  await run.ctx.forCompany(run.companyId).transaction((tx) => settleIn(tx, run, row, verdict, follow));
}

async function settleIn(tx: Sql, run: CrawlRun, row: FrontierRow, verdict: Verdict, follow: { links?: string[]; extra?: NewUrl[] } = {}): Promise<void> {
  // Links this run added already are not sent to the database again (a menu is on every page).
  const next = [...(follow.extra ?? []), ...(await followable(run, row, follow.links ?? []))].filter((u) => !run.seen.has(u.url));
  const added = await addUrls(tx, run.companyId, run.crawlId, next);
  for (const u of next) run.seen.add(u.url);
  const queued = added.filter((a) => a.state === 'queued').length;
  const skippedNow = added.filter((a) => a.state === 'skipped');
  await finishUrl(tx, run.crawlId, row.url, { state: verdict.state, outcome: verdict.outcome, detail: verdict.detail ?? null, httpStatus: verdict.status ?? null });
  const skipped = verdict.state === 'skipped' ? 1 : 0;
  await bumpCrawl(tx, run.crawlId, { ...verdict.delta, queued, skipped: skipped + (verdict.delta.skipped ?? 0), ...(skipped ? { reason: verdict.outcome } : {}) });
  // Links skipped on sight (robots.txt, the crawl's patterns, its depth) are counted by reason.
  const reasons = new Map<string, number>();
  for (const s of skippedNow) reasons.set(s.outcome!, (reasons.get(s.outcome!) ?? 0) + 1);
  for (const [reason, n] of reasons) await bumpCrawl(tx, run.crawlId, { skipped: n, reason, reasonCount: n });
}

/** The links of a page the crawl takes: on the site, by the crawl's patterns and depth, robots.txt checked on sight. */
async function followable(run: CrawlRun, row: FrontierRow, links: string[]): Promise<NewUrl[]> {
  const include = run.options.include.map(pathMatcher);
  const exclude = run.options.exclude.map(pathMatcher);
  const out = new Map<string, NewUrl>();
  for (const link of links) {
    const url = normalizeUrl(link);
    if (!url || out.has(url) || url === row.url || !sameSite(url, run.site.url)) continue;
    const depth = row.depth + 1;
    let skip: string | undefined;
    if (exclude.some((m) => m(url)) || (include.length > 0 && !include.some((m) => m(url)))) skip = 'excluded';
    // Checked as linked and as normalised: `Disallow: /intern/` covers a link to /intern/, which we spell /intern.
    else if (!(await run.robots(url)).isAllowed(url) || !(await run.robots(url)).isAllowed(new URL(link).href)) skip = 'disallowed';
    else if (depth > run.options.max_depth) skip = 'max_depth';
    out.set(url, { url, depth, via: 'link', referrer: row.url, ...(skip ? { skip } : {}) });
  }
  return [...out.values()];
}
