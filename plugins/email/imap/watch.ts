import type { ImapFlow } from 'imapflow';
import type { LimitSlot } from '../../../plugin-api.d.ts';
import type { Ctx } from '../context.ts';
import { type AccountRow, listAccounts } from '../store.ts';
import { connect, disconnect, pickFolders } from './client.ts';

/** How often the list of accounts is looked at (new, changed, deleted) and the schedule checked. */
const TICK_MS = 20_000;

/**
 * New mail within seconds, and a schedule for the rest: for each enabled account whose server
 * offers IDLE (and `idle` is on), one connection idles on the inbox and queues a sync when a
 * message arrives (and once on connecting, to catch up); it reconnects with backoff when
 * dropped. Every account is also synced every `interval_minutes` (the only way for servers
 * without IDLE). With several servers on one database, one process watches each account (a
 * held slot) and a scheduled sync is queued once (an idempotency key per interval).
 *
 * @example
 * const watcher = startWatching(ctx, enqueueSync);
 * await watcher.stop();
 */
export function startWatching(ctx: Ctx, enqueueSync: (account: AccountRow, reason: string) => Promise<unknown>): { stop(): Promise<void>; tick(): Promise<void> } {
  const watchers = new Map<string, Watcher>();
  let stopped = false;

  async function tick(): Promise<void> {
    if (stopped) return;
    // A worker started before the server ever ran has no own company yet, hence no accounts.
    const self = await ctx.companies.self().catch(() => null);
    if (!self) return;
    const accounts = await listAccounts(ctx.forCompany(self.id));
    const live = new Set<string>();
    for (const account of accounts) {
      if (!account.enabled) continue;
      live.add(account.id);
      if (due(account)) await enqueueSync(account, 'schedule').catch((error: Error) => ctx.logger.warn({ account: account.id, err: error }, 'scheduled sync not queued'));
      const current = watchers.get(account.id);
      // A changed server or login restarts the watcher with the new settings.
      if (current && current.version !== versionOf(account)) {
        watchers.delete(account.id);
        await current.stop();
      }
      if (account.idle && !watchers.has(account.id)) {
        const watcher = await startWatcher(ctx, account, enqueueSync);
        if (watcher) watchers.set(account.id, watcher);
      }
    }
    for (const [id, watcher] of watchers) {
      if (!live.has(id) || !accounts.find((a) => a.id === id)?.idle) {
        watchers.delete(id);
        await watcher.stop();
      }
    }
  }

  const run = () => void tick().catch((error: Error) => ctx.logger.warn({ err: error }, 'email watch tick failed'));
  const timer = setInterval(run, TICK_MS);
  timer.unref();
  run();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...watchers.values()].map((w) => w.stop()));
      watchers.clear();
    },
  };
}

/** Whether a scheduled sync is due: the interval passed since the last one started (or there never was one). */
function due(account: AccountRow): boolean {
  const last = account.sync_started_at ? Date.parse(account.sync_started_at) : 0;
  return Date.now() - last >= account.interval_minutes * 60_000;
}

function versionOf(account: AccountRow): string {
  return [account.imap_host, account.imap_port, account.imap_tls, account.username, account.secret, JSON.stringify(account.folders)].join('|');
}

interface Watcher {
  version: string;
  stop(): Promise<void>;
}

async function startWatcher(ctx: Ctx, account: AccountRow, enqueueSync: (account: AccountRow, reason: string) => Promise<unknown>): Promise<Watcher | null> {
  let slot: LimitSlot;
  try {
    slot = await ctx.limits.hold(`watch:${account.id}`, 1, 'watchers of this account');
  } catch {
    return null; // another process watches it
  }
  let client: ImapFlow | undefined;
  let stopped = false;
  let failures = 0;
  let debounce: NodeJS.Timeout | undefined;
  const trigger = (reason: string) => {
    clearTimeout(debounce);
    // A burst of new mail is one sync.
    debounce = setTimeout(() => void enqueueSync(account, reason).catch((error: Error) => ctx.logger.warn({ account: account.id, err: error }, 'sync not queued')), 300);
  };

  const loop = async () => {
    while (!stopped) {
      try {
        client = await connect(ctx, account, { idle: true });
        if (!client.capabilities.has('IDLE')) {
          ctx.logger.info({ account: account.id }, 'the mail server has no IDLE: the account is synced on its schedule');
          await disconnect(client);
          return;
        }
        const { folders } = pickFolders(await client.list(), account.folders);
        const inbox = folders.find((f) => f.specialUse === '\\Inbox')?.path ?? folders[0]?.path ?? 'INBOX';
        await client.mailboxOpen(inbox, { readOnly: true });
        client.on('exists', () => trigger('idle'));
        failures = 0;
        trigger('connected');
        while (!stopped && client.usable) await client.idle();
      } catch (error) {
        if (stopped) return;
        failures++;
        ctx.logger.warn({ account: account.id, err: error, failures }, 'IMAP watcher dropped; reconnecting');
      } finally {
        if (client) await disconnect(client);
        client = undefined;
      }
      if (!stopped) await sleep(Math.min(60_000, 1000 * 2 ** Math.min(failures, 6)));
    }
  };
  const done = loop().finally(() => void slot.release().catch(() => {}));
  return {
    version: versionOf(account),
    async stop() {
      stopped = true;
      clearTimeout(debounce);
      client?.close();
      await done;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
