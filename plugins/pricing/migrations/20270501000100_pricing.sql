-- The pricing plugin: the own company's price list (items with quantity breaks, minimum
-- quantities, add-ons, validity and a VAT class), customers' agreements (their own prices or a
-- discount), and quotes with their versions. Money is whole øre (bigint), quantities are
-- thousandths of a unit, percentages basis points: no floating point anywhere.

create table pricing_items (
  id              uuid primary key,
  -- Always the own company (kind self): the price list is the business's.
  company_id      uuid not null references companies (id) on delete cascade,
  sku             text not null check (length(sku) between 1 and 64),
  name_da         text not null check (length(name_da) between 1 and 300),
  name_en         text not null check (length(name_en) between 1 and 300),
  synonyms        jsonb not null default '[]',
  unit            text not null,
  unit_price_ore  bigint not null check (unit_price_ore >= 0),
  vat_class       text not null default 'standard' check (vat_class in ('standard', 'exempt')),
  -- [{ minQuantity, unitPriceOre }] ascending by minQuantity.
  breaks          jsonb not null default '[]',
  min_quantity    bigint check (min_quantity > 0),
  add_ons         jsonb not null default '[]',
  valid_from      date,
  valid_to        date,
  public          boolean not null default true,
  archived_at     timestamptz,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
-- One live item per SKU (an archived one keeps its SKU for old quotes).
create unique index pricing_items_sku_idx on pricing_items (company_id, lower(sku)) where archived_at is null;
select crm_enable_rls('pricing_items');
create trigger pricing_items_touch before update on pricing_items for each row execute function crm_touch_updated_at();

-- A customer's agreement: its own net prices by SKU and/or a discount on everything else.
create table pricing_agreements (
  id           uuid primary key,
  company_id   uuid not null references companies (id) on delete cascade,
  prices       jsonb not null default '{}',
  discount_bp  integer not null default 0 check (discount_bp between 0 and 10000),
  valid_from   date,
  valid_to     date,
  note         text,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
-- Not unique: merging two companies with agreements must not be refused; the newest applies.
create index pricing_agreements_company_idx on pricing_agreements (company_id, created_at desc);
select crm_enable_rls('pricing_agreements');
create trigger pricing_agreements_touch before update on pricing_agreements for each row execute function crm_touch_updated_at();
