/**
 * The job queue: background work in the `jobs` table of the one Postgres (or PGlite),
 * claimed with `FOR UPDATE SKIP LOCKED` under a lease that heartbeats extend, retried with
 * exponential backoff, dead-lettered with the last error, idempotent by key, with progress.
 *
 * - Enqueue: `enqueue(db, name, payload, { idempotencyKey, runAt, maxAttempts, companyId })`, or
 *   `enqueueInTransaction(tx, …)` in the transaction of the write that needs the job (the outbox).
 * - Define what a job does: `defineJob(name, handler)` (registry.ts).
 * - Run them: `createWorker({ db, handlers: registeredJobs() }).start()`, in the server or in
 *   `crm worker` processes. PGlite is one in-process connection: there the server's own
 *   worker loop is the only one, and the same code runs it.
 * - Watch them: `getJob(db, id)`, or GET /api/jobs/{id} (`jobRoutes`).
 *
 * Delivery is at least once: a job whose worker stalls past its lease (a blocked event loop,
 * a network partition) is run again elsewhere, and the stale attempt's writes are fenced out
 * by the lease, but its side effects outside the jobs table are not. Write handlers so that
 * running twice does no harm (upserts, idempotency keys downstream).
 *
 * The store functions (`claim`, `heartbeat`, `complete`, `fail`, `reportProgress`) are the
 * worker's building blocks, exported for tests and for custom loops.
 */
export { type BackoffOptions, backoffMs } from './backoff.ts';
export { JobTimeoutError, LeaseLostError, PermanentJobError } from './errors.ts';
export { defineJob, type JobDefinition, registeredJobs } from './registry.ts';
export { jobOut, jobRoutes } from './routes.ts';
export { claim, type ClaimOptions } from './store/claim.ts';
export { enqueue, type EnqueueOptions, JOB_NAME, MAX_PAYLOAD_BYTES } from './store/enqueue.ts';
export { enqueueInTransaction } from './store/enqueue-tx.ts';
export { releaseLeases } from './store/reclaim.ts';
export { getJob } from './store/get.ts';
export { heartbeat, MAX_PROGRESS_MESSAGE_CHARS, reportProgress } from './store/lease.ts';
export type { JobLease } from './store/row.ts';
export { complete, errorText, fail, type FailOptions, MAX_ERROR_CHARS } from './store/settle.ts';
export { JOB_STATUSES, type Clock, type Job, type JobContext, type JobHandler, type JobHandlers, type JobProgress, type JobStatus } from './types.ts';
export { createWorker, type Worker, type WorkerOptions } from './worker.ts';
export { drainJobs } from './drain.ts';
