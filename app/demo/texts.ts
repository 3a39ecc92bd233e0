import type { RemovedDemo } from './remove.ts';
import type { DemoSummary } from './seed.ts';

/**
 * The human lines `crm start` and `crm demo` print after seeding: what was made and how to
 * remove it. (The CLI speaks English, like its other lines.)
 *
 * @example
 * seededLines(summary); // ['Demo workspace: Storå Tag & Tømrer ApS with 20 knowledge articles, …', 'Remove it with "crm demo --remove" …']
 */
export function seededLines(summary: DemoSummary): string[] {
  const chat = summary.chat
    ? `, ${summary.conversations} website chats (${summary.waiting} waiting for a person)`
    : ' (no website chats: the chat plugin is not enabled)';
  return [
    `Demo workspace: ${summary.business} with ${summary.articles} knowledge articles, ${summary.companies} customers, ${summary.contacts} contacts${summary.documents ? `, ${summary.documents} documents` : ''}${summary.emails ? `, ${summary.emails} emails` : ''}${chat}.`,
    'Remove it with "crm demo --remove" (server stopped); DEMO=false starts a new data folder empty.',
  ];
}

/**
 * The one line `crm demo --remove` prints.
 *
 * @example
 * removedLine({ companies: 30, visitors: 8, articles: 20, documents: 1, site: true });
 */
export function removedLine(removed: RemovedDemo): string {
  const site = removed.site ? ' and the demo website' : '';
  return `Removed the demo workspace: ${removed.companies} customers and ${removed.visitors} chat visitors with all their data, ${removed.articles} knowledge articles${site}.`;
}
