-- Idempotency-Key (core/idempotency): what a POST did, so that a client that lost the answer
-- (a reset, a timeout) can send the same request again without doing it twice. The row is
-- written in the same transaction as the request's scoped writes, so "it committed" and "the
-- key is known" are one fact; the answer is stored after. Kept 24 hours.
-- System table: RLS on, crm_app may only append (like audit_log); reads go through the
-- connecting role, for the actor that sent the request.
create table idempotency_keys (
  actor        text not null check (length(actor) between 1 and 300),
  key          text not null check (length(key) between 1 and 255),
  fingerprint  text not null check (length(fingerprint) = 64),
  status       integer check (status between 100 and 599),
  content_type text,
  location     text,
  body         text,
  created_at   timestamptz not null default now(),
  primary key (actor, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
alter table idempotency_keys enable row level security;
grant insert on idempotency_keys to crm_app;
create policy crm_app_record on idempotency_keys for insert to crm_app with check (true);
