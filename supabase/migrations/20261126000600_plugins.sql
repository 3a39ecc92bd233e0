-- Plugin host: blobs, the files of a company (uploads, crawled pages, attachments) by owning
-- plugin, kept in the database so PGlite, Postgres and Supabase behave alike and a backup holds
-- everything. (Plugins' private key-value state, plugin_kv, came with the core tables.)

create table blobs (
  company_id   uuid not null references companies (id) on delete cascade,
  owner        text not null check (owner ~ '^[a-z][a-z0-9-]*$'),
  key          text not null check (length(key) between 1 and 500),
  content_type text not null,
  size         integer not null check (size >= 0),
  sha256       text not null,
  data         bytea not null,
  created_at   timestamptz not null default now(),
  primary key (company_id, owner, key)
);
select crm_enable_rls('blobs');
