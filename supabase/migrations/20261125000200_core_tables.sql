-- Core, part 2: the customer key (companies) and the first customer tables, plus the
-- system tables of the core. Customer tables carry company_id (NOT NULL, FK to companies,
-- an index that starts with it) and the standard row level security (crm_enable_rls).
-- System tables enable RLS without policies, so Supabase's anon/authenticated roles,
-- which get table grants by default there, see nothing in them.

create table companies (
  id          uuid primary key default gen_random_uuid(),
  name        text not null check (length(btrim(name)) between 1 and 300),
  kind        text not null default 'business' check (kind in ('self', 'business', 'private', 'visitor')),
  domain      text check (domain = lower(domain) and domain ~ '^[a-z0-9.-]+\.[a-z0-9-]+$'),
  cvr         text check (cvr ~ '^[0-9]{8}$'),
  website_url text,
  stage       text not null default 'new'
              check (stage in ('new', 'lead', 'qualified', 'proposal', 'negotiation', 'customer', 'lost', 'inactive')),
  score       integer check (score between 0 and 100),
  attributes  jsonb not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create unique index companies_domain_key on companies (domain) where domain is not null;
create unique index companies_cvr_key on companies (cvr) where cvr is not null;
create unique index companies_one_self on companies (kind) where kind = 'self';
create index companies_name_idx on companies (lower(name));
-- `q` searches name and domain by substring (ILIKE '%…%'): trigram indexes keep that fast.
-- The operator class lives wherever pg_trgm was installed (public, or extensions on Supabase).
do $$
declare ext_schema text := (select extnamespace::regnamespace::text from pg_extension where extname = 'pg_trgm');
begin
  execute format('create index companies_name_trgm_idx on companies using gin (name %I.gin_trgm_ops)', ext_schema);
  execute format('create index companies_domain_trgm_idx on companies using gin (domain %I.gin_trgm_ops)', ext_schema);
end
$$;
-- Under RLS, Postgres won't use an index for a non-leakproof operator such as ILIKE, so a
-- scoped search would read every row. This definer function finds the candidate ids with
-- the indexes; the caller's query (as crm_app) still applies the company scope to them.
create or replace function crm_company_ids_matching(pattern text) returns setof uuid
language sql stable security definer set search_path = public as $$
  select id from companies where name ilike pattern or domain ilike pattern
$$;
revoke all on function crm_company_ids_matching(text) from public;
grant execute on function crm_company_ids_matching(text) to crm_app;
create trigger companies_touch before update on companies
  for each row execute function crm_touch_updated_at();
select crm_enable_rls('companies');

create table contacts (
  id          uuid primary key default gen_random_uuid(),
  company_id  uuid not null references companies (id) on delete cascade,
  name        text check (length(name) <= 300),
  email       text check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
  phone       text check (length(phone) <= 50),
  role        text check (length(role) <= 200),
  attributes  jsonb not null default '{}'::jsonb check (jsonb_typeof(attributes) = 'object'),
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index contacts_company_idx on contacts (company_id, id);
create unique index contacts_email_key on contacts (email) where email is not null;
create trigger contacts_touch before update on contacts
  for each row execute function crm_touch_updated_at();
select crm_enable_rls('contacts');

-- The customer timeline: everything that happened with a company, from every source.
create table events (
  id          uuid primary key default gen_random_uuid(),
  company_id  uuid not null references companies (id) on delete cascade,
  type        text not null check (type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  occurred_at timestamptz(3) not null default now(),
  actor       text,
  payload     jsonb not null default '{}'::jsonb,
  created_at  timestamptz not null default now()
);
create index events_company_time_idx on events (company_id, occurred_at desc, id desc);
select crm_enable_rls('events');

-- API keys: only a SHA-256 hash of the secret is stored. company_ids restricts the key
-- to those companies (null = all). Read by the core as the connecting role, never by crm_app.
create table api_keys (
  id           uuid primary key default gen_random_uuid(),
  name         text not null check (length(btrim(name)) between 1 and 200),
  prefix       text not null,
  secret_hash  text not null unique,
  scopes       text[] not null check (cardinality(scopes) > 0 and scopes <@ array['admin', 'crm:read', 'crm:write']),
  company_ids  uuid[],
  created_by   text,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at   timestamptz,
  revoked_at   timestamptz
);
alter table api_keys enable row level security;

-- When companies merge, keys restricted to the merged-away company follow it. crm_app
-- can't touch api_keys, so this narrow definer function does it, and only for two
-- companies that are both inside the calling transaction's scope.
create or replace function crm_retarget_key_scopes(from_id uuid, into_id uuid) returns integer
language sql security definer set search_path = public as $$
  with changed as (
    update api_keys
       set company_ids = array(select distinct unnest(array_replace(company_ids, from_id, into_id)))
     where from_id = any(company_ids)
       and (crm_scope_all() or (from_id = any(crm_scope_ids()) and into_id = any(crm_scope_ids())))
    returning 1
  )
  select count(*)::int from changed
$$;
revoke all on function crm_retarget_key_scopes(uuid, uuid) from public;
grant execute on function crm_retarget_key_scopes(uuid, uuid) to crm_app;

-- Who did what, when. Rows outlive the companies they mention, so no foreign key.
create table audit_log (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  actor       text not null,
  action      text not null,
  target_type text,
  target_id   text,
  company_id  uuid,
  request_id  text,
  details     jsonb not null default '{}'::jsonb
);
create index audit_log_company_idx on audit_log (company_id, at desc);
create index audit_log_at_idx on audit_log (at desc);
alter table audit_log enable row level security;
-- Scoped transactions (crm_app) append to the audit log in the same transaction as the
-- write they record, but can't read or change it.
grant insert on audit_log to crm_app;
create policy crm_app_append on audit_log for insert to crm_app with check (true);

-- Private key/value state of plugins (cursors, sync tokens), not customer data.
create table plugin_kv (
  plugin_id  text not null,
  key        text not null,
  value      jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (plugin_id, key)
);
alter table plugin_kv enable row level security;

-- Supabase grants EXECUTE on new functions to anon and authenticated by default privileges;
-- the definer functions above are for crm_app only.
do $$
declare r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role'] loop
    if exists (select from pg_roles where rolname = r) then
      execute format('revoke all on function crm_retarget_key_scopes(uuid, uuid) from %I', r);
      execute format('revoke all on function crm_company_ids_matching(text) from %I', r);
    end if;
  end loop;
end
$$;
