import { describe, expect, it } from 'vitest';
import { faultData, startCrashable } from '../support/faults/index.ts';
import { startFixtureSite } from '../support/fixture-site.ts';

/**
 * Issue 12 under the fault kit: a real server (the website plugin on, as on the embedded
 * default) is killed with SIGKILL twice in the middle of a crawl of the fixture site and started
 * again on the same data. The crawl goes on where it stopped (its frontier is in the database):
 * it ends succeeded with exactly the pages a whole crawl indexes, and no page was fetched more
 * than the one time per run that a kill could have cut short.
 */
const ENV = {
  CRM_FETCH_ALLOW: '127.0.0.1',
  CRM_PLUGIN_WEBSITE_DELAY_MS: '0',
  CRM_PLUGIN_WEBSITE_TIMEOUT_MS: '1500',
  CRM_PLUGIN_WEBSITE_MAX_BYTES: String(2 * 1024 * 1024),
  CRM_PLUGIN_WEBSITE_MAX_ATTEMPTS: '2',
  CRM_PLUGIN_WEBSITE_AUTO_ENRICH: 'false',
};

describe('kill -9 in the middle of a crawl', () => {
  it('resumes the crawl after each restart and indexes every page once', { timeout: 300_000 }, async () => {
    // A pace of 100 ms a page makes the crawl last long enough to be killed twice.
    const site = await startFixtureSite({ crawlDelay: 0.1, slowMs: 3000, bigPageBytes: 3 * 1024 * 1024 });
    const data = await faultData();
    let server = await startCrashable(data, ENV);
    try {
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${server.origin}${path}`, { ...init, headers: { authorization: `Bearer ${server.adminKey}`, 'content-type': 'application/json', ...init.headers } });
      const started = (await (await api('/api/website/crawls', { method: 'POST', body: JSON.stringify({ url: `${site.url}/` }) })).json()) as { id: string };
      const crawl = async () => (await (await api(`/api/website/crawls/${started.id}`)).json()) as { status: string; progress: { fetched: number }; pages: { removed: number }; site_id: string };
      const kills: number[] = [];
      for (let cycle = 0; cycle < 2; cycle++) {
        // Kill once the crawl has made some progress since the last start.
        const from = (await crawl()).progress.fetched;
        for (const deadline = Date.now() + 60_000; (await crawl()).progress.fetched < from + 8 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
        kills.push((await crawl()).progress.fetched);
        await server.kill9();
        server = await startCrashable(data, ENV);
      }
      let done = await crawl();
      for (const deadline = Date.now() + 180_000; (done.status === 'queued' || done.status === 'running') && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 500));
        done = await crawl();
      }
      expect(kills[0], 'the first kill came mid-crawl').toBeLessThan(site.expectedIndexed.length);
      expect(done, JSON.stringify(done)).toMatchObject({ status: 'succeeded', pages: { removed: 0 } });
      const pages = (await (await api(`/api/website/sites/${done.site_id}/pages?limit=200`)).json()) as { items: { url: string; kind: string; status: string }[] };
      expect(pages.items.filter((p) => p.kind === 'page' && p.status === 'indexed').map((p) => p.url).sort()).toEqual([...site.expectedIndexed].sort());
      // At most once per run for each page (a kill may cut a request short), never more.
      for (const url of site.expectedIndexed) {
        const path = new URL(url).pathname;
        if (path === '/ustabil' || path === '/travl') continue; // these answer 500 / 429 once by design
        expect(site.count(path), path).toBeLessThanOrEqual(3);
      }
      const total = site.requests.filter((r) => site.expectedIndexed.includes(`${site.url}${r.path}`)).length;
      expect(total, 'pages fetched again after the restarts').toBeLessThan(site.expectedIndexed.length + 10);
    } finally {
      await server.stop().catch(() => {});
      await site.close();
      await data.drop();
    }
  });
});
