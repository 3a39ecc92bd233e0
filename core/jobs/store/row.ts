import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/types.ts';
import type { Job, JobStatus } from '../types.ts';

/**
 * The statements here return `to_jsonb(jobs.*)`: one JSON value per row, with ISO 8601
 * timestamps and parsed JSON columns, the same from PGlite and postgres.js (whose raw
 * timestamp strings differ and don't all parse with `new Date`).
 */
export const JOB_JSON = sql.raw('to_jsonb(jobs.*) as job');

interface JobJson {
  id: string;
  name: string;
  payload: unknown;
  company_id: string | null;
  idempotency_key: string | null;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  progress_done: number | null;
  progress_total: number | null;
  progress_message: string | null;
  last_error: string | null;
  result: unknown;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

/** The jobs of a statement that returned `JOB_JSON`. */
export function jobsOf(result: unknown): Job[] {
  return rowsOf<{ job: JobJson | string }>(result).map(({ job }) => toJob(typeof job === 'string' ? (JSON.parse(job) as JobJson) : job));
}

function toJob(row: JobJson): Job {
  return {
    id: row.id,
    name: row.name,
    payload: row.payload,
    companyId: row.company_id,
    idempotencyKey: row.idempotency_key,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: new Date(row.run_at),
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
    progress: { done: row.progress_done, total: row.progress_total, message: row.progress_message },
    lastError: row.last_error,
    result: row.result,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
  };
}

/** "Now" in SQL: the given clock reading, else the database clock (one for every worker). */
export function nowSql(now: Date | undefined): SQL {
  return now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
}

/** A duration in milliseconds as an SQL interval. */
export function msSql(ms: number): SQL {
  return sql`(${Math.max(0, Math.round(ms))}::double precision * interval '1 millisecond')`;
}

/** The lease a worker holds on a claimed job: what the fenced updates match on. */
export type JobLease = Pick<Job, 'id' | 'lockedBy' | 'attempts'>;

/**
 * Matches the job only while this lease still holds it: a worker whose lease expired and
 * whose job was claimed again (a new attempt, maybe by another worker) changes nothing.
 */
export function leaseHeld(lease: JobLease): SQL {
  return sql`id = ${lease.id} and status = 'running' and locked_by = ${lease.lockedBy} and attempts = ${lease.attempts}`;
}

/** Text as Postgres takes it: no NUL characters (text columns refuse them), bounded length. */
export function cleanText(text: string, max: number): string {
  const clean = text.replaceAll('\u0000', '\uFFFD');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
