/**
 * The website plugin against a real site on loopback (test/support/fixture-site.ts: 48 pages
 * in Danish and English with robots.txt, a gzipped sitemap index, redirects, a loop, canonical
 * and tracking duplicates, failures that recover, a 20 MB page, a slow page, documents, an
 * image, Windows-1252, a JavaScript-only page, and a header, nav, cookie banner and footer on
 * every page), through the HTTP API: the set of pages indexed, the reason for every skip, no
 * boilerplate in any chunk, a re-crawl that asks conditionally and writes nothing, changes and
 * removals noticed, the chatbot citing a crawled page with its anchor, the SSRF guard, and the
 * enrichment of a customer company. PGlite and, with TEST_DATABASE_URL, Postgres.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { rowsOf } from '../../core/db/types.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { type CompanySite, FIXTURE_PATHS as P, type FixtureSite, startCompanySite, startFixtureSite } from '../../test/support/fixture-site.ts';
import chat from '../chat/index.ts';
import documents from '../documents/index.ts';
import plugin from './index.ts';

const T = 180_000;
const CONFIG = { delayMs: 0, timeoutMs: 1500, maxBytes: 2 * 1024 * 1024, maxAttempts: 2, maxWaitSeconds: 5, autoEnrich: false, schedule: true };

describe.each(DRIVERS)('website plugin on %s', (driver) => {
  let database: TestDatabase;
  let host: TestHost;
  let site: FixtureSite;
  let folder: string;
  let first: Record<string, any>;
  let firstUrls: Record<string, any>[];

  const crawl = async (body: Record<string, unknown>) => {
    const res = await host.request('POST', '/api/website/crawls', { body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await host.runJobs();
    return (await host.request('GET', `/api/website/crawls/${res.body.id}`)).body as Record<string, any>;
  };
  const urlsOf = async (crawlId: string) => {
    const all: Record<string, any>[] = [];
    let cursor: string | null = null;
    do {
      const res = await host.request('GET', `/api/website/crawls/${crawlId}/urls?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...res.body.items);
      cursor = res.body.next_cursor;
    } while (cursor);
    return all;
  };
  const outcome = (urls: Record<string, any>[], pathname: string) => urls.find((u) => u.url === `${site.url}${pathname}`);
  const chunks = async () =>
    rowsOf<{ source_id: string; url: string | null; anchor: string | null; content: string; heading_path: string[]; id: string; visibility: string }>(
      await host.db.orm.execute(sql`select id, source_id, url, anchor, content, heading_path, visibility from chunks where source_type = 'web_page' order by source_id, ordinal`),
    );

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-website-'));
    site = await startFixtureSite({ crawlDelay: 0.05, slowMs: 4000, retryAfterSeconds: 1, bigPageBytes: 3 * 1024 * 1024 });
    host = await createTestHost({ plugins: [chat, documents, { plugin, config: CONFIG }], database: database.db, blobFolder: folder, fetchAllow: ['127.0.0.1'] });
    first = await crawl({ url: `${site.url}/` });
    firstUrls = await urlsOf(first.id);
  }, T);
  afterAll(async () => {
    await host?.close();
    await site?.close();
    await database?.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('indexes exactly the pages a careful crawler should, and hands the documents over', { timeout: T }, async () => {
    expect(first, JSON.stringify(first)).toMatchObject({ status: 'succeeded', error: null });
    const pages = (await host.request('GET', `/api/website/sites/${first.site_id}/pages?limit=200`)).body.items as { url: string; kind: string; status: string; passages: number }[];
    const indexed = pages.filter((p) => p.kind === 'page' && p.status === 'indexed').map((p) => p.url).sort();
    expect(indexed).toEqual([...site.expectedIndexed].sort());
    expect(pages.filter((p) => p.kind === 'document').map((p) => p.url).sort()).toEqual([...site.expectedDocuments].sort());
    expect(first.pages).toMatchObject({ new: site.expectedIndexed.length + site.expectedDocuments.length, changed: 0, removed: 0, documents: site.expectedDocuments.length });
    const docs = (await host.request('GET', `/api/documents?limit=50&company_id=${first.company_id}`)).body.items as { name: string; visibility: string }[];
    expect(docs.map((d) => d.name).sort()).toEqual(['betingelser.docx', 'prisliste.pdf']);
    expect(docs.every((d) => d.visibility === 'public')).toBe(true);
    // The robots verdict and the sitemaps it named (the index and both sitemaps under it).
    expect(first.robots).toMatchObject({ status: 200, crawl_delay: 0.05, blocked: null });
    expect(first.robots.sitemaps).toHaveLength(3);
  });

  it('says why each page was not taken', { timeout: T }, async () => {
    const expectations: [string, string, string][] = [
      [P.disallowedPages[0]!, 'skipped', 'disallowed'],
      [P.disallowedPages[1]!, 'skipped', 'disallowed'],
      [P.redirectLoop[0]!, 'skipped', 'redirect_loop'],
      [P.redirectChain, 'done', 'redirected'],
      [P.redirectTarget, 'done', 'new'],
      [P.notFound, 'skipped', 'not_found'],
      [P.staleSitemapEntry, 'skipped', 'not_found'],
      [P.unstable, 'done', 'new'],
      [P.busy, 'done', 'new'],
      [P.big, 'skipped', 'too_large'],
      [P.bigChunked, 'skipped', 'too_large'],
      [P.slow, 'failed', 'timeout'],
      [P.image, 'skipped', 'content_type'],
      [P.zip, 'skipped', 'content_type'],
      [P.json, 'skipped', 'content_type'],
      [P.noindex, 'skipped', 'noindex'],
      [P.noindexHeader, 'skipped', 'noindex'],
      [P.canonicalProduct, 'skipped', 'canonical_duplicate'],
      [P.canonicalPrint, 'skipped', 'canonical_duplicate'],
      [P.jsOnly, 'skipped', 'needs_javascript'],
      [P.pdf, 'done', 'document'],
      [P.windows1252, 'done', 'new'],
    ];
    for (const [pathname, state, why] of expectations) expect(outcome(firstUrls, pathname), pathname).toMatchObject({ state, outcome: why });
    expect(first.skipped_reasons).toMatchObject({ disallowed: expect.any(Number), redirect_loop: 1, too_large: 2, content_type: 3, noindex: 2, canonical_duplicate: 2, needs_javascript: 1 });
    expect(first.progress).toMatchObject({ failed: 1, pending: 0 });
    // Nofollow and off-site links are not in the crawl at all.
    expect(outcome(firstUrls, P.nofollowTarget)).toBeUndefined();
    expect(firstUrls.some((u) => !u.url.startsWith(site.url))).toBe(false);
  });

  it('never fetches a disallowed page, and fetches every page once', { timeout: T }, async () => {
    for (const pathname of P.disallowedPages) expect(site.count(pathname), pathname).toBe(0);
    const html = site.expectedIndexed.map((u) => new URL(u).pathname);
    for (const pathname of html) {
      if (pathname === P.unstable || pathname === P.busy) continue;
      const gets = site.requests.filter((r) => r.method === 'GET' && new URL(r.path, site.url).pathname.replace(/\/$/, '') === pathname.replace(/\/$/, '') && !r.path.includes('visning=print'));
      expect(gets.length, pathname).toBeLessThanOrEqual(pathname === '/' ? 1 : 2);
    }
    expect(site.count(P.unstable)).toBe(2);
    expect(site.count(P.busy)).toBe(2);
    const ua = site.requests.find((r) => r.path === '/')!.headers['user-agent'];
    expect(ua).toMatch(/open-crm-crawler\/1\.0; \+https?:\/\//);
  });

  it('keeps navigation, cookie banners, footers and scripts out of every chunk, and cites by anchor', { timeout: T }, async () => {
    const rows = await chunks();
    expect(new Set(rows.map((r) => r.source_id)).size).toBe(site.expectedIndexed.length);
    for (const text of [...site.boilerplateTexts, ...site.hiddenTexts]) {
      const found = rows.find((r) => r.content.includes(text));
      expect(found, `"${text}" in ${found?.source_id}`).toBeUndefined();
    }
    // Each page's own sentence is there, on its own page.
    for (const url of site.expectedIndexed) {
      const sentence = site.uniqueText.get(url);
      if (sentence) expect(rows.some((r) => r.source_id === url && r.content.replace(/\s+/g, ' ').includes(sentence)), url).toBe(true);
    }
    const prices = rows.filter((r) => r.source_id === `${site.url}${P.prices}`);
    expect(prices.some((r) => r.anchor === P.pricesHeadingId && /tagrende/i.test(r.content))).toBe(true);
    expect(rows.every((r) => r.visibility === 'public')).toBe(true);
    // Windows-1252 decoded: Danish letters and the euro sign as written.
    const old = rows.filter((r) => r.source_id === `${site.url}${P.windows1252}`).map((r) => r.content).join(' ');
    expect(old).toMatch(/[æøå]/);
    expect(old).not.toContain('\ufffd');
  });

  it('answers a visitor from a crawled page and cites its URL with the anchor', { timeout: T }, async () => {
    const ORIGIN = 'https://www.tagrender-og-tag.dk';
    const siteKey = (await host.request('POST', '/api/chat/sites', { body: { name: 'Web', allowed_origins: [ORIGIN] } })).body.site_key;
    const headers = { origin: ORIGIN };
    const session = (await host.request('POST', '/api/chat/sessions', { token: null, headers, body: { site_key: siteKey, lang: 'da' } })).body;
    const res = await host.request('POST', `/api/chat/sessions/${session.session_id}/messages`, { token: session.visitor_token, headers, body: { text: 'Hvad koster en tagrende i zink pr. meter?' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const citations = res.body.reply.citations as { url: string | null }[];
    expect(citations.map((c) => c.url)).toContain(`${site.url}${P.prices}#${P.pricesHeadingId}`);
  });

  it('re-crawls an unchanged site with conditional requests and writes nothing', { timeout: T }, async () => {
    const before = await chunks();
    const pagesBefore = rowsOf(await host.db.orm.execute(sql`select url, changed_at, indexed_hash from website_pages order by url`));
    const mark = site.requests.length;
    const again = await crawl({ url: `${site.url}/` });
    expect(again, JSON.stringify(again)).toMatchObject({ status: 'succeeded', pages: { new: 0, changed: 0, removed: 0 } });
    expect(again.progress.unchanged).toBeGreaterThanOrEqual(site.expectedIndexed.length);
    const seen = site.requests.slice(mark).filter((r) => r.method === 'GET' && r.status !== 0);
    const pageGets = seen.filter((r) => site.expectedIndexed.includes(`${site.url}${r.path === '/' ? '/' : r.path}`));
    // Pages the sitemap dates as unchanged are not asked for at all; the others conditionally, answered 304.
    expect(pageGets.every((r) => r.headers['if-none-match'] || r.headers['if-modified-since'])).toBe(true);
    expect(pageGets.every((r) => r.status === 304 || r.path === P.unstable || r.path === P.busy)).toBe(true);
    expect(await chunks()).toEqual(before);
    expect(rowsOf(await host.db.orm.execute(sql`select url, changed_at, indexed_hash from website_pages order by url`))).toEqual(pagesBefore);
  });

  it('notices a changed page and a removed one, and reports them', { timeout: T }, async () => {
    const removed = `${site.url}/job`;
    expect(site.expectedIndexed).toContain(removed);
    site.edit(P.prices, '<h2 id="tagrender">Tagrender</h2><p>Nye priser fra 1. januar: zinktagrende 495 kr. pr. meter, monteret.</p><h2 id="nedloeb">Nedløb</h2><p>Nedløbsrør 310 kr. pr. meter.</p>');
    site.remove('/job');
    const third = await crawl({ url: `${site.url}/` });
    expect(third, JSON.stringify(third)).toMatchObject({ status: 'succeeded', pages: { changed: 1, removed: 1, new: 0 } });
    const rows = await chunks();
    expect(rows.some((r) => r.source_id === removed)).toBe(false);
    expect(rows.filter((r) => r.source_id === `${site.url}${P.prices}`).map((r) => r.content).join(' ')).toContain('495 kr.');
    const timeline = (await host.request('GET', `/api/companies/${third.company_id}/timeline?type=website.crawled`)).body.items as { payload: Record<string, any> }[];
    expect(timeline[0]!.payload).toMatchObject({ changed: 1, removed: 1, summary: { da: expect.stringContaining('1 ændrede'), en: expect.stringContaining('1 removed') } });
  });

  it('keeps to the patterns and the page budget, and says so', { timeout: T }, async () => {
    const res = await crawl({ url: `${site.url}/`, max_pages: 5, exclude: ['/en'] });
    expect(res).toMatchObject({ status: 'succeeded', progress: { pending: 0 } });
    const urls = await urlsOf(res.id);
    expect(urls.filter((u) => u.attempts > 0).length).toBeLessThanOrEqual(5);
    expect(urls.filter((u) => u.url.startsWith(`${site.url}/en`)).every((u) => u.outcome === 'excluded')).toBe(true);
    expect(res.skipped_reasons.max_pages).toBeGreaterThan(0);
  });

  it('renders JavaScript-only pages in Chromium when asked, and leaves no browser running', { timeout: T }, async () => {
    const res = await crawl({ url: `${site.url}/`, render: true, include: ['/app'] });
    expect(res, JSON.stringify(res)).toMatchObject({ status: 'succeeded' });
    const urls = await urlsOf(res.id);
    // /app is built by its script; /app/vejledning is a plain page linked only from what the script built.
    expect(urls.find((u) => u.url === `${site.url}${P.jsOnly}`)).toMatchObject({ state: 'done', outcome: 'new', detail: 'rendered' });
    for (const url of site.expectedRenderedOnly) expect(urls.find((u) => u.url === url), url).toMatchObject({ state: 'done', outcome: 'new' });
    const rows = await chunks();
    for (const url of site.expectedRenderedOnly) {
      const sentence = site.uniqueText.get(url);
      expect(sentence, url).toBeTruthy();
      expect(rows.some((r) => r.source_id === url && r.content.replace(/\s+/g, ' ').includes(sentence!)), url).toBe(true);
    }
    // The browser went with the crawl.
    const { execSync } = await import('node:child_process');
    const browsers = execSync('ps -eo pid,ppid,args').toString().split('\n').filter((l) => l.includes('chromium') && l.includes(String(process.pid)));
    expect(browsers).toEqual([]);
  });

  it('refuses a crawl while one of the same site runs, and cancels one', { timeout: T }, async () => {
    const started = await host.request('POST', '/api/website/crawls', { body: { url: `${site.url}/` } });
    expect(started.status).toBe(202);
    const twice = await host.request('POST', '/api/website/crawls', { body: { url: `${site.url}/priser` } });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain(started.body.id);
    const cancelled = await host.request('POST', `/api/website/crawls/${started.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancel_requested: true });
    await host.runJobs();
    expect((await host.request('GET', `/api/website/crawls/${started.body.id}`)).body).toMatchObject({ status: 'cancelled', progress: { fetched: 0 } });
  });

  it('answers bad input with problems, and hides other companies', { timeout: T }, async () => {
    expect((await host.request('POST', '/api/website/crawls', { body: { url: 'ftp://example.dk/' } })).status).toBe(422);
    expect((await host.request('POST', '/api/website/crawls', { body: { url: `${site.url}/`, max_pages: 0 } })).status).toBe(422);
    const other = await host.company('Andet Firma ApS', { domain: 'andet-firma.dk' });
    const key = await host.key(['crm:read', 'crm:write'], [other]);
    const hidden = await host.request('GET', `/api/website/crawls/${first.id}`, { token: key });
    expect(hidden.status).toBe(404);
    expect((await host.request('GET', `/api/website/crawls/${first.id}/urls`, { token: key })).status).toBe(404);
    expect((await host.request('POST', `/api/website/crawls/${first.id}/cancel`, { token: key })).status).toBe(404);
    expect((await host.request('GET', `/api/website/sites/${first.site_id}/pages`, { token: key })).status).toBe(404);
    expect((await host.request('GET', '/api/website/crawls', { token: key })).status).toBe(404);
  });

  it('schedules a re-crawl every N days', { timeout: T }, async () => {
    const res = await host.request('PATCH', `/api/website/sites/${first.site_id}`, { body: { recrawl_days: 7 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const days = (new Date(res.body.next_crawl_at).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    // The re-crawl is a job due then; a changed schedule queues its own, and the old one will find the time moved.
    const due = async () => rowsOf<{ run_at: string; status: string }>(await host.db.orm.execute(sql`select run_at::text as run_at, status from jobs where name = 'website.recrawl' order by run_at`));
    expect((await due()).map((j) => j.status)).toEqual(['queued']);
    const changed = await host.request('PATCH', `/api/website/sites/${first.site_id}`, { body: { recrawl_days: 30 } });
    expect((new Date(changed.body.next_crawl_at).getTime() - Date.now()) / 86_400_000).toBeGreaterThan(29.9);
    expect(await due()).toHaveLength(2);
    const off = await host.request('PATCH', `/api/website/sites/${first.site_id}`, { body: { recrawl_days: null } });
    expect(off.body).toMatchObject({ recrawl_days: null, next_crawl_at: null });
  });
});

describe('website plugin without an allowlist', () => {
  let host: TestHost;
  let site: FixtureSite;
  beforeAll(async () => {
    site = await startFixtureSite({ crawlDelay: 0 });
    host = await createTestHost({ plugins: [{ plugin, config: CONFIG }], fetchAllow: [] });
  }, T);
  afterAll(async () => {
    await host?.close();
    await site?.close();
  });

  it('never fetches a private address', { timeout: T }, async () => {
    for (const url of [`${site.url}/`, 'http://169.254.169.254/latest/meta-data/', 'http://[::ffff:127.0.0.1]/', 'http://10.0.0.5/admin']) {
      const res = await host.request('POST', '/api/website/crawls', { body: { url } });
      expect(res.status, url).toBe(202);
      await host.runJobs();
      const done = (await host.request('GET', `/api/website/crawls/${res.body.id}`)).body;
      expect(done, url).toMatchObject({ status: 'failed', progress: { fetched: 0 } });
      expect(done.error, url).toMatch(/private|local/i);
    }
    expect(site.requests).toHaveLength(0);
  });
});

describe('enrichment of a customer company', () => {
  let host: TestHost;
  let company: CompanySite;
  beforeAll(async () => {
    company = await startCompanySite();
    host = await createTestHost({ plugins: [{ plugin, config: { ...CONFIG, autoEnrich: true } }], fetchAllow: ['127.0.0.1'] });
  }, T);
  afterAll(async () => {
    await host?.close();
    await company?.close();
  });

  it('fills name, description, email, phone, address and CVR, each with its source', { timeout: T }, async () => {
    const id = await host.company('Jensens VVS', {});
    const patched = await host.request('PATCH', `/api/companies/${id}`, { body: { website_url: company.expected.website } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await host.runJobs(); // the website was set: enriched on its own
    const res = await host.request('POST', `/api/companies/${id}/enrich`);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.status_url).toMatch(/^\/api\/website\/crawls\//);
    await host.runJobs();
    expect((await host.request('GET', res.body.status_url)).body).toMatchObject({ status: 'succeeded', purpose: 'enrich' });
    const { profile } = (await host.request('GET', `/api/website/profiles/${id}`)).body;
    const e = company.expected;
    expect(profile.name.value).toBe(e.name);
    expect(profile.description.value).toBe(e.description);
    expect(profile.emails.map((x: { value: string }) => x.value)).toContain(e.email);
    expect(profile.phones.map((x: { value: string }) => x.value)).toContain(e.phoneE164);
    expect(profile.address.value).toMatchObject({ street: e.street, postalCode: e.postalCode, city: e.city });
    expect(profile.cvr.value).toBe(e.cvr);
    for (const field of [profile.name, profile.description, profile.cvr, profile.address, profile.emails[0], profile.phones[0]]) {
      expect(field.url.startsWith(e.website.replace(/\/$/, ''))).toBe(true);
      expect(new Date(field.at).getTime()).toBeGreaterThan(Date.now() - 600_000);
    }
    const after = (await host.request('GET', `/api/companies/${id}`)).body;
    expect(after).toMatchObject({ cvr: e.cvr, attributes: { address: e.address, city: e.city } });
    const timeline = (await host.request('GET', `/api/companies/${id}/timeline?type=website.enriched`)).body.items;
    expect(timeline[0].payload).toMatchObject({ cvr: e.cvr, email: e.email, phone: e.phoneE164 });
  });

  it('fails a crawl that could read nothing, and says why', { timeout: T }, async () => {
    const res = await host.request('POST', '/api/website/crawls', { body: { url: `${company.url}/findes-ikke`, max_depth: 0 } });
    expect(res.status).toBe(202);
    await host.runJobs();
    const done = (await host.request('GET', `/api/website/crawls/${res.body.id}`)).body;
    expect(done, JSON.stringify(done)).toMatchObject({ status: 'failed', progress: { fetched: 0, unchanged: 0 } });
    expect(done.error).toMatch(/Nothing could be read from .*findes-ikke \(not_found: HTTP 404\)/);
  });

  it('says what is missing', { timeout: T }, async () => {
    const id = await host.company('Uden Hjemmeside ApS', {});
    const res = await host.request('POST', `/api/companies/${id}/enrich`);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/no domain or website/);
  });
});
