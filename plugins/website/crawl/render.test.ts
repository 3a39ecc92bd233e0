import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRenderer, RendererClosedError, RenderError, RenderMemoryError, RenderTimeoutError, type GuardedFetch, type RendererOptions } from './render.ts';

// Every Chromium process of this file carries this folder, so the checks below find exactly
// ours among the machine's browsers: playwright makes the browser's profile (--user-data-dir,
// on the command line of every Chromium process) in os.tmpdir(), and the renderer makes the
// browser's TMPDIR there too (in the environment of the browser and its crash handlers).
// Vitest runs each file in its own process, so this TMPDIR is this file's alone.
const MARKER = mkdtempSync(join(tmpdir(), 'render-test-'));
const previousTmpdir = process.env.TMPDIR;
process.env.TMPDIR = MARKER;

const TEST_HEADER = 'x-fetched-by';

interface Seen {
  path: string;
  header: string | undefined;
  cookie: string | undefined;
}

const seen: Seen[] = [];
const fetched: string[] = [];
const held: http.ServerResponse[] = [];
let server: http.Server;
let base: string;

const PAGE = `<!doctype html><html lang="da"><head><title>Prisberegner</title></head><body>
<div id="root"></div>
<script src="/app.js"></script>
<script src="http://example.invalid/x.js"></script>
<img src="/logo.png" alt="">
<script>try { new WebSocket('ws://' + location.host + '/ws'); } catch {}</script>
</body></html>`;

// Fills #root at once, then adds the price from an API call: the HTML is taken after the network is idle.
const APP = `document.getElementById('root').innerHTML = '<h1>Beregner</h1><p>Prisberegneren viser prisen for 12 måneder.</p>';
fetch('/api/price').then((r) => r.json()).then((d) => document.getElementById('root').insertAdjacentHTML('beforeend', '<p id="price">Pris: ' + d.price + ' kr.</p>'));`;

// Allocates ~4 MB every 10 ms, and is still loading (/slow.js never answers) while it does.
const HOG = `<!doctype html><script>const a=[]; setInterval(()=>a.push(new Array(1e6).fill(1)),10)</script><script src="/slow.js"></script>`;
// The same with 8 MB ArrayBuffers, which live outside V8's heap: no heap limit stops it, only the watch of the browser's memory.
const BUFFER_HOG = `<!doctype html><script>const a=[]; setInterval(()=>a.push(new Uint8Array(8e6).fill(1)),10)</script><script src="/slow.js"></script>`;

function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = req.url ?? '/';
  seen.push({ path, header: req.headers[TEST_HEADER] as string | undefined, cookie: req.headers.cookie });
  const send = (type: string, body: string, headers: http.OutgoingHttpHeaders = {}): void => void res.writeHead(200, { 'content-type': type, ...headers }).end(body);
  if (path === '/') return send('text/html; charset=utf-8', PAGE, { 'set-cookie': 'visited=1; Path=/' });
  if (path === '/app.js') return send('text/javascript', APP);
  if (path === '/api/price') return send('application/json', JSON.stringify({ price: 499 }));
  if (path === '/logo.png') return send('image/png', 'not really a png');
  if (path === '/old') return void res.writeHead(301, { location: '/new' }).end();
  if (path === '/old-app.js') return void res.writeHead(302, { location: '/app.js' }).end();
  if (path === '/away') return void res.writeHead(302, { location: 'http://elsewhere.invalid/' }).end();
  if (path === '/moved-script') return send('text/html', '<!doctype html><div id="root"></div><script src="/old-app.js"></script>');
  if (path === '/new') return send('text/html', '<!doctype html><p id="x"></p><script>document.getElementById("x").textContent = "Ny side"</script>');
  if (path === '/moves') return send('text/html', '<!doctype html><p>Flytter …</p><script>location.replace("/new")</script>');
  if (path === '/hog') return send('text/html', HOG);
  if (path === '/buffers') return send('text/html', BUFFER_HOG);
  if (path === '/busy') return send('text/html', '<!doctype html><p>Travl</p><script>while (true) {}</script>');
  if (path === '/never') return send('text/html', '<!doctype html><p>Laster …</p><script src="/never.js"></script>');
  if (path === '/slow.js' || path === '/never.js') return void held.push(res); // never answered
  res.writeHead(404).end();
}

/**
 * Our stand-in for the guarded fetch: marks every request, records it, and refuses /private as
 * the SSRF guard would. Like it, it returns a 3xx when asked for `redirect: 'manual'`.
 */
const testFetch: GuardedFetch = async (url, init = {}) => {
  const { timeoutMs = 10_000, maxBytes: _maxBytes, signal, ...rest } = init;
  fetched.push(url);
  if (new URL(url).pathname === '/private') throw new Error('intranet.firma.dk resolves to 10.0.0.5, a private or local address; plugins may only fetch public sites');
  const headers = new Headers(rest.headers);
  headers.set(TEST_HEADER, 'render-test');
  const timeout = AbortSignal.timeout(timeoutMs);
  return fetch(url, { ...rest, headers, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
};

/** A guarded fetch that follows redirects itself whatever it is asked (as ctx.fetch did before it took `redirect: 'manual'`). */
const followingFetch: GuardedFetch = (url, init = {}) => testFetch(url, { ...init, redirect: 'follow' });

function renderer(overrides: Partial<RendererOptions> = {}) {
  const host = new URL(base).host;
  return createRenderer({ fetch: testFetch, userAgent: 'open-crm-crawler/1.0 (+test)', sameSite: (url) => new URL(url).host === host, ...overrides });
}

/** The live Chromium processes of this file: Chromium's command line and our folder on it or in the environment. */
function ourChromium(): { pid: number; what: string; anonKb: number }[] {
  const found: { pid: number; what: string; anonKb: number }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (!cmdline.includes('chromium')) continue;
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      if (/^State:\s+Z/m.test(status)) continue;
      const environ = readFileSync(`/proc/${name}/environ`, 'utf8');
      if (!cmdline.includes(MARKER) && !environ.includes(MARKER)) continue;
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      found.push({ pid: Number(name), what: /--type=(\S+)/.exec(cmdline)?.[1] ?? cmdline.split(' ')[0]!, anonKb: kb('RssAnon') + kb('RssShmem') });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

/** The peak of our processes' own memory (RssAnon + RssShmem) while `work` runs, in MB. */
async function peakMemoryMb<T>(work: Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, ourChromium().reduce((sum, p) => sum + p.anonKb, 0) / 1024);
  }, 50);
  try {
    return { result: await work, peakMb: Math.round(peak) };
  } finally {
    clearInterval(timer);
  }
}

beforeAll(async () => {
  server = http.createServer(handle);
  // A WebSocket that got past the renderer would arrive here, without our fetch's header.
  server.on('upgrade', (req: http.IncomingMessage, socket: import('node:stream').Duplex) => {
    seen.push({ path: req.url ?? '', header: undefined, cookie: undefined });
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  if (previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = previousTmpdir;
  rmSync(MARKER, { recursive: true, force: true });
});

describe('createRenderer', () => {
  it('renders a JavaScript-only page, every request through our fetch, nothing from other sites, no images, no cookies kept', async () => {
    const r = renderer();
    try {
      seen.length = 0;
      fetched.length = 0;
      const started = Date.now();
      const { result, peakMb } = await peakMemoryMb(r.render(`${base}/`));
      const cold = Date.now() - started;
      expect(result.html).toContain('<h1>Beregner</h1>');
      expect(result.html).toContain('Prisberegneren viser prisen for 12 måneder.');
      expect(result.html).toContain('Pris: 499 kr.');
      expect(result).toMatchObject({ finalUrl: `${base}/`, status: 200 });

      expect(seen.map((s) => s.path)).toEqual(['/', '/app.js', '/api/price']);
      expect(seen.every((s) => s.header === 'render-test')).toBe(true);
      expect(fetched.some((url) => url.includes('example.invalid'))).toBe(false);
      expect(fetched.some((url) => url.endsWith('/logo.png'))).toBe(false);
      // The page's cookie is sent within its render…
      expect(seen.find((s) => s.path === '/api/price')?.cookie).toBe('visited=1');

      const warmStart = Date.now();
      seen.length = 0;
      await r.render(`${base}/`);
      const warm = Date.now() - warmStart;
      // …and not in the next one, which has a fresh context.
      expect(seen.find((s) => s.path === '/')?.cookie).toBeUndefined();
      console.log(`normal render: ${cold} ms with the launch, ${warm} ms warm; the browser's own memory (RssAnon + RssShmem, ${ourChromium().length} processes) peaked at ${peakMb} MB`);
    } finally {
      await r.close();
    }
    expect(ourChromium()).toEqual([]);
  });

  it('follows redirects of the page and of its scripts, each target checked before it is fetched', async () => {
    const r = renderer();
    try {
      seen.length = 0;
      const result = await r.render(`${base}/old`);
      expect(result).toMatchObject({ finalUrl: `${base}/new`, status: 200 });
      expect(result.html).toContain('Ny side');
      expect(seen.map((s) => s.path)).toEqual(['/old', '/new']);

      const scripted = await r.render(`${base}/moved-script`);
      expect(scripted.html).toContain('<h1>Beregner</h1>');

      fetched.length = 0;
      const error = await r.render(`${base}/away`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderError);
      expect((error as Error).message).toBe(`Rendering ${base}/away failed: http://elsewhere.invalid/ is on another site, and only the page's own site is loaded`);
      expect(fetched).toEqual([`${base}/away`]);
    } finally {
      await r.close();
    }
  });

  it('uses a fetch that follows redirects itself: the page gets the final URL, fetched once', async () => {
    const r = renderer({ fetch: followingFetch });
    try {
      seen.length = 0;
      const result = await r.render(`${base}/old`);
      expect(result).toMatchObject({ finalUrl: `${base}/new`, status: 200 });
      expect(result.html).toContain('Ny side');
      expect(seen.map((s) => s.path)).toEqual(['/old', '/new']);
      expect((await r.render(`${base}/moved-script`)).html).toContain('<h1>Beregner</h1>');
    } finally {
      await r.close();
    }
  });

  it('follows a redirect made by the page\'s script', async () => {
    const r = renderer();
    try {
      const result = await r.render(`${base}/moves`);
      expect(result.finalUrl).toBe(`${base}/new`);
      expect(result.html).toContain('Ny side');
    } finally {
      await r.close();
    }
  });

  it("fails with the guarded fetch's reason when it refuses the page", async () => {
    const r = renderer();
    try {
      const error = await r.render(`${base}/private`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderError);
      expect((error as Error).message).toMatch(/^Rendering http:\/\/127\.0\.0\.1:\d+\/private failed: .*a private or local address/);
    } finally {
      await r.close();
    }
  });

  it('times out on a page that never finishes loading, and renders the next page', async () => {
    const r = renderer();
    try {
      const started = Date.now();
      const error = await r.render(`${base}/never`, { timeoutMs: 1500 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderTimeoutError);
      expect((error as Error).message).toBe(`Rendering ${base}/never took longer than 1500 ms`);
      // The launch is not part of the page's time; closing the page is.
      expect(Date.now() - started).toBeLessThan(1500 + 5000);
      expect((await r.render(`${base}/`)).html).toContain('Beregner');
    } finally {
      await r.close();
    }
    expect(ourChromium()).toEqual([]);
  });

  it('kills the browser that goes over its memory cap, leaves no process, and relaunches for the next render', async () => {
    const r = renderer({ maxMemoryMb: 300 });
    try {
      const started = Date.now();
      const error = await r.render(`${base}/hog`, { timeoutMs: 20_000 }).catch((e: unknown) => e);
      const took = Date.now() - started;
      expect(error).toBeInstanceOf(RenderMemoryError);
      // Whichever comes first: the watch seeing the browser over 300 MB, or V8 at its 150 MB heap limit.
      expect((error as Error).message).toMatch(new RegExp(`^Rendering ${base}/hog was stopped: the (browser used more than 300 MB \\(\\d+ MB\\)|page needed more than the browser's 300 MB \\(its JavaScript reached the heap limit, 150 MB\\))$`));
      expect(took).toBeLessThan(10_000);
      expect(ourChromium()).toEqual([]);
      console.log(`memory cap: ${(error as Error).message} after ${took} ms`);

      const next = await r.render(`${base}/`);
      expect(next.html).toContain('Beregner');
    } finally {
      await r.close();
    }
    expect(ourChromium()).toEqual([]);
  });

  it('kills the browser over its cap on memory outside the JavaScript heap', async () => {
    const r = renderer({ maxMemoryMb: 400 });
    try {
      const error = await r.render(`${base}/buffers`, { timeoutMs: 20_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderMemoryError);
      expect((error as Error).message).toMatch(new RegExp(`^Rendering ${base}/buffers was stopped: the browser used more than 400 MB \\(\\d+ MB\\)$`));
      console.log(`memory watch: ${(error as Error).message}`);
      expect(ourChromium()).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it("stops a page whose JavaScript reaches the heap limit (half the cap) before the browser reaches the cap", async () => {
    // With 512 MB the heap limit is 256 MB, which the page reaches while the browser is below 512 MB.
    const r = renderer({ maxMemoryMb: 512 });
    try {
      const error = await r.render(`${base}/hog`, { timeoutMs: 20_000 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderMemoryError);
      console.log(`heap limit: ${(error as Error).message}`);
      expect((error as Error).message).toMatch(/512 MB/);
      expect(ourChromium()).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it('times out on a page whose script never yields, and renders the next page', async () => {
    const r = renderer();
    try {
      const started = Date.now();
      const error = await r.render(`${base}/busy`, { timeoutMs: 1500 }).catch((e: unknown) => e);
      console.log(`busy page: ${(error as Error).message} after ${Date.now() - started} ms`);
      expect(error).toBeInstanceOf(RenderTimeoutError);
      expect((await r.render(`${base}/`)).html).toContain('Beregner');
    } finally {
      await r.close();
    }
    expect(ourChromium()).toEqual([]);
  });

  it('close() leaves no process, is idempotent, and refuses later renders', async () => {
    const r = renderer();
    await r.render(`${base}/`);
    expect(ourChromium().length).toBeGreaterThan(0);
    await Promise.all([r.close(), r.close()]);
    expect(ourChromium()).toEqual([]);
    await r.close();
    await expect(r.render(`${base}/`)).rejects.toBeInstanceOf(RendererClosedError);
  });

  it('close() during a render ends it at once', async () => {
    const r = renderer();
    await r.render(`${base}/`);
    const rendering = r.render(`${base}/never`, { timeoutMs: 20_000 }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await r.close();
    expect(await rendering).toBeInstanceOf(RendererClosedError);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(ourChromium()).toEqual([]);
  });

  it('says so when Chromium is not there', async () => {
    const r = renderer({ executablePath: '/nonexistent/chromium' });
    const error = await r.render(`${base}/`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as Error).message).toBe('Chromium could not be started from /nonexistent/chromium: there is no executable Chromium there (apt-get install chromium, or set CHROMIUM_PATH)');
    await r.close();
  });

  it('closes the browser when idle and launches it again when needed', async () => {
    const r = renderer({ idleCloseMs: 300 });
    try {
      await r.render(`${base}/`);
      expect(await until(() => ourChromium().length === 0, 7000)).toBe(true);
      expect((await r.render(`${base}/`)).html).toContain('Beregner');
    } finally {
      await r.close();
    }
  });

  it('closes on abort of its signal', async () => {
    const controller = new AbortController();
    const r = renderer({ signal: controller.signal });
    await r.render(`${base}/`);
    controller.abort();
    expect(await until(() => ourChromium().length === 0, 7000)).toBe(true);
    await expect(r.render(`${base}/`)).rejects.toBeInstanceOf(RendererClosedError);
    await r.close(); // the close the abort started, done: its folders are removed
  });

  it('leaves no temp folders behind (profiles, the browsers\' TMPDIRs)', () => {
    expect(readdirSync(MARKER)).toEqual([]);
  });
});
