-- One row per uploaded file: belongs to the own company (whose file it is), like all plugin
-- tables scoped by company_id with the core's row level security.
create table csv_leads_imports (
  id                uuid primary key default gen_random_uuid(),
  company_id        uuid not null references companies (id) on delete cascade,
  file_name         text not null,
  status            text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  rows              integer not null default 0,
  imported          integer not null default 0,
  companies_created integer not null default 0,
  contacts_created  integer not null default 0,
  contacts_updated  integer not null default 0,
  bad_rows          integer not null default 0,
  -- The first bad rows with their line numbers and what is wrong (capped by the plugin's config).
  problems          jsonb not null default '[]',
  ignored_columns   text[] not null default '{}',
  error             text,
  job_id            uuid,
  created_at        timestamptz not null default now(),
  finished_at       timestamptz
);
create index csv_leads_imports_company_idx on csv_leads_imports (company_id, created_at desc);
select crm_enable_rls('csv_leads_imports');
