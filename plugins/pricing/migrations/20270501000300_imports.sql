-- Price list imports: each dry run as it was shown (items to create, updates with their field
-- changes, unchanged, items to archive, line-level errors), the plan that applies exactly that,
-- and a digest of the live price list it was made against: apply refuses when the list has
-- changed since, and applies an import once.

create table pricing_imports (
  id            uuid primary key,
  -- Always the own company (kind self), whose price list it is.
  company_id    uuid not null references companies (id) on delete cascade,
  name          text not null check (length(name) between 1 and 255),
  format        text not null check (format in ('csv', 'xlsx')),
  mode          text not null check (mode in ('merge', 'replace')),
  -- The dry run as the API shows it.
  diff          jsonb not null,
  -- What apply writes: { create: [item], update: [{ id, item }], archive: [id] }, items as the API takes them.
  plan          jsonb not null,
  -- sha256 of the live items (ids and every field) at the dry run.
  list_digest   text not null,
  error_count   integer not null check (error_count >= 0),
  created_by    text not null,
  created_at    timestamptz not null default now(),
  applied_at    timestamptz,
  applied_by    text,
  -- { created, updated, archived, unchanged, skipped_rows }
  result        jsonb
);
create index pricing_imports_company_idx on pricing_imports (company_id, created_at desc);
select crm_enable_rls('pricing_imports');
