/**
 * A fixture website on loopback for the website plugin's crawler tests and benchmark: "Tagrender &
 * Tag ApS", a Danish roofing and gutter business, with Danish pages and English ones under `/en/`,
 * all generated in code (nothing on disk). {@link startFixtureSite} starts it on 127.0.0.1 with an
 * ephemeral port; {@link startCompanySite} starts a small customer site ("Jensens VVS ApS") for
 * company enrichment.
 *
 * What the site holds (the paths are in {@link FIXTURE_PATHS}, the odd links in {@link LINK_VARIANTS}):
 *
 * - `/robots.txt`: `User-agent: *` / `Disallow: /intern/` / `Crawl-delay: <crawlDelay>` (seconds, may
 *   be fractional; option, default 1) and `Sitemap: <url>/sitemap_index.xml`; before it a group
 *   `User-agent: AhrefsBot` / `Disallow: /` that applies to that bot only.
 * - `/intern/`, `/intern/medarbejdere`, `/intern/loenninger` exist (200, HTML) and are linked (the
 *   front page links `/intern/medarbejdere`, `/job` links `/intern/loenninger`), but robots.txt
 *   disallows them: they must never be fetched. The bare `/intern/` itself is not linked, because
 *   the normalisation below would turn it into `/intern`, which `Disallow: /intern/` does not cover;
 *   `/intern` (no slash) answers 301 to `/intern/`, so a crawler must check robots.txt on every
 *   redirect hop too.
 * - `/sitemap_index.xml` → `/sitemap-pages.xml.gz` (gzipped XML, `Content-Type: application/x-gzip`,
 *   no Content-Encoding) with the Danish pages and `/sitemap-en.xml` with the English pages (written
 *   with trailing slashes, `/en/about/`), every `<url>` with `<lastmod>`. Four pages are reachable
 *   ONLY from the sitemaps (`sitemapOnly`); the Danish sitemap also lists a stale `/nedlagt-side`
 *   that answers 404. The redirect target `/ny-side` is not in a sitemap (only the chain reaches it).
 * - Links in every form: relative (`kontakt`, `./om-os`, `../priser`, on `/ydelser` under a
 *   `<base href="/ydelser/">`), root-relative, absolute on `http://127.0.0.1:PORT/…` (never on
 *   localhost), `HTTP://127.0.0.1:PORT/priser` (scheme case; an IP host has no case, and an explicit
 *   default port is impossible on an ephemeral port), `#fragment`s, `?utm_source=…&utm_medium=…`,
 *   `?utm_campaign=`, `?fbclid=`, `?gclid=`, trailing-slash variants (`/om-os/`, `/en/`), a path with
 *   æøå both raw (`/spørgsmål`) and percent-encoded, an href with spaces around it, `mailto:`,
 *   `tel:` and `javascript:` links. The server ignores query strings (except `?visning=print`,
 *   which changes nothing either) and serves `/x/` like `/x`.
 * - Redirects: `/gammel-side` → 301 `/mellem-side` → 302 `http://127.0.0.1:PORT/ny-side` (200); a
 *   loop `/loop-a` → 302 `/loop-b` → 302 `/loop-a`.
 * - Canonical duplicates: `/tagrender?visning=print` is `/tagrender` byte for byte (which says
 *   `<link rel="canonical" href="/tagrender">`), and `/produkter/tagrender-zink` has the content of
 *   `/tagrender-zink` with `<link rel="canonical" href="/tagrender-zink">`.
 * - Failures: `/findes-ikke` (linked) and any unknown path answer 404 with an HTML error page;
 *   `/ustabil` answers 500 the first time and 200 afterwards; `/travl` answers 429 with
 *   `Retry-After: <retryAfterSeconds>` (option, default 1) the first time and 200 afterwards;
 *   `/stor-side` is a 20 MB HTML page with a Content-Length, `/stor-side-streamet` the same chunked
 *   without one (both streamed, with backpressure); `/langsom` answers after `slowMs` (option,
 *   default 5000).
 * - Other content types: `/filer/prisliste.pdf` (a real PDF with a text layer), `/filer/betingelser.docx`
 *   (a real DOCX), `/billeder/tag.png` (a 1×1 PNG, linked with `<a href>` and shown with `<img>`),
 *   `/data.zip` and `/feed.json`. Only the PDF and DOCX are documents a crawler may index
 *   (`expectedDocuments`); the others are to be skipped.
 * - `/gammel-tekst` is served as `text/html; charset=windows-1252` in Windows-1252 bytes (æ 0xE6,
 *   ø 0xF8, å 0xE5, € 0x80) without a `<meta charset>`.
 * - `/app` is JavaScript-only: `<div id="root"></div>` and a script that builds the heading and
 *   paragraphs with DOM calls (the sentences are split into word arrays, so they are not in the
 *   raw HTML either), plus a link to `/app/vejledning`, a page no other page or sitemap links. Both
 *   are indexed only by a crawler that renders (`expectedRenderedOnly`).
 * - Off-site links that must not be followed: `http://10.0.0.5/admin` and
 *   `http://169.254.169.254/latest/meta-data/` (private / link-local: an SSRF guard refuses them
 *   without an allowlist, and they are other hosts, so a crawler refuses them as off-site anyway;
 *   a test of the SSRF guard itself must aim the crawler at such an address directly),
 *   `https://www.facebook.com/tagrender` and `https://example.org/` (see {@link OFFSITE_LINKS}).
 * - `/kundelogin` is linked only with `rel="nofollow"` (and in no sitemap); `/tak` has
 *   `<meta name="robots" content="noindex">`; `/nyhedsbrev-tak` is sent with `X-Robots-Tag: noindex`.
 *   None of them is to be indexed.
 * - Every HTML page has the same cookie banner (`#cookie-banner.cookie-consent`), header (logo,
 *   tagline, nav, a call-to-action) and footer (`boilerplateTexts`), and an analytics script in
 *   `<head>` (`hiddenTexts`); none of that may end up in a chunk. Each page also has its own
 *   content: paragraphs, lists, `<h2 id="…">` headings on some pages (`/priser` has
 *   `<h2 id="tagrender">Tagrender</h2>` and price tables) and headings without ids on others, and one
 *   sentence found on no other page (`uniqueText`).
 * - Conditional requests: every 200 answer has an `ETag` (a hash of the body) and a `Last-Modified`;
 *   a matching `If-None-Match` (or, without one, an `If-Modified-Since` not older than the page)
 *   gets 304. `requests` records every request's headers, so a test can assert that a second crawl
 *   sent them.
 * - `/artikler`, `/artikler/side/2`, …: a paginated index (10 a page) of generated articles
 *   `/artikler/1..N` (option `pages`, default 12, so the site has 48 indexable HTML pages); the
 *   articles are linked from the index pages, link each other relatively and are in the sitemap.
 *
 * URL normalisation the expected lists assume ({@link normaliseFixtureUrl}): the WHATWG URL
 * serialisation (lower-case scheme and host, default port dropped, dot segments resolved, non-ASCII
 * percent-encoded as UTF-8), no fragment, no tracking parameters (`utm_*`, `fbclid`, `gclid`,
 * `msclkid`; the other parameters kept, sorted by name), no trailing slash except the root `/`,
 * path case kept: what plugins/website/crawl/url.ts's normalizeUrl does (it knows more tracking
 * names, none of which the site uses). So the front page is `http://127.0.0.1:PORT/`, English's is `http://127.0.0.1:PORT/en`.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { windows1252Byte } from '../../plugins/documents/extract/encoding.ts';
import { docxWithTable } from '../../plugins/documents/testing/office.ts';
import { textPdf } from '../../plugins/documents/testing/pdf.ts';

/**
 * The fixture site's paths, for crawler tests to assert on (see the module comment for what each
 * one does).
 *
 * @example
 * expect(site.count(FIXTURE_PATHS.disallowedPages[0])).toBe(0);
 * expect(site.count(FIXTURE_PATHS.unstable)).toBe(2); // 500, then 200
 */
export const FIXTURE_PATHS = {
  home: '/',
  robots: '/robots.txt',
  sitemapIndex: '/sitemap_index.xml',
  sitemapPagesGz: '/sitemap-pages.xml.gz',
  sitemapEnglish: '/sitemap-en.xml',
  /** robots.txt disallows this prefix; the pages below exist and are linked. */
  disallowed: '/intern/',
  disallowedPages: ['/intern/medarbejdere', '/intern/loenninger'],
  /** 301 → redirectMiddle → 302 → redirectTarget (200). */
  redirectChain: '/gammel-side',
  redirectMiddle: '/mellem-side',
  redirectTarget: '/ny-side',
  redirectLoop: ['/loop-a', '/loop-b'],
  canonicalPrint: '/tagrender?visning=print',
  canonicalPrintTarget: '/tagrender',
  canonicalProduct: '/produkter/tagrender-zink',
  canonicalProductTarget: '/tagrender-zink',
  notFound: '/findes-ikke',
  /** Listed in the Danish sitemap, answers 404. */
  staleSitemapEntry: '/nedlagt-side',
  /** 500 the first time, then 200. */
  unstable: '/ustabil',
  /** 429 with Retry-After the first time, then 200. */
  busy: '/travl',
  /** 20 MB (option bigPageBytes) with Content-Length. */
  big: '/stor-side',
  /** The same, chunked without Content-Length. */
  bigChunked: '/stor-side-streamet',
  /** Answers after slowMs. */
  slow: '/langsom',
  pdf: '/filer/prisliste.pdf',
  docx: '/filer/betingelser.docx',
  image: '/billeder/tag.png',
  zip: '/data.zip',
  json: '/feed.json',
  /** text/html; charset=windows-1252, no meta charset. */
  windows1252: '/gammel-tekst',
  /** Content built by JavaScript only. */
  jsOnly: '/app',
  /** Linked only from /app's rendered DOM. */
  jsOnlyLinked: '/app/vejledning',
  /** <meta name="robots" content="noindex">. */
  noindex: '/tak',
  /** X-Robots-Tag: noindex. */
  noindexHeader: '/nyhedsbrev-tak',
  /** Linked only with rel="nofollow". */
  nofollowTarget: '/kundelogin',
  /** In a sitemap, linked from no page. */
  sitemapOnly: ['/kampagne-2026', '/tilbud/foraarsrabat', '/arkiv/stormskader-2024', '/en/campaign'],
  prices: '/priser',
  /** `<h2 id="tagrender">Tagrender</h2>` on /priser. */
  pricesHeadingId: 'tagrender',
  englishPrices: '/en/prices',
  englishHome: '/en',
  /** Has `<base href="/ydelser/">` and relative links that need it. */
  baseHref: '/ydelser',
  /** `/spørgsmål`, linked raw and percent-encoded. */
  nonAscii: '/sp%C3%B8rgsm%C3%A5l',
  /** The page with the private-IP, metadata, external and non-HTML links. */
  offsiteLinks: '/nyttige-links',
  /** Page 1 of the article index; page k > 1 is `/artikler/side/k`, article n is `/artikler/n`. */
  articles: '/artikler',
} as const;

/**
 * Links on the fixture site to other hosts, none to be followed or fetched.
 *
 * @example
 * expect(site.requests.some((r) => r.path.includes('meta-data'))).toBe(false);
 */
export const OFFSITE_LINKS = {
  /** A private address (RFC 1918). */
  privateIp: 'http://10.0.0.5/admin',
  /** The cloud metadata address (link-local). */
  metadata: 'http://169.254.169.254/latest/meta-data/',
  facebook: 'https://www.facebook.com/tagrender',
  example: 'https://example.org/',
} as const;

/**
 * The query parameters {@link normaliseFixtureUrl} drops (`utm_` is a prefix).
 *
 * @example
 * TRACKING_PARAMS.includes('fbclid'); // true
 */
export const TRACKING_PARAMS = ['utm_', 'fbclid', 'gclid', 'msclkid'] as const;

/**
 * The odd links on the fixture site and the page each resolves to after normalisation: `on` is
 * the page holding the link, `href` is the attribute as written (`{host}` stands for
 * `127.0.0.1:PORT`), `target` the normalised path. A crawler fetches each target once.
 *
 * @example
 * for (const v of LINK_VARIANTS) expect(site.count(v.target)).toBeLessThanOrEqual(1);
 */
export const LINK_VARIANTS: readonly { on: string; href: string; target: string }[] = [
  { on: '/', href: '/tagrender?utm_source=forside&utm_medium=banner', target: '/tagrender' },
  { on: '/', href: 'HTTP://{host}/priser', target: '/priser' },
  { on: '/', href: '/priser?gclid=Cj0KCQiAkampagne', target: '/priser' },
  { on: '/', href: '/om-os/', target: '/om-os' },
  { on: '/', href: '/sp%C3%B8rgsm%C3%A5l', target: '/sp%C3%B8rgsm%C3%A5l' },
  { on: '/', href: ' /garanti ', target: '/garanti' },
  { on: '/', href: '/referencer#kunder', target: '/referencer' },
  { on: '/', href: '/en/', target: '/en' },
  { on: '/tagrender', href: 'kontakt', target: '/kontakt' },
  { on: '/tagrender', href: './om-os', target: '/om-os' },
  { on: '/tagrender', href: '../priser', target: '/priser' },
  { on: '/ydelser', href: 'tagrensning', target: '/ydelser/tagrensning' },
  { on: '/ydelser/tagrensning', href: '../priser', target: '/priser' },
  { on: '/ydelser/tagrensning', href: 'tagmaling', target: '/ydelser/tagmaling' },
  { on: '/ydelser/tagrensning', href: './tagrenovering', target: '/ydelser/tagrenovering' },
  { on: '/om-os', href: '/ydelser/tagrenovering?fbclid=IwAR2xYzTag', target: '/ydelser/tagrenovering' },
  { on: '/garanti', href: 'http://{host}/garanti#vilkaar', target: '/garanti' },
  { on: '/garanti', href: '/garanti?utm_campaign=garanti2026#reklamation', target: '/garanti' },
  { on: '/kontakt', href: '/spørgsmål', target: '/sp%C3%B8rgsm%C3%A5l' },
  { on: '/kontakt', href: './om-os', target: '/om-os' },
  { on: '/en/prices', href: 'contact', target: '/en/contact' },
  { on: '/en/prices', href: '../priser', target: '/priser' },
  { on: '/en/prices', href: '#gutters', target: '/en/prices' },
];

/**
 * A URL as the fixture's expected lists write it (see the module comment): resolved against
 * `base`, no fragment, no tracking parameters, the others sorted, no trailing slash except the root.
 *
 * @example
 * normaliseFixtureUrl('../priser?utm_source=x#tagrender', 'http://127.0.0.1:4000/en/prices'); // 'http://127.0.0.1:4000/priser'
 */
export function normaliseFixtureUrl(href: string, base?: string): string {
  const url = new URL(href.trim(), base);
  url.hash = '';
  const tracking = (name: string) => TRACKING_PARAMS.some((p) => (p.endsWith('_') ? name.toLowerCase().startsWith(p) : name.toLowerCase() === p));
  const params = [...url.searchParams].filter(([name]) => !tracking(name)).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  url.search = params.length ? new URLSearchParams(params).toString() : '';
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return url.href;
}

/** One request the fixture server got: headers lower-cased (repeated ones joined with ", "), `status` 0 until answered (or when the client left first). */
export interface FixtureRequest {
  method: string;
  /** The request target as sent: path with query. */
  path: string;
  headers: Record<string, string>;
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface FixtureSiteOptions {
  /** robots.txt's Crawl-delay in seconds (fractional allowed); default 1. */
  crawlDelay?: number;
  /** /travl's Retry-After in seconds on its first answer (429); default 1. */
  retryAfterSeconds?: number;
  /** How long /langsom waits before it answers, in ms; default 5000. */
  slowMs?: number;
  /** How many generated articles (/artikler/1..N); default 12 (48 indexable HTML pages in all). */
  pages?: number;
  /** The size of /stor-side and /stor-side-streamet in bytes; default 20 MB. */
  bigPageBytes?: number;
}

export interface FixtureSite {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  /** 'http://localhost:PORT': the same site under another host name, to test host handling (absolute links and sitemaps still say 127.0.0.1). */
  localhostUrl: string;
  /** Every request, in the order they arrived. */
  requests: FixtureRequest[];
  /** How many requests there were for a path with query exactly as sent ('/priser', '/tagrender?visning=print'); an absolute URL is taken as its path and query. */
  count(path: string): number;
  /** The HTML pages a correct crawler indexes with default limits and without rendering, normalised (see the module comment), in site order. Follows edit/remove/add. */
  readonly expectedIndexed: string[];
  /** Pages only a rendering crawler indexes (in addition to expectedIndexed): /app and /app/vejledning. */
  readonly expectedRenderedOnly: string[];
  /** The documents (PDF, DOCX) a crawler that indexes linked documents indexes. */
  readonly expectedDocuments: string[];
  /** Text in the shared cookie banner, header, nav and footer of every page: never in a chunk. */
  boilerplateTexts: string[];
  /** Text inside every page's <script> in <head>: never in a chunk. */
  hiddenTexts: string[];
  /** One sentence per page (and per document) found nowhere else: url → sentence, for every HTML page with content (indexed or not) and the PDF and DOCX. Reflects the site now: edit drops the entry unless the new HTML still has the sentence, remove drops it. */
  uniqueText: Map<string, string>;
  /** LINK_VARIANTS with absolute `on` and `target` and `{host}` filled in. */
  linkVariants: { on: string; href: string; target: string }[];
  /** Replaces the article content of a page after its <h1> (a whole document if `html` starts with <!doctype or <html>); its ETag and Last-Modified change. Throws for a path that is no page. */
  edit(path: string, html: string): void;
  /** The page answers 404 from now on and leaves the sitemap; links to it stay (as on real sites). */
  remove(path: string): void;
  /** A new page (or a removed one back): linked from `linkFrom` (whose ETag and Last-Modified change) or, without it, listed in the sitemap only. */
  add(path: string, html: string, linkFrom?: string): void;
  /** Stops the server: open connections cut, the slow page's timers cleared. */
  close(): Promise<void>;
}

/** What the company site states about the company, for enrichment assertions. */
export interface CompanyFacts {
  name: string;
  /** The front page's <meta name="description">. */
  description: string;
  /** 'Industrivej 12, 8260 Viby J' */
  address: string;
  street: string;
  postalCode: string;
  city: string;
  /** '86 12 34 56', as the pages write it. */
  phone: string;
  /** '+4586123456', as the tel: link has it. */
  phoneE164: string;
  email: string;
  /** 8 digits, valid by modulus 11 (weights 2,7,6,5,4,3,2,1). */
  cvr: string;
  /** The site's front page, 'http://127.0.0.1:PORT/'. */
  website: string;
}

export interface CompanySite extends FixtureSite {
  expected: CompanyFacts;
}

// ---------------------------------------------------------------------------------------------
// HTML helpers

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const p = (...texts: string[]) => texts.map((t) => `<p>${esc(t)}</p>`).join('\n');
const h2 = (text: string, id?: string) => (id ? `<h2 id="${id}">${esc(text)}</h2>` : `<h2>${esc(text)}</h2>`);
const ul = (items: string[]) => `<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`;
const a = (href: string, text: string, attrs = '') => `<a href="${esc(href)}"${attrs ? ` ${attrs}` : ''}>${esc(text)}</a>`;
function table(rows: string[][]): string {
  const [header, ...body] = rows;
  return `<table>\n<thead><tr>${header!.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead>\n<tbody>\n${body
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('\n')}\n</tbody>\n</table>`;
}

/** Text as Windows-1252 bytes; throws on a character the code page lacks (the page would be wrong). */
function windows1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) {
    const byte = windows1252Byte(ch);
    if (byte === null) throw new Error(`fixture-site: ${JSON.stringify(ch)} has no Windows-1252 byte`);
    out[i++] = byte;
  }
  return out.subarray(0, i);
}

const etagOf = (bytes: Uint8Array) => `"${createHash('sha1').update(bytes).digest('hex').slice(0, 20)}"`;
/** A W3C datetime for sitemaps. */
const w3cDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
/** A path's lookup key: percent-decoded, without a trailing slash (except the root). */
function pathKey(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes stay as they are (and find no page).
  }
  return decoded.length > 1 ? decoded.replace(/\/+$/, '') || '/' : decoded;
}
/** A path as URL serialisation writes it ('/spørgsmål' → '/sp%C3%B8rgsm%C3%A5l'). */
const pathHref = (path: string) => new URL(path, 'http://fixture.invalid').pathname;

// ---------------------------------------------------------------------------------------------
// The site engine (shared by both fixture sites)

type Indexing = 'indexed' | 'rendered' | 'not-indexed';

interface PageDef {
  /** Written decoded ('/spørgsmål'), without a trailing slash. */
  path: string;
  title: string;
  /** The <h1>; none when omitted. */
  heading?: string;
  description?: string;
  lang?: 'da' | 'en';
  /** The sentence no other page has (must be in `body`, escaped as esc() does). */
  unique?: string;
  /** The article's HTML after the <h1>. */
  body: string;
  /** Extra tags in <head> (canonical, robots, hreflang, base). */
  head?: string;
  /** Default 'indexed'. */
  index?: Indexing;
  /** Which sitemap lists the page; none by default. */
  sitemap?: 'da' | 'en';
  charset?: 'windows-1252';
  headers?: Record<string, string>;
  behaviour?: 'fail-once' | 'busy-once' | 'slow';
}

interface Page extends PageDef {
  key: string;
  href: string;
  lastModified: number;
  removed: boolean;
  hits: number;
  extraLinks: { href: string; text: string }[];
  /** A whole document from edit(). */
  document?: string;
  cache?: { bytes: Buffer; etag: string };
}

interface FileDef {
  type: string;
  bytes: Uint8Array;
  lastModified: number;
}

interface Shape {
  /** After " | " in every <title>. */
  name: string;
  /** The chrome before and after <main>. */
  top: string;
  bottom: string;
  /** Appended to every <head>. */
  head: string;
  robots: (origin: string) => string;
  sitemaps: boolean;
  staleSitemapEntries: string[];
  redirects: Record<string, { status: number; location: (origin: string) => string }>;
  /** path → dedicated page it shows, with a canonical link to it. */
  aliases: Record<string, string>;
  files: Record<string, FileDef>;
  big?: { withLength: string; chunked: string; bytes: number; unique: Record<string, string> };
  retryAfterSeconds: number;
  slowMs: number;
  notFoundPage: PageDef;
  documents: { path: string; unique: string }[];
  boilerplateTexts: string[];
  hiddenTexts: string[];
}

/** Pages' first Last-Modified: 5 January 2026 08:00 UTC, an hour apart, so they differ. */
const BASE_TIME = Date.UTC(2026, 0, 5, 8, 0, 0);

async function startSite(shape: Shape, defs: (origin: string) => PageDef[]): Promise<FixtureSite> {
  const requests: FixtureRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const pages = new Map<string, Page>();
  const uniqueText = new Map<string, string>();
  let origin = '';

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`fixture-site: ${String(error)}`);
      } else res.destroy();
    });
  };
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  // localhost may resolve to ::1 first; listen there too when the machine has IPv6 loopback.
  const server6 = http.createServer(handler);
  const listening6 = await new Promise<boolean>((resolve) => {
    server6.once('error', () => resolve(false));
    server6.listen(port, '::1', () => resolve(true));
  });

  defs(origin).forEach((def, i) => addPage(def, BASE_TIME + i * 3_600_000));
  for (const doc of shape.documents) uniqueText.set(origin + doc.path, doc.unique);

  function addPage(def: PageDef, lastModified: number): Page {
    const page: Page = { lang: 'da', index: 'indexed', ...def, key: pathKey(def.path), href: pathHref(def.path), lastModified, removed: false, hits: 0, extraLinks: [] };
    if (page.unique && !page.body.includes(esc(page.unique)) && !page.body.includes(JSON.stringify(page.unique.split(' ')))) {
      throw new Error(`fixture-site: the unique sentence of ${def.path} is not in its body`);
    }
    pages.set(page.key, page);
    if (page.unique) uniqueText.set(normaliseFixtureUrl(origin + page.href), page.unique);
    return page;
  }

  function touch(page: Page) {
    page.lastModified = Math.max(Math.floor(Date.now() / 1000) * 1000, page.lastModified + 1000);
    page.cache = undefined;
  }

  function render(page: Page, canonical?: string): Buffer {
    if (page.document) return page.charset ? windows1252(page.document) : Buffer.from(page.document, 'utf8');
    const head = [
      page.charset ? '' : '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${esc(page.title)} | ${esc(shape.name)}</title>`,
      page.description ? `<meta name="description" content="${esc(page.description)}">` : '',
      canonical ? `<link rel="canonical" href="${canonical}">` : (page.head ?? ''),
      shape.head,
    ].filter(Boolean);
    const extra = page.extraLinks.map((l) => `<p>${a(l.href, l.text)}</p>`).join('\n');
    const html = `<!doctype html>
<html lang="${page.lang}">
<head>
${head.join('\n')}
</head>
<body>
${shape.top}
<main id="indhold">
<article>
${page.heading ? `<h1>${esc(page.heading)}</h1>\n` : ''}${page.body}
${extra}
</article>
</main>
${shape.bottom}
</body>
</html>
`;
    return page.charset ? windows1252(html) : Buffer.from(html, 'utf8');
  }

  function cached(page: Page): { bytes: Buffer; etag: string } {
    if (!page.cache) {
      const bytes = render(page);
      page.cache = { bytes, etag: etagOf(bytes) };
    }
    return page.cache;
  }

  function sitemapXml(lang: 'da' | 'en'): string {
    const entries = [...pages.values()]
      .filter((pg) => pg.sitemap === lang && !pg.removed)
      .map((pg) => ({ loc: origin + pg.href + (lang === 'en' && pg.href !== '/' ? '/' : ''), lastmod: pg.lastModified }));
    if (lang === 'da') for (const stale of shape.staleSitemapEntries) entries.push({ loc: origin + stale, lastmod: BASE_TIME - 86_400_000 * 400 });
    return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `  <url><loc>${esc(e.loc)}</loc><lastmod>${w3cDate(e.lastmod)}</lastmod><changefreq>monthly</changefreq></url>`).join('\n')}
</urlset>
`;
  }
  const newest = (lang?: 'da' | 'en') =>
    Math.max(BASE_TIME, ...[...pages.values()].filter((pg) => (lang ? pg.sitemap === lang : pg.sitemap) && !pg.removed).map((pg) => pg.lastModified));

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const record: FixtureRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers, status: 0, at: Date.now() };
    requests.push(record);
    const head = req.method === 'HEAD';
    const send = (status: number, hdrs: Record<string, string | number>, body?: Uint8Array | string) => {
      record.status = status;
      res.writeHead(status, hdrs);
      res.end(head ? undefined : body);
    };
    const htmlType = 'text/html; charset=utf-8';
    /** A 200 with ETag and Last-Modified, or 304 when the request's validators match. */
    const sendResource = (type: string, bytes: Uint8Array, lastModified: number, etag = etagOf(bytes), extra: Record<string, string> = {}) => {
      const validators = { ETag: etag, 'Last-Modified': new Date(lastModified).toUTCString() };
      const inm = headers['if-none-match'];
      const ims = headers['if-modified-since'];
      let notModified = false;
      if (inm !== undefined) notModified = inm.trim() === '*' || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
      else if (ims !== undefined) {
        const since = Date.parse(ims);
        notModified = !Number.isNaN(since) && lastModified <= since;
      }
      if (notModified) return send(304, { ...validators, ...extra });
      send(200, { 'Content-Type': type, 'Content-Length': bytes.byteLength, ...validators, ...extra }, bytes);
    };
    const notFound = () => {
      const page: Page = { lang: 'da', ...shape.notFoundPage, key: '', href: '', lastModified: BASE_TIME, removed: false, hits: 0, extraLinks: [] };
      send(404, { 'Content-Type': htmlType }, render(page));
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'Method Not Allowed');
    const target = new URL(`http://fixture.invalid${record.path.startsWith('/') ? '' : '/'}${record.path}`);
    const pathname = target.pathname;

    if (pathname === '/robots.txt') return sendResource('text/plain; charset=utf-8', Buffer.from(shape.robots(origin)), BASE_TIME);
    if (shape.sitemaps) {
      if (pathname === FIXTURE_PATHS.sitemapIndex) {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>${origin}${FIXTURE_PATHS.sitemapPagesGz}</loc><lastmod>${w3cDate(newest('da'))}</lastmod></sitemap>
  <sitemap><loc>${origin}${FIXTURE_PATHS.sitemapEnglish}</loc><lastmod>${w3cDate(newest('en'))}</lastmod></sitemap>
</sitemapindex>
`;
        return sendResource('application/xml; charset=utf-8', Buffer.from(xml), newest());
      }
      if (pathname === FIXTURE_PATHS.sitemapPagesGz) return sendResource('application/x-gzip', gzipSync(sitemapXml('da')), newest('da'));
      if (pathname === FIXTURE_PATHS.sitemapEnglish) return sendResource('application/xml; charset=utf-8', Buffer.from(sitemapXml('en')), newest('en'));
    }
    const redirect = shape.redirects[pathname];
    if (redirect) {
      const location = redirect.location(origin);
      return send(redirect.status, { Location: location, 'Content-Type': htmlType }, `<!doctype html><title>Flyttet</title><p>Siden er flyttet til <a href="${esc(location)}">${esc(location)}</a>.</p>`);
    }
    const file = shape.files[pathname];
    if (file) return sendResource(file.type, file.bytes, file.lastModified);
    if (shape.big && (pathname === shape.big.withLength || pathname === shape.big.chunked)) return streamBig(req, res, record, pathname === shape.big.withLength);

    const key = pathKey(pathname);
    const alias = shape.aliases[key];
    const page = pages.get(alias ?? key);
    if (!page || page.removed) return notFound();
    if (alias) {
      // The dedicated page's content under another path, pointing at the dedicated one.
      const bytes = render(page, page.href);
      return sendResource(htmlType, bytes, page.lastModified);
    }
    page.hits++;
    if (page.behaviour === 'fail-once' && page.hits === 1) {
      return send(500, { 'Content-Type': htmlType }, '<!doctype html><title>Serverfejl</title><h1>Der opstod en fejl</h1><p>Prøv igen om lidt.</p>');
    }
    if (page.behaviour === 'busy-once' && page.hits === 1) {
      return send(429, { 'Content-Type': htmlType, 'Retry-After': String(shape.retryAfterSeconds) }, '<!doctype html><title>For mange forespørgsler</title><h1>Vi har travlt</h1>');
    }
    if (page.behaviour === 'slow') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, shape.slowMs);
        timers.add(timer);
        res.once('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
          resolve();
        });
      });
      if (res.destroyed || res.writableEnded) return;
    }
    const { bytes, etag } = cached(page);
    const type = page.charset ? `text/html; charset=${page.charset}` : htmlType;
    sendResource(type, bytes, page.lastModified, etag, page.headers ?? {});
  }

  async function streamBig(req: http.IncomingMessage, res: http.ServerResponse, record: FixtureRequest, withLength: boolean): Promise<void> {
    const big = shape.big!;
    const path = withLength ? big.withLength : big.chunked;
    const unique = big.unique[path] ?? '';
    const prefix = Buffer.from(
      `<!doctype html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n<title>Produktkatalog | ${esc(shape.name)}</title>\n${shape.head}\n</head>\n<body>\n${shape.top}\n<main id="indhold">\n<article>\n<h1>Produktkatalog</h1>\n${p(unique)}\n`,
    );
    const suffix = Buffer.from(`</article>\n</main>\n${shape.bottom}\n</body>\n</html>\n`);
    const row = (n: number) => `<p>Varenummer ${String(n).padStart(6, '0')}: tagrende i zink, 333 mm, halvrund, 3 meter, leveres med kroge og endebunde.</p>\n`;
    let chunkText = '';
    for (let n = 0; chunkText.length < 64 * 1024; n++) chunkText += row(n);
    const chunk = Buffer.from(chunkText);
    const count = Math.max(1, Math.ceil((big.bytes - prefix.length - suffix.length) / chunk.length));
    const length = prefix.length + count * chunk.length + suffix.length;
    record.status = 200;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(withLength ? { 'Content-Length': length } : {}) });
    if (req.method === 'HEAD') return void res.end();
    const drained = () =>
      new Promise<void>((resolve) => {
        if (res.destroyed) return resolve();
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    if (!res.write(prefix)) await drained();
    for (let i = 0; i < count; i++) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await drained();
    }
    if (!res.destroyed) res.end(suffix);
  }

  const find = (path: string): Page => {
    const page = pages.get(pathKey(new URL(path, 'http://fixture.invalid').pathname));
    if (!page) throw new Error(`fixture-site: no page at ${path}`);
    return page;
  };
  const urlOf = (page: Page) => normaliseFixtureUrl(origin + page.href);
  const listed = (index: Indexing) => [...pages.values()].filter((pg) => pg.index === index && !pg.removed).map(urlOf);

  return {
    url: origin,
    localhostUrl: `http://localhost:${port}`,
    requests,
    count(path: string) {
      const wanted = /^https?:/i.test(path) ? (({ pathname, search }) => pathname + search)(new URL(path)) : path;
      return requests.filter((r) => r.path === wanted).length;
    },
    get expectedIndexed() {
      return listed('indexed');
    },
    get expectedRenderedOnly() {
      return listed('rendered');
    },
    get expectedDocuments() {
      return shape.documents.map((d) => origin + d.path);
    },
    boilerplateTexts: shape.boilerplateTexts,
    hiddenTexts: shape.hiddenTexts,
    uniqueText,
    linkVariants: LINK_VARIANTS.map((v) => ({ on: origin + v.on, href: v.href.replace('{host}', origin.slice('http://'.length)), target: origin + v.target })),
    edit(path: string, html: string) {
      const page = find(path);
      if (/^\s*<(!doctype|html)/i.test(html)) page.document = html;
      else {
        page.document = undefined;
        page.body = html;
      }
      if (page.unique && !html.includes(page.unique) && !html.includes(esc(page.unique))) uniqueText.delete(urlOf(page));
      touch(page);
    },
    remove(path: string) {
      const page = find(path);
      page.removed = true;
      uniqueText.delete(urlOf(page));
      touch(page);
    },
    add(path: string, html: string, linkFrom?: string) {
      const key = pathKey(new URL(path, 'http://fixture.invalid').pathname);
      const existing = pages.get(key);
      if (existing && !existing.removed) throw new Error(`fixture-site: ${path} exists; use edit()`);
      const title = /<h[12][^>]*>([^<]*)</i.exec(html)?.[1]?.trim() || key;
      const lang = key === '/en' || key.startsWith('/en/') ? 'en' : 'da';
      const page = addPage({ path: key, title, lang, body: html, ...(linkFrom ? {} : { sitemap: lang }) }, BASE_TIME);
      touch(page);
      if (linkFrom) {
        const from = find(linkFrom);
        from.extraLinks.push({ href: page.href, text: title });
        touch(from);
      }
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const servers = listening6 ? [server, server6] : [server];
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Tagrender & Tag ApS

const FOOTER = 'Tagrender & Tag ApS · Industrivej 12 · 8260 Viby J · CVR 25313763 · tlf. 86 12 34 56';
const TAGLINE = 'Tagrender, tage og inddækninger i Østjylland siden 1987';
const CTA = 'Få et uforpligtende tilbud';
const COOKIE_TEXT = 'Vi bruger cookies til statistik og til at huske dine valg.';
const COOKIE_MORE = 'Læs mere i vores cookiepolitik.';
const ANALYTICS_ID = 'tagrender-analytics-id-7731';

const TAG_TOP = `<div id="cookie-banner" class="cookie-consent" role="dialog" aria-label="Cookies">${esc(COOKIE_TEXT)} ${esc(COOKIE_MORE)} <button type="button" onclick="this.parentNode.remove()">Accepter</button></div>
<header class="site-header">
<a class="logo" href="/">Tagrender &amp; Tag ApS</a>
<p class="tagline">${esc(TAGLINE)}</p>
<nav aria-label="Hovedmenu"><ul>
<li><a href="/">Forside</a></li>
<li><a href="/tagrender">Tagrender</a></li>
<li><a href="/ydelser">Ydelser</a></li>
<li><a href="/priser">Priser</a></li>
<li><a href="/om-os/">Om os</a></li>
<li><a href="/kontakt">Kontakt</a></li>
<li><a href="/en/" hreflang="en" lang="en">English</a></li>
<li><a class="cta" href="/kontakt#tilbud">${esc(CTA)}</a></li>
</ul></nav>
</header>`;
const TAG_BOTTOM = `<footer class="site-footer"><p>${esc(FOOTER)}</p></footer>`;
const TAG_HEAD = `<style>body{font-family:system-ui,sans-serif;margin:0}.cookie-consent{position:fixed;bottom:0;background:#222;color:#fff;padding:1em}.site-header nav ul{display:flex;gap:1em;list-style:none}</style>
<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({event:'pageview',site:'${ANALYTICS_ID}'});</script>`;

const ARTICLE_TOPICS: { title: string; subject: string; text: string[] }[] = [
  { title: 'Sådan renser du tagrenden', subject: 'rensning af tagrender', text: ['Blade, mos og småsten samler sig i tagrenden og får vandet til at løbe over kanten.', 'Brug en stabil stige, handsker og en lille skovl, og skyl efter med haveslangen.'] },
  { title: 'Når nedløbsrøret stopper til', subject: 'tilstoppede nedløbsrør', text: ['Et stoppet nedløbsrør høres ofte som en klukkende lyd, når det regner.', 'Skru bøjningen forneden af og skyl røret igennem oppefra, før du ringer efter hjælp.'] },
  { title: 'Mos på taget', subject: 'mos og alger på tage', text: ['Mos holder på fugten og kan løfte tagstenene, så vandet trænger ind.', 'En algebehandling i det tidlige forår holder taget rent i flere år.'] },
  { title: 'Tagrender og vinterfrost', subject: 'frost i tagrender', text: ['Is i tagrenden vejer meget og kan bøje krogene ud af facon.', 'Varmekabler i tagrende og nedløbsrør forhindrer istapper over indgangen.'] },
  { title: 'Zink eller plast?', subject: 'valg af materiale', text: ['Zink holder længst og passer til ældre huse, mens plast er billigst.', 'Stål med pulverlak findes i mange farver og er et godt mellemvalg.'] },
  { title: 'Sådan måler du dit tag', subject: 'opmåling af tage', text: ['Mål husets længde langs tagfoden og læg en halv meter til ved hvert udhæng.', 'Taghældningen kan findes med en vaterpas-app på telefonen.'] },
  { title: 'Tjek taget efter storm', subject: 'eftersyn efter storm', text: ['Se efter løse rygningssten, knækkede tagsten og skæve inddækninger.', 'Tag billeder af skaderne, før noget repareres, så forsikringen kan se dem.'] },
  { title: 'Tagrender på stråtag', subject: 'stråtage og vand', text: ['Stråtage har sjældent tagrender, fordi vandet skal dryppe frit af taget.', 'Et dræn af singels langs soklen leder vandet væk fra fundamentet.'] },
  { title: 'Opsamling af regnvand', subject: 'regnvandsopsamling', text: ['En regnvandstønde ved nedløbsrøret giver vand til haven hele sommeren.', 'Husk et filter, så blade og tagslam ikke ender i tønden.'] },
  { title: 'Tagrummet og fugt', subject: 'fugt i tagrummet', text: ['Dårlig ventilation giver kondens på undersiden af taget om vinteren.', 'Tjek at ventilationsåbningerne ved tagfoden ikke er dækket af isolering.'] },
  { title: 'Snefangere', subject: 'snefangere på tage', text: ['Snefangere holder sneen på taget, så den ikke falder ned på fortovet.', 'På glatte tage som stål og glaseret tegl er de næsten et must.'] },
  { title: 'Når taget skal males', subject: 'maling af tage', text: ['Et betontag kan males, når overfladen er blevet porøs og grå.', 'Taget skal renses og tørre i flere dage, før malingen lægges på.'] },
];
const AUTHORS = ['Jørgen Holm', 'Mette Lund', 'Anders Kjær', 'Sofie Dahl'];
const PER_INDEX_PAGE = 10;

const articleTitle = (n: number) => {
  const topic = ARTICLE_TOPICS[(n - 1) % ARTICLE_TOPICS.length]!;
  const round = Math.floor((n - 1) / ARTICLE_TOPICS.length);
  return round ? `${topic.title} (del ${round + 1})` : topic.title;
};

function articlePages(total: number): PageDef[] {
  const defs: PageDef[] = [];
  const indexPages = Math.max(1, Math.ceil(total / PER_INDEX_PAGE));
  const indexPath = (k: number) => (k === 1 ? FIXTURE_PATHS.articles : `${FIXTURE_PATHS.articles}/side/${k}`);
  for (let k = 1; k <= indexPages; k++) {
    const from = (k - 1) * PER_INDEX_PAGE + 1;
    const to = Math.min(total, k * PER_INDEX_PAGE);
    const items: string[] = [];
    for (let n = from; n <= to; n++) items.push(`${a(`/artikler/${n}`, articleTitle(n))} – ${esc(AUTHORS[(n - 1) % AUTHORS.length]!)}`);
    const pager = [k > 1 ? a(indexPath(k - 1), 'Forrige side', 'rel="prev"') : '', k < indexPages ? a(indexPath(k + 1), 'Næste side', 'rel="next"') : ''].filter(Boolean).join(' · ');
    const unique = `Oversigten over artikler, side ${k} af ${indexPages}, er sorteret efter artikelnummer.`;
    defs.push({
      path: indexPath(k),
      title: k === 1 ? 'Artikler og gode råd' : `Artikler og gode råd – side ${k}`,
      heading: 'Artikler og gode råd',
      description: 'Gode råd om vedligehold af tag og tagrender fra vores blikkenslagere.',
      unique,
      body: `${p('Her samler vi vores råd om tage, tagrender og nedløbsrør, skrevet af folkene der selv står på stigen.', unique)}\n${ul(items)}\n${total ? `<nav class="pager">${pager}</nav>` : ''}`,
      sitemap: 'da',
    });
  }
  for (let n = 1; n <= total; n++) {
    const topic = ARTICLE_TOPICS[(n - 1) % ARTICLE_TOPICS.length]!;
    const author = AUTHORS[(n - 1) % AUTHORS.length]!;
    const unique = `Artikel nummer ${n} i serien er skrevet af ${author} og handler om ${topic.subject}.`;
    const links = [n > 1 ? a(String(n - 1), 'Forrige artikel', 'rel="prev"') : '', n < total ? a(String(n + 1), 'Næste artikel', 'rel="next"') : '', a(indexPath(Math.ceil(n / PER_INDEX_PAGE)), 'Alle artikler')]
      .filter(Boolean)
      .join(' · ');
    defs.push({
      path: `/artikler/${n}`,
      title: articleTitle(n),
      heading: articleTitle(n),
      description: `${topic.title}: gode råd fra Tagrender & Tag ApS.`,
      unique,
      body: `${p(topic.text[0]!)}\n${h2('Det skal du gøre')}\n${p(topic.text[1]!, unique)}\n${h2('Brug for hjælp?')}\n<p>Vi hjælper gerne – se ${a('/priser', 'vores priser')} eller ${a('/kontakt', 'kontakt os')}.</p>\n<p class="article-nav">${links}</p>`,
      sitemap: 'da',
    });
  }
  return defs;
}

/** The JavaScript-only page: sentences as word arrays, joined and put into the DOM by the script. */
function appBody(heading: string, paragraphs: string[], link: { href: string; text: string }): string {
  const words = (s: string) => JSON.stringify(s.split(' '));
  return `<div id="root"></div>
<script>
(function () {
  var root = document.getElementById('root');
  var h1 = document.createElement('h1');
  h1.textContent = ${words(heading)}.join(' ');
  root.appendChild(h1);
  [${paragraphs.map(words).join(', ')}].forEach(function (w) {
    var p = document.createElement('p');
    p.textContent = w.join(' ');
    root.appendChild(p);
  });
  var a = document.createElement('a');
  a.href = ${JSON.stringify(link.href)};
  a.textContent = ${words(link.text)}.join(' ');
  root.appendChild(a);
})();
</script>`;
}

function tagrenderPages(o: string, articles: number): PageDef[] {
  const host = o.slice('http://'.length);
  const u = {
    home: 'Vores ældste kunde fik skiftet zinktagrender på sin stråtækte gård i Hjortshøj i 1988.',
    about: 'Værkstedet på Industrivej rummer Jyllands måske største samling af håndbukkede zinkhjørner.',
    contact: 'Vores servicebil med den røde stige holder klar ved Viby Torv hver morgen klokken 6.45.',
    prices: 'Et typisk parcelhus på 140 kvadratmeter får nye tagrender og nedløbsrør for omkring 18.500 kr.',
    gutters: 'En ny tagrende skal have et fald på mindst to millimeter pr. meter mod nedløbsrøret.',
    zinc: 'Zink danner med tiden en mat grå patina, der beskytter metallet i op til 80 år.',
    plastic: 'Plasttagrender i PVC er lette at montere, men kan blive skøre efter mange års frost.',
    downpipes: 'Et nedløbsrør på 75 millimeter kan aflede vandet fra cirka 80 kvadratmeter tag.',
    services: 'Vi udfører omkring 300 opgaver om året, og de fleste er reparationer efter storm.',
    renovation: 'Ved en tagrenovering fjerner vi de gamle eternitplader og lægger nye betontagsten på nye lægter.',
    cleaning: 'Alger og mos på taget fjernes med lavtryk og en miljøgodkendt algerens, aldrig med højtryk.',
    painting: 'Tagmaling kan forlænge levetiden på et gammelt betontag med 10 til 15 år.',
    flashing: 'Skorstene og kviste inddækkes med bly eller zink, så vandet ikke finder vej ind under tagstenene.',
    skylights: 'Et nyt ovenlysvindue i en tagstue monteres typisk på én dag, inklusive inddækning og indvendig lysning.',
    warranty: 'Vi giver ti års garanti på tætheden af alle samlinger, vi selv har loddet.',
    references: 'Boligforeningen Ringgården fik skiftet 2,4 kilometer tagrende på tre uger i 2023.',
    jobs: 'Vi søger en blikkenslagerlærling, der ikke er bange for højder og godt kan lide at stå tidligt op.',
    faq: 'Tagrender bør renses mindst én gang om året, helst sidst i november når bladene er faldet.',
    links: 'Bygningsreglementet kræver, at regnvand ledes væk fra fundamentet, så kælderen holdes tør.',
    news: 'Fra april 2026 kører alle vores servicebiler på strøm fra solceller på værkstedets tag.',
    oldText: 'I 2009 kostede en zinktagrende 39 € pr. meter før moms, og lærlingen bar stigen på Århusegnen.',
    unstable: 'Vagttelefonen er åben døgnet rundt, når en storm har revet tagsten eller tagrender løs.',
    busy: 'Et årligt eftersyn af tag og tagrender tager cirka en time og koster 695 kr.',
    campaign: 'Bestil tagrensning inden 1. maj 2026, så følger rensning af tagrender med uden beregning.',
    discount: 'Pensionister får 10 procent rabat på nye nedløbsrør hele foråret.',
    storm: 'Efter stormen i oktober 2024 reparerede vi 212 tage på ni dage.',
    intranet: 'Intranettet samler vagtplaner, værktøjslister og kørebøger for alle ansatte.',
    staff: 'Medarbejderportalen viser vagtplanen og feriekalenderen for alle montører.',
    salaries: 'Lønsedler for marts udbetales den sidste hverdag i måneden.',
    thanks: 'Tak for din henvendelse, vi ringer dig op inden for en arbejdsdag.',
    newsletter: 'Du er nu tilmeldt vores nyhedsbrev om tag og tagrender.',
    login: 'Log ind med dit sagsnummer og postnummer for at se status på din opgave.',
    app: 'Beregneren regner med en meterpris på 450 kr. og et nedløbsrør for hver tiende meter tagrende.',
    appGuide: 'Vejledningen forklarer, hvordan du måler tagfladen fra jorden med et almindeligt målebånd.',
    slow: 'Lagerstatus hentes direkte fra leverandørens system og kan tage lang tid.',
    enHome: 'We have fitted gutters on thatched farmhouses, city villas and everything in between since 1987.',
    enAbout: 'Our workshop keeps a stock of more than two hundred hand-folded zinc corners.',
    enContact: 'Our service van with the red ladder leaves the workshop at a quarter to seven every morning.',
    enPrices: 'A typical detached house gets new gutters and downpipes for about DKK 18,500.',
    enGutters: 'A new gutter needs a fall of at least two millimetres per metre towards the downpipe.',
    enRenovation: 'During a roof renovation we remove the old fibre cement sheets and lay new concrete tiles on new battens.',
    enFaq: 'Gutters should be cleaned at least once a year, ideally at the end of November when the leaves have fallen.',
    enCampaign: 'Book a roof cleaning before 1 May 2026 and we clean the gutters at no extra charge.',
  };
  const priceRows = [
    ['Ydelse', 'Enhed', 'Pris inkl. moms'],
    ['Tagrende i zink, 333 mm', 'pr. meter', '450 kr.'],
    ['Tagrende i plast', 'pr. meter', '225 kr.'],
    ['Tagrende i lakeret stål', 'pr. meter', '340 kr.'],
    ['Nedløbsrør i zink, 75 mm', 'pr. meter', '395 kr.'],
    ['Rensning af tagrender', 'pr. meter', '35 kr.'],
  ];
  return [
    {
      path: '/',
      title: 'Tagrender og tage i Østjylland',
      heading: 'Tagrender, tagrenovering og tagrensning',
      description: 'Tagrender & Tag ApS monterer tagrender, nedløbsrør og tage i Aarhus og omegn.',
      unique: u.home,
      body: `${p('Vi monterer og reparerer tagrender, nedløbsrør og tage på villaer, rækkehuse og landejendomme fra Randers til Horsens. Alle opgaver udføres af vores egne uddannede blikkenslagere og tømrere.', u.home)}
${h2('Det laver vi')}
${ul([
  a('/tagrender?utm_source=forside&utm_medium=banner', 'Tagrender i zink, stål og plast'),
  a('/ydelser/tagrenovering', 'Tagrenovering'),
  a('/ydelser/tagrensning', 'Tagrensning og algebehandling'),
  a(`HTTP://${host}/priser`, 'Se vores priser'),
  a('/priser?gclid=Cj0KCQiAkampagne', 'Forårets kampagnepriser'),
])}
${h2('Gode råd')}
<p>Læs vores ${a('/artikler', 'artikler og gode råd')} om vedligehold, find svar under ${a('/sp%C3%B8rgsm%C3%A5l', 'ofte stillede spørgsmål')}, eller prøv ${a('/app', 'tagrendeberegneren')}.</p>
${h2('Tryghed')}
<p>Vi er medlem af Tekniq, og du får ${a(' /garanti ', 'ti års garanti')}. ${a('/referencer#kunder', 'Se hvad vores kunder siger')} og ${a('/om-os/', 'mød holdet bag')}. Vi har samlet ${a('/nyttige-links', 'nyttige links')} om byggeregler og tilskud.</p>
<p>Ansatte kan logge ind på ${a('/intern/medarbejdere', 'medarbejderportalen')}. ${a('/en/', 'Read this site in English', 'hreflang="en"')}.</p>`,
      sitemap: 'da',
    },
    {
      path: '/om-os',
      title: 'Om os',
      heading: 'Om Tagrender & Tag ApS',
      description: 'Blikkenslagere og tømrere siden 1987.',
      unique: u.about,
      body: `${p('Tagrender & Tag ApS blev grundlagt i 1987 af blikkenslagermester Jørgen Holm i en garage i Viby. I dag er vi 14 medarbejdere: blikkenslagere, tømrere, en tagdækker og to lærlinge.', u.about)}
${h2('Sådan arbejder vi')}
${p('Vi giver faste priser, rydder op efter os og svarer telefonen. Før vi går i gang, gennemgår vi opgaven med dig på stedet, og når vi er færdige, får du billeder af arbejdet.')}
<p>Mange af vores opgaver er ${a('/ydelser/tagrenovering?fbclid=IwAR2xYzTag', 'tagrenoveringer')} på huse fra 1960'erne og 1970'erne.</p>
${h2('Følg os')}
<p>Vi deler billeder fra byggepladserne på ${a(OFFSITE_LINKS.facebook, 'Facebook')}. Vi søger altid dygtige folk – se ${a('/job', 'ledige stillinger')} og ${a('referencer', 'vores referencer')}.</p>`,
      sitemap: 'da',
    },
    {
      path: '/kontakt',
      title: 'Kontakt',
      heading: 'Kontakt os',
      description: 'Ring, skriv eller bestil et tilbud.',
      unique: u.contact,
      body: `<p>Ring på <a href="tel:+4586123456">86 12 34 56</a> alle hverdage kl. 7–16, eller skriv til <a href="mailto:info@tagrender-tag.dk">info@tagrender-tag.dk</a>. Vi svarer inden for én arbejdsdag.</p>
${p(u.contact)}
${h2('Bestil et tilbud', 'tilbud')}
<form action="/tak" method="post"><label>Navn <input name="navn"></label> <label>Telefon <input name="telefon"></label> <label>Opgave <textarea name="besked"></textarea></label> <button type="submit">Send</button></form>
<p>Når du har sendt formularen, kommer du til vores ${a('/tak', 'takkeside')}. Tilmelder du dig nyhedsbrevet, får du en ${a('/nyhedsbrev-tak', 'bekræftelse')}.</p>
<p>Eksisterende kunder kan følge deres sag i ${a('/kundelogin', 'kundelogin', 'rel="nofollow"')}. Læs også ${a('/spørgsmål', 'ofte stillede spørgsmål')} og ${a('./om-os', 'om os')}.</p>
${h2('Akut hjælp')}
<p>Ved akutte stormskader kan du ringe til vagttelefonen – læs mere under ${a('/ustabil', 'akutservice')}.</p>`,
      sitemap: 'da',
    },
    {
      path: '/priser',
      title: 'Priser',
      heading: 'Priser på tagrender og tagarbejde',
      description: 'Vejledende priser på tagrender, nedløbsrør og tagarbejde.',
      unique: u.prices,
      head: `<link rel="alternate" hreflang="en" href="/en/prices">`,
      body: `${p('Alle priser er vejledende og inklusive moms, montering og bortkørsel af gamle materialer. Stillads og lift afregnes efter forbrug.')}
${h2('Tagrender', 'tagrender')}
${table(priceRows)}
<p>Vi bruger ${a('/tagrender-zink', 'zinktagrender')} som standard. Hent ${a('/filer/prisliste.pdf', 'prislisten som PDF')}.</p>
${h2('Tagarbejde', 'tagarbejde')}
${table([
  ['Ydelse', 'Enhed', 'Pris inkl. moms'],
  ['Tagrensning med algebehandling', 'pr. m²', '45 kr.'],
  ['Tagmaling, to lag', 'pr. m²', '165 kr.'],
  ['Nyt tag med betontagsten', 'pr. m²', '1.150 kr.'],
  ['Eftersyn af tag og tagrender', 'pr. besøg', '695 kr.'],
])}
${p(u.prices)}
${h2('Beregn selv', 'beregner')}
<p>Prøv vores ${a('/app', 'online tagrendeberegner')}, eller se ${a('/stor-side', 'hele produktkataloget')}. ${a('/en/prices', 'Prices in English', 'hreflang="en"')}.</p>`,
      sitemap: 'da',
    },
    {
      path: '/tagrender',
      title: 'Tagrender',
      heading: 'Tagrender i zink, stål og plast',
      description: 'Nye tagrender monteret af blikkenslagere.',
      unique: u.gutters,
      head: '<link rel="canonical" href="/tagrender">',
      body: `${p('Tagrenden leder regnvandet væk fra taget og facaden. En utæt eller skæv tagrende giver fugt i murværket, afskallet puds og i værste fald vand i kælderen.')}
${h2('Zink, stål eller plast?')}
<p>Zink holder længst, stål med lak fås i mange farver, og plast er billigst. ${a('/produkter/tagrender-zink', 'Se zinktagrenden i produktkataloget')}, ${a('/tagrender-plast', 'tagrender i plast')} eller ${a('/nedlobsror', 'nedløbsrør')}.</p>
${h2('Montering')}
${p(u.gutters, 'Krogene sættes med højst 60 centimeters afstand, og samlingerne loddes eller limes afhængigt af materialet.')}
<p>${a('kontakt', 'Kontakt os')} for en gratis besigtigelse, læs ${a('./om-os', 'om vores montører')}, eller se ${a('../priser', 'priserne')}.</p>
<p class="print">${a('/tagrender?visning=print', 'Udskriv siden')}</p>`,
      sitemap: 'da',
    },
    {
      path: '/tagrender-zink',
      title: 'Tagrender i zink',
      heading: 'Tagrender i zink',
      description: 'Halvrunde zinktagrender i 333 mm.',
      unique: u.zinc,
      body: `${p('Vores standardtagrende er halvrund, 333 millimeter og lavet af 0,7 millimeter titanzink. Den loddes på stedet og kræver næsten ingen vedligeholdelse.', u.zinc)}
${h2('Pris')}
<p>Se ${a('/priser#tagrender', 'prisen pr. meter')}.</p>`,
      sitemap: 'da',
    },
    {
      path: '/tagrender-plast',
      title: 'Tagrender i plast',
      heading: 'Tagrender i plast',
      description: 'Billige tagrender i PVC.',
      unique: u.plastic,
      body: `${p('Plasttagrender er et godt valg til carporte, skure og mindre huse. De samles med lim eller gummipakninger og fås i hvid, grå, sort og brun.', u.plastic)}`,
      sitemap: 'da',
    },
    {
      path: '/nedlobsror',
      title: 'Nedløbsrør',
      heading: 'Nedløbsrør',
      description: 'Nedløbsrør i zink, stål og plast.',
      unique: u.downpipes,
      body: `${p('Nedløbsrøret fører vandet fra tagrenden ned i kloakken eller en faskine. Vi monterer rør med løvfang, så blade ikke stopper brønden.', u.downpipes)}
${h2('Faskiner')}
${p('Skal regnvandet nedsives på grunden, graver vi en faskine mindst fem meter fra huset.')}`,
      sitemap: 'da',
    },
    {
      path: '/ydelser',
      title: 'Ydelser',
      heading: 'Vores ydelser',
      description: 'Tagrenovering, tagrensning, tagmaling, inddækninger og ovenlys.',
      unique: u.services,
      head: '<base href="/ydelser/">',
      body: `${p('Ud over tagrender klarer vi det meste på og omkring taget.', u.services)}
${ul([a('tagrenovering', 'Tagrenovering'), a('tagrensning', 'Tagrensning'), a('tagmaling', 'Tagmaling'), a('inddaekning', 'Inddækninger'), a('ovenlys', 'Ovenlysvinduer')])}`,
      sitemap: 'da',
    },
    {
      path: '/ydelser/tagrenovering',
      title: 'Tagrenovering',
      heading: 'Tagrenovering',
      description: 'Nyt tag på få uger.',
      unique: u.renovation,
      body: `${p('Et nyt tag er en stor investering, så vi gennemgår spær, undertag og lægter, før vi giver en fast pris.', u.renovation)}
${h2('Forløbet')}
${p('Et almindeligt parcelhus får nyt tag på to til tre uger. Vi dækker af hver aften, så huset er tæt, selv hvis det regner.')}
<p>Se ${a('../priser', 'priser')} eller ${a('../kontakt', 'kontakt os')}.</p>`,
      sitemap: 'da',
    },
    {
      path: '/ydelser/tagrensning',
      title: 'Tagrensning',
      heading: 'Tagrensning og algebehandling',
      description: 'Skånsom rensning af tage.',
      unique: u.cleaning,
      body: `${p(u.cleaning, 'Bagefter behandler vi taget, så nye alger ikke får fat.')}
<p>Se ${a('../priser', 'priser på tagrensning')}, eller overvej ${a('tagmaling', 'tagmaling')} og ${a('./tagrenovering', 'tagrenovering')}.</p>`,
      sitemap: 'da',
    },
    {
      path: '/ydelser/tagmaling',
      title: 'Tagmaling',
      heading: 'Tagmaling',
      description: 'Maling af betontage.',
      unique: u.painting,
      body: `${p('Vi maler betontage og eternittage uden asbest med diffusionsåben tagmaling i to lag.', u.painting)}`,
      sitemap: 'da',
    },
    {
      path: '/ydelser/inddaekning',
      title: 'Inddækninger',
      heading: 'Inddækninger',
      description: 'Inddækning af skorstene, kviste og ovenlys.',
      unique: u.flashing,
      body: `${p(u.flashing, 'De fleste utætheder i et tag sidder ved en inddækning, ikke i selve tagstenene.')}`,
      sitemap: 'da',
    },
    {
      path: '/ydelser/ovenlys',
      title: 'Ovenlysvinduer',
      heading: 'Ovenlysvinduer',
      description: 'Montering og udskiftning af ovenlysvinduer.',
      unique: u.skylights,
      body: `${p('Vi monterer og udskifter ovenlysvinduer fra de kendte mærker og sørger for, at inddækningen passer til taget.', u.skylights)}`,
      sitemap: 'da',
    },
    {
      path: '/garanti',
      title: 'Garanti',
      heading: 'Garanti og reklamation',
      description: 'Ti års garanti på vores arbejde.',
      unique: u.warranty,
      body: `${h2('Vilkår', 'vilkaar')}
${p(u.warranty, 'Garantien dækker materialer og arbejdsløn, men ikke skader fra storm, væltede træer eller manglende rensning.')}
<p>Læs de fulde ${a('/filer/betingelser.docx', 'handelsbetingelser')} (Word) eller ${a(`http://${host}/garanti#vilkaar`, 'vilkårene her på siden')}.</p>
${h2('Reklamation', 'reklamation')}
${p('Opdager du en fejl, så skriv til os med billeder og adresse, så kommer vi ud inden for fem arbejdsdage.')}
<p>Et årligt eftersyn holder garantien gyldig: ${a('/travl', 'book et eftersyn')}. ${a('/garanti?utm_campaign=garanti2026#reklamation', 'Del siden')}. <a href=" /referencer ">Referencer</a>.</p>`,
      sitemap: 'da',
    },
    {
      path: '/referencer',
      title: 'Referencer',
      heading: 'Referencer',
      description: 'Udvalgte opgaver og kundeudtalelser.',
      unique: u.references,
      body: `${p(u.references, 'Vi har også lagt nyt tag på Viby Skole og skiftet tagrender på over 200 parcelhuse i Holme og Højbjerg.')}
${h2('Det siger kunderne', 'kunder')}
${p('"Til tiden, ryddeligt og til den aftalte pris." – Lene, Tranbjerg', '"De fandt utætheden, som to andre firmaer havde overset." – Peter, Beder')}
<p><a href="/billeder/tag.png"><img src="/billeder/tag.png" alt="Nyt tag i Holme" width="1" height="1"></a> Se flere billeder i ${a('/loop-a', 'galleriet')} eller på ${a('/gammel-side', 'vores gamle nyhedsside')}. Læs ${a('/gammel-tekst', 'tilbud fra 2009')}.</p>`,
      sitemap: 'da',
    },
    {
      path: '/job',
      title: 'Job',
      heading: 'Ledige stillinger',
      description: 'Bliv en del af holdet.',
      unique: u.jobs,
      body: `${p(u.jobs, 'Vi tilbyder faste arbejdstider, firmabil og en værkstedsfrokost hver fredag.')}
<p>Ansatte finder lønsedler på ${a('/intern/loenninger', 'intranettet')}.</p>`,
      sitemap: 'da',
    },
    {
      path: '/spørgsmål',
      title: 'Ofte stillede spørgsmål',
      heading: 'Ofte stillede spørgsmål',
      description: 'Svar på de spørgsmål, vi oftest får.',
      unique: u.faq,
      body: `${h2('Hvor ofte skal tagrender renses?', 'hvor-ofte')}
${p(u.faq)}
${h2('Kan I arbejde om vinteren?', 'vinter')}
${p('Ja, så længe der ikke er is eller sne på taget. Lodning af zink kræver dog mindst fem graders varme.')}
${h2('Hvad koster en besigtigelse?', 'pris')}
${p('Besigtigelsen og tilbuddet er gratis i Aarhus, Skanderborg og Favrskov kommuner.')}`,
      sitemap: 'da',
    },
    {
      path: '/nyttige-links',
      title: 'Nyttige links',
      heading: 'Nyttige links',
      description: 'Links om byggeregler, tilskud og vedligehold.',
      unique: u.links,
      body: `${p(u.links)}
${ul([
  a(OFFSITE_LINKS.example, 'Eksempel på en ekstern vejledning'),
  a(OFFSITE_LINKS.facebook, 'Vores Facebook-side'),
  a(OFFSITE_LINKS.privateIp, 'Gammel administrationsside'),
  a(OFFSITE_LINKS.metadata, 'Serverdata'),
  a('/filer/betingelser.docx', 'Handelsbetingelser (Word)'),
  a('/data.zip', 'Prisdata som zip'),
  a('/feed.json', 'Nyheder som JSON'),
  a('/findes-ikke', 'Vores gamle blog'),
  a('/langsom', 'Lagerstatus'),
  a('/stor-side-streamet', 'Reservedelskatalog'),
  '<a href="javascript:void(0)" onclick="window.print()">Udskriv</a>',
])}`,
      sitemap: 'da',
    },
    {
      path: '/ny-side',
      title: 'Nyheder',
      heading: 'Nyt fra Tagrender & Tag',
      description: 'Nyheder fra værkstedet.',
      unique: u.news,
      body: `${p(u.news, 'Vi har også fået to nye lærlinge og en lift, der kan nå 22 meter op.')}
${h2('Arkiv')}
${p('Ældre nyheder finder du i vores artikler om tage og tagrender.')}`,
    },
    {
      path: '/gammel-tekst',
      title: 'Tilbud fra 2009',
      heading: 'Vores tilbud fra 2009',
      description: 'En gammel side i Windows-1252.',
      unique: u.oldText,
      charset: 'windows-1252',
      body: `${p('Denne side er fra vores første hjemmeside og ligger her for historiens skyld – priserne gælder ikke længere.', u.oldText)}
${h2('Dengang')}
${p('Æbletræer tæt på huset giver blade i tagrenden hvert efterår, så rens den både forår og efterår. Det rådede vi også om i 2009.')}`,
    },
    {
      path: '/ustabil',
      title: 'Akutservice',
      heading: 'Akutservice ved stormskader',
      description: 'Hjælp døgnet rundt ved stormskader.',
      unique: u.unstable,
      behaviour: 'fail-once',
      body: `${p(u.unstable, 'Vi dækker taget midlertidigt af med presenning, så der ikke kommer mere vand ind, og laver den endelige reparation bagefter.')}`,
      sitemap: 'da',
    },
    {
      path: '/travl',
      title: 'Book et eftersyn',
      heading: 'Book et eftersyn',
      description: 'Årligt eftersyn af tag og tagrender.',
      unique: u.busy,
      behaviour: 'busy-once',
      body: `${p(u.busy, 'Vi renser tagrenderne, tjekker inddækninger og sender dig en rapport med billeder.')}`,
      sitemap: 'da',
    },
    ...articlePages(articles),
    {
      path: '/kampagne-2026',
      title: 'Forårskampagne 2026',
      heading: 'Forårskampagne 2026',
      description: 'Gratis rensning af tagrender ved tagrensning.',
      unique: u.campaign,
      body: `${p(u.campaign, 'Tilbuddet gælder parcelhuse og rækkehuse i Aarhus Kommune.')}`,
      sitemap: 'da',
    },
    {
      path: '/tilbud/foraarsrabat',
      title: 'Forårsrabat',
      heading: 'Forårsrabat for pensionister',
      description: 'Rabat på nedløbsrør.',
      unique: u.discount,
      body: `${p(u.discount, 'Nævn rabatten, når du bestiller et tilbud.')}`,
      sitemap: 'da',
    },
    {
      path: '/arkiv/stormskader-2024',
      title: 'Stormskader 2024',
      heading: 'Stormen i oktober 2024',
      description: 'Tilbageblik på stormen i 2024.',
      unique: u.storm,
      body: `${p(u.storm, 'De fleste skader var løse rygningssten og tagrender, der var revet af.')}`,
      sitemap: 'da',
    },
    // English
    {
      path: '/en',
      lang: 'en',
      title: 'Gutters and roofs in East Jutland',
      heading: 'Gutters, roof renovation and roof cleaning',
      description: 'Tagrender & Tag ApS fits gutters, downpipes and roofs around Aarhus.',
      unique: u.enHome,
      body: `${p('We fit and repair gutters, downpipes and roofs on houses from Randers to Horsens, with our own trained plumbers and carpenters.', u.enHome)}
${ul([a('/en/gutters', 'Gutters'), a('/en/roof-renovation', 'Roof renovation'), a('/en/prices', 'Prices'), a('/en/faq', 'Questions and answers'), a('/en/about', 'About us'), a('/en/contact', 'Contact')])}
<p>${a('/', 'Dansk', 'hreflang="da"')}</p>`,
      sitemap: 'en',
    },
    {
      path: '/en/about',
      lang: 'en',
      title: 'About us',
      heading: 'About Tagrender & Tag ApS',
      description: 'Plumbers and carpenters since 1987.',
      unique: u.enAbout,
      body: `${p('The company was founded in 1987 by master plumber Jørgen Holm in a garage in Viby. Today we are fourteen people.', u.enAbout)}`,
      sitemap: 'en',
    },
    {
      path: '/en/contact',
      lang: 'en',
      title: 'Contact',
      heading: 'Contact us',
      description: 'Call, write or ask for a quote.',
      unique: u.enContact,
      body: `<p>Call <a href="tel:+4586123456">+45 86 12 34 56</a> on weekdays 7–16 or write to <a href="mailto:info@tagrender-tag.dk">info@tagrender-tag.dk</a>.</p>
${p(u.enContact)}`,
      sitemap: 'en',
    },
    {
      path: '/en/prices',
      lang: 'en',
      title: 'Prices',
      heading: 'Prices for gutters and roof work',
      description: 'Guide prices for gutters, downpipes and roof work.',
      unique: u.enPrices,
      head: '<link rel="alternate" hreflang="da" href="/priser">',
      body: `${p('All prices include VAT, fitting and removal of old materials.')}
${h2('Gutters', 'gutters')}
${table([
  ['Item', 'Unit', 'Price incl. VAT'],
  ['Zinc gutter, 333 mm', 'per metre', 'DKK 450'],
  ['PVC gutter', 'per metre', 'DKK 225'],
  ['Zinc downpipe, 75 mm', 'per metre', 'DKK 395'],
])}
${p(u.enPrices)}
<p>${a('contact', 'Ask for a quote')}, ${a('#gutters', 'back to gutter prices')} or ${a('../priser', 'see the Danish price list')}.</p>`,
      sitemap: 'en',
    },
    {
      path: '/en/gutters',
      lang: 'en',
      title: 'Gutters',
      heading: 'Gutters in zinc, steel and PVC',
      description: 'New gutters fitted by plumbers.',
      unique: u.enGutters,
      body: `${p('A leaking or crooked gutter leads to damp walls and flaking render.', u.enGutters)}
${h2('Materials')}
${p('Zinc lasts longest, coated steel comes in many colours and PVC is the cheapest.')}`,
      sitemap: 'en',
    },
    {
      path: '/en/roof-renovation',
      lang: 'en',
      title: 'Roof renovation',
      heading: 'Roof renovation',
      description: 'A new roof in a few weeks.',
      unique: u.enRenovation,
      body: `${p(u.enRenovation, 'We cover the roof every evening, so the house stays dry even when it rains.')}`,
      sitemap: 'en',
    },
    {
      path: '/en/faq',
      lang: 'en',
      title: 'Questions and answers',
      heading: 'Questions and answers',
      description: 'Answers to the questions we hear most.',
      unique: u.enFaq,
      body: `${h2('How often should gutters be cleaned?')}
${p(u.enFaq)}
${h2('Do you work in winter?')}
${p('Yes, as long as there is no ice or snow on the roof.')}`,
      sitemap: 'en',
    },
    {
      path: '/en/campaign',
      lang: 'en',
      title: 'Spring campaign 2026',
      heading: 'Spring campaign 2026',
      description: 'Free gutter cleaning with a roof cleaning.',
      unique: u.enCampaign,
      body: `${p(u.enCampaign)}`,
      sitemap: 'en',
    },
    // Never indexed.
    {
      path: '/intern',
      title: 'Intranet',
      heading: 'Intranet',
      unique: u.intranet,
      index: 'not-indexed',
      body: `${p(u.intranet)}\n${ul([a('/intern/medarbejdere', 'Medarbejdere'), a('/intern/loenninger', 'Lønninger')])}`,
    },
    { path: '/intern/medarbejdere', title: 'Medarbejdere', heading: 'Medarbejderportal', unique: u.staff, index: 'not-indexed', body: `${p(u.staff)}\n<p>${a('/intern/loenninger', 'Lønninger')}</p>` },
    { path: '/intern/loenninger', title: 'Lønninger', heading: 'Lønninger', unique: u.salaries, index: 'not-indexed', body: p(u.salaries) },
    {
      path: '/tak',
      title: 'Tak',
      heading: 'Tak for din henvendelse',
      unique: u.thanks,
      index: 'not-indexed',
      head: '<meta name="robots" content="noindex">',
      body: `${p(u.thanks)}\n<p>${a('/', 'Tilbage til forsiden')}</p>`,
    },
    {
      path: '/nyhedsbrev-tak',
      title: 'Tilmeldt',
      heading: 'Tilmeldt nyhedsbrevet',
      unique: u.newsletter,
      index: 'not-indexed',
      headers: { 'X-Robots-Tag': 'noindex' },
      body: p(u.newsletter),
    },
    { path: '/kundelogin', title: 'Kundelogin', heading: 'Kundelogin', unique: u.login, index: 'not-indexed', body: `${p(u.login)}\n<form method="post"><input name="sag"> <input name="postnummer"> <button>Log ind</button></form>` },
    {
      path: '/app',
      title: 'Tagrendeberegner',
      unique: u.app,
      index: 'rendered',
      body: appBody('Tagrendeberegner', [u.app, 'Indtast husets længde og bredde, så viser beregneren, hvor mange meter tagrende og hvor mange nedløbsrør du skal bruge.'], {
        href: '/app/vejledning',
        text: 'Læs vejledningen',
      }),
    },
    { path: '/app/vejledning', title: 'Vejledning til beregneren', heading: 'Vejledning til beregneren', unique: u.appGuide, index: 'rendered', body: p(u.appGuide, 'Mål langs tagfoden på alle sider af huset, og læg udhængene til.') },
    { path: '/langsom', title: 'Lagerstatus', heading: 'Lagerstatus', unique: u.slow, index: 'not-indexed', behaviour: 'slow', body: p(u.slow, 'Alle varer på listen kan leveres inden for tre hverdage.') },
  ];
}

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const PDF_UNIQUE = 'Prisliste 2026 Tagrende zink 450 kr. pr. meter';
const DOCX_UNIQUE = 'Betingelserne gælder for alle opgaver, der er bestilt efter 1. januar 2026.';
const BIG_UNIQUE = {
  [FIXTURE_PATHS.big]: 'Det komplette produktkatalog med alle varenumre fra vores leverandører.',
  [FIXTURE_PATHS.bigChunked]: 'Det komplette reservedelskatalog, sendt i bidder uden kendt længde.',
};

let documentsBuilt: Promise<{ pdf: Uint8Array; docx: Uint8Array }> | undefined;
/** The PDF and DOCX, built once per process (pdf-lib and docx take a moment). */
function fixtureDocuments(): Promise<{ pdf: Uint8Array; docx: Uint8Array }> {
  documentsBuilt ??= (async () => ({
    pdf: await textPdf(
      [`${PDF_UNIQUE}\nTagrende plast 225 kr. pr. meter\nNedløbsrør zink 395 kr. pr. meter\nTagrensning 45 kr. pr. m²\nAlle priser er inkl. moms og montering.`],
      { title: 'Prisliste 2026' },
    ),
    docx: await docxWithTable({
      title: 'Handelsbetingelser',
      paragraphs: [DOCX_UNIQUE, 'Der ydes ti års garanti på tætheden af samlinger, vi selv har loddet.', 'Betaling sker senest otte dage efter fakturadato.'],
      table: [
        ['Punkt', 'Vilkår'],
        ['Garanti', '10 år'],
        ['Betaling', '8 dage netto'],
      ],
    }),
  }))();
  return documentsBuilt;
}

/**
 * Starts the Tagrender & Tag ApS fixture site on 127.0.0.1 (a free port; also on ::1 when the
 * machine has it, so `localhostUrl` works wherever localhost resolves). See the module comment
 * for what it serves and the URL normalisation its expected lists assume.
 *
 * @example
 * const site = await startFixtureSite({ crawlDelay: 0.1, slowMs: 3000 });
 * try {
 *   await crawl(site.url + '/');
 *   expect(indexedUrls().sort()).toEqual([...site.expectedIndexed].sort());
 *   expect(site.count(FIXTURE_PATHS.disallowedPages[0])).toBe(0);
 * } finally {
 *   await site.close();
 * }
 */
export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const crawlDelay = options.crawlDelay ?? 1;
  const articles = Math.max(0, Math.floor(options.pages ?? 12));
  const { pdf, docx } = await fixtureDocuments();
  const fileTime = BASE_TIME - 86_400_000 * 30;
  const zip = zipSync({ 'priser.csv': strToU8('Vare;Pris\r\nTagrende zink;450\r\nTagrende plast;225\r\n') });
  const feed = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Nyheder fra Tagrender & Tag', items: [{ id: '1', title: 'Nye servicebiler', content_text: 'Vores biler kører nu på strøm.' }] });
  const shape: Shape = {
    name: 'Tagrender & Tag ApS',
    top: TAG_TOP,
    bottom: TAG_BOTTOM,
    head: TAG_HEAD,
    robots: (origin) =>
      `# robots.txt for Tagrender & Tag ApS\nUser-agent: AhrefsBot\nDisallow: /\n\nUser-agent: *\nDisallow: ${FIXTURE_PATHS.disallowed}\nCrawl-delay: ${crawlDelay}\n\nSitemap: ${origin}${FIXTURE_PATHS.sitemapIndex}\n`,
    sitemaps: true,
    staleSitemapEntries: [FIXTURE_PATHS.staleSitemapEntry],
    redirects: {
      [FIXTURE_PATHS.redirectChain]: { status: 301, location: () => FIXTURE_PATHS.redirectMiddle },
      [FIXTURE_PATHS.redirectMiddle]: { status: 302, location: (o) => o + FIXTURE_PATHS.redirectTarget },
      '/loop-a': { status: 302, location: () => '/loop-b' },
      '/loop-b': { status: 302, location: () => '/loop-a' },
      '/intern': { status: 301, location: () => '/intern/' },
    },
    aliases: { [FIXTURE_PATHS.canonicalProduct]: FIXTURE_PATHS.canonicalProductTarget },
    files: {
      [FIXTURE_PATHS.pdf]: { type: 'application/pdf', bytes: pdf, lastModified: fileTime },
      [FIXTURE_PATHS.docx]: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: docx, lastModified: fileTime },
      [FIXTURE_PATHS.image]: { type: 'image/png', bytes: PNG, lastModified: fileTime },
      [FIXTURE_PATHS.zip]: { type: 'application/zip', bytes: zip, lastModified: fileTime },
      [FIXTURE_PATHS.json]: { type: 'application/json', bytes: strToU8(feed), lastModified: fileTime },
    },
    big: { withLength: FIXTURE_PATHS.big, chunked: FIXTURE_PATHS.bigChunked, bytes: options.bigPageBytes ?? 20 * 1024 * 1024, unique: BIG_UNIQUE },
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    slowMs: options.slowMs ?? 5000,
    notFoundPage: { path: '/404', title: 'Siden findes ikke', heading: 'Siden findes ikke', body: p('Siden er flyttet eller slettet. Prøv forsiden eller menuen.') },
    documents: [
      { path: FIXTURE_PATHS.pdf, unique: PDF_UNIQUE },
      { path: FIXTURE_PATHS.docx, unique: DOCX_UNIQUE },
    ],
    boilerplateTexts: [TAGLINE, CTA, COOKIE_TEXT, COOKIE_MORE, FOOTER],
    hiddenTexts: [ANALYTICS_ID],
  };
  const site = await startSite(shape, (origin) => tagrenderPages(origin, articles));
  for (const [path, unique] of Object.entries(BIG_UNIQUE)) site.uniqueText.set(site.url + path, unique);
  return site;
}

// ---------------------------------------------------------------------------------------------
// Jensens VVS ApS (a customer's site, for enrichment)

/** A valid CVR: 3·2 + 8·7 + 1·6 + 4·5 + 2·4 + 7·3 + 5·2 + 5·1 = 132 = 12 · 11. */
const JENSENS_CVR = '38142755';
const JENSENS = {
  name: 'Jensens VVS ApS',
  description: 'Jensens VVS ApS er din lokale VVS-installatør i Viby J: badeværelser, varmepumper, fjernvarme og hjælp ved vandskader.',
  street: 'Industrivej 12',
  postalCode: '8260',
  city: 'Viby J',
  phone: '86 12 34 56',
  phoneE164: '+4586123456',
  email: 'info@jensens-vvs.dk',
};
const JENSENS_FOOTER = `${JENSENS.name} · ${JENSENS.street}, ${JENSENS.postalCode} ${JENSENS.city} · Tlf. ${JENSENS.phone} · ${JENSENS.email} · CVR-nr. ${JENSENS_CVR}`;

/**
 * Starts a small customer site on 127.0.0.1 for company enrichment: "Jensens VVS ApS" with a front
 * page (meta description), `/om-os`, `/kontakt` (a `tel:` and a `mailto:` link, the address) and
 * `/ydelser`; the footer on every page has the name, address, phone, email and CVR. `expected`
 * holds those values. robots.txt allows everything and names no sitemap.
 *
 * @example
 * const company = await startCompanySite();
 * const facts = await enrich(company.url);
 * expect(facts.cvr).toBe(company.expected.cvr);
 * await company.close();
 */
export async function startCompanySite(): Promise<CompanySite> {
  const top = `<header class="top"><a class="brand" href="/">Jensens VVS</a>
<nav><a href="/">Forside</a> <a href="/ydelser">Ydelser</a> <a href="/om-os">Om os</a> <a href="/kontakt">Kontakt</a></nav>
<p class="slogan">Din VVS-mand i Aarhus syd – også i weekenden</p></header>`;
  const bottom = `<footer><p>${esc(JENSENS.name)} · ${esc(JENSENS.street)}, ${JENSENS.postalCode} ${esc(JENSENS.city)} · Tlf. <a href="tel:${JENSENS.phoneE164}">${JENSENS.phone}</a> · <a href="mailto:${JENSENS.email}">${JENSENS.email}</a> · CVR-nr. ${JENSENS_CVR}</p></footer>`;
  const unique = {
    home: 'Jensens VVS har skiftet over 900 gamle gasfyr til varmepumper i Viby og Holme.',
    about: 'Karsten Jensen startede firmaet i 1998 med en varevogn og en rørtang arvet fra sin far.',
    contact: 'Vores værksted ligger bag tankstationen, og parkering foran porten er gratis.',
    services: 'Et nyt badeværelse tager typisk tre uger fra nedrivning til første bad.',
  };
  const shape: Shape = {
    name: JENSENS.name,
    top,
    bottom,
    head: '',
    robots: () => 'User-agent: *\nDisallow:\n',
    sitemaps: false,
    staleSitemapEntries: [],
    redirects: {},
    aliases: {},
    files: {},
    retryAfterSeconds: 1,
    slowMs: 0,
    notFoundPage: { path: '/404', title: 'Ikke fundet', heading: 'Siden findes ikke', body: p('Prøv forsiden.') },
    documents: [],
    boilerplateTexts: ['Din VVS-mand i Aarhus syd – også i weekenden', JENSENS_FOOTER],
    hiddenTexts: [],
  };
  const site = await startSite(shape, () => [
    {
      path: '/',
      title: 'VVS i Viby J',
      heading: 'VVS-installatør i Viby J',
      description: JENSENS.description,
      unique: unique.home,
      body: `${p('Vi klarer alt fra dryppende vandhaner til nye badeværelser og fjernvarmeunits for private og boligforeninger i Aarhus syd.', unique.home)}
<p>${a('/ydelser', 'Se vores ydelser')} eller ${a('/kontakt', 'ring til os')}.</p>`,
    },
    {
      path: '/om-os',
      title: 'Om os',
      heading: 'Om Jensens VVS',
      description: 'Et familiefirma med ni ansatte.',
      unique: unique.about,
      body: `${p(unique.about, 'I dag er vi ni ansatte: syv VVS-montører, en lærling og Karstens datter Line, der passer kontoret.')}
${p('Vi er autoriseret af Sikkerhedsstyrelsen og medlem af Tekniq Arbejdsgiverne.')}`,
    },
    {
      path: '/kontakt',
      title: 'Kontakt',
      heading: 'Kontakt Jensens VVS',
      description: 'Telefon, e-mail og adresse.',
      unique: unique.contact,
      body: `<p>Ring på <a href="tel:${JENSENS.phoneE164}">${JENSENS.phone}</a> eller skriv til <a href="mailto:${JENSENS.email}">${JENSENS.email}</a>.</p>
<address>${esc(JENSENS.name)}<br>${esc(JENSENS.street)}<br>${JENSENS.postalCode} ${esc(JENSENS.city)}</address>
${p(unique.contact, 'Åbent mandag til fredag 7–15.30. Ved akutte vandskader har vi vagt i weekenden.')}`,
    },
    {
      path: '/ydelser',
      title: 'Ydelser',
      heading: 'Det laver vi',
      description: 'Badeværelser, varmepumper, fjernvarme og vandskader.',
      unique: unique.services,
      body: `${ul(['Badeværelser', 'Varmepumper', 'Fjernvarmeunits', 'Vandskader og lækagesøgning'].map(esc))}
${p(unique.services)}`,
    },
  ]);
  const expected: CompanyFacts = {
    name: JENSENS.name,
    description: JENSENS.description,
    address: `${JENSENS.street}, ${JENSENS.postalCode} ${JENSENS.city}`,
    street: JENSENS.street,
    postalCode: JENSENS.postalCode,
    city: JENSENS.city,
    phone: JENSENS.phone,
    phoneE164: JENSENS.phoneE164,
    email: JENSENS.email,
    cvr: JENSENS_CVR,
    website: `${site.url}/`,
  };
  return Object.assign(site, { expected });
}
