-- An empty company list must never read as "every company": a key is unrestricted (null) or
-- restricted to at least one company. (A key stored with an empty list, which no version of the
-- API wrote, is revoked and pointed at the nil UUID, a company that can't exist.)
update api_keys set revoked_at = coalesce(revoked_at, now()), company_ids = array['00000000-0000-0000-0000-000000000000']::uuid[]
 where company_ids = '{}';
alter table api_keys add constraint api_keys_company_ids_not_empty check (company_ids is null or cardinality(company_ids) > 0);
