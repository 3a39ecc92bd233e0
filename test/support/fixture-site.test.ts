import { createRequire } from 'node:module';
import { gunzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../plugins/documents/extract/encoding.ts';
import {
  type FixtureSite,
  type FixtureSiteOptions,
  FIXTURE_PATHS,
  LINK_VARIANTS,
  normaliseFixtureUrl,
  OFFSITE_LINKS,
  startCompanySite,
  startFixtureSite,
} from './fixture-site.ts';

// The website plugin's crawler tests run against these sites; this file proves the sites
// themselves, with a deliberately small crawler of its own that follows the rules the fixture's
// expected lists assume (robots.txt, sitemaps, redirects, canonical, noindex, nofollow, size and
// time limits, one retry of 500 and 429).

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robots;

const UA = 'open-crm-fixture-test';
const MAX_BODY = 2 * 1024 * 1024;
const decodeEntities = (s: string) => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** The visible text of some HTML: scripts, styles and tags gone, entities decoded, spaces collapsed. */
const textOf = (html: string) =>
  decodeEntities(html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/i.exec(html)?.[1] ?? '';
const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];

/** A body up to `limit` bytes; null when it is longer (the rest is not read). */
async function boundedBody(res: Response, limit: number): Promise<Uint8Array | null> {
  const reader = res.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function sitemapUrls(site: FixtureSite, robots: Robots): Promise<string[]> {
  const urls: string[] = [];
  for (const indexUrl of robots.getSitemaps()) {
    const index = await (await fetch(indexUrl)).text();
    for (const [, loc] of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
      const res = await fetch(decodeEntities(loc!));
      const bytes = new Uint8Array(await res.arrayBuffer());
      const xml = loc!.endsWith('.gz') ? strFromU8(gunzipSync(bytes)) : strFromU8(bytes);
      for (const [, page] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) urls.push(decodeEntities(page!));
    }
  }
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.every((u) => u.startsWith(site.url))).toBe(true);
  return urls;
}

/** The crawl the fixture's expectedIndexed describes, done simply: which normalised URLs get indexed. */
async function miniCrawl(site: FixtureSite, options: { sitemaps: boolean }): Promise<{ indexed: Set<string>; html: Map<string, string> }> {
  const robots = robotsParser(`${site.url}/robots.txt`, await (await fetch(`${site.url}/robots.txt`)).text());
  const queue = [normaliseFixtureUrl(`${site.url}/`)];
  if (options.sitemaps) queue.push(...(await sitemapUrls(site, robots)).map((u) => normaliseFixtureUrl(u)));
  const seen = new Set<string>();
  const indexed = new Set<string>();
  const html = new Map<string, string>();
  const enqueue = (href: string, base: string) => {
    let url: string;
    try {
      url = normaliseFixtureUrl(href, base);
    } catch {
      return;
    }
    if (new URL(url).origin === site.url) queue.push(url);
  };
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (!robots.isAllowed(url, UA)) continue;
    let res: Response | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(500) });
      } catch {
        res = undefined; // too slow
        break;
      }
      if (res.status !== 500 && res.status !== 429) break;
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, Number(res!.headers.get('retry-after') ?? 0) * 1000));
    }
    if (!res) continue;
    if (res.status >= 300 && res.status < 400) {
      enqueue(res.headers.get('location')!, url);
      await res.arrayBuffer();
      continue;
    }
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || !type.startsWith('text/html') || Number(res.headers.get('content-length') ?? 0) > MAX_BODY) {
      await res.body?.cancel();
      continue;
    }
    const bytes = await boundedBody(res, MAX_BODY);
    if (!bytes) continue;
    const page = /charset=windows-1252/i.test(type) ? decodeText(bytes).text : Buffer.from(bytes).toString('utf8');
    html.set(url, page);
    const base = attr(/<base\s[^>]*>/i.exec(page)?.[0] ?? '', 'href');
    const baseUrl = base ? new URL(base, url).href : url;
    for (const [tag] of page.matchAll(/<a\s[^>]*>/gi)) {
      const href = attr(tag, 'href');
      if (href === undefined || /\bnofollow\b/i.test(attr(tag, 'rel') ?? '')) continue;
      enqueue(decodeEntities(href), baseUrl);
    }
    const canonical = attr(/<link\s[^>]*rel="canonical"[^>]*>/i.exec(page)?.[0] ?? '', 'href');
    if (canonical && normaliseFixtureUrl(canonical, url) !== url) {
      enqueue(canonical, url);
      continue;
    }
    const metaRobots = attr(/<meta\s[^>]*name="robots"[^>]*>/i.exec(page)?.[0] ?? '', 'content') ?? '';
    if (/noindex/i.test(metaRobots) || /noindex/i.test(res.headers.get('x-robots-tag') ?? '')) continue;
    if (!textOf(mainOf(page))) continue; // an empty shell (JavaScript only)
    indexed.add(url);
  }
  return { indexed, html };
}

describe('fixture website (Tagrender & Tag ApS)', () => {
  const sites: FixtureSite[] = [];
  const fresh = async (options?: FixtureSiteOptions) => {
    const site = await startFixtureSite(options);
    sites.push(site);
    return site;
  };
  let site: FixtureSite;
  let crawl: Awaited<ReturnType<typeof miniCrawl>>;

  beforeAll(async () => {
    site = await fresh({ crawlDelay: 0.1, retryAfterSeconds: 0, slowMs: 2000 });
    crawl = await miniCrawl(site, { sitemaps: true });
  });
  afterAll(async () => {
    for (const s of sites) await s.close();
  });

  it('listens on 127.0.0.1 and answers as localhost too', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${site.localhostUrl}/priser`);
    expect(res.status).toBe(200);
    expect(site.requests.at(-1)!.headers.host).toBe(site.localhostUrl.slice('http://'.length));
  });

  it('robots.txt disallows /intern/ for everyone, with the crawl delay asked for and the sitemap index', async () => {
    const res = await fetch(`${site.url}/robots.txt`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('User-agent: *\nDisallow: /intern/\nCrawl-delay: 0.1');
    const robots = robotsParser(`${site.url}/robots.txt`, text);
    for (const path of FIXTURE_PATHS.disallowedPages) expect(robots.isAllowed(site.url + path, UA)).toBe(false);
    expect(robots.isAllowed(`${site.url}/priser`, UA)).toBe(true);
    expect(robots.isAllowed(`${site.url}/priser`, 'AhrefsBot')).toBe(false);
    expect(robots.getCrawlDelay(UA)).toBe(0.1);
    expect(robots.getSitemaps()).toEqual([`${site.url}/sitemap_index.xml`]);

    const byDefault = await fresh();
    expect(robotsParser(`${byDefault.url}/robots.txt`, await (await fetch(`${byDefault.url}/robots.txt`)).text()).getCrawlDelay(UA)).toBe(1);
  });

  it('has a sitemap index with a gzipped sitemap and a plain one, every entry with a lastmod', async () => {
    const index = await (await fetch(site.url + FIXTURE_PATHS.sitemapIndex)).text();
    expect(index).toContain(`<loc>${site.url}${FIXTURE_PATHS.sitemapPagesGz}</loc>`);
    expect(index).toContain(`<loc>${site.url}${FIXTURE_PATHS.sitemapEnglish}</loc>`);

    const gz = await fetch(site.url + FIXTURE_PATHS.sitemapPagesGz);
    expect(gz.headers.get('content-type')).toBe('application/x-gzip');
    expect(gz.headers.get('content-encoding')).toBeNull();
    const danish = strFromU8(gunzipSync(new Uint8Array(await gz.arrayBuffer())));
    expect(danish).toMatch(/^<\?xml/);
    const english = await (await fetch(site.url + FIXTURE_PATHS.sitemapEnglish)).text();
    for (const xml of [danish, english]) {
      const entries = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map((m) => m[1]!);
      expect(entries.length).toBeGreaterThan(5);
      for (const entry of entries) expect(entry).toMatch(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00<\/lastmod>/);
    }
    for (const path of FIXTURE_PATHS.sitemapOnly) expect(path.startsWith('/en') ? english : danish).toContain(`${site.url}${path}${path.startsWith('/en') ? '/' : ''}</loc>`);
    expect(danish).toContain(`${site.url}${FIXTURE_PATHS.staleSitemapEntry}</loc>`);
    expect(danish).not.toContain('/ny-side');
    expect(danish).not.toContain('/intern');
  });

  it('has at least 40 indexable HTML pages, exactly the expected ones, found through links and sitemaps', async () => {
    expect(site.expectedIndexed.length).toBeGreaterThanOrEqual(40);
    expect([...crawl.indexed].sort()).toEqual([...site.expectedIndexed].sort());
    expect(site.expectedIndexed).toContain(`${site.url}/`);
    for (const path of [FIXTURE_PATHS.redirectTarget, FIXTURE_PATHS.windows1252, FIXTURE_PATHS.unstable, FIXTURE_PATHS.busy, FIXTURE_PATHS.nonAscii, ...FIXTURE_PATHS.sitemapOnly]) {
      expect(site.expectedIndexed).toContain(site.url + path);
    }
    for (const path of [FIXTURE_PATHS.jsOnly, FIXTURE_PATHS.noindex, FIXTURE_PATHS.noindexHeader, FIXTURE_PATHS.nofollowTarget, FIXTURE_PATHS.slow, FIXTURE_PATHS.canonicalProduct, ...FIXTURE_PATHS.disallowedPages]) {
      expect(site.expectedIndexed).not.toContain(site.url + path);
    }
    expect(site.expectedRenderedOnly).toEqual([site.url + FIXTURE_PATHS.jsOnly, site.url + FIXTURE_PATHS.jsOnlyLinked]);
    // The crawl never asked for a disallowed page, nor for an off-site one.
    expect(site.requests.filter((r) => r.path.startsWith('/intern'))).toEqual([]);
    expect(site.requests.some((r) => r.path.includes('meta-data') || r.path.includes('admin'))).toBe(false);

    // Without the sitemaps exactly the sitemap-only pages are missing.
    const other = await fresh({ retryAfterSeconds: 0, slowMs: 2000 });
    const linksOnly = await miniCrawl(other, { sitemaps: false });
    const origin = other.url;
    const missing = site.expectedIndexed.map((u) => u.replace(site.url, origin)).filter((u) => !linksOnly.indexed.has(u));
    expect(missing.sort()).toEqual(FIXTURE_PATHS.sitemapOnly.map((p) => origin + p).sort());
  });

  it('shares the boilerplate on every page and keeps it out of the content; each page has its unique sentence', () => {
    const pages = [...crawl.html.entries()];
    expect(pages.length).toBeGreaterThan(40);
    for (const [url, html] of pages) {
      const all = textOf(html);
      const main = textOf(mainOf(html));
      for (const text of site.boilerplateTexts) {
        expect(all, url).toContain(text);
        expect(main, url).not.toContain(text);
      }
      for (const text of site.hiddenTexts) {
        expect(html, url).toContain(text);
        expect(all, url).not.toContain(text);
      }
      expect(/<footer[\s\S]*<\/footer>/.exec(html)![0]).toBe(/<footer[\s\S]*<\/footer>/.exec(pages[0]![1])![0]);
    }
    const sentences = [...site.uniqueText.values()];
    expect(new Set(sentences).size).toBe(sentences.length);
    for (const url of site.expectedIndexed) {
      const sentence = site.uniqueText.get(url);
      expect(sentence, url).toBeTruthy();
      for (const [other, html] of pages) {
        const canonicalOf = /<link\s[^>]*rel="canonical"\s+href="([^"]*)"/.exec(html)?.[1];
        const same = other === url || (canonicalOf !== undefined && normaliseFixtureUrl(canonicalOf, other) === url);
        expect(textOf(mainOf(html)).includes(sentence!), `${sentence} on ${other}`).toBe(same);
      }
    }
    expect(mainOf(crawl.html.get(site.url + FIXTURE_PATHS.prices)!)).toContain('<h2 id="tagrender">Tagrender</h2>');
    expect(mainOf(crawl.html.get(site.url + FIXTURE_PATHS.prices)!)).toMatch(/<table>[\s\S]*450 kr\.[\s\S]*<\/table>/);
    expect(mainOf(crawl.html.get(site.url + '/tagrender')!)).toMatch(/<h2>[^<]+<\/h2>/);
    expect(crawl.html.get(site.url + FIXTURE_PATHS.englishPrices)).toContain('<html lang="en">');
  });

  it('writes every link variant on its page', () => {
    for (const variant of site.linkVariants) {
      const html = crawl.html.get(variant.on)!;
      expect(html, variant.on).toContain(`href="${variant.href.replace(/&/g, '&amp;')}"`);
      expect(normaliseFixtureUrl(variant.href, variant.on === `${site.url}/ydelser` ? `${site.url}/ydelser/` : variant.on)).toBe(variant.target);
    }
    expect(LINK_VARIANTS.length).toBe(site.linkVariants.length);
    const links = crawl.html.get(site.url + FIXTURE_PATHS.offsiteLinks)!;
    for (const href of Object.values(OFFSITE_LINKS)) expect(links).toContain(`href="${href}"`);
    expect(crawl.html.get(`${site.url}/kontakt`)).toContain(`<a href="${FIXTURE_PATHS.nofollowTarget}" rel="nofollow">`);
    expect(crawl.html.get(`${site.url}/`)).toContain(`href="${FIXTURE_PATHS.disallowedPages[0]}"`);
  });

  it('answers 304 to matching validators, and edit/remove/add change the site', async () => {
    const s = await fresh();
    const first = await fetch(`${s.url}/priser`);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    await first.text();

    const byEtag = await fetch(`${s.url}/priser`, { headers: { 'If-None-Match': etag } });
    expect(byEtag.status).toBe(304);
    expect(await byEtag.text()).toBe('');
    expect((await fetch(`${s.url}/priser`, { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
    expect((await fetch(`${s.url}/priser`, { headers: { 'If-None-Match': '"stale"', 'If-Modified-Since': lastModified } })).status).toBe(200);
    expect(s.requests.filter((r) => r.path === '/priser').map((r) => [r.status, r.headers['if-none-match']])).toEqual([
      [200, undefined],
      [304, etag],
      [304, undefined],
      [200, '"stale"'],
    ]);

    const sentence = s.uniqueText.get(`${s.url}/priser`)!;
    s.edit('/priser', '<p>Nye priser fra 1. marts: tagrende i zink 475 kr. pr. meter.</p>');
    const edited = await fetch(`${s.url}/priser`, { headers: { 'If-None-Match': etag } });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).not.toBe(etag);
    expect(Date.parse(edited.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(lastModified));
    const editedHtml = await edited.text();
    expect(editedHtml).toContain('475 kr.');
    expect(editedHtml).not.toContain(sentence);
    expect(editedHtml).toContain(s.boilerplateTexts.at(-1)!.replace(/&/g, '&amp;'));
    expect(s.uniqueText.has(`${s.url}/priser`)).toBe(false);

    s.remove('/tagrender-plast');
    expect((await fetch(`${s.url}/tagrender-plast`)).status).toBe(404);
    expect(s.expectedIndexed).not.toContain(`${s.url}/tagrender-plast`);
    expect(strFromU8(gunzipSync(new Uint8Array(await (await fetch(s.url + FIXTURE_PATHS.sitemapPagesGz)).arrayBuffer())))).not.toContain('/tagrender-plast<');

    const homeEtag = (await fetch(`${s.url}/`)).headers.get('etag');
    s.add('/nyhed/solceller', '<h2>Solceller på taget</h2><p>Vi monterer nu også solceller.</p>', '/');
    const home = await fetch(`${s.url}/`);
    expect(home.headers.get('etag')).not.toBe(homeEtag);
    expect(await home.text()).toContain('href="/nyhed/solceller"');
    expect(await (await fetch(`${s.url}/nyhed/solceller`)).text()).toContain('Vi monterer nu også solceller.');
    s.add('/nyhed/kun-sitemap', '<p>Kun i sitemap.</p>');
    expect(strFromU8(gunzipSync(new Uint8Array(await (await fetch(s.url + FIXTURE_PATHS.sitemapPagesGz)).arrayBuffer())))).toContain(`${s.url}/nyhed/kun-sitemap</loc>`);
    expect(s.expectedIndexed).toEqual(expect.arrayContaining([`${s.url}/nyhed/solceller`, `${s.url}/nyhed/kun-sitemap`]));
    expect(() => s.edit('/findes-ikke', '<p>x</p>')).toThrow(/no page/);
  });

  it('answers 500 the first time on /ustabil and 429 with Retry-After the first time on /travl, then 200', async () => {
    const s = await fresh();
    expect((await fetch(s.url + FIXTURE_PATHS.unstable)).status).toBe(500);
    expect((await fetch(s.url + FIXTURE_PATHS.unstable)).status).toBe(200);
    expect((await fetch(s.url + FIXTURE_PATHS.unstable)).status).toBe(200);
    const busy = await fetch(s.url + FIXTURE_PATHS.busy);
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect((await fetch(s.url + FIXTURE_PATHS.busy)).status).toBe(200);
    expect(s.count(FIXTURE_PATHS.busy)).toBe(2);
    expect(s.requests.filter((r) => r.path === FIXTURE_PATHS.unstable).map((r) => r.status)).toEqual([500, 200, 200]);
    const other = await fresh({ retryAfterSeconds: 3 });
    expect((await fetch(other.url + FIXTURE_PATHS.busy)).headers.get('retry-after')).toBe('3');
  });

  it('serves /gammel-tekst as Windows-1252 bytes without a meta charset', async () => {
    const res = await fetch(site.url + FIXTURE_PATHS.windows1252);
    expect(res.headers.get('content-type')).toBe('text/html; charset=windows-1252');
    const bytes = new Uint8Array(await res.arrayBuffer());
    for (const byte of [0xe6, 0xf8, 0xe5, 0xc5, 0x80]) expect(bytes.includes(byte), byte.toString(16)).toBe(true); // æ ø å Å €
    expect(Buffer.from(bytes).includes(Buffer.from('ø', 'utf8'))).toBe(false);
    const text = decodeText(bytes).text;
    expect(text).not.toMatch(/<meta[^>]*charset/i);
    expect(text).toContain(site.uniqueText.get(site.url + FIXTURE_PATHS.windows1252)!);
  });

  it('redirects in a chain and in a loop, and marks canonical duplicates', async () => {
    const hop = async (path: string) => {
      const res = await fetch(site.url + path, { redirect: 'manual' });
      return [res.status, res.headers.get('location')];
    };
    expect(await hop(FIXTURE_PATHS.redirectChain)).toEqual([301, FIXTURE_PATHS.redirectMiddle]);
    expect(await hop(FIXTURE_PATHS.redirectMiddle)).toEqual([302, site.url + FIXTURE_PATHS.redirectTarget]);
    expect(await hop(FIXTURE_PATHS.redirectTarget)).toEqual([200, null]);
    expect(await hop('/loop-a')).toEqual([302, '/loop-b']);
    expect(await hop('/loop-b')).toEqual([302, '/loop-a']);
    expect(await hop(FIXTURE_PATHS.notFound)).toEqual([404, null]);
    expect(await hop(FIXTURE_PATHS.staleSitemapEntry)).toEqual([404, null]);

    const print = await (await fetch(site.url + FIXTURE_PATHS.canonicalPrint)).text();
    expect(print).toBe(await (await fetch(site.url + FIXTURE_PATHS.canonicalPrintTarget)).text());
    expect(print).toContain('<link rel="canonical" href="/tagrender">');
    const product = await (await fetch(site.url + FIXTURE_PATHS.canonicalProduct)).text();
    expect(product).toContain('<link rel="canonical" href="/tagrender-zink">');
    expect(mainOf(product)).toBe(mainOf(await (await fetch(site.url + FIXTURE_PATHS.canonicalProductTarget)).text()));
    expect(await (await fetch(site.url + FIXTURE_PATHS.noindex)).text()).toContain('<meta name="robots" content="noindex">');
    expect((await fetch(site.url + FIXTURE_PATHS.noindexHeader)).headers.get('x-robots-tag')).toBe('noindex');
  });

  it('serves the other content types, the JavaScript-only shell, the big pages and the slow one', async () => {
    const bytesOf = async (path: string) => {
      const res = await fetch(site.url + path);
      return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const pdf = await bytesOf(FIXTURE_PATHS.pdf);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await bytesOf(FIXTURE_PATHS.docx);
    expect(docx.type).toMatch(/wordprocessingml/);
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
    expect((await bytesOf(FIXTURE_PATHS.image)).bytes.subarray(1, 4).toString()).toBe('PNG');
    expect((await bytesOf(FIXTURE_PATHS.zip)).type).toBe('application/zip');
    expect(JSON.parse((await bytesOf(FIXTURE_PATHS.json)).bytes.toString()).title).toBeTruthy();
    expect(site.expectedDocuments).toEqual([site.url + FIXTURE_PATHS.pdf, site.url + FIXTURE_PATHS.docx]);
    expect(site.uniqueText.get(site.url + FIXTURE_PATHS.pdf)).toBe('Prisliste 2026 Tagrende zink 450 kr. pr. meter');

    const app = await (await fetch(site.url + FIXTURE_PATHS.jsOnly)).text();
    expect(app).toContain('<div id="root"></div>');
    expect(textOf(mainOf(app))).toBe('');
    expect(app).not.toContain(site.uniqueText.get(site.url + FIXTURE_PATHS.jsOnly)!);

    const big = await fetch(site.url + FIXTURE_PATHS.big, { method: 'HEAD' });
    expect(Number(big.headers.get('content-length'))).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    const chunked = await fetch(site.url + FIXTURE_PATHS.bigChunked);
    expect(chunked.headers.get('content-length')).toBeNull();
    expect(await boundedBody(chunked, MAX_BODY)).toBeNull();
    const whole = await fetch(site.url + FIXTURE_PATHS.big);
    expect((await whole.arrayBuffer()).byteLength).toBe(Number(big.headers.get('content-length')));

    const slowSite = await fresh({ slowMs: 300 });
    const started = Date.now();
    const slow = await fetch(slowSite.url + FIXTURE_PATHS.slow);
    expect(slow.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('makes the site bigger with `pages`, paginated 10 to an index page', async () => {
    const big = await fresh({ pages: 55 });
    expect(big.expectedIndexed.length).toBe(34 + 55 + 6);
    expect(big.expectedIndexed).toEqual(expect.arrayContaining([`${big.url}/artikler/55`, `${big.url}/artikler/side/6`]));
    const last = await (await fetch(`${big.url}/artikler/side/6`)).text();
    expect(last).toContain('href="/artikler/55"');
    expect(last).toContain('href="/artikler/side/5"');
  });
});

describe('fixture company site (Jensens VVS ApS)', () => {
  it('states the company facts on its pages, with a valid CVR', async () => {
    const company = await startCompanySite();
    try {
      const { expected } = company;
      const weights = [2, 7, 6, 5, 4, 3, 2, 1];
      expect(expected.cvr).toMatch(/^[1-9]\d{7}$/);
      expect([...expected.cvr].reduce((sum, d, i) => sum + Number(d) * weights[i]!, 0) % 11).toBe(0);
      expect(expected.website).toBe(`${company.url}/`);
      const home = await (await fetch(`${company.url}/`)).text();
      expect(home).toContain(`<meta name="description" content="${expected.description}">`);
      const footer = textOf(/<footer[\s\S]*<\/footer>/.exec(home)![0]);
      for (const value of [expected.name, expected.address, expected.phone, expected.email, expected.cvr]) expect(footer).toContain(value);
      const contact = await (await fetch(`${company.url}/kontakt`)).text();
      expect(contact).toContain(`href="tel:${expected.phoneE164}"`);
      expect(contact).toContain(`href="mailto:${expected.email}"`);
      for (const path of ['/om-os', '/ydelser']) expect((await fetch(company.url + path)).status).toBe(200);
      expect(company.expectedIndexed).toEqual(['/', '/om-os', '/kontakt', '/ydelser'].map((p) => company.url + p));
    } finally {
      await company.close();
    }
  });
});
