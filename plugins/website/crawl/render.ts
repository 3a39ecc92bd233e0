/**
 * Rendering of JavaScript-only pages with the system Chromium (playwright-core, headless), for
 * crawls that have `render` switched on. One browser per renderer, launched on the first render,
 * one page at a time in a fresh context, closed when unused.
 *
 * The browser never opens a connection of its own. Every request of a page is intercepted
 * (`context.route`) and answered from the plugin's guarded fetch, so the SSRF guard (public
 * addresses only, pinned DNS) covers the page, its redirects and its subresources exactly as it
 * covers the crawler; requests to other sites (redirect targets too), non-http(s) schemes,
 * images, media and fonts are aborted (WebSocket handshakes come through as ws(s):// and are
 * aborted too). Chromium's own resolver maps every host, IP literals included, to "not found",
 * so a request that playwright lets through without asking the route (it does for a few, such
 * as some it cannot tie to a frame) fails instead of reaching the network.
 *
 * Chromium runs with `--no-sandbox`, as it must as root and in most containers: a page's
 * JavaScript runs unsandboxed as the CRM's user. The bounds are what keep that tolerable: no
 * network but the guarded fetch, a memory cap on the whole browser, a time cap on every render.
 */
import { constants } from 'node:fs';
import { access, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, errors, type Browser, type BrowserContext, type BrowserServer, type Page, type Response as PlaywrightResponse, type Request, type Route } from 'playwright-core';

/** The plugin's SSRF-guarded fetch (`ctx.fetch`). */
export type GuardedFetch = (url: string, init?: RequestInit & { timeoutMs?: number; maxBytes?: number }) => Promise<Response>;

export interface RendererOptions {
  /** Every request of a rendered page goes through it; the browser connects nowhere itself. */
  fetch: GuardedFetch;
  /** Default `CHROMIUM_PATH`, else `/usr/bin/chromium` (Debian's). */
  executablePath?: string;
  /** Hard cap for the whole browser (all its processes), in MB; default 512. Half of it is the JavaScript heap limit. */
  maxMemoryMb?: number;
  /** Default time of one render when `render()` is not told, in ms; default 20000. */
  pageTimeoutMs?: number;
  /** Largest response the page may load per request, in bytes; default 10 MB. */
  maxBytesPerRequest?: number;
  userAgent: string;
  /** Requests to URLs for which it is false are aborted (the page's own site only). */
  sameSite: (url: string) => boolean;
  /** The browser is closed after this long unused, in ms (default 30000), and launched again on the next render. */
  idleCloseMs?: number;
  /** Aborting it closes the renderer. */
  signal?: AbortSignal;
}

export interface RenderResult {
  /** The DOM after the page's scripts ran, serialised. */
  html: string;
  /** Where the page ended up after redirects. */
  finalUrl: string;
  /** The HTTP status of the final document (0 when there was none). */
  status: number;
}

export interface Renderer {
  /** The page's HTML after its scripts ran (DOMContentLoaded + network idle or a short settle, bounded by timeoutMs). */
  render(url: string, options?: { timeoutMs?: number }): Promise<RenderResult>;
  /** Closes the browser; afterwards no chromium process of ours is running. Idempotent. */
  close(): Promise<void>;
}

/**
 * Why a page could not be rendered; the message is written for the crawl's page list.
 *
 * @example
 * try { await renderer.render(url); } catch (error) { if (error instanceof RenderError) failPage(url, error.message); }
 */
export class RenderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RenderError';
  }
}

/**
 * The render took longer than its time; the page was closed.
 *
 * @example
 * if (error instanceof RenderTimeoutError) retryLater(url);
 */
export class RenderTimeoutError extends RenderError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RenderTimeoutError';
  }
}

/**
 * The browser went over its memory cap (or the page's JavaScript over its heap limit); the
 * browser was killed, and the next render launches a new one.
 *
 * @example
 * if (error instanceof RenderMemoryError) skipPage(url, error.message); // "… the browser used more than 512 MB …"
 */
export class RenderMemoryError extends RenderError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RenderMemoryError';
  }
}

/**
 * `render()` after `close()` or the renderer's signal was aborted.
 *
 * @example
 * if (error instanceof RendererClosedError) return; // the crawl is stopping
 */
export class RendererClosedError extends RenderError {
  constructor(message = 'The renderer was closed') {
    super(message);
    this.name = 'RendererClosedError';
  }
}

/** How often the browser's memory is looked at during a render. */
const MEMORY_CHECK_MS = 500;
/** Network idle is waited for this long at most after DOMContentLoaded; a page that polls forever is taken as it is then. */
const SETTLE_MS = 3000;
/** A page, a context or the browser that has not closed by then is killed. */
const PAGE_CLOSE_MS = 2000;
const BROWSER_CLOSE_MS = 5000;
const LAUNCH_TIMEOUT_MS = 30_000;
/** How long a crash waits for the browser's stderr to say whether it was V8's heap limit. */
const CRASH_REASON_WAIT_MS = 500;
/** Requests one render may make; a page past that is not one a crawler needs. */
const MAX_REQUESTS = 500;
/** What a page gets nothing of: a crawler reads text, and these never end or carry none. */
const ABORTED_TYPES = new Set(['image', 'media', 'font', 'texttrack', 'eventsource', 'websocket', 'manifest']);
/** A crawler reads; it doesn't PUT or DELETE on a site whatever the site's scripts would do. */
const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST']);
/** Request headers the guarded fetch sets itself (and undici decodes compressed bodies on its own). */
const DROPPED_REQUEST_HEADERS = new Set(['host', 'connection', 'keep-alive', 'content-length', 'accept-encoding', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authorization', 'proxy-connection']);
/** Response headers that no longer describe the body once undici has decoded it. */
const DROPPED_RESPONSE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Redirects followed for one request, as the guarded fetch does. */
const MAX_REDIRECTS = 5;
/** What Chromium's renderer writes to stderr when V8 reaches `--max-old-space-size`. */
const V8_OOM = /V8 javascript OOM|JavaScript heap out of memory/i;
/** Set in the browser's environment, so its processes (also the crash handlers, which leave its process tree) can be found and killed. */
const MARKER_VARIABLE = 'CRM_RENDERER';

/** One launched browser and what is needed to find and kill every process of it. */
interface Instance {
  server: BrowserServer;
  browser: Browser;
  pid: number;
  /** This launch's own temp folder: the browser's TMPDIR, removed when it is gone. */
  dir: string;
  marker: string;
  /** Set when the browser's stderr reported a V8 heap OOM. */
  oomAt: number | null;
  /** Called with the reason when the browser died or ran out of heap during a render. */
  onFatal: ((error: Error) => void) | null;
  ended: Promise<void> | null;
}

/**
 * A renderer of JavaScript-only pages. Launch is lazy; renders are queued and run one at a time.
 * A render's `timeoutMs` is the page's time (context, navigation, settle, HTML): the wait in the
 * queue and a launch (bounded on its own, 30 s) come before it. The memory is looked at every
 * 500 ms, so a page that allocates fast can go past the cap by what it allocates in that time
 * before it is stopped.
 *
 * @example
 * const renderer = createRenderer({ fetch: ctx.fetch, userAgent: agent, sameSite: (url) => sameSite(url, site.url), signal });
 * try {
 *   const { html, finalUrl } = await renderer.render('https://www.firma.dk/beregner', { timeoutMs: 15_000 });
 * } finally {
 *   await renderer.close();
 * }
 */
export function createRenderer(options: RendererOptions): Renderer {
  const settings = {
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    maxMemoryMb: options.maxMemoryMb ?? 512,
    pageTimeoutMs: options.pageTimeoutMs ?? 20_000,
    maxBytesPerRequest: options.maxBytesPerRequest ?? 10 * 1024 * 1024,
    idleCloseMs: options.idleCloseMs ?? 30_000,
  };
  let instance: Promise<Instance> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let idleTimer: NodeJS.Timeout | null = null;
  let closing: Promise<void> | null = null;
  /** Browsers being ended (idle, killed): close() waits for them too. */
  const ending = new Set<Promise<void>>();

  const browser = (): Promise<Instance> => {
    instance ??= launch(settings.executablePath, settings.maxMemoryMb).catch((error: unknown) => {
      instance = null;
      throw new RenderError(`Chromium could not be started from ${settings.executablePath}: ${firstLine(error)}`, { cause: error });
    });
    return instance;
  };

  /** Ends the current browser (gracefully, else killed); the next render launches another. */
  const shutdown = async (how: 'close' | 'kill'): Promise<void> => {
    const current = instance;
    instance = null;
    if (!current) return;
    const done = current.then((running) => end(running, how), () => {});
    ending.add(done);
    try {
      await done;
    } finally {
      ending.delete(done);
    }
  };

  const render = async (url: string, timeoutMs: number): Promise<RenderResult> => {
    if (closing) throw new RendererClosedError();
    const target = pageUrl(url);
    if (idleTimer) clearTimeout(idleTimer);
    try {
      const running = await browser();
      if (closing) throw new RendererClosedError();
      return await renderOn(running, target, timeoutMs, { ...options, ...settings }, (how) => shutdown(how));
    } catch (error) {
      if (closing && !(error instanceof RendererClosedError)) throw new RendererClosedError(`The renderer was closed while rendering ${url}`);
      throw error;
    } finally {
      if (!closing) {
        idleTimer = setTimeout(() => void shutdown('close'), settings.idleCloseMs);
        // An idle browser must not keep the process alive; playwright kills it when the process exits.
        idleTimer.unref();
      }
    }
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (idleTimer) clearTimeout(idleTimer);
      await shutdown('close');
      // A render that was launching when close() came has its browser only now.
      await queue.catch(() => {});
      await shutdown('close');
      await Promise.all(ending);
    })();
    return closing;
  };

  if (options.signal?.aborted) void close();
  else options.signal?.addEventListener('abort', () => void close(), { once: true });

  return {
    render(url, renderOptions = {}) {
      const run = queue.then(() => render(url, renderOptions.timeoutMs ?? settings.pageTimeoutMs));
      queue = run.catch(() => {});
      return run;
    },
    close,
  };
}

// ─── One render ──────────────────────────────────────────────────────────────────────────

type Settings = RendererOptions & { maxMemoryMb: number; maxBytesPerRequest: number };

/** What the route handler learnt that the navigation's own error doesn't say. */
interface RenderState {
  requests: number;
  /** Why the page's own document was refused or could not be fetched. */
  documentFailure: string | null;
  /** Where the guarded fetch's redirects took the page's own document; `load` navigates there (see `answer`). */
  movedTo: string | null;
  /** The document's answer from the guarded fetch, kept for that navigation. */
  kept: Map<string, Response>;
  abort: AbortController;
  deadline: number;
}

/** Renders one page in a fresh context on `instance`, within `timeoutMs`, watching the browser's memory. */
async function renderOn(instance: Instance, url: string, timeoutMs: number, settings: Settings, shutdown: (how: 'close' | 'kill') => Promise<void>): Promise<RenderResult> {
  const state: RenderState = { requests: 0, documentFailure: null, movedTo: null, kept: new Map(), abort: new AbortController(), deadline: Date.now() + timeoutMs };
  const fatal = fatalChannel(instance);
  const watcher = watchMemory(instance, settings.maxMemoryMb, url, fatal.fail);
  const timeout = rejectAfter(timeoutMs, () => new RenderTimeoutError(`Rendering ${url} took longer than ${timeoutMs} ms`));
  const opened: Opened = { context: null, crash: null };
  try {
    const work = open(instance, url, settings, state, opened, fatal.fail);
    work.catch(() => {});
    return await Promise.race([work, fatal.promise, timeout.promise]);
  } catch (error) {
    // playwright rejects the navigation with "Page crashed" as it emits the crash: which crash it was is ours to say.
    if (!(error instanceof RenderError) && (opened.crash || /crash/i.test(firstLine(error)))) {
      fatal.happened = true;
      throw await (opened.crash ?? crashError(instance, url, settings.maxMemoryMb));
    }
    throw describe(error, url, timeoutMs, state);
  } finally {
    timeout.clear();
    watcher.stop();
    instance.onFatal = null;
    state.abort.abort();
    for (const response of state.kept.values()) void response.body?.cancel().catch(() => {});
    // A browser over its cap or gone is killed; so is one that didn't even open a context in
    // time, or whose page doesn't close in time.
    const context = opened.context;
    if (fatal.happened || !context || !(await closedWithin(context, PAGE_CLOSE_MS))) await shutdown('kill');
  }
}

/** What a render opened, for its cleanup. */
interface Opened {
  context: BrowserContext | null;
  /** Set when the page's renderer died: why, once known. */
  crash: Promise<RenderError> | null;
}

/** A context and page for `url`, loaded; a renderer crash is reported through `fail`. */
async function open(instance: Instance, url: string, settings: Settings, state: RenderState, opened: Opened, fail: (error: Error) => void): Promise<RenderResult> {
  opened.context = await newContext(instance.browser, settings, state);
  const page = await opened.context.newPage();
  page.on('crash', () => {
    opened.crash ??= crashError(instance, url, settings.maxMemoryMb);
    void opened.crash.then(fail);
  });
  return load(page, url, state);
}

/** The render's end by the browser: over its memory, crashed or gone. `fail` rejects `promise` once. */
function fatalChannel(instance: Instance): { promise: Promise<never>; fail: (error: Error) => void; happened: boolean } {
  let reject!: (error: Error) => void;
  const promise = new Promise<never>((_, r) => {
    reject = r;
  });
  promise.catch(() => {});
  const channel = {
    promise,
    happened: false,
    fail: (error: Error) => {
      channel.happened = true;
      reject(error);
    },
  };
  instance.oomAt = null;
  instance.onFatal = channel.fail;
  return channel;
}

function rejectAfter(ms: number, error: () => Error): { promise: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
  });
  promise.catch(() => {});
  return { promise, clear: () => clearTimeout(timer) };
}

/** A fresh context (no cookies, storage or cache from an earlier page) whose every request goes through `answer`. */
async function newContext(browser: Browser, settings: Settings, state: RenderState): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: true, serviceWorkers: 'block', userAgent: settings.userAgent, acceptDownloads: false });
  await context.route('**/*', (route) => answer(route, settings, state));
  return context;
}

/** DOMContentLoaded, then network idle or SETTLE_MS, whichever is first; the serialised DOM. */
async function load(page: Page, url: string, state: RenderState): Promise<RenderResult> {
  const response = await navigate(page, url, state);
  const settle = Math.min(SETTLE_MS, remaining(state));
  await page.waitForLoadState('networkidle', { timeout: settle }).catch(() => {});
  return { html: await page.content(), finalUrl: page.url(), status: response?.status() ?? 0 };
}

/** Goes to `url`, and again to where `answer` found the document redirected (see there), at most MAX_REDIRECTS times. */
async function navigate(page: Page, url: string, state: RenderState): Promise<PlaywrightResponse | null> {
  let target = url;
  for (let hop = 0; ; hop++) {
    state.movedTo = null;
    try {
      return await page.goto(target, { waitUntil: 'domcontentloaded', timeout: remaining(state) });
    } catch (error) {
      if (!state.movedTo) throw error;
      if (hop >= MAX_REDIRECTS) throw new RenderError(`Rendering ${url} failed: it was redirected more than ${MAX_REDIRECTS} times`);
      target = state.movedTo;
    }
  }
}

function remaining(state: RenderState): number {
  return Math.max(1, state.deadline - Date.now());
}

/**
 * Why the page's renderer died: a memory overrun when V8 reported its heap full (the heap limit
 * is half the cap), else a crash. The crash may be seen before the stderr line, so this waits a
 * moment for it.
 */
async function crashError(instance: Instance, url: string, capMb: number): Promise<RenderError> {
  for (let waited = 0; instance.oomAt === null && waited < CRASH_REASON_WAIT_MS; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
  return instance.oomAt !== null ? heapError(url, capMb) : new RenderError(`Rendering ${url} failed: the page crashed the browser`);
}

function heapError(url: string, capMb: number): RenderMemoryError {
  return new RenderMemoryError(`Rendering ${url} was stopped: the page needed more than the browser's ${capMb} MB (its JavaScript reached the heap limit, ${Math.floor(capMb / 2)} MB)`);
}

/** The error a render rejects with: ours as they are, playwright's in words for the page list. */
function describe(error: unknown, url: string, timeoutMs: number, state: RenderState): RenderError {
  if (error instanceof RenderError) return error;
  if (state.documentFailure) return new RenderError(`Rendering ${url} failed: ${state.documentFailure}`, { cause: error });
  if (error instanceof errors.TimeoutError) return new RenderTimeoutError(`Rendering ${url} took longer than ${timeoutMs} ms`, { cause: error });
  return new RenderError(`Rendering ${url} failed: ${firstLine(error)}`, { cause: error });
}

function pageUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RenderError(`${url} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new RenderError(`Only http and https pages can be rendered, not ${parsed.protocol}`);
  return parsed.href;
}

// ─── The network: every request through the guarded fetch ──────────────────────────────

/**
 * Answers one request of the page from the guarded fetch, or aborts it. The browser is never
 * let through (`route.continue()` is not used), so it connects nowhere: what the page loads is
 * what the SSRF guard let the crawler fetch.
 *
 * Redirects: the guarded fetch is asked for them (`redirect: 'manual'`), so that each target is
 * checked against the site before it is fetched; a subresource's are followed here, the page's
 * own document is navigated to its target (its URL is the base of every relative link), whose
 * request comes through here again. A fetch that follows redirects itself (the guarded fetch
 * before it took `manual`) is handled too: its final URL must be on the site, a subresource gets
 * the final body, and the document is navigated to the final URL and answered from the kept
 * response. (Answering with a 302 instead doesn't work: Chromium then sends the redirected
 * request past the interception.)
 */
async function answer(route: Route, settings: Settings, state: RenderState): Promise<void> {
  const request = route.request();
  const document = isDocument(request);
  const refused = refusal(request, settings, state);
  if (refused) {
    if (document) state.documentFailure = refused;
    return route.abort('blockedbyclient').catch(() => {});
  }
  const url = withoutHash(request.url());
  try {
    const kept = document ? state.kept.get(url) : undefined;
    state.kept.delete(url);
    const response = kept ?? (await fetchFollowing(url, request, settings, state, document));
    if ('movedTo' in response) {
      state.movedTo = response.movedTo;
      return await route.abort('aborted');
    }
    const finalUrl = response.url ? withoutHash(response.url) : url;
    if (finalUrl !== url) {
      if (!settings.sameSite(finalUrl)) throw new Error(`${url} redirects to ${finalUrl}, on another site`);
      if (document && !kept) {
        state.kept.set(finalUrl, response);
        state.movedTo = finalUrl;
        return await route.abort('aborted');
      }
    }
    const body = NULL_BODY_STATUSES.has(response.status) || request.method() === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await response.arrayBuffer());
    await route.fulfill({ status: response.status, headers: responseHeaders(response), body });
  } catch (error) {
    if (document && !state.abort.signal.aborted) state.documentFailure = firstLine(error);
    await route.abort('failed').catch(() => {});
  }
}

/**
 * The answer to a request through the guarded fetch, its redirects followed hop by hop with
 * each target checked first, or, for the page's document, where it moved to.
 */
async function fetchFollowing(url: string, request: Request, settings: Settings, state: RenderState, document: boolean): Promise<Response | { movedTo: string }> {
  let init = await fetchInit(request, settings, state);
  let target = url;
  for (let hop = 0; ; hop++) {
    const response = await settings.fetch(target, init);
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (!location) return response;
    void response.body?.cancel().catch(() => {});
    const next = withoutHash(new URL(location, target).href);
    if (document) return { movedTo: next };
    const refused = refusalOf(next, settings);
    if (refused) throw new Error(`${target} redirects to ${next}: ${refused}`);
    if (hop >= MAX_REDIRECTS) throw new Error(`${url} was redirected more than ${MAX_REDIRECTS} times`);
    // As fetch does: 303, and 301/302 after a POST, become a GET without a body.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && init.method === 'POST')) init = { ...init, method: 'GET', body: null };
    target = next;
  }
}

/** Why a request is not fetched, or null when it is. */
function refusal(request: Request, settings: Settings, state: RenderState): string | null {
  const refused = refusalOf(request.url(), settings);
  if (refused) return refused;
  if (ABORTED_TYPES.has(request.resourceType())) return `${request.resourceType()} requests are not loaded`;
  if (!ALLOWED_METHODS.has(request.method())) return `${request.method()} requests are not sent`;
  if (++state.requests > MAX_REQUESTS) return `the page made more than ${MAX_REQUESTS} requests`;
  return null;
}

/** Why a URL is not fetched (its scheme, another site), or null when it may be. */
function refusalOf(url: string, settings: Settings): string | null {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return `${scheme ?? 'an unknown'}: URLs are not loaded`;
  if (!settings.sameSite(url)) return `${url} is on another site, and only the page's own site is loaded`;
  return null;
}

function isDocument(request: Request): boolean {
  try {
    return request.isNavigationRequest() && request.frame().parentFrame() === null;
  } catch {
    return false; // a service worker's request has no frame
  }
}

async function fetchInit(request: Request, settings: Settings, state: RenderState): Promise<RequestInit & { timeoutMs: number; maxBytes: number }> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(await request.allHeaders())) {
    if (!name.startsWith(':') && !DROPPED_REQUEST_HEADERS.has(name)) headers.set(name, value);
  }
  headers.set('user-agent', settings.userAgent);
  const data = request.method() === 'POST' ? request.postDataBuffer() : null;
  const body = data ? new Uint8Array(data) : null;
  return { method: request.method(), headers, body, redirect: 'manual', signal: state.abort.signal, timeoutMs: remaining(state), maxBytes: settings.maxBytesPerRequest };
}

function responseHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!DROPPED_RESPONSE_HEADERS.has(name) && name !== 'set-cookie') headers[name] = value;
  });
  // playwright takes several Set-Cookie lines joined by newlines.
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies.join('\n');
  return headers;
}

function withoutHash(url: string): string {
  return url.replace(/#.*$/, '');
}

// ─── The browser: launch, memory, end ────────────────────────────────────────────────────

/** The flags for a bounded, quiet browser (see the module comment on the network). */
function launchArgs(maxMemoryMb: number): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    `--js-flags=--max-old-space-size=${Math.floor(maxMemoryMb / 2)}`,
    '--renderer-process-limit=1',
    '--disable-dev-shm-usage',
    '--disable-extensions',
    '--no-first-run',
    '--mute-audio',
    '--disable-background-networking',
    '--disable-component-update',
    // Every host, IP literals too, is "not found" for Chromium's own network stack: what the
    // interception doesn't answer can't connect anywhere.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    // WebRTC's UDP doesn't use that resolver; without a proxy this leaves it nothing.
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  ];
}

/**
 * Starts Chromium with `launchServer`, the playwright API that hands out the browser's process
 * (its pid, for the memory watch and the kill), and connects to it.
 */
async function launch(executablePath: string, maxMemoryMb: number): Promise<Instance> {
  // playwright makes its profile folder before it looks for the executable, and leaves it behind when there is none.
  await access(executablePath, constants.X_OK).catch(() => {
    throw new Error(`there is no executable Chromium there (apt-get install chromium, or set CHROMIUM_PATH)`);
  });
  const dir = await mkdtemp(join(tmpdir(), 'crm-render-'));
  const marker = `${MARKER_VARIABLE}=${dir}`;
  let server: BrowserServer | undefined;
  try {
    server = await chromium.launchServer({
      executablePath,
      headless: true,
      args: launchArgs(maxMemoryMb),
      env: { ...definedEnv(), TMPDIR: dir, [MARKER_VARIABLE]: dir },
      timeout: LAUNCH_TIMEOUT_MS,
      // The CRM's own shutdown closes renderers (through the signal); playwright's handlers would
      // end the whole process on SIGINT/SIGTERM. Its exit handler still kills the browser.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const pid = server.process().pid;
    if (pid === undefined) throw new Error('the browser process has no pid');
    const browser = await chromium.connect(server.wsEndpoint(), { timeout: LAUNCH_TIMEOUT_MS });
    const instance: Instance = { server, browser, pid, dir, marker, oomAt: null, onFatal: null, ended: null };
    watchStderr(instance);
    browser.on('disconnected', () => instance.onFatal?.(new RenderError('the browser exited unexpectedly')));
    return instance;
  } catch (error) {
    if (server) await server.kill().catch(() => {});
    await rm(dir, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
}

/** Notes a V8 heap OOM from the browser's stderr (its renderers write there); that crash is the memory cap at work. */
function watchStderr(instance: Instance): void {
  let tail = '';
  instance.server.process().stderr?.on('data', (chunk: Buffer) => {
    const text = tail + chunk.toString('utf8');
    tail = text.slice(-200);
    if (V8_OOM.test(text)) {
      instance.oomAt = Date.now();
      tail = '';
    }
  });
}

/**
 * Checks the browser's memory every MEMORY_CHECK_MS; over the cap, `over` is called once with
 * the error. A V8 OOM line on stderr counts as over the cap too.
 */
function watchMemory(instance: Instance, capMb: number, url: string, over: (error: Error) => void): { stop: () => void } {
  let busy = false;
  let done = false;
  const check = async () => {
    if (busy || done) return;
    busy = true;
    try {
      if (instance.oomAt !== null) {
        done = true;
        return over(heapError(url, capMb));
      }
      const usedMb = await browserMemoryMb(instance.pid);
      if (usedMb > capMb && !done) {
        done = true;
        over(new RenderMemoryError(`Rendering ${url} was stopped: the browser used more than ${capMb} MB (${Math.round(usedMb)} MB)`));
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check(), MEMORY_CHECK_MS);
  return {
    stop: () => {
      done = true;
      clearInterval(timer);
    },
  };
}

/** A process as /proc/<pid>/stat tells it. */
interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
}

async function processes(): Promise<ProcessInfo[]> {
  const names = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  const found = await Promise.all(names.map(async (name) => {
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
    if (!stat) return null;
    // The command name (field 2) may hold spaces and parentheses: the fields after it start past the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(name), ppid: Number(fields[1]), pgrp: Number(fields[2]) };
  }));
  return found.filter((p): p is ProcessInfo => p !== null);
}

/**
 * The browser's processes: its process group (playwright starts it as a group leader, and the
 * zygotes, renderers and utilities stay in the group) and anything else that descends from it.
 */
async function browserTree(rootPid: number): Promise<number[]> {
  const all = await processes();
  const children = new Map<number, number[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const tree = new Set(all.filter((p) => p.pgrp === rootPid).map((p) => p.pid));
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.add(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return [...tree];
}

/**
 * The memory the browser's processes hold, in MB: RssAnon + RssShmem of each (/proc/<pid>/status).
 * Not VmRSS: that counts the pages of the Chromium binary and its libraries once per process,
 * 700–800 MB summed for an idle browser whose own memory is about 190 MB, and those pages are
 * the page cache, shared with every other Chromium on the machine. The sum still counts a page
 * shared after a fork once per process, so it errs on the high side.
 */
async function browserMemoryMb(rootPid: number): Promise<number> {
  const pids = await browserTree(rootPid);
  const kb = await Promise.all(pids.map(async (pid) => {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    return Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0) + Number(/RssShmem:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }));
  return kb.reduce((sum, n) => sum + n, 0) / 1024;
}

/** Processes whose environment carries this launch's marker: the browser and its crash handlers, which leave its tree. */
async function markedProcesses(marker: string): Promise<number[]> {
  const all = await processes();
  const marked = await Promise.all(all.map(async ({ pid }) => {
    const environ = await readFile(`/proc/${pid}/environ`, 'latin1').catch(() => '');
    return environ.split('\0').includes(marker) ? pid : null;
  }));
  return marked.filter((pid): pid is number => pid !== null);
}

/** Ends a browser once: gracefully within BROWSER_CLOSE_MS (or at once for 'kill'), else SIGKILL to every process of it. */
function end(instance: Instance, how: 'close' | 'kill'): Promise<void> {
  instance.ended ??= (async () => {
    instance.onFatal = null;
    const closed = how === 'close' && (await within(BROWSER_CLOSE_MS, (async () => {
      await instance.browser.close();
      await instance.server.close();
    })()));
    if (!closed) await kill(instance);
    await rm(instance.dir, { recursive: true, force: true }).catch(() => {});
  })();
  return instance.ended;
}

/** SIGKILL to the browser's process group, its descendants and its marked processes; waits until they are gone. */
async function kill(instance: Instance): Promise<void> {
  const pids = new Set([...(await browserTree(instance.pid)), ...(await markedProcesses(instance.marker))]);
  signal(-instance.pid);
  for (const pid of pids) signal(pid);
  // playwright waits for the exit and removes its profile folder.
  await within(BROWSER_CLOSE_MS, instance.server.kill());
  await within(BROWSER_CLOSE_MS, gone([...pids]));
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Resolves when none of `pids` is alive (a zombie awaiting its reaper counts as gone). */
async function gone(pids: number[]): Promise<void> {
  for (;;) {
    const alive = await Promise.all(pids.map(async (pid) => {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
      return stat !== null && stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    }));
    if (!alive.includes(true)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Closes a render's context; false when that doesn't happen in time (the page hangs). */
function closedWithin(context: BrowserContext, ms: number): Promise<boolean> {
  return within(ms, context.close());
}

/** True when `work` settled within `ms`, false when not (or it failed). */
async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The environment without unset variables, as playwright takes it. */
function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** An error's first line, without playwright's "page.goto: " in front and its call log after. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/^[a-zA-Z]+\.[a-zA-Z]+: /, '');
}
