-- Rate limits that hold across every server on one database (the scale-out path): a counter
-- per key and fixed window, and concurrency slots (open event streams) held under a lease that
-- their holder renews, so a crashed server's slots free themselves. System tables: RLS on with
-- no policies, so Supabase's anon/authenticated roles see nothing and crm_app has no grant.
create table rate_limits (
  key          text primary key check (length(key) between 1 and 400),
  window_start timestamptz not null,
  window_ms    integer not null check (window_ms > 0),
  count        integer not null check (count >= 0)
);
create index rate_limits_window_idx on rate_limits (window_start);
alter table rate_limits enable row level security;

create table rate_limit_slots (
  key        text not null check (length(key) between 1 and 400),
  holder     text not null,
  expires_at timestamptz not null,
  primary key (key, holder)
);
create index rate_limit_slots_expiry_idx on rate_limit_slots (expires_at);
alter table rate_limit_slots enable row level security;
