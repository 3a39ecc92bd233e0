import { randomUUID } from 'node:crypto';
import type { z } from '../../plugin-api.js';
import { DEFAULT_POLICY } from './config.ts';
import type { Ctx } from './context.ts';
import type { AccountIn, AccountOut, AccountPatch, FolderOut, State } from './schemas.ts';
import { sealSecret } from './secrets.ts';
import { type AccountRow, type FolderRow, type NewAccount, setSyncJob } from './store.ts';

type Out = z.infer<typeof AccountOut>;

/**
 * The row of a new account: its secret sealed with the environment's key (refused with the
 * variable to set when there is none), on the own company.
 *
 * @example
 * const row = newAccount(ctx, self.id, input); // row.secret === 'v1.…'
 */
export function newAccount(ctx: Ctx, companyId: string, input: AccountIn): NewAccount {
  const id = randomUUID();
  return {
    id, company_id: companyId, name: input.name, email: input.email.toLowerCase(),
    imap_host: input.imap.host, imap_port: input.imap.port, imap_tls: input.imap.tls,
    smtp_host: input.smtp?.host ?? null, smtp_port: input.smtp?.port ?? null, smtp_tls: input.smtp?.tls ?? null,
    username: input.username, auth: input.auth, secret: sealSecret(ctx.config.secretKey, id, input.secret),
    folders: input.folders, policy: input.policy, idle: input.idle, interval_minutes: input.interval_minutes, enabled: input.enabled,
  };
}

/** The columns a PATCH changes (a new secret sealed again). */
export function accountChanges(ctx: Ctx, id: string, patch: z.infer<typeof AccountPatch>): Partial<NewAccount> {
  return {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.email !== undefined ? { email: patch.email.toLowerCase() } : {}),
    ...(patch.imap ? { imap_host: patch.imap.host, imap_port: patch.imap.port, imap_tls: patch.imap.tls } : {}),
    ...(patch.smtp !== undefined ? { smtp_host: patch.smtp?.host ?? null, smtp_port: patch.smtp?.port ?? null, smtp_tls: patch.smtp?.tls ?? null } : {}),
    ...(patch.username !== undefined ? { username: patch.username } : {}),
    ...(patch.auth !== undefined ? { auth: patch.auth } : {}),
    ...(patch.secret !== undefined ? { secret: sealSecret(ctx.config.secretKey, id, patch.secret) } : {}),
    ...(patch.folders !== undefined ? { folders: patch.folders } : {}),
    ...(patch.policy !== undefined ? { policy: patch.policy } : {}),
    ...(patch.idle !== undefined ? { idle: patch.idle } : {}),
    ...(patch.interval_minutes !== undefined ? { interval_minutes: patch.interval_minutes } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
  };
}

const ms = (iso: string | null) => (iso ? Date.parse(iso) : 0);

/**
 * The honest state of an account: `syncing` only while a sync makes progress; `stalled` when
 * a sync has made none for `stalledAfterMinutes`, or when no sync has started for that long
 * past the account's interval (the schedule is not running); `error` when the last sync
 * failed; `ok` after a success.
 *
 * @example
 * accountState(row, Date.now(), 15); // 'stalled'
 */
export function accountState(a: AccountRow, now: number, stalledAfterMinutes: number): z.infer<typeof State> {
  if (!a.enabled) return 'disabled';
  const stalledMs = stalledAfterMinutes * 60_000;
  const running = a.sync_started_at && !a.sync_finished_at;
  if (running) return now - ms(a.last_progress_at ?? a.sync_started_at) > stalledMs ? 'stalled' : 'syncing';
  const lastStart = ms(a.sync_started_at) || ms(a.created_at);
  if (now - lastStart > a.interval_minutes * 60_000 + stalledMs) return 'stalled';
  if (a.last_error && ms(a.last_error_at) >= ms(a.last_success_at)) return 'error';
  return a.last_success_at ? 'ok' : a.sync_started_at ? 'syncing' : 'never_synced';
}

function folderState(f: FolderRow, account: z.infer<typeof State>): z.infer<typeof State> {
  if (account === 'disabled' || account === 'stalled') return account;
  if (f.last_error && ms(f.last_error_at) >= ms(f.last_success_at)) return 'error';
  if (account === 'syncing' && (f.pending ?? 0) > 0) return 'syncing';
  return f.last_success_at ? 'ok' : 'never_synced';
}

/** An account as the API shows it: never its secret; its state and counts per folder and in all. */
export function accountOut(a: AccountRow, folders: FolderRow[], progress: Out['sync']['progress'], stalledAfterMinutes: number, now = Date.now()): Out {
  const state = accountState(a, now, stalledAfterMinutes);
  const folderOut: z.infer<typeof FolderOut>[] = folders.map((f) => ({
    path: f.path, special_use: f.special_use, uidvalidity: f.uidvalidity, last_uid: Number(f.last_uid), on_server: f.on_server, pending: f.pending,
    seen: f.seen, stored: f.stored, duplicates: f.duplicates, skipped: f.skipped, failed: f.failed, skipped_reasons: f.skipped_reasons, failures: f.failures,
    resyncs: f.resyncs, state: folderState(f, state), last_success_at: f.last_success_at, last_error: f.last_error, last_error_at: f.last_error_at,
  }));
  const sum = (key: 'seen' | 'stored' | 'duplicates' | 'skipped' | 'failed') => folders.reduce((n, f) => n + f[key], 0);
  return {
    id: a.id, name: a.name, email: a.email,
    imap: { host: a.imap_host, port: a.imap_port, tls: a.imap_tls },
    smtp: a.smtp_host && a.smtp_port ? { host: a.smtp_host, port: a.smtp_port, tls: Boolean(a.smtp_tls) } : null,
    username: a.username, auth: a.auth, folders: a.folders, policy: { ...DEFAULT_POLICY, ...a.policy },
    idle: a.idle, interval_minutes: a.interval_minutes, enabled: a.enabled, state,
    sync: { job_id: a.sync_job_id, started_at: a.sync_started_at, finished_at: a.sync_finished_at, last_progress_at: a.last_progress_at, progress },
    last_success_at: a.last_success_at, last_error: a.last_error, last_error_at: a.last_error_at,
    counts: { seen: sum('seen'), stored: sum('stored'), duplicates: sum('duplicates'), skipped: sum('skipped'), failed: sum('failed') },
    folders_status: folderOut, created_at: a.created_at, updated_at: a.updated_at,
  };
}

/**
 * Queues a sync of the account, unless one is queued already (then that one's id): on demand,
 * on new mail (IDLE) and on the schedule, which uses one key per interval so that several
 * servers queue it once.
 *
 * @example
 * const jobId = await enqueueSync(ctx, account, 'demand');
 */
export async function enqueueSync(ctx: Ctx, account: AccountRow, reason: 'demand' | 'idle' | 'connected' | 'schedule' | string): Promise<string> {
  if (account.sync_job_id) {
    const current = await ctx.jobs.get(account.sync_job_id);
    if (current?.status === 'queued') return current.id;
  }
  const key = reason === 'schedule'
    ? `sync:${account.id}:schedule:${Math.floor(Date.now() / (account.interval_minutes * 60_000))}`
    : `sync:${account.id}:${randomUUID()}`;
  const jobId = await ctx.jobs.enqueue('sync', { accountId: account.id }, { companyId: account.company_id, idempotencyKey: key });
  await setSyncJob(ctx.forCompany(account.company_id), account.id, jobId);
  return jobId;
}
