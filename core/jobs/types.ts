import type { Database } from '../db/types.ts';
import type { Logger } from '../log/index.ts';

/**
 * Where a job is in its life:
 * - `queued`: waiting for its `runAt`;
 * - `running`: held by a worker under a lease;
 * - `failed`: the last attempt failed, the next waits for `runAt` (the backoff);
 * - `succeeded`: done, with `result`;
 * - `dead`: gave up (attempts used up, or a permanent error): the dead letter, see `lastError`.
 */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** How far a running job has come, as its handler last reported it. */
export interface JobProgress {
  done: number | null;
  total: number | null;
  message: string | null;
}

/** A row of the `jobs` table. */
export interface Job<P = unknown> {
  id: string;
  name: string;
  payload: P;
  /** Whose work this is (who may read it over HTTP); null for system work. */
  companyId: string | null;
  idempotencyKey: string | null;
  status: JobStatus;
  /** Attempts started so far, the running one included. */
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  progress: JobProgress;
  /** The error of the latest failed attempt; kept after a later success, as history. */
  lastError: string | null;
  result: unknown;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/**
 * The time the queue reads instead of the database's `now()`. Tests pass one to step over
 * backoffs and leases without sleeping; production leaves it out, so every worker on every
 * machine judges leases by the one database clock, whatever its own clock says.
 *
 * @example
 * let t = Date.now();
 * const clock: Clock = () => new Date(t);
 * t += 60_000; // a minute later, at once
 */
export type Clock = () => Date;

/** What a handler gets besides its payload. */
export interface JobContext<P = unknown> {
  /** The job as claimed (`attempts` counts this attempt). */
  job: Job<P>;
  /**
   * Reports progress, visible through `getJob` and GET /api/jobs/{id}. Cheap to call often:
   * writes are coalesced (the latest report wins). Never throws.
   */
  progress(done: number, total: number, message?: string): Promise<void>;
  /** Aborted when the job times out, its lease is lost, or the worker gives up on it. */
  signal: AbortSignal;
  /** The database the worker runs on; customer data only through `scope(db, [companyId])`. */
  db: Database;
  logger: Logger;
}

/**
 * The code that does one kind of job. What it returns (JSON) is stored as the job's result;
 * what it throws fails the attempt (retried with backoff, then dead-lettered). It should
 * honour `signal`: a handler that ignores it is abandoned after the timeout but keeps
 * running in the background until it returns.
 */
export type JobHandler<P = any> = (payload: P, context: JobContext<P>) => unknown | Promise<unknown>;

/** Handlers by job name. */
export type JobHandlers = Readonly<Record<string, JobHandler>>;
