-- Blobs may keep their bytes outside the database (a folder under DATA_DIR, or Supabase
-- Storage): the row stays the one record of which company a file belongs to, and says where
-- its bytes are. Rows written before this keep their bytes in `data`.
alter table blobs alter column data drop not null;
alter table blobs alter column size type bigint;
alter table blobs add column store text not null default 'database' check (store in ('database', 'folder', 'supabase'));
alter table blobs add column location text;
alter table blobs add constraint blobs_bytes_somewhere check ((store = 'database') = (data is not null) and (store = 'database') = (location is null));

-- On Supabase, files in the storage bucket sit under `<company_id>/…`: staff signed in with
-- their own session may read (and the CRM's writers write) only the companies their token
-- names, as on every table (crm_jwt_sees / crm_jwt_writes). The server itself uses the
-- service role. Elsewhere (PGlite, plain PostgreSQL) there is no storage schema and nothing
-- to do.
-- The company of a storage object: the first segment of its name when that is a uuid, else null.
create or replace function crm_blob_company(name text) returns uuid
language sql immutable parallel safe as $$
  select case when split_part(name, '/', 1) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              then split_part(name, '/', 1)::uuid end
$$;

-- The default bucket is `crm-blobs` (BLOB_BUCKET); a deployment that names another edits the
-- three policies below.
do $$
begin
  if exists (select from pg_namespace where nspname = 'storage') and exists (select from pg_roles where rolname = 'authenticated') then
    execute $p$drop policy if exists crm_blobs_read on storage.objects$p$;
    execute $p$create policy crm_blobs_read on storage.objects for select to authenticated
      using (bucket_id = 'crm-blobs' and crm_blob_company(name) is not null and crm_jwt_sees(crm_blob_company(name)))$p$;
    execute $p$drop policy if exists crm_blobs_write on storage.objects$p$;
    execute $p$create policy crm_blobs_write on storage.objects for insert to authenticated
      with check (bucket_id = 'crm-blobs' and crm_blob_company(name) is not null and crm_jwt_writes(crm_blob_company(name)))$p$;
    execute $p$drop policy if exists crm_blobs_delete on storage.objects$p$;
    execute $p$create policy crm_blobs_delete on storage.objects for delete to authenticated
      using (bucket_id = 'crm-blobs' and crm_blob_company(name) is not null and crm_jwt_writes(crm_blob_company(name)))$p$;
  end if;
end
$$;
