/**
 * A website crawl end to end (`npm run bench -- website-crawl [--pages 500] [--postgres <url>]`):
 * the fixture site (test/support/fixture-site.ts: Danish and English pages with the shared
 * header, nav, cookie banner and footer, tables, documents and every trouble case) grown to
 * `--pages` generated articles, on loopback with no crawl delay, crawled by an in-process CRM
 * (PGlite on disk as `npm start` runs it, or Postgres) with the documents and website plugins.
 * Reports pages per second for the first crawl (fetch, extract, boilerplate, chunk, embed,
 * index) and for the re-crawl with nothing changed (conditional requests, nothing written), the
 * process's peak RSS and its RSS at each tenth of the crawl, and, as the reference measured in
 * the same run, fetching and extracting the same pages alone (no database), with the ratio.
 * Prints Markdown for BENCHMARKS.md.
 */
import fs from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { createTestHost } from '../app/testing/index.ts';
import { openPglite } from '../core/db/pglite/index.ts';
import { openPostgres } from '../core/db/postgres/index.ts';
import documents from '../plugins/documents/index.ts';
import { decodeHtml, extractPage } from '../plugins/website/extract/index.ts';
import website from '../plugins/website/index.ts';
import { startFixtureSite } from '../test/support/fixture-site.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1] ?? fallback;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function runWebsiteCrawlBench(): Promise<void> {
  const articles = Number(option('pages', '500'));
  const postgres = option('postgres', '');
  const site = await startFixtureSite({ crawlDelay: 0, pages: articles, slowMs: 2000, bigPageBytes: 12 * 1024 * 1024 });
  const pages = site.expectedIndexed;

  // The reference: the same pages fetched one after another and extracted, nothing stored.
  const refStart = performance.now();
  for (const url of pages) {
    const res = await fetch(url);
    extractPage(decodeHtml(new Uint8Array(await res.arrayBuffer()), res.headers.get('content-type')).html, url);
  }
  const refSeconds = (performance.now() - refStart) / 1000;

  const dir = fs.mkdtempSync(path.join(tmpdir(), 'crm-bench-crawl-'));
  const database = postgres ? await openPostgres(postgres) : await openPglite(path.join(dir, 'data'));
  const host = await createTestHost({
    plugins: [documents, { plugin: website, config: { delayMs: 0, timeoutMs: 1000, maxAttempts: 1, maxPages: 100_000, autoEnrich: false } }],
    blobFolder: path.join(dir, 'blobs'), database, fetchAllow: ['127.0.0.1'],
  });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => void (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const baseline = process.memoryUsage().rss;
  const rssAt: number[] = [];
  const heapAt: number[] = [];

  const crawl = async (watchMemory: boolean) => {
    const started = performance.now();
    const res = await host.request('POST', '/api/website/crawls', { body: { url: `${site.url}/` } });
    if (res.status !== 202) throw new Error(`crawl refused: ${JSON.stringify(res.body)}`);
    const watch = watchMemory
      ? setInterval(async () => {
        const row = (await host.request('GET', `/api/website/crawls/${res.body.id}`)).body as { progress: { fetched: number } };
        const tenth = Math.floor((row.progress.fetched / pages.length) * 10);
        while (rssAt.length < Math.min(tenth, 10)) {
          const m = process.memoryUsage();
          rssAt.push(m.rss);
          heapAt.push(m.heapUsed + m.external);
        }
      }, 250)
      : null;
    await host.runJobs();
    if (watch) clearInterval(watch);
    const seconds = (performance.now() - started) / 1000;
    const done = (await host.request('GET', `/api/website/crawls/${res.body.id}`)).body as Record<string, any>;
    if (done.status !== 'succeeded') throw new Error(`crawl ${done.status}: ${done.error}`);
    return { seconds, done };
  };
  const first = await crawl(true);
  const again = await crawl(false);
  clearInterval(sampler);
  await host.close();
  await database.close();
  await site.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const rate = pages.length / first.seconds;
  const refRate = pages.length / refSeconds;
  const d = first.done;
  console.log(`\n### Website crawl (${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${mb(totalmem())} RAM, Node ${process.version}, ${postgres ? 'PostgreSQL' : 'PGlite on disk'})\n`);
  console.log(`\`npm run bench -- website-crawl --pages ${articles}${postgres ? ' --postgres …' : ''}\`: the fixture site with ${pages.length} indexable HTML pages (and its documents, redirects, failures and skips), on loopback, no crawl delay\n`);
  console.log('| | figure |');
  console.log('|---|---|');
  console.log(`| first crawl: fetch, extract, boilerplate, chunk, embed, index | ${first.seconds.toFixed(1)} s, **${rate.toFixed(1)} pages/s** (${d.pages.new} new, ${d.progress.skipped} skipped, ${d.progress.failed} failed) |`);
  console.log(`| re-crawl, nothing changed (conditional requests, nothing written) | ${again.seconds.toFixed(1)} s, **${(pages.length / again.seconds).toFixed(1)} pages/s** (${again.done.progress.unchanged} unchanged, ${again.done.pages.new + again.done.pages.changed} written) |`);
  console.log(`| reference: fetch + extract only, one at a time, same run | ${refSeconds.toFixed(1)} s, ${refRate.toFixed(1)} pages/s (first crawl at ${(rate / refRate).toFixed(2)}× of it) |`);
  console.log(`| RSS before / peak | ${mb(baseline)} / **${mb(peak)}** |`);
  console.log(`| RSS at each tenth of the first crawl | ${rssAt.map(mb).join(', ')} |`);
  console.log(`| JavaScript heap + external (WebAssembly memory: PGlite, the embedder) at each tenth | ${heapAt.map(mb).join(', ')} |`);
}
