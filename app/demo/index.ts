/**
 * The demo workspace: an invented West Jutland roofing and carpentry firm with its knowledge
 * base, customers and website chats, seeded through the CRM's own API on the first start of the
 * embedded default (unless DEMO=false) or by `crm demo`, and removed whole by
 * `crm demo --remove`. Everything it makes is marked (`attributes.demo` on companies, the tag
 * `demo` on articles, the marker on the own company with the chat site), so removal deletes
 * exactly that.
 *
 * @example
 * import { seedDemo, removeDemo, demoOrigins } from './app/demo/index.ts';
 * const summary = await seedDemo(host, { origins: demoOrigins(config) });
 * await removeDemo(host);
 */
export { DEMO_BUSINESS, DEMO_STAFF, DEMO_TAG } from './business.ts';
export { DEMO_ARTICLES, type DemoArticle } from './articles.ts';
export { DEMO_COMPANIES, type DemoCompany, type DemoContact, type DemoNote } from './companies.ts';
export { DEMO_CONVERSATIONS, type DemoConversation, type DemoStep } from './conversations.ts';
export { DEMO_SITE_NAME } from './chat.ts';
export type { DemoHost } from './client.ts';
export { demoOrigins } from './origins.ts';
export { removeDemo, type RemovedDemo } from './remove.ts';
export { seedDemo, type DemoSummary } from './seed.ts';
export { removedLine, seededLines } from './texts.ts';
