-- Quotes: one row per quote on the customer's company, its versions (every change a new
-- version, the lines as asked and the calculation as it came out, so an old version reads the
-- same forever), and the numbers the own company gives them (one sequence per year).

create table pricing_quotes (
  id                uuid primary key,
  company_id        uuid not null references companies (id) on delete cascade,
  -- "2026-0042": the year and the own company's running number.
  number            text not null,
  status            text not null default 'draft' check (status in ('draft', 'sent', 'accepted', 'rejected', 'expired')),
  lang              text not null default 'da' check (lang in ('da', 'en')),
  current_version   integer not null default 1,
  valid_until       date not null,
  -- An estimate made from a visitor's question in the chat (a draft for staff), and where it came from.
  estimate          boolean not null default false,
  conversation_id   uuid,
  title             text,
  created_by        text not null,
  sent_at           timestamptz,
  -- Acceptance online: the customer's name, when and from which address, and the optional lines chosen.
  accepted_at       timestamptz,
  accepted_by       text,
  accepted_ip       text,
  accepted_version  integer,
  rejected_at       timestamptz,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now()
);
create index pricing_quotes_company_idx on pricing_quotes (company_id, created_at desc);
select crm_enable_rls('pricing_quotes');
create trigger pricing_quotes_touch before update on pricing_quotes for each row execute function crm_touch_updated_at();

create table pricing_quote_versions (
  company_id         uuid not null references companies (id) on delete cascade,
  quote_id           uuid not null references pricing_quotes (id) on delete cascade,
  version            integer not null check (version >= 1),
  -- The lines as asked (LineInput[]) and the items they were priced from, as they were then.
  lines              jsonb not null,
  items              jsonb not null,
  -- The customer's agreement the version was priced with (null: list prices).
  agreement          jsonb,
  total_discount_bp  integer not null default 0 check (total_discount_bp between 0 and 10000),
  rounding           text not null check (rounding in ('line', 'total')),
  -- The calculation (QuoteTotals), kept as computed: totals never change under an old quote.
  totals             jsonb not null,
  notes              text,
  created_by         text not null,
  created_at         timestamptz not null default now(),
  primary key (quote_id, version)
);
select crm_enable_rls('pricing_quote_versions');

-- The own company's quote numbers, per year.
create table pricing_quote_numbers (
  company_id  uuid not null references companies (id) on delete cascade,
  year        integer not null,
  last        integer not null,
  primary key (company_id, year)
);
select crm_enable_rls('pricing_quote_numbers');
