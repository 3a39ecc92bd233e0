-- A security definer function runs past row level security, so one that crm_app may call must
-- apply the transaction's company scope itself (docs/adr/0005). crm_company_ids_matching helps a
-- scoped name search use the trigram indexes; it now returns only ids inside the scope, so it is
-- no longer a LIKE oracle on every company's name and domain.
create or replace function crm_company_ids_matching(pattern text) returns setof uuid
language sql stable security definer set search_path = public as $$
  select id from companies
  where (name ilike pattern or domain ilike pattern)
    and (crm_scope_all() or id = any(crm_scope_ids()))
$$;
revoke all on function crm_company_ids_matching(text) from public;
grant execute on function crm_company_ids_matching(text) to crm_app;
do $$
declare r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role'] loop
    if exists (select from pg_roles where rolname = r) then
      execute format('revoke all on function crm_company_ids_matching(text) from %I', r);
    end if;
  end loop;
end
$$;
