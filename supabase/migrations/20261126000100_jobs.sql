-- The job queue (core/jobs): background work claimed with FOR UPDATE SKIP LOCKED, so any
-- number of worker processes on any number of machines can share one Postgres.
--
-- A job is a system row, not customer data: company_id only says whose work it is (for
-- GET /api/jobs/{id}) and has no foreign key, so a job outlives a deleted or merged company
-- and the table is not a customer table (core/db/catalog). Like api_keys, RLS is on with no
-- policies: Supabase's anon/authenticated roles see nothing, and crm_app has no grant.
--
-- Life of a job: queued → running (claimed; attempts + 1; a lease until locked_until)
--   → succeeded, or → failed (waiting for its retry at run_at, after a backoff; claimed like
--   a queued job), or → dead (the dead letter, with last_error). A running job whose lease
--   expired (its worker died or hung) is claimed again by the next worker, or dead-lettered
--   when it has used all its attempts.
-- Timestamps are written by the queue code (the database clock, or a test clock), so
-- there is no updated_at trigger here.
create table jobs (
  id               uuid primary key default gen_random_uuid(),
  name             text not null check (name ~ '^[A-Za-z][A-Za-z0-9_.:-]{0,99}$'),
  payload          jsonb not null default '{}'::jsonb,
  company_id       uuid,
  -- Unique when set (NULLs never collide): enqueueing the same key twice makes one job.
  idempotency_key  text unique check (length(idempotency_key) between 1 and 200),
  status           text not null default 'queued'
                   check (status in ('queued', 'running', 'succeeded', 'failed', 'dead')),
  attempts         integer not null default 0 check (attempts >= 0),
  max_attempts     integer not null default 5 check (max_attempts between 1 and 100),
  -- When the job may run next: the schedule, then the backoff after each failure.
  run_at           timestamptz not null default now(),
  -- The lease: which worker holds the job, and until when it counts as alive.
  locked_by        text,
  locked_until     timestamptz,
  progress_done    integer check (progress_done >= 0),
  progress_total   integer check (progress_total >= 0),
  progress_message text,
  last_error       text,
  result           jsonb,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  finished_at      timestamptz,
  check ((status = 'running') = (locked_by is not null and locked_until is not null))
);

-- Claiming reads queued/failed jobs by run_at and running jobs by status (then the lease);
-- finished jobs, most rows over time, sit in other status ranges of the index.
create index jobs_claim_idx on jobs (status, run_at);
create index jobs_company_idx on jobs (company_id) where company_id is not null;

alter table jobs enable row level security;
