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

-- crm_enable_rls, as before, and now also lets crm_app (and Supabase's authenticated role)
-- use the table's own sequences (serial and identity columns), which plugin tables often have.
create or replace function crm_enable_rls(tbl regclass) returns void
language plpgsql as $$
declare
  col text := case when tbl = 'public.companies'::regclass then 'id' else 'company_id' end;
  seq regclass;
begin
  execute format('alter table %s enable row level security', tbl);
  execute format('drop policy if exists crm_app_scope on %s', tbl);
  execute format(
    'create policy crm_app_scope on %s for all to crm_app
       using ((select crm_scope_all()) or %2$I = any((select crm_scope_ids())::uuid[]))
       with check ((select crm_scope_all()) or %2$I = any((select crm_scope_ids())::uuid[]))', tbl, col);
  execute format('grant select, insert, update, delete on %s to crm_app', tbl);
  for seq in
    select d.objid::regclass from pg_depend d join pg_class s on s.oid = d.objid
    where d.refobjid = tbl and d.classid = 'pg_class'::regclass and s.relkind = 'S' and d.deptype in ('a', 'i')
  loop
    execute format('grant usage, select on sequence %s to crm_app', seq);
    if exists (select from pg_roles where rolname = 'authenticated') then
      execute format('grant usage, select on sequence %s to authenticated', seq);
    end if;
  end loop;
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
