import { DEMO_BUSINESS } from './business.ts';
import { chatRunning, DEMO_SITE_NAME, removeDemoSite, retireDemoVisitors } from './chat.ts';
import { type DemoHost, openDemoApi } from './client.ts';
import { documentsRunning } from './documents.ts';
import { demoCompanies } from './customers.ts';
import { demoArticles } from './knowledge.ts';
import { demoMarker, selfCompany, writeMarker } from './marker.ts';

/** What removing the demo deleted. */
export interface RemovedDemo {
  /** Demo customers, deleted with all their data (contacts, timeline, …). */
  companies: number;
  /** The demo website's chat visitors (the seeded ones and whoever tried it), deleted with their conversations and leads. */
  visitors: number;
  /** Articles tagged `demo`, with their passages. */
  articles: number;
  /** The own company's demo documents (the customers' went with their companies). */
  documents: number;
  /** Whether the demo website was removed from the chat. */
  site: boolean;
}

/**
 * Removes exactly the demo workspace through the CRM's API: every company marked
 * `attributes.demo: true` (customers and the seeded chat visitors) and the provisional visitors
 * of the demo website, each with all its data by cascade; every article tagged `demo` with its
 * passages; the demo website; and the marker. The own company gets back the name and domain it
 * had before, unless someone changed them since. Nothing else is touched. Answers undefined when
 * there is no demo.
 *
 * @example
 * const removed = await removeDemo({ db, fetch: app.request, runJobs });
 * // { companies: 30, visitors: 8, articles: 20, documents: 1, site: true }
 */
export async function removeDemo(host: DemoHost): Promise<RemovedDemo | undefined> {
  const api = await openDemoApi(host);
  try {
    const self = await selfCompany(api);
    const marker = demoMarker(self);
    const companies = await demoCompanies(api, DEMO_SITE_NAME);
    const articles = await demoArticles(api);
    if (!marker && companies.length === 0 && articles.length === 0) return undefined;

    const chat = await chatRunning(api);
    const visitors = new Set(companies.filter((c) => c.kind === 'visitor').map((c) => c.id));
    if (chat && visitors.size > 0) await retireDemoVisitors(api, visitors);
    for (const company of companies) await api.call('DELETE', `/api/companies/${company.id}`, { expect: [204, 404] });
    for (const article of articles) await api.call('DELETE', `/api/knowledge/${article.id}`, { expect: [204, 404] });
    const ownDocuments = marker?.documents ?? [];
    if (ownDocuments.length && (await documentsRunning(api))) {
      for (const id of ownDocuments) await api.call('DELETE', `/api/documents/${id}`, { expect: [204, 404] });
    }
    const site = chat && marker?.site_id ? await removeDemoSite(api, marker.site_id) : false;

    // The own company keeps whatever a user changed since; only the demo's own values are undone.
    const previous = marker?.previous;
    await writeMarker(api, await selfCompany(api), null, {
      ...(previous && self.name === DEMO_BUSINESS.name ? { name: previous.name } : {}),
      ...(previous && self.domain === DEMO_BUSINESS.domain ? { domain: previous.domain, website_url: previous.website_url } : {}),
    });
    return { companies: companies.length - visitors.size, visitors: visitors.size, articles: articles.length, documents: ownDocuments.length, site };
  } finally {
    await api.close();
  }
}
