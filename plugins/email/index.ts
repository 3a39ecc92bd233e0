import { definePlugin } from '../../plugin-api.js';
import { enqueueSync } from './accounts.ts';
import { CAPABILITIES, Config } from './config.ts';
import { startWatching } from './imap/watch.ts';
import { syncAccount } from './imap/sync.ts';
import { runImport } from './import.ts';
import { locate } from './locate.ts';
import { accountRoutes } from './routes/accounts.ts';
import { importRoutes } from './routes/import.ts';
import { inboundRoutes } from './routes/inbound.ts';
import { threadRoutes } from './routes/threads.ts';
import { TIMELINE } from './timeline.ts';

declare module '../../plugin-api.d.ts' {
  interface CrmEvents {
    'email.received': { companyId: string; threadId: string; messageId: string; direction: 'in' | 'out' | 'internal' };
    'email.sent': { companyId: string; threadId: string; messageId: string; direction: 'in' | 'out' | 'internal' };
  }
}

/**
 * Email: the business's mailboxes synced over IMAP (incremental by UIDVALIDITY and UID, new
 * mail within seconds through IDLE, a schedule otherwise, honest per-folder status), an
 * inbound webhook signed with HMAC, and .mbox/.eml imports; each message once however it came
 * in, threaded by its headers (or its subject between the same parties), its new part cut
 * from quoted history in Danish and English, placed on its customer's company, attachments
 * handed to the documents plugin, and answered from the CRM over SMTP. Routes at /api/email.
 */
export default definePlugin({
  id: 'email',
  kind: 'source',
  version: '0.1.0',
  apiVersion: '2.0',
  config: Config,
  capabilities: CAPABILITIES,
  uses: ['documents'],
  migrations: new URL('./migrations', import.meta.url),
  setup(ctx) {
    ctx.describeEvents(TIMELINE);
    // Messages and threads follow their company through merges, whoever merges it (see locate.ts).
    ctx.events.on('company.merged', ({ companyId, mergedId }) => locate.merged(ctx.kv, mergedId, companyId));
    ctx.jobs.define('sync', (payload: { accountId: string }, job) => syncAccount(ctx, payload.accountId, job), { timeoutMs: 60 * 60_000, maxAttempts: 5 });
    ctx.jobs.define('import', (payload: { importId: string }, job) => runImport(ctx, payload.importId, job), { timeoutMs: 6 * 60 * 60_000, maxAttempts: 3 });
    accountRoutes(ctx);
    threadRoutes(ctx);
    importRoutes(ctx);
    inboundRoutes(ctx);
    const watcher = ctx.config.watch ? startWatching(ctx, (account, reason) => enqueueSync(ctx, account, reason)) : null;
    return { teardown: () => watcher?.stop() };
  },
});
