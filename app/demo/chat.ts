import type { DemoApi } from './client.ts';
import { DEMO_BUSINESS } from './business.ts';
import { DEMO_CONVERSATIONS, type DemoConversation } from './conversations.ts';
import type { ApiCompany } from './marker.ts';

interface ApiSite {
  id: string;
  site_key: string;
  allowed_origins: string[];
}

/**
 * The demo website's name in the chat. The chat writes it on each visitor's provisional company
 * (`attributes.site`), so the visitors of the demo site are found when it is removed, also those
 * who tried the chat after seeding.
 */
export const DEMO_SITE_NAME = `${DEMO_BUSINESS.domain} (demo)`;

/**
 * Whether the chat plugin runs in this process (GET /api/plugins).
 *
 * @example
 * if (await chatRunning(api)) await addDemoSite(api, origins);
 */
export async function chatRunning(api: DemoApi): Promise<boolean> {
  const { items } = await api.call<{ items: { id: string; status: string }[] }>('GET', '/api/plugins');
  return items.some((p) => p.id === 'chat' && p.status === 'running');
}

/**
 * Registers the demo website with the chat (`POST /api/chat/sites`), allowed on `origins`: the
 * CRM's own, where the demo site is served.
 *
 * @example
 * const site = await addDemoSite(api, ['http://127.0.0.1:8787', 'http://localhost:8787']);
 */
export async function addDemoSite(api: DemoApi, origins: string[]): Promise<ApiSite> {
  return api.call<ApiSite>('POST', '/api/chat/sites', { body: { name: DEMO_SITE_NAME, allowed_origins: origins } });
}

/**
 * Plays the demo's conversations through the visitor routes, from the site's first origin with
 * each visitor's own token (as the widget does), and the staff routes with the admin key; then
 * marks each visitor's provisional company `attributes.demo: true` (keeping what the chat
 * wrote there, such as an unverified lead's claim). Answers the conversations' ids.
 *
 * @example
 * const ids = await playDemoConversations(api, site);
 */
export async function playDemoConversations(api: DemoApi, site: ApiSite): Promise<string[]> {
  const ids: string[] = [];
  for (const conversation of DEMO_CONVERSATIONS) ids.push(await play(api, site, conversation));
  return ids;
}

async function play(api: DemoApi, site: ApiSite, conversation: DemoConversation): Promise<string> {
  const headers = { origin: site.allowed_origins[0]! };
  const session = await api.call<{ session_id: string; visitor_token: string }>('POST', '/api/chat/sessions', {
    token: null, headers, body: { site_key: site.site_key, lang: conversation.lang },
  });
  const id = session.session_id;
  const visitor = { token: session.visitor_token, headers };
  for (const step of conversation.steps) {
    if ('ask' in step) await api.call('POST', `/api/chat/sessions/${id}/messages`, { ...visitor, body: { text: step.ask } });
    else if ('handoff' in step) await api.call('POST', `/api/chat/sessions/${id}/handoff`, visitor);
    else if ('lead' in step) await api.call('POST', `/api/chat/sessions/${id}/lead`, { ...visitor, body: step.lead });
    else if ('staffReply' in step) await api.call('POST', `/api/chat/conversations/${id}/reply`, { body: { text: step.staffReply } });
    else await api.call('POST', `/api/chat/conversations/${id}/close`);
  }
  const { conversation: stored } = await api.call<{ conversation: { company_id: string } }>('GET', `/api/chat/conversations/${id}/messages`);
  const company = await api.call<ApiCompany>('GET', `/api/companies/${stored.company_id}`);
  await api.call('PATCH', `/api/companies/${company.id}`, { body: { attributes: { ...company.attributes, demo: true } } });
  return id;
}

/**
 * How many of these conversations wait for a person in the staff's queue.
 *
 * @example
 * await waitingCount(api, await playDemoConversations(api, site)); // 4
 */
export async function waitingCount(api: DemoApi, ids: string[]): Promise<number> {
  const { items } = await api.call<{ items: { id: string }[] }>('GET', '/api/chat/conversations?status=handoff');
  return items.filter((item) => ids.includes(item.id)).length;
}

/**
 * Takes the demo's chat visitors out of the staff's queues before they are deleted: closes their
 * waiting conversations and rejects their unverified leads, so the chat keeps no pointers to them.
 *
 * @example
 * await retireDemoVisitors(api, new Set(visitors.map((c) => c.id)));
 */
export async function retireDemoVisitors(api: DemoApi, visitorIds: Set<string>): Promise<void> {
  const waiting = await api.call<{ items: { id: string; company_id: string }[] }>('GET', '/api/chat/conversations?status=handoff');
  for (const item of waiting.items.filter((i) => visitorIds.has(i.company_id))) await api.call('POST', `/api/chat/conversations/${item.id}/close`);
  const leads = await api.call<{ items: { id: string; company_id: string }[] }>('GET', '/api/chat/leads');
  for (const lead of leads.items.filter((l) => visitorIds.has(l.company_id))) await api.call('POST', `/api/chat/leads/${lead.id}/reject`);
}

/**
 * Removes the demo website; one already removed is fine. True when it was there.
 *
 * @example
 * await removeDemoSite(api, marker.site_id);
 */
export async function removeDemoSite(api: DemoApi, siteId: string): Promise<boolean> {
  const answer = await api.call<unknown>('DELETE', `/api/chat/sites/${siteId}`, { expect: [204, 404] });
  return answer === null;
}
