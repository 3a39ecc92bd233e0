-- The transactional outbox (issue 15): a write and the job it needs commit together. Scoped
-- transactions run as crm_app, which may not touch the jobs table, so enqueueing goes through
-- this definer function; it applies the caller's company scope itself (docs/adr/0005): a job
-- for a company outside the scope, or one without a company from a scoped caller, is refused.
-- With an idempotency key already used, the existing job's id is returned when it belongs to
-- the same company; a key of another company's job is refused without saying whose it is.
create or replace function crm_enqueue_job(p_id uuid, p_name text, p_payload jsonb, p_company_id uuid,
                                           p_idempotency_key text, p_max_attempts integer, p_run_at timestamptz)
returns uuid
language plpgsql volatile security definer set search_path = public as $$
declare
  v_id uuid;
  v_company uuid;
begin
  if not crm_scope_all() and (p_company_id is null or not (p_company_id = any(crm_scope_ids()))) then
    raise exception 'A job may only be queued for a company in the caller''s scope' using errcode = '42501';
  end if;
  insert into jobs (id, name, payload, company_id, idempotency_key, max_attempts, run_at)
  values (p_id, p_name, p_payload, p_company_id, p_idempotency_key, p_max_attempts, coalesce(p_run_at, now()))
  on conflict (idempotency_key) do nothing
  returning id into v_id;
  if v_id is null then
    select id, company_id into v_id, v_company from jobs where idempotency_key = p_idempotency_key;
    if v_company is distinct from p_company_id then
      raise exception 'The idempotency key is already in use' using errcode = '23505';
    end if;
  end if;
  return v_id;
end
$$;
revoke all on function crm_enqueue_job(uuid, text, jsonb, uuid, text, integer, timestamptz) from public;
grant execute on function crm_enqueue_job(uuid, text, jsonb, uuid, text, integer, timestamptz) to crm_app;
do $$
declare r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role'] loop
    if exists (select from pg_roles where rolname = r) then
      execute format('revoke all on function crm_enqueue_job(uuid, text, jsonb, uuid, text, integer, timestamptz) from %I', r);
    end if;
  end loop;
end
$$;
