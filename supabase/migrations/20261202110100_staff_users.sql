-- Staff of the embedded default (with Supabase, its Auth users are the staff): people who sign
-- in to the intranet with a password or a one-time sign-in link, with a role and optionally a
-- restriction to some companies, like an API key. System tables: RLS on without policies, so
-- Supabase's anon/authenticated roles see nothing and crm_app has no grant.
create table staff_users (
  id            uuid primary key,
  email         text not null unique check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
  name          text not null check (length(btrim(name)) between 1 and 200),
  role          text not null check (role in ('admin', 'staff', 'viewer')),
  company_ids   uuid[] check (company_ids is null or cardinality(company_ids) > 0),
  -- scrypt$<N>$<r>$<p>$<salt>$<hash>, or null for link-only sign-in.
  password_hash text,
  created_at    timestamptz not null default now(),
  disabled_at   timestamptz,
  check (role <> 'admin' or company_ids is null)
);
alter table staff_users enable row level security;

-- One-time sign-in links: only the SHA-256 of the code is kept; a code is used once.
create table staff_signin_codes (
  code_hash  text primary key check (code_hash ~ '^[0-9a-f]{64}$'),
  user_id    uuid not null references staff_users (id) on delete cascade,
  expires_at timestamptz not null,
  used_at    timestamptz,
  created_at timestamptz not null default now()
);
create index staff_signin_codes_user_idx on staff_signin_codes (user_id);
alter table staff_signin_codes enable row level security;

-- Secrets the servers of one database share (the key that signs staff and embed tokens), made
-- at the first start. Never leaves the database.
create table server_secrets (
  name       text primary key,
  value      text not null,
  created_at timestamptz not null default now()
);
alter table server_secrets enable row level security;

-- Who on the staff looks after a company (an actor: user:<id>), and when anything last happened
-- with it (kept by a trigger on the timeline, so lists can sort and filter by it).
alter table companies add column assigned_to text check (length(assigned_to) <= 200);
alter table companies add column last_activity_at timestamptz;
update companies c set last_activity_at = (select max(occurred_at) from events e where e.company_id = c.id);
create index companies_activity_idx on companies ((coalesce(last_activity_at, created_at)) desc, id desc);
create index companies_assigned_idx on companies (assigned_to) where assigned_to is not null;

create or replace function crm_note_company_activity() returns trigger
language plpgsql as $$
begin
  update companies set last_activity_at = new.occurred_at
   where id = new.company_id and (last_activity_at is null or last_activity_at < new.occurred_at);
  return new;
end
$$;
create trigger events_company_activity after insert on events
  for each row execute function crm_note_company_activity();

-- updated_at is the time of the last edit: a new timeline event is not one.
create or replace function crm_touch_company() returns trigger
language plpgsql as $$
begin
  if (to_jsonb(new) - 'last_activity_at' - 'updated_at') is distinct from (to_jsonb(old) - 'last_activity_at' - 'updated_at') then
    new.updated_at := now();
  end if;
  return new;
end
$$;
drop trigger companies_touch on companies;
create trigger companies_touch before update on companies
  for each row execute function crm_touch_company();
