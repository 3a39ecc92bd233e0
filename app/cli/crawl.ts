import type { Config } from '../../core/config/index.ts';
import { normalizeDomain } from '../../core/companies/normalize.ts';
import { CrmError } from '../../core/errors/index.ts';
import { parseOptions } from './index.ts';
import { progressBar } from './progress.ts';
import { findCompany, refusedKey } from './company.ts';
import { type Api, defaultOrigin, langFromEnv, problemOf, readAdminKey, serverClient } from './server.ts';

type Io = { out: (line: string) => void; err: (line: string) => void };
type Lang = 'da' | 'en';

const POLL_MS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Failed URLs shown under the summary. */
const FAILURES_SHOWN = 5;
/** The exit code when Ctrl-C stopped the following (the crawl itself goes on): 128 + SIGINT, as shells do. */
export const STOPPED_FOLLOWING = 130;

/** A crawl as `GET /api/website/crawls/{id}` shows it (`WebsiteCrawl`), the fields this command reads. */
interface Crawl {
  id: string;
  url: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { queued: number; fetched: number; unchanged: number; skipped: number; failed: number; pending: number };
  pages: { new: number; changed: number; removed: number; documents: number };
  skipped_reasons: Record<string, number>;
  error: string | null;
  robots: { blocked: string | null } | null;
}

interface FailedUrl { url: string; outcome: string | null; detail: string | null; http_status: number | null }

interface Options {
  url: string;
  company: { kind: 'id' | 'domain'; value: string } | null;
  maxPages: number | undefined;
  maxDepth: number | undefined;
  render: boolean | undefined;
  include: string[];
  exclude: string[];
  wait: boolean;
  server: string | undefined;
  key: string | undefined;
  lang: Lang;
}

type Shown = { total: string; new: string; changed: string; removed: string; unchanged: string; skipped: string; failed: string };

const TEXTS = {
  en: {
    header: (url: string, id: string, company: string | null) => `Crawling ${url}${company ? ` for ${company}` : ''} (crawl ${id})`,
    unit: 'pages',
    summary: (s: Shown) => `${s.total} pages: ${s.new} new, ${s.changed} changed, ${s.removed} removed, ${s.unchanged} unchanged; ${s.skipped} skipped, ${s.failed} failed`,
    skippedWhy: 'skipped', failedWhy: 'failed', documents: (n: string) => `  documents: ${n} PDF and Word files handed to the documents plugin`,
    moreFailed: (n: string) => `  … and ${n} more failed`,
    crawlFailed: 'the crawl failed', cancelled: 'the crawl was cancelled',
    follow: (id: string) => `Follow it: GET /api/website/crawls/${id}`,
    stopped: (id: string) => `Stopped following; the crawl goes on on the server (GET /api/website/crawls/${id}, cancel with POST /api/website/crawls/${id}/cancel)`,
  },
  da: {
    header: (url: string, id: string, company: string | null) => `Gennemgår ${url}${company ? ` for ${company}` : ''} (crawl ${id})`,
    unit: 'sider',
    summary: (s: Shown) => `${s.total} sider: ${s.new} nye, ${s.changed} ændrede, ${s.removed} fjernede, ${s.unchanged} uændrede; ${s.skipped} sprunget over, ${s.failed} fejlede`,
    skippedWhy: 'sprunget over', failedWhy: 'fejlede', documents: (n: string) => `  dokumenter: ${n} PDF- og Word-filer givet til dokumenterne`,
    moreFailed: (n: string) => `  … og ${n} flere fejlede`,
    crawlFailed: 'crawlet fejlede', cancelled: 'crawlet blev annulleret',
    follow: (id: string) => `Følg det: GET /api/website/crawls/${id}`,
    stopped: (id: string) => `Følger ikke længere med; crawlet fortsætter på serveren (GET /api/website/crawls/${id}, annullér med POST /api/website/crawls/${id}/cancel)`,
  },
} as const;

/**
 * `crm crawl <url>`: asks a running CRM's website plugin to crawl a site (into the own
 * company's public knowledge, or `--company <id|domain>`'s profile), follows the crawl's
 * progress stream with a progress bar, and prints what it did: new, changed, removed and
 * unchanged pages, skipped (by reason) and failed (the first ones with their URLs). Ctrl-C
 * only stops following; the crawl goes on on the server. Exit 0 when nothing failed, 1 when
 * the crawl or pages failed (or a crawl of the site already runs), 2 for usage errors
 * (also an unknown company or a URL the server refuses).
 *
 * @example
 * await crawlCommand(config, io, ['https://www.nordlys-tag.dk/', '--max-pages', '200']);
 */
export async function crawlCommand(config: Config, io: Io, argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let options: Options;
  try {
    options = parseCrawlOptions(argv, env);
  } catch (error) {
    io.err(`crm: ${(error as Error).message.split('\n')[0]}`);
    return 2;
  }
  const t = TEXTS[options.lang];
  const origin = (options.server ?? defaultOrigin(config)).replace(/\/+$/, '');
  const api = serverClient(origin, options.key ?? env.CRM_API_KEY ?? readAdminKey(config.dataDir, 'Crawling needs an API key with crm:write'));

  let company: { id: string; label: string } | null = null;
  let started: Crawl;
  try {
    if (options.company) company = await findCompany(api, options.company, (message) => new UsageError(message));
    started = await start(api, options, company?.id);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`crm: ${error.message}`);
    return 2;
  }
  if (!options.wait) {
    io.out(started.id);
    io.err(t.follow(started.id));
    return 0;
  }
  io.out(t.header(started.url, started.id, company?.label ?? null));

  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  process.once('SIGINT', onInterrupt);
  let done: Crawl | null;
  const bar = progressBar(t.unit);
  try {
    done = await follow(api, started, bar.update, stop.signal);
  } finally {
    bar.done();
    process.off('SIGINT', onInterrupt);
  }
  if (!done) {
    io.err(t.stopped(started.id));
    return STOPPED_FOLLOWING;
  }

  const number = (n: number) => n.toLocaleString(options.lang === 'da' ? 'da-DK' : 'en-US');
  const { pages, progress } = done;
  io.out(t.summary({
    total: number(pages.new + pages.changed + pages.removed + progress.unchanged), new: number(pages.new), changed: number(pages.changed), removed: number(pages.removed),
    unchanged: number(progress.unchanged), skipped: number(progress.skipped), failed: number(progress.failed),
  }));
  if (pages.documents > 0) io.out(t.documents(number(pages.documents)));
  for (const [reason, n] of Object.entries(done.skipped_reasons).sort((a, b) => b[1] - a[1])) io.out(`  ${t.skippedWhy}: ${reason} ${number(n)}`);
  if (progress.failed > 0) {
    const failures = await failedUrls(api, done.id);
    for (const f of failures) io.out(`  ${t.failedWhy}: ${f.url}: ${[f.outcome, f.detail].filter(Boolean).join(': ') || (f.http_status ? `HTTP ${f.http_status}` : '?')}`);
    if (progress.failed > failures.length && failures.length > 0) io.out(t.moreFailed(number(progress.failed - failures.length)));
  }
  if (done.status === 'failed') io.err(`crm: ${t.crawlFailed}: ${(done.error ?? '').split('\n')[0]}`);
  if (done.status === 'cancelled') io.err(`crm: ${t.cancelled}`);
  return done.status === 'succeeded' && progress.failed === 0 ? 0 : 1;
}

/** A problem with what was asked (exit 2), found only by asking the server: an unknown company, a URL it refuses. */
class UsageError extends Error {}

/** Parses and checks the arguments; every problem here is a usage error (exit 2). */
export function parseCrawlOptions(argv: string[], env: Record<string, string | undefined>): Options {
  const { values, positionals } = parseOptions({
    args: argv, allowPositionals: true, allowNegative: true,
    options: {
      company: { type: 'string', short: 'c' }, 'max-pages': { type: 'string' }, 'max-depth': { type: 'string' }, render: { type: 'boolean' },
      include: { type: 'string', multiple: true }, exclude: { type: 'string', multiple: true },
      wait: { type: 'boolean', default: true }, url: { type: 'string' }, key: { type: 'string' }, lang: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new CrmError('bad_request', 'Name the website to crawl: crm crawl <url>');
  if (positionals.length > 1) throw new CrmError('bad_request', `Crawl one website at a time (got ${positionals.length}: ${positionals.join(' ')})`);
  const lang = values.lang ?? langFromEnv(env);
  if (lang !== 'da' && lang !== 'en') throw new CrmError('bad_request', '--lang must be da or en');
  return {
    url: startUrl(positionals[0]!),
    company: values.company === undefined ? null : companyArgument(values.company),
    maxPages: wholeNumber(values['max-pages'], '--max-pages', 1, 100_000),
    maxDepth: wholeNumber(values['max-depth'], '--max-depth', 0, 50),
    render: values.render,
    include: (values.include ?? []).map((p) => pathPattern(p, '--include')),
    exclude: (values.exclude ?? []).map((p) => pathPattern(p, '--exclude')),
    wait: values.wait !== false, server: values.url, key: values.key, lang,
  };
}

/** The start page: an http(s) URL, or a bare host (`firma.dk`, `www.firma.dk/om-os`) taken as https. */
function startUrl(input: string): string {
  const given = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(given) && !/^[^/:]+:\d+(?:[/?#]|$)/.test(given) ? given : `https://${given}`;
  let url: URL | null = null;
  try {
    url = new URL(withScheme);
  } catch {
    // below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || /\s/.test(given) || given === '') {
    throw new CrmError('bad_request', `"${given.slice(0, 100)}" is not a website address like https://firma.dk/`);
  }
  return url.href;
}

function wholeNumber(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new CrmError('bad_request', `${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}`);
  return n;
}

function pathPattern(raw: string, name: string): string {
  const pattern = raw.trim();
  if (!pattern || /\s/.test(pattern) || pattern.length > 300) throw new CrmError('bad_request', `${name} ${JSON.stringify(raw)} must be a path pattern without spaces, like /blog or *.php`);
  return pattern;
}

/** A UUID as is; anything else a domain. */
function companyArgument(input: string): NonNullable<Options['company']> {
  const value = input.trim();
  if (UUID.test(value)) return { kind: 'id', value: value.toLowerCase() };
  try {
    return { kind: 'domain', value: normalizeDomain(value) };
  } catch {
    throw new CrmError('bad_request', `--company ${JSON.stringify(value)} is neither a company id (UUID) nor a domain like firma.dk`);
  }
}


/** Queues the crawl (`POST /api/website/crawls`). */
async function start(api: Api, options: Options, companyId: string | undefined): Promise<Crawl> {
  const body = {
    url: options.url,
    ...(companyId ? { company_id: companyId } : {}),
    ...(options.maxPages !== undefined ? { max_pages: options.maxPages } : {}),
    ...(options.maxDepth !== undefined ? { max_depth: options.maxDepth } : {}),
    ...(options.include.length ? { include: options.include } : {}),
    ...(options.exclude.length ? { exclude: options.exclude } : {}),
    ...(options.render !== undefined ? { render: options.render } : {}),
  };
  const res = await api('/api/website/crawls', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  if (res.status === 202) return (await res.json()) as Crawl;
  if (res.status === 401 || res.status === 403) return refusedKey(res, 'the crawl');
  const problem = await problemOf(res);
  if (res.status === 404 && /^No route for/.test(problem)) throw new CrmError('not_found', 'This CRM does not run the website plugin: add "website" to the plugins in crm.config.ts');
  if (res.status === 400 || res.status === 404 || res.status === 422) throw new UsageError(problem);
  if (res.status === 409) throw new CrmError('conflict', problem);
  throw new CrmError('unavailable', `The CRM refused the crawl (${res.status}): ${problem}`);
}

const finished = (crawl: Crawl) => crawl.status !== 'queued' && crawl.status !== 'running';

/**
 * Follows the crawl until it ends: its Server-Sent Events (`progress`, `done`), and when the
 * stream is not there or breaks off, by polling. Null when `signal` stopped the following.
 */
async function follow(api: Api, crawl: Crawl, update: (done: number, total: number) => void, signal: AbortSignal): Promise<Crawl | null> {
  // The total grows as pages link to more: while the crawl runs, a moment with nothing pending
  // (the start page in flight, or robots.txt and the sitemaps still being read) is not "100 %".
  const show = (c: Crawl) => {
    const p = c.progress;
    const done = p.fetched + p.unchanged + p.skipped + p.failed;
    if (finished(c)) {
      if (done > 0) update(done, done);
    }
    else if (p.pending > 0) update(done, done + p.pending);
  };
  show(crawl);
  if (finished(crawl)) return crawl;
  try {
    const streamed = await stream(api, crawl.id, show, signal);
    if (streamed) return streamed;
  } catch (error) {
    if (signal.aborted) return null;
    if (!(error instanceof StreamBroke)) throw error;
  }
  // The stream was refused or broke off (a proxy, a restart): read the crawl until it ends.
  for (;;) {
    if (signal.aborted) return null;
    let res: Response;
    try {
      res = await api(`/api/website/crawls/${crawl.id}`, { signal });
    } catch (error) {
      if (signal.aborted) return null;
      throw error;
    }
    if (!res.ok) throw new CrmError('unavailable', `The crawl ${crawl.id} could not be read: ${await problemOf(res)}`);
    const now = (await res.json()) as Crawl;
    show(now);
    if (finished(now)) return now;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, POLL_MS);
      signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
    });
  }
}

/** The progress stream could not be read to its `done` event. */
class StreamBroke extends Error {}

/** Reads `GET /api/website/crawls/{id}/progress` to its `done` event. */
async function stream(api: Api, id: string, show: (c: Crawl) => void, signal: AbortSignal): Promise<Crawl> {
  const res = await api(`/api/website/crawls/${id}/progress`, { signal, headers: { accept: 'text/event-stream' } });
  if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    await res.body?.cancel().catch(() => {});
    throw new StreamBroke(`HTTP ${res.status}`);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal.aborted) throw error;
        throw new StreamBroke((error as Error).message);
      }
      if (chunk.done) throw new StreamBroke('the stream ended before the crawl did');
      buffer += chunk.value.replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (!data.length || (event !== 'progress' && event !== 'done')) continue;
        const crawl = JSON.parse(data.join('\n')) as Crawl;
        show(crawl);
        if (event === 'done' || finished(crawl)) return crawl;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** The first failed URLs of a crawl, with their reasons. */
async function failedUrls(api: Api, id: string): Promise<FailedUrl[]> {
  const res = await api(`/api/website/crawls/${id}/urls?${new URLSearchParams({ state: 'failed', limit: String(FAILURES_SHOWN) })}`);
  if (!res.ok) return [];
  return ((await res.json()) as { items: FailedUrl[] }).items;
}
