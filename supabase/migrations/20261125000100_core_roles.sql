-- Core, part 1: extensions, the application role and the scoping helpers used by every
-- row level security policy. Runs on PostgreSQL 15 to 18, PGlite and Supabase.

-- pgvector powers hybrid search; pg_trgm makes substring search on names use an index.
-- Supabase keeps extensions in the `extensions` schema.
do $$
begin
  if exists (select from pg_namespace where nspname = 'extensions') then
    create extension if not exists vector with schema extensions;
    create extension if not exists pg_trgm with schema extensions;
  else
    create extension if not exists vector;
    create extension if not exists pg_trgm;
  end if;
exception
  when undefined_file or feature_not_supported then
    raise exception 'the pgvector (vector) or pg_trgm extension is not installed on this server: run scripts/install-pgvector.sh (Debian, with postgresql-contrib) or enable them in Supabase, then migrate again';
end
$$;

-- crm_app: the role every scoped transaction switches to (SET LOCAL ROLE). It owns nothing,
-- is not a superuser and does not bypass row level security. Roles are cluster-wide, so
-- several databases on one server share it; creation tolerates a concurrent creator.
do $$
begin
  if not exists (select from pg_roles where rolname = 'crm_app') then
    begin
      create role crm_app nologin nosuperuser nobypassrls;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  -- The migrating role must be able to SET ROLE crm_app. On PostgreSQL 16+ the creator of
  -- a role is only an ADMIN member without the SET option (Supabase's postgres is not a
  -- superuser), so grant it explicitly.
  begin
    if current_setting('server_version_num')::int >= 160000 then
      execute format('grant crm_app to %I with set true, inherit false', current_user);
    else
      execute format('grant crm_app to %I', current_user);
    end if;
  exception when others then
    -- A concurrent migrator in another database may have granted it first.
    if not pg_has_role(current_user, 'crm_app', 'member') then raise; end if;
  end;
end
$$;

grant usage on schema public to crm_app;

-- The company scope of the current transaction, set by the core with
-- set_config('app.company_ids', '<uuid>,<uuid>' | '*', true).
create or replace function crm_scope_all() returns boolean
language sql stable parallel safe as $$
  select coalesce(current_setting('app.company_ids', true), '') = '*'
$$;

create or replace function crm_scope_ids() returns uuid[]
language sql stable parallel safe as $$
  select case
    when coalesce(current_setting('app.company_ids', true), '') in ('', '*') then '{}'::uuid[]
    else string_to_array(current_setting('app.company_ids', true), ',')::uuid[]
  end
$$;

-- Supabase Auth: staff JWTs carry app_metadata.crm_role ('admin' | 'staff' | 'viewer') and,
-- optionally, app_metadata.company_ids (a restriction). PostgREST exposes the claims as
-- request.jwt.claims; elsewhere the setting is absent and these return "no access".
create or replace function crm_jwt_app_metadata() returns jsonb
language sql stable parallel safe as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb -> 'app_metadata', '{}'::jsonb)
$$;

create or replace function crm_jwt_company_ids() returns uuid[]
language sql stable parallel safe as $$
  select case when jsonb_typeof(crm_jwt_app_metadata() -> 'company_ids') = 'array'
    then array(select jsonb_array_elements_text(crm_jwt_app_metadata() -> 'company_ids'))::uuid[]
    else null end
$$;

create or replace function crm_jwt_sees(company uuid) returns boolean
language sql stable parallel safe as $$
  select crm_jwt_app_metadata() ->> 'crm_role' in ('admin', 'staff', 'viewer')
     and (crm_jwt_company_ids() is null or company = any(crm_jwt_company_ids()))
$$;

create or replace function crm_jwt_writes(company uuid) returns boolean
language sql stable parallel safe as $$
  select crm_jwt_sees(company) and crm_jwt_app_metadata() ->> 'crm_role' in ('admin', 'staff')
$$;

-- Puts a customer table under the standard policies. The scope functions are wrapped in
-- scalar subqueries so Postgres evaluates them once per statement (an InitPlan), not once
-- per row, and can still use the company_id index. Every customer table (core and
-- plugin) calls this once after creating the table: `select crm_enable_rls('my_table');`
create or replace function crm_enable_rls(tbl regclass) returns void
language plpgsql as $$
declare
  col text := case when tbl = 'public.companies'::regclass then 'id' else 'company_id' end;
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('drop policy if exists crm_app_scope on %s', tbl);
  execute format(
    'create policy crm_app_scope on %s for all to crm_app
       using ((select crm_scope_all()) or %2$I = any((select crm_scope_ids())::uuid[]))
       with check ((select crm_scope_all()) or %2$I = any((select crm_scope_ids())::uuid[]))', tbl, col);
  execute format('grant select, insert, update, delete on %s to crm_app', tbl);
  if exists (select from pg_roles where rolname = 'authenticated') then
    execute format('drop policy if exists crm_staff_read on %s', tbl);
    execute format('create policy crm_staff_read on %s for select to authenticated using (crm_jwt_sees(%I))', tbl, col);
    execute format('drop policy if exists crm_staff_write on %s', tbl);
    execute format(
      'create policy crm_staff_write on %s for all to authenticated
         using (crm_jwt_writes(%2$I)) with check (crm_jwt_writes(%2$I))', tbl, col);
  end if;
end
$$;

-- Keeps updated_at honest without trusting callers.
create or replace function crm_touch_updated_at() returns trigger
language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end
$$;
