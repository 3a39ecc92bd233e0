-- The email plugin: the business's mailboxes (accounts, on the own company), what each followed
-- folder has been synced up to, and the correspondence itself: threads and messages on the
-- customer's company (the own company for mail between our own people and unmatched bulk mail).

create table email_accounts (
  id                 uuid primary key,
  -- Always the own company (kind self): the mailboxes are the business's.
  company_id         uuid not null references companies (id) on delete cascade,
  name               text not null check (length(name) between 1 and 200),
  -- The mailbox's own address: mail from it is ours (direction out).
  email              text not null,
  imap_host          text not null,
  imap_port          integer not null check (imap_port between 1 and 65535),
  imap_tls           boolean not null,
  smtp_host          text,
  smtp_port          integer check (smtp_port between 1 and 65535),
  smtp_tls           boolean,
  username           text not null,
  auth               text not null check (auth in ('password', 'xoauth2')),
  -- The password or access token, AES-256-GCM with a key from the environment (secrets.ts); never returned.
  secret             text not null,
  -- Folders to follow by path; null = INBOX and Sent, found by their special-use flags.
  folders            jsonb,
  -- What to do with newsletters, auto-replies and internal mail (policy.ts).
  policy             jsonb not null default '{}',
  idle               boolean not null default true,
  interval_minutes   integer not null default 5 check (interval_minutes between 1 and 1440),
  enabled            boolean not null default true,
  sync_job_id        uuid,
  sync_started_at    timestamptz,
  sync_finished_at   timestamptz,
  last_progress_at   timestamptz,
  last_success_at    timestamptz,
  last_error         text,
  last_error_at      timestamptz,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index email_accounts_company_idx on email_accounts (company_id, created_at);
select crm_enable_rls('email_accounts');
create trigger email_accounts_touch before update on email_accounts for each row execute function crm_touch_updated_at();

-- Per followed folder: where the sync stands (UIDVALIDITY + highest UID done) and honest counts.
create table email_folders (
  company_id       uuid not null references companies (id) on delete cascade,
  account_id       uuid not null references email_accounts (id) on delete cascade,
  path             text not null,
  special_use      text,
  uidvalidity      text,
  last_uid         bigint not null default 0,
  -- Messages in the folder at the last look, and how many of them are past last_uid.
  on_server        integer,
  pending          integer,
  seen             integer not null default 0,
  stored           integer not null default 0,
  duplicates       integer not null default 0,
  skipped          integer not null default 0,
  failed           integer not null default 0,
  skipped_reasons  jsonb not null default '{}',
  -- The last few messages that failed: uid and reason.
  failures         jsonb not null default '[]',
  resyncs          integer not null default 0,
  last_success_at  timestamptz,
  last_progress_at timestamptz,
  last_error       text,
  last_error_at    timestamptz,
  primary key (account_id, path)
);
create index email_folders_company_idx on email_folders (company_id, account_id);
select crm_enable_rls('email_folders');

create table email_threads (
  id                 uuid primary key,
  company_id         uuid not null references companies (id) on delete cascade,
  subject            text,
  -- Without Re:/SV:/AW:/Fwd:… and tags, lower-case: the subject fallback of threading.
  normalized_subject text not null default '',
  -- [{ address, name }] of everyone who wrote or was written to, our own people included.
  participants       jsonb not null default '[]',
  message_count      integer not null default 0,
  first_at           timestamptz,
  last_at            timestamptz,
  last_direction     text check (last_direction in ('in', 'out', 'internal')),
  -- When the customer started waiting for our answer (their oldest message since our last one); null when not waiting.
  awaiting_since     timestamptz,
  -- normal, or mail kept out of the timeline and analysis (internal, newsletter, auto_reply, bulk).
  kind               text not null default 'normal' check (kind in ('normal', 'internal', 'newsletter', 'auto_reply', 'bulk')),
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now()
);
create index email_threads_company_last_idx on email_threads (company_id, last_at desc, id desc);
create index email_threads_subject_idx on email_threads (company_id, normalized_subject, last_at);
select crm_enable_rls('email_threads');
create trigger email_threads_touch before update on email_threads for each row execute function crm_touch_updated_at();

create table email_messages (
  id               uuid primary key,
  company_id       uuid not null references companies (id) on delete cascade,
  thread_id        uuid not null references email_threads (id) on delete cascade,
  -- `mid:<Message-ID>`, or `sha:<hash of its content>` when it has none: one message however often it comes in.
  dedup_key        text not null,
  message_id       text,
  in_reply_to      text,
  refs             jsonb not null default '[]',
  direction        text not null check (direction in ('in', 'out', 'internal')),
  kind             text not null default 'normal' check (kind in ('normal', 'internal', 'newsletter', 'auto_reply', 'bulk')),
  kind_reason      text,
  from_address     text,
  from_name        text,
  to_addresses     jsonb not null default '[]',
  cc_addresses     jsonb not null default '[]',
  reply_to         jsonb not null default '[]',
  subject          text,
  sent_at          timestamptz,
  received_at      timestamptz not null default now(),
  -- The whole text; the new part without quoted history and signature; what was cut.
  text             text not null default '',
  new_text         text not null default '',
  quoted_text      text,
  signature        text,
  -- Sanitised (no scripts, no handlers, remote images not loaded).
  html             text,
  has_remote_images boolean not null default false,
  -- Why it joined its thread: header (Message-ID, In-Reply-To, References), subject, or new.
  thread_reason    text not null check (thread_reason in ('header', 'subject', 'new')),
  -- [{ name, content_type, size, document_id, outcome, reason }]
  attachments      jsonb not null default '[]',
  -- Every way it came in: [{ way: imap|webhook|import|sent, account_id, folder, uid, file, at }]
  sources          jsonb not null default '[]',
  raw_key          text not null,
  size             integer not null,
  sha256           text not null,
  created_at       timestamptz not null default now(),
  unique (company_id, dedup_key)
);
create index email_messages_thread_idx on email_messages (company_id, thread_id, sent_at, id);
create index email_messages_message_id_idx on email_messages (company_id, message_id) where message_id is not null;
select crm_enable_rls('email_messages');

-- Mailbox files brought in over HTTP or the CLI, and what became of their messages.
create table email_imports (
  id          uuid primary key,
  company_id  uuid not null references companies (id) on delete cascade,
  name        text not null,
  format      text not null check (format in ('mbox', 'eml')),
  size        bigint not null,
  blob_key    text not null,
  job_id      uuid,
  status      text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  -- Just past the start of the last message done: a restarted import skips what starts before it.
  offset_done bigint not null default 0,
  messages    integer not null default 0,
  stored      integer not null default 0,
  duplicates  integer not null default 0,
  skipped     integer not null default 0,
  failed      integer not null default 0,
  skipped_reasons jsonb not null default '{}',
  failures    jsonb not null default '[]',
  error       text,
  created_by  text,
  created_at  timestamptz not null default now(),
  finished_at timestamptz
);
create index email_imports_company_idx on email_imports (company_id, created_at desc);
select crm_enable_rls('email_imports');
