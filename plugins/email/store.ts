/**
 * Every query of the email plugin, as named functions over a company's store (or one of its
 * transactions), returning typed rows. Nothing else in the plugin writes SQL.
 */
import type { CompanyStore } from '../../plugin-api.d.ts';
import type { Policy } from './config.ts';

/** A store or a transaction of one: anything that runs the plugin's SQL in a company's scope. */
export type Sql = Pick<CompanyStore, 'sql'>;

export type Direction = 'in' | 'out' | 'internal';
export type Kind = 'normal' | 'internal' | 'newsletter' | 'auto_reply' | 'bulk';
export type ThreadReason = 'header' | 'subject' | 'new';
export interface Party {
  name: string | null;
  address: string;
}

// ─── Accounts and folders (on the own company) ───────────────────────────────────────────

export interface AccountRow {
  id: string;
  company_id: string;
  name: string;
  email: string;
  imap_host: string;
  imap_port: number;
  imap_tls: boolean;
  smtp_host: string | null;
  smtp_port: number | null;
  smtp_tls: boolean | null;
  username: string;
  auth: 'password' | 'xoauth2';
  secret: string;
  folders: string[] | null;
  policy: Partial<Policy>;
  idle: boolean;
  interval_minutes: number;
  enabled: boolean;
  sync_job_id: string | null;
  sync_started_at: string | null;
  sync_finished_at: string | null;
  last_progress_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  created_at: string;
  updated_at: string;
}

export type NewAccount = Omit<AccountRow, 'sync_job_id' | 'sync_started_at' | 'sync_finished_at' | 'last_progress_at' | 'last_success_at' | 'last_error' | 'last_error_at' | 'created_at' | 'updated_at'>;

export async function insertAccount(sql: Sql, a: NewAccount): Promise<AccountRow> {
  const [row] = await sql.sql<AccountRow>`
    insert into email_accounts (id, company_id, name, email, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls, username, auth, secret, folders, policy, idle, interval_minutes, enabled)
    values (${a.id}, ${a.company_id}, ${a.name}, ${a.email}, ${a.imap_host}, ${a.imap_port}, ${a.imap_tls}, ${a.smtp_host}, ${a.smtp_port}, ${a.smtp_tls}, ${a.username}, ${a.auth}, ${a.secret},
            ${a.folders ? JSON.stringify(a.folders) : null}::jsonb, ${JSON.stringify(a.policy)}::jsonb, ${a.idle}, ${a.interval_minutes}, ${a.enabled})
    returning *`;
  return row!;
}

export async function getAccount(sql: Sql, id: string): Promise<AccountRow | undefined> {
  const [row] = await sql.sql<AccountRow>`select * from email_accounts where id = ${id}`;
  return row;
}

export async function listAccounts(sql: Sql): Promise<AccountRow[]> {
  return sql.sql<AccountRow>`select * from email_accounts order by created_at, id`;
}

/** Changes the given columns of an account (the rest stay). */
export async function patchAccount(sql: Sql, id: string, patch: Partial<NewAccount>): Promise<AccountRow | undefined> {
  const p = (key: keyof NewAccount) => (key in patch ? 1 : 0);
  const [row] = await sql.sql<AccountRow>`
    update email_accounts set
      name = case when ${p('name')} = 1 then ${patch.name ?? null} else name end,
      email = case when ${p('email')} = 1 then ${patch.email ?? null} else email end,
      imap_host = case when ${p('imap_host')} = 1 then ${patch.imap_host ?? null} else imap_host end,
      imap_port = case when ${p('imap_port')} = 1 then ${patch.imap_port ?? null}::int else imap_port end,
      imap_tls = case when ${p('imap_tls')} = 1 then ${patch.imap_tls ?? null}::boolean else imap_tls end,
      smtp_host = case when ${p('smtp_host')} = 1 then ${patch.smtp_host ?? null} else smtp_host end,
      smtp_port = case when ${p('smtp_port')} = 1 then ${patch.smtp_port ?? null}::int else smtp_port end,
      smtp_tls = case when ${p('smtp_tls')} = 1 then ${patch.smtp_tls ?? null}::boolean else smtp_tls end,
      username = case when ${p('username')} = 1 then ${patch.username ?? null} else username end,
      auth = case when ${p('auth')} = 1 then ${patch.auth ?? null} else auth end,
      secret = case when ${p('secret')} = 1 then ${patch.secret ?? null} else secret end,
      folders = case when ${p('folders')} = 1 then ${patch.folders ? JSON.stringify(patch.folders) : null}::jsonb else folders end,
      policy = case when ${p('policy')} = 1 then ${JSON.stringify(patch.policy ?? {})}::jsonb else policy end,
      idle = case when ${p('idle')} = 1 then ${patch.idle ?? null}::boolean else idle end,
      interval_minutes = case when ${p('interval_minutes')} = 1 then ${patch.interval_minutes ?? null}::int else interval_minutes end,
      enabled = case when ${p('enabled')} = 1 then ${patch.enabled ?? null}::boolean else enabled end
    where id = ${id}
    returning *`;
  return row;
}

export async function deleteAccount(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.sql`delete from email_accounts where id = ${id} returning id`;
  return rows.length > 0;
}

export async function setSyncJob(sql: Sql, id: string, jobId: string): Promise<void> {
  await sql.sql`update email_accounts set sync_job_id = ${jobId} where id = ${id}`;
}

export async function markSyncStarted(sql: Sql, id: string): Promise<void> {
  await sql.sql`update email_accounts set sync_started_at = now(), last_progress_at = now(), sync_finished_at = null where id = ${id}`;
}

export async function markAccountProgress(sql: Sql, id: string): Promise<void> {
  await sql.sql`update email_accounts set last_progress_at = now() where id = ${id}`;
}

/** The end of a sync: a success clears the error; a failure keeps the last success as it was. */
export async function markSyncFinished(sql: Sql, id: string, error: string | null): Promise<void> {
  await sql.sql`
    update email_accounts set sync_finished_at = now(),
      last_success_at = case when ${error}::text is null then now() else last_success_at end,
      last_error = ${error}, last_error_at = case when ${error}::text is null then last_error_at else now() end
    where id = ${id}`;
}

export interface FolderRow {
  company_id: string;
  account_id: string;
  path: string;
  special_use: string | null;
  uidvalidity: string | null;
  last_uid: string | number;
  on_server: number | null;
  pending: number | null;
  seen: number;
  stored: number;
  duplicates: number;
  skipped: number;
  failed: number;
  skipped_reasons: Record<string, number>;
  failures: { uid: number; reason: string; at: string }[];
  resyncs: number;
  last_success_at: string | null;
  last_progress_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
}

export async function foldersOf(sql: Sql, accountId: string): Promise<FolderRow[]> {
  return sql.sql<FolderRow>`select * from email_folders where account_id = ${accountId} order by path`;
}

/**
 * The folder's row as this sync starts. A new UIDVALIDITY means the server renumbered the
 * folder: the sync starts again from UID 1 (duplicates are recognised, so nothing doubles).
 */
export async function openFolder(
  sql: Sql, companyId: string, accountId: string, folder: { path: string; specialUse: string | null; uidValidity: string; onServer: number },
): Promise<{ row: FolderRow; resynced: boolean }> {
  const [before] = await sql.sql<FolderRow>`select * from email_folders where account_id = ${accountId} and path = ${folder.path}`;
  const resynced = Boolean(before?.uidvalidity && before.uidvalidity !== folder.uidValidity);
  const [row] = await sql.sql<FolderRow>`
    insert into email_folders (company_id, account_id, path, special_use, uidvalidity, on_server)
    values (${companyId}, ${accountId}, ${folder.path}, ${folder.specialUse}, ${folder.uidValidity}, ${folder.onServer})
    on conflict (account_id, path) do update set
      special_use = excluded.special_use, on_server = excluded.on_server, uidvalidity = excluded.uidvalidity,
      last_uid = case when email_folders.uidvalidity is distinct from excluded.uidvalidity then 0 else email_folders.last_uid end,
      resyncs = email_folders.resyncs + case when email_folders.uidvalidity is not null and email_folders.uidvalidity <> excluded.uidvalidity then 1 else 0 end,
      last_progress_at = now()
    returning *`;
  return { row: row!, resynced };
}

export type FolderOutcome = { outcome: 'stored' | 'duplicate' } | { outcome: 'skipped'; reason: string } | { outcome: 'failed'; reason: string };

/** One message of a folder done (whatever became of it): counts, and the UID the next sync starts after. */
export async function advanceFolder(sql: Sql, accountId: string, path: string, uid: number, result: FolderOutcome, pending: number): Promise<void> {
  const reason = result.outcome === 'skipped' ? result.reason : null;
  const failure = result.outcome === 'failed' ? JSON.stringify([{ uid, reason: result.reason.slice(0, 500), at: new Date().toISOString() }]) : '[]';
  await sql.sql`
    update email_folders set
      last_uid = greatest(last_uid, ${uid}), pending = ${pending}, seen = seen + 1,
      stored = stored + ${result.outcome === 'stored' ? 1 : 0}, duplicates = duplicates + ${result.outcome === 'duplicate' ? 1 : 0},
      skipped = skipped + ${reason ? 1 : 0}, failed = failed + ${result.outcome === 'failed' ? 1 : 0},
      skipped_reasons = case when ${reason}::text is null then skipped_reasons
        else jsonb_set(skipped_reasons, array[${reason}::text], to_jsonb(coalesce((skipped_reasons ->> ${reason})::int, 0) + 1)) end,
      -- The last 20 failures are enough to see what goes wrong.
      failures = (select coalesce(jsonb_agg(f), '[]') from (select f from jsonb_array_elements(failures || ${failure}::jsonb) with ordinality as x(f, n) order by n desc limit 20) last),
      last_progress_at = now()
    where account_id = ${accountId} and path = ${path}`;
}

export async function finishFolder(sql: Sql, accountId: string, path: string, error: string | null, pending: number | null): Promise<void> {
  await sql.sql`
    update email_folders set
      pending = coalesce(${pending}::int, pending),
      last_success_at = case when ${error}::text is null then now() else last_success_at end,
      last_error = ${error}, last_error_at = case when ${error}::text is null then last_error_at else now() end
    where account_id = ${accountId} and path = ${path}`;
}

export async function setFolderPending(sql: Sql, accountId: string, path: string, pending: number): Promise<void> {
  await sql.sql`update email_folders set pending = ${pending}, last_progress_at = now() where account_id = ${accountId} and path = ${path}`;
}

// ─── Threads and messages (on the customer's company) ────────────────────────────────────

export interface ThreadRow {
  id: string;
  company_id: string;
  subject: string | null;
  normalized_subject: string;
  participants: Party[];
  message_count: number;
  first_at: string | null;
  last_at: string | null;
  last_direction: Direction | null;
  awaiting_since: string | null;
  kind: Kind;
  /** When staff said it needs no answer (it waits again when the customer writes after that). */
  handled_at: string | null;
  handled_by: string | null;
  created_at: string;
  updated_at: string;
}

export async function insertThread(sql: Sql, t: { id: string; companyId: string; subject: string | null; normalizedSubject: string; kind: Kind }): Promise<void> {
  await sql.sql`
    insert into email_threads (id, company_id, subject, normalized_subject, kind)
    values (${t.id}, ${t.companyId}, ${t.subject}, ${t.normalizedSubject}, ${t.kind})`;
}

export async function getThread(sql: Sql, id: string): Promise<ThreadRow | undefined> {
  const [row] = await sql.sql<ThreadRow>`select * from email_threads where id = ${id}`;
  return row;
}

/**
 * The thread a reply without usable headers belongs to: the same normalised subject, one of
 * the same external parties, and its last message within the window around this one's date.
 */
export async function threadBySubject(sql: Sql, q: { companyId: string; normalizedSubject: string; addresses: string[]; at: string; windowDays: number }): Promise<ThreadRow | undefined> {
  const [row] = await sql.sql<ThreadRow>`
    select t.* from email_threads t
    where t.company_id = ${q.companyId} and t.normalized_subject = ${q.normalizedSubject}
      and t.last_at between ${q.at}::timestamptz - make_interval(days => ${q.windowDays}) and ${q.at}::timestamptz + make_interval(days => ${q.windowDays})
      and exists (select 1 from jsonb_array_elements(t.participants) p where p ->> 'address' in (select jsonb_array_elements_text(${JSON.stringify(q.addresses)}::jsonb)))
    order by t.last_at desc
    limit 1`;
  return row;
}

/**
 * Recomputes a thread from its messages (they may arrive out of order: a folder of sent mail
 * is synced after the inbox): count, first and last date, the last message's direction,
 * participants, the kind (normal as soon as one message is), and since when the customer
 * waits for our answer (their oldest message after our last one, when the last is theirs).
 */
export async function refreshThread(sql: Sql, id: string): Promise<ThreadRow> {
  const [row] = await sql.sql<ThreadRow>`
    with m as (
      select direction, kind, coalesce(sent_at, received_at) as at, from_address, from_name, to_addresses, cc_addresses, id
      from email_messages where thread_id = ${id}
    ), last as (
      select direction, kind from m order by at desc, id desc limit 1
    ), last_ours as (
      select max(at) as at from m where direction <> 'in'
    ), people as (
      select distinct on (address) address, name from (
        select from_address as address, from_name as name, 0 as pref from m where from_address is not null
        union all
        select p ->> 'address', p ->> 'name', 1 from m, jsonb_array_elements(m.to_addresses || m.cc_addresses) p
      ) all_parties
      order by address, pref, name nulls last
    )
    update email_threads t set
      message_count = (select count(*) from m),
      first_at = (select min(at) from m),
      last_at = (select max(at) from m),
      last_direction = (select direction from last),
      kind = case when exists (select 1 from m where kind = 'normal') then 'normal' else (select kind from last) end,
      participants = coalesce((select jsonb_agg(jsonb_build_object('address', address, 'name', name) order by address) from people), '[]'),
      awaiting_since = case when (select direction from last) = 'in' and (select kind from last) = 'normal'
        then (select min(at) from m where direction = 'in' and kind = 'normal'
              and at > greatest(coalesce((select at from last_ours), '-infinity'::timestamptz), coalesce(t.handled_at, '-infinity'::timestamptz)))
        else null end
    where t.id = ${id}
    returning *`;
  return row!;
}

/** Staff say the thread needs no answer now; it waits again when the customer writes after this. */
export async function markHandled(sql: Sql, id: string, actor: string): Promise<ThreadRow> {
  await sql.sql`update email_threads set handled_at = now(), handled_by = ${actor} where id = ${id}`;
  return refreshThread(sql, id);
}

export interface ListThreads {
  companyId: string;
  limit: number;
  awaiting?: boolean | undefined;
  /** Include newsletters, auto-replies and internal mail (hidden by default). */
  all?: boolean | undefined;
  after?: { lastAt: string; id: string } | undefined;
}

export async function listThreads(sql: Sql, f: ListThreads): Promise<(ThreadRow & { cursor_at: string; snippet: string | null })[]> {
  // The cursor's time as Postgres keeps it (microseconds), or a page boundary inside one millisecond would skip rows.
  return sql.sql<ThreadRow & { cursor_at: string; snippet: string | null }>`
    select t.*, to_char(t.last_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
      (select left(m.new_text, 200) from email_messages m where m.thread_id = t.id order by coalesce(m.sent_at, m.received_at) desc, m.id desc limit 1) as snippet
    from email_threads t
    where t.company_id = ${f.companyId} and t.last_at is not null
      and (${f.all ? 1 : 0} = 1 or t.kind = 'normal')
      and (${f.awaiting ? 1 : 0} = 0 or t.awaiting_since is not null)
      and (${f.after?.lastAt ?? null}::timestamptz is null or (t.last_at, t.id) < (${f.after?.lastAt ?? null}::timestamptz, ${f.after?.id ?? null}::uuid))
    order by t.last_at desc, t.id desc
    limit ${f.limit}`;
}

export interface Source {
  way: 'imap' | 'webhook' | 'import' | 'sent';
  account_id?: string;
  folder?: string;
  uid?: number;
  file?: string;
  at: string;
}

export interface AttachmentRef {
  name: string;
  content_type: string;
  size: number;
  document_id: string | null;
  outcome: 'created' | 'duplicate' | 'refused' | 'not_stored';
  reason: string | null;
}

export interface MessageRow {
  id: string;
  company_id: string;
  thread_id: string;
  dedup_key: string;
  message_id: string | null;
  in_reply_to: string | null;
  refs: string[];
  direction: Direction;
  kind: Kind;
  kind_reason: string | null;
  from_address: string | null;
  from_name: string | null;
  to_addresses: Party[];
  cc_addresses: Party[];
  reply_to: Party[];
  subject: string | null;
  sent_at: string | null;
  received_at: string;
  text: string;
  new_text: string;
  quoted_text: string | null;
  signature: string | null;
  html: string | null;
  has_remote_images: boolean;
  thread_reason: ThreadReason;
  attachments: AttachmentRef[];
  sources: Source[];
  raw_key: string;
  size: number;
  sha256: string;
  created_at: string;
}

export type NewMessage = Omit<MessageRow, 'received_at' | 'created_at'>;

/** Inserts a message, or returns null when the company has it already (same dedup key). */
export async function insertMessage(sql: Sql, m: NewMessage): Promise<MessageRow | null> {
  const [row] = await sql.sql<MessageRow>`
    insert into email_messages (id, company_id, thread_id, dedup_key, message_id, in_reply_to, refs, direction, kind, kind_reason, from_address, from_name,
      to_addresses, cc_addresses, reply_to, subject, sent_at, text, new_text, quoted_text, signature, html, has_remote_images, thread_reason, attachments, sources,
      raw_key, size, sha256)
    values (${m.id}, ${m.company_id}, ${m.thread_id}, ${m.dedup_key}, ${m.message_id}, ${m.in_reply_to}, ${JSON.stringify(m.refs)}::jsonb, ${m.direction}, ${m.kind},
      ${m.kind_reason}, ${m.from_address}, ${m.from_name}, ${JSON.stringify(m.to_addresses)}::jsonb, ${JSON.stringify(m.cc_addresses)}::jsonb,
      ${JSON.stringify(m.reply_to)}::jsonb, ${m.subject}, ${m.sent_at}::timestamptz, ${m.text}, ${m.new_text}, ${m.quoted_text}, ${m.signature}, ${m.html},
      ${m.has_remote_images}, ${m.thread_reason}, ${JSON.stringify(m.attachments)}::jsonb, ${JSON.stringify(m.sources)}::jsonb, ${m.raw_key}, ${m.size}, ${m.sha256})
    on conflict (company_id, dedup_key) do nothing
    returning *`;
  return row ?? null;
}

export async function getMessage(sql: Sql, id: string): Promise<MessageRow | undefined> {
  const [row] = await sql.sql<MessageRow>`select * from email_messages where id = ${id}`;
  return row;
}

export async function messageByDedupKey(sql: Sql, key: string): Promise<MessageRow | undefined> {
  const [row] = await sql.sql<MessageRow>`select * from email_messages where dedup_key = ${key}`;
  return row;
}

export async function messagesOfThread(sql: Sql, threadId: string): Promise<MessageRow[]> {
  return sql.sql<MessageRow>`select * from email_messages where thread_id = ${threadId} order by coalesce(sent_at, received_at), id`;
}

/** Records another way the same message came in (a second folder, account or import). */
export async function addSource(sql: Sql, id: string, source: Source): Promise<void> {
  await sql.sql`
    update email_messages set sources = sources || ${JSON.stringify([source])}::jsonb
    where id = ${id} and not sources @> ${JSON.stringify([{ way: source.way, ...(source.account_id ? { account_id: source.account_id } : {}), ...(source.folder ? { folder: source.folder } : {}) }])}::jsonb`;
}

export async function setAttachments(sql: Sql, id: string, attachments: AttachmentRef[]): Promise<void> {
  await sql.sql`update email_messages set attachments = ${JSON.stringify(attachments)}::jsonb where id = ${id}`;
}

// ─── Imports (on the own company) ────────────────────────────────────────────────────────

export interface ImportRow {
  id: string;
  company_id: string;
  name: string;
  format: 'mbox' | 'eml';
  size: string | number;
  blob_key: string;
  job_id: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  offset_done: string | number;
  messages: number;
  stored: number;
  duplicates: number;
  skipped: number;
  failed: number;
  skipped_reasons: Record<string, number>;
  failures: { index: number; reason: string }[];
  error: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export async function insertImport(sql: Sql, i: { id: string; companyId: string; name: string; format: 'mbox' | 'eml'; size: number; blobKey: string; createdBy: string }): Promise<ImportRow> {
  const [row] = await sql.sql<ImportRow>`
    insert into email_imports (id, company_id, name, format, size, blob_key, created_by)
    values (${i.id}, ${i.companyId}, ${i.name}, ${i.format}, ${i.size}, ${i.blobKey}, ${i.createdBy})
    returning *`;
  return row!;
}

export async function getImport(sql: Sql, id: string): Promise<ImportRow | undefined> {
  const [row] = await sql.sql<ImportRow>`select * from email_imports where id = ${id}`;
  return row;
}

export async function setImportJob(sql: Sql, id: string, jobId: string): Promise<void> {
  await sql.sql`update email_imports set job_id = ${jobId} where id = ${id}`;
}

export async function markImportRunning(sql: Sql, id: string): Promise<void> {
  await sql.sql`update email_imports set status = 'running', error = null where id = ${id}`;
}

/** What a batch of an import's messages came to. */
export interface ImportProgress {
  /** Just past the start of the batch's last message: a restart skips up to here. */
  nextOffset: number;
  messages: number;
  stored: number;
  duplicates: number;
  skipped: Record<string, number>;
  failures: { index: number; reason: string }[];
}

/** Messages of an import done: counts, and the byte offset a restart skips up to. */
export async function advanceImport(sql: Sql, id: string, p: ImportProgress): Promise<void> {
  const skipped = Object.values(p.skipped).reduce((n, k) => n + k, 0);
  await sql.sql`
    update email_imports set
      offset_done = greatest(offset_done, ${p.nextOffset}), messages = messages + ${p.messages},
      stored = stored + ${p.stored}, duplicates = duplicates + ${p.duplicates}, skipped = skipped + ${skipped}, failed = failed + ${p.failures.length},
      skipped_reasons = (select coalesce(jsonb_object_agg(k, v), '{}') from (
        select k, sum(v::int) as v from (
          select key as k, value as v from jsonb_each_text(skipped_reasons)
          union all select key, value from jsonb_each_text(${JSON.stringify(p.skipped)}::jsonb)
        ) both_sets group by k) summed),
      failures = case when jsonb_array_length(failures) >= 50 then failures else failures || ${JSON.stringify(p.failures.map((f) => ({ index: f.index, reason: f.reason.slice(0, 500) })))}::jsonb end
    where id = ${id}`;
}

export async function finishImport(sql: Sql, id: string, error: string | null): Promise<ImportRow> {
  const [row] = await sql.sql<ImportRow>`
    update email_imports set status = case when ${error}::text is null then 'done' else 'failed' end, error = ${error}, finished_at = now(),
      offset_done = case when ${error}::text is null then size else offset_done end
    where id = ${id} returning *`;
  return row!;
}
