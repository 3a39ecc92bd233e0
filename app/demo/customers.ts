import { scope } from '../../core/db/scope/index.ts';
import { recordEvent } from '../../core/events/index.ts';
import type { DemoApi, DemoHost } from './client.ts';
import { DEMO_COMPANIES } from './companies.ts';
import type { ApiCompany } from './marker.ts';

const DAY_MS = 86_400_000;

/**
 * Adds the demo's customers through `POST /api/companies` and `POST /api/contacts` (marked
 * `attributes.demo: true`), and writes the staff's notes on their timelines as `note.added`
 * events (`{ text, by }`), dated when they were written.
 *
 * Notes go through the timeline store, the way the core records events, because the API has no
 * route for them yet; they belong to the company and go with it.
 *
 * @example
 * const { companies, contacts, notes } = await addDemoCustomers(host, api);
 */
export async function addDemoCustomers(host: DemoHost, api: DemoApi, now = new Date()): Promise<{ companies: number; contacts: number; notes: number; ids: Map<string, string> }> {
  const ids = new Map<string, string>();
  let contacts = 0;
  let notes = 0;
  for (const demo of DEMO_COMPANIES) {
    const company = await api.call<ApiCompany>('POST', '/api/companies', {
      body: {
        name: demo.name, kind: demo.kind, stage: demo.stage, score: demo.score,
        ...(demo.domain ? { domain: demo.domain, website_url: `https://www.${demo.domain}` } : {}),
        ...(demo.cvr ? { cvr: demo.cvr } : {}),
        attributes: { demo: true, segment: demo.segment, city: demo.city, address: demo.address },
      },
    });
    ids.set(demo.name, company.id);
    for (const contact of demo.contacts) {
      await api.call('POST', '/api/contacts', { body: { company_id: company.id, ...contact } });
      contacts++;
    }
    if (demo.notes?.length) {
      await scope(host.db, [company.id]).run(async (tx) => {
        for (const note of demo.notes!) {
          await recordEvent(tx, { companyId: company.id, type: 'note.added', actor: api.actor, payload: { text: note.text, by: note.by }, occurredAt: new Date(now.getTime() - note.daysAgo * DAY_MS) });
          notes++;
        }
      });
    }
  }
  return { companies: DEMO_COMPANIES.length, contacts, notes, ids };
}

/**
 * The demo's companies, read page by page: every one marked `attributes.demo: true` (customers
 * and the seeded chat visitors), and the provisional visitors of the demo website (`siteName`,
 * written by the chat on each visitor company): people who tried the demo chat. A visitor whom
 * staff confirmed is no longer kind `visitor` (merged into a real company) and stays.
 *
 * @example
 * const companies = await demoCompanies(api, DEMO_SITE_NAME);
 */
export async function demoCompanies(api: DemoApi, siteName: string): Promise<ApiCompany[]> {
  const found: ApiCompany[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ApiCompany[]; next_cursor: string | null } = await api.call('GET', `/api/companies?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    found.push(...page.items.filter((c) => c.kind !== 'self' && (c.attributes.demo === true || (c.kind === 'visitor' && c.attributes.site === siteName))));
    cursor = page.next_cursor;
  } while (cursor);
  return found;
}
