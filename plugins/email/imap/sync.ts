import type { ImapFlow } from 'imapflow';
import type { JobRun, LimitSlot } from '../../../plugin-api.d.ts';
import { CrmError } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import { type IngestEnv, ingest, ingestEnv } from '../ingest.ts';
import {
  advanceFolder, type AccountRow, type FolderOutcome, finishFolder, getAccount, markAccountProgress, markSyncFinished, markSyncStarted, openFolder,
  setFolderPending,
} from '../store.ts';
import { connect, disconnect, pickFolders } from './client.ts';

/** Messages fetched with their source at a time: bounded memory, and a drop loses little. */
const BATCH = 25;

export interface SyncSummary {
  folders: { path: string; seen: number; stored: number; duplicates: number; skipped: number; failed: number; resynced: boolean }[];
  missing: string[];
}

/**
 * One sync of an account (the `email.sync` job): every followed folder from the UID after the
 * last one done, in UID order, each message recorded as done (stored, duplicate, skipped with
 * its reason, or failed) before the next, so a sync that stops anywhere (a dropped
 * connection, a crash, a timeout) goes on from there next time with no gap and no double.
 * A changed UIDVALIDITY starts the folder again from UID 1; deduplication keeps that
 * harmless. One sync per account runs at a time, across processes.
 *
 * @example
 * ctx.jobs.define('sync', (p: { accountId: string }, job) => syncAccount(ctx, p.accountId, job));
 */
export async function syncAccount(ctx: Ctx, accountId: string, job: JobRun): Promise<SyncSummary | { skipped: string }> {
  const self = await ctx.companies.self();
  const store = ctx.forCompany(self.id);
  const account = await getAccount(store, accountId);
  if (!account) return { skipped: 'the account was deleted' };
  if (!account.enabled) return { skipped: 'the account is disabled' };
  const slot = await holdSync(ctx, accountId, job.signal);
  if (!slot) {
    // Another sync of this account is still running; look again shortly, so mail that came after its start is not left waiting.
    await ctx.jobs.enqueue('sync', { accountId }, { companyId: self.id, idempotencyKey: `sync:${accountId}:again:${Math.floor(Date.now() / 15_000)}`, runAt: new Date(Date.now() + 15_000) });
    return { skipped: 'another sync of this account is running' };
  }
  await markSyncStarted(store, accountId);
  let client: ImapFlow | undefined;
  try {
    const env = await ingestEnv(ctx, account.policy, [account.email]);
    client = await connect(ctx, account);
    const { folders, missing } = pickFolders(await client.list(), account.folders);
    const summary: SyncSummary = { folders: [], missing };
    const progress = progressOf(job, () => markAccountProgress(store, accountId));
    for (const folder of folders) {
      summary.folders.push(await syncFolder(ctx, env, client, account, folder, progress, job.signal));
    }
    await markSyncFinished(store, accountId, missing.length ? `Folders not found on the server: ${missing.join(', ')}` : null);
    return summary;
  } catch (error) {
    await markSyncFinished(store, accountId, describe(error)).catch(() => {});
    throw error;
  } finally {
    if (client) await disconnect(client);
    await slot.release();
  }
}

/** The account's one sync slot, waiting up to 30 s for a running sync to end (new mail usually arrives during one). */
async function holdSync(ctx: Ctx, accountId: string, signal: AbortSignal): Promise<LimitSlot | null> {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      return await ctx.limits.hold(`sync:${accountId}`, 1, 'syncs of this account');
    } catch (error) {
      if (!(error instanceof CrmError && error.code === 'rate_limited')) throw error;
      if (Date.now() > until || signal.aborted) return null;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

type Progress = { add(total: number): void; step(message: string): Promise<void> };

/** Job progress over all folders, written at most twice a second (a 10,000-message sync is not 10,000 updates). */
function progressOf(job: JobRun, heartbeat: () => Promise<void>): Progress {
  let total = 0;
  let done = 0;
  let last = 0;
  return {
    add: (n) => void (total += n),
    async step(message) {
      done++;
      if (Date.now() - last < 500 && done < total) return;
      last = Date.now();
      await Promise.all([job.progress(done, total, message), heartbeat()]);
    },
  };
}

async function syncFolder(
  ctx: Ctx, env: IngestEnv, client: ImapFlow, account: AccountRow, folder: { path: string; specialUse: string | null }, progress: Progress, signal: AbortSignal,
): Promise<SyncSummary['folders'][number]> {
  const store = ctx.forCompany(account.company_id);
  const lock = await client.getMailboxLock(folder.path, { readOnly: true });
  const counts = { path: folder.path, seen: 0, stored: 0, duplicates: 0, skipped: 0, failed: 0, resynced: false };
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new CrmError('unavailable', `The folder ${folder.path} could not be opened`);
    const { row, resynced } = await openFolder(store, account.company_id, account.id, {
      path: folder.path, specialUse: folder.specialUse, uidValidity: String(mailbox.uidValidity), onServer: mailbox.exists,
    });
    counts.resynced = resynced;
    if (resynced) ctx.logger.warn({ account: account.id, folder: folder.path }, 'UIDVALIDITY changed: the folder is synced again from the start');
    const after = Number(row.last_uid);
    // UIDs and sizes first (small answers); the sources then in batches.
    const todo = mailbox.exists === 0 ? [] : (await client.fetchAll(`${after + 1}:*`, { uid: true, size: true }, { uid: true }))
      .filter((m) => m.uid > after)
      .sort((a, b) => a.uid - b.uid);
    progress.add(todo.length);
    await setFolderPending(store, account.id, folder.path, todo.length);
    let pending = todo.length;
    for (let i = 0; i < todo.length; i += BATCH) {
      if (signal.aborted) throw new CrmError('unavailable', 'The sync was stopped (timeout or shutdown); the next one goes on from here');
      const batch = todo.slice(i, i + BATCH);
      const wanted = batch.filter((m) => (m.size ?? 0) <= ctx.config.maxMessageBytes).map((m) => m.uid);
      const sources = new Map<number, Buffer>();
      if (wanted.length) {
        for (const m of await client.fetchAll(wanted.join(','), { uid: true, source: true }, { uid: true })) if (m.source) sources.set(m.uid, m.source);
      }
      for (const meta of batch) {
        const raw = sources.get(meta.uid);
        const outcome: FolderOutcome = (meta.size ?? 0) > ctx.config.maxMessageBytes
          ? { outcome: 'skipped', reason: 'too_large' }
          : !raw
            ? { outcome: 'skipped', reason: 'vanished' }
            : await ingestOne(ctx, env, raw, { way: 'imap', account_id: account.id, folder: folder.path, uid: meta.uid, at: new Date().toISOString() });
        pending--;
        await advanceFolder(store, account.id, folder.path, meta.uid, outcome, pending);
        counts.seen++;
        if (outcome.outcome === 'stored') counts.stored++;
        else if (outcome.outcome === 'duplicate') counts.duplicates++;
        else if (outcome.outcome === 'skipped') counts.skipped++;
        else counts.failed++;
        await progress.step(folder.path);
      }
    }
    await finishFolder(store, account.id, folder.path, null, 0);
    return counts;
  } catch (error) {
    await finishFolder(store, account.id, folder.path, describe(error), null).catch(() => {});
    throw error;
  } finally {
    lock.release();
  }
}

/**
 * One message, retried once: a message that fails twice is recorded as failed with the reason
 * and the sync goes on (one broken message must not stop a mailbox for ever), unless the
 * database is what failed, which stops the sync before the UID is passed.
 */
export async function ingestOne(ctx: Ctx, env: IngestEnv, raw: Buffer, source: Parameters<typeof ingest>[3]): Promise<FolderOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await ingest(ctx, env, raw, source);
      return result.outcome === 'skipped' ? { outcome: 'skipped', reason: result.reason } : { outcome: result.outcome };
    } catch (error) {
      if (attempt >= 2) {
        // When the database itself is down the message is not at fault: stop, and the next sync retries it.
        await ctx.kv.get('health').catch(() => {
          throw error;
        });
        ctx.logger.warn({ err: error, source }, 'a message could not be stored');
        return { outcome: 'failed', reason: (error as Error).message };
      }
    }
  }
}

/** A one-line reason a person can act on. */
export function describe(error: unknown): string {
  const e = error as Error & { authenticationFailed?: boolean; responseText?: string; code?: string };
  if (e?.authenticationFailed) return `The mail server refused the login${e.responseText ? `: ${e.responseText}` : ''}; check the user name and password or token`;
  if (e?.code === 'ECONNREFUSED') return 'The mail server refused the connection; check the host and port';
  if (e?.code === 'ENOTFOUND') return 'The mail server\'s host name was not found';
  if (e?.code === 'ETIMEDOUT' || e?.code === 'CONNECT_TIMEOUT' || e?.code === 'GREETING_TIMEOUT') return 'The mail server did not answer in time';
  if (e?.code === 'NoConnection' || e?.code === 'EConnectionClosed' || /connection.*(closed|lost)/i.test(e?.message ?? '')) return 'The connection to the mail server dropped; the next sync goes on where this one stopped';
  return (e?.responseText || e?.message || String(error)).slice(0, 500);
}
