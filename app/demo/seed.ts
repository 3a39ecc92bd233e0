import { DEFAULT_SELF_COMPANY_NAME } from '../../core/config/index.ts';
import { CrmError } from '../../core/errors/index.ts';
import { addDemoSite, chatRunning, playDemoConversations, waitingCount } from './chat.ts';
import { type DemoHost, openDemoApi } from './client.ts';
import { DEMO_BUSINESS } from './business.ts';
import { addDemoCustomers } from './customers.ts';
import { addDemoDocuments, documentsRunning } from './documents.ts';
import { addDemoEmails, emailRunning } from './emails.ts';
import { addDemoArticles } from './knowledge.ts';
import { demoMarker, selfCompany, writeMarker } from './marker.ts';

/** What the demo created. */
export interface DemoSummary {
  /** The own company's name afterwards (the demo business's, unless it already had its own). */
  business: string;
  articles: number;
  companies: number;
  contacts: number;
  notes: number;
  /** Files uploaded to the documents plugin (0 when it is not running). */
  documents: number;
  /** Email messages imported by the email plugin (0 when it is not running). */
  emails: number;
  /** False when the chat plugin is not running: no site, no conversations. */
  chat: boolean;
  conversations: number;
  /** Conversations waiting for a person in `GET /api/chat/conversations`. */
  waiting: number;
}

/**
 * Seeds the demo workspace through the CRM's own API, so it is what the product makes: the
 * knowledge base (indexed before it returns, so the chatbot answers at once), the customers with
 * their contacts and notes, and, when the chat plugin runs, the demo website (allowed on
 * `origins`) with its conversations. An own company that was never named (the default name, no
 * domain) takes the demo business's name and domain; removing the demo gives the old ones back.
 * Refused (409) when the demo is already there.
 *
 * @example
 * const summary = await seedDemo({ db, fetch: app.request, runJobs }, { origins: ['http://127.0.0.1:8787'] });
 * // { business: 'Storå Tag & Tømrer ApS', articles: 20, companies: 30, …, documents: 4, emails: 6, conversations: 8, waiting: 4 }
 */
export async function seedDemo(host: DemoHost, options: { origins: string[] }): Promise<DemoSummary> {
  const api = await openDemoApi(host);
  try {
    let self = await selfCompany(api);
    if (demoMarker(self)) throw new CrmError('conflict', 'The demo workspace is already there; remove it first with "crm demo --remove"');
    // The marker goes on first: if anything fails halfway, "crm demo --remove" finds what was made.
    const adopt = self.name === DEFAULT_SELF_COMPANY_NAME && !self.domain;
    self = await writeMarker(
      api, self,
      { seeded_at: new Date().toISOString(), site_id: null, previous: adopt ? { name: self.name, domain: self.domain, website_url: self.website_url } : null },
      adopt ? { name: DEMO_BUSINESS.name, domain: DEMO_BUSINESS.domain, website_url: DEMO_BUSINESS.websiteUrl } : {},
    );

    const articles = await addDemoArticles(api);
    await host.runJobs();
    const { ids, ...customers } = await addDemoCustomers(host, api);
    let documents = 0;
    if (await documentsRunning(api)) {
      const added = await addDemoDocuments(api, ids, self.id);
      self = await writeMarker(api, self, { ...demoMarker(self)!, documents: added.own });
      documents = added.count;
      await host.runJobs();
      await host.runJobs(); // the email's attachment is read by a job the email's job queues
    }

    let emails = 0;
    if (await emailRunning(api)) {
      emails = await addDemoEmails(api);
      await host.runJobs();
    }

    const chat = await chatRunning(api);
    let conversations: string[] = [];
    if (chat) {
      const site = await addDemoSite(api, options.origins);
      self = await writeMarker(api, self, { ...demoMarker(self)!, site_id: site.id });
      conversations = await playDemoConversations(api, site);
      await host.runJobs();
    }
    return {
      business: self.name, articles: articles.length, ...customers, documents, emails,
      chat, conversations: conversations.length, waiting: chat ? await waitingCount(api, conversations) : 0,
    };
  } finally {
    await api.close();
  }
}
