import type { Database } from '../db/types.ts';
import type { Logger } from '../log/index.ts';
import type { BackoffOptions } from './backoff.ts';
import { JobTimeoutError, LeaseLostError, PermanentJobError } from './errors.ts';
import { progressWriter } from './progress.ts';
import { heartbeat } from './store/lease.ts';
import { complete, fail } from './store/settle.ts';
import type { Clock, Job, JobHandler } from './types.ts';

/** What running one claimed job needs from its worker. */
export interface RunSettings {
  db: Database;
  logger: Logger;
  leaseMs: number;
  heartbeatMs: number;
  timeoutMs: number;
  backoff: BackoffOptions | undefined;
  now: Clock | undefined;
}

/**
 * Runs one claimed job to its end: heartbeats keep the lease while the handler works, a
 * timeout abandons a handler that hangs, and the outcome is written back (complete, or
 * fail → retry or dead letter). Never rejects: whatever goes wrong is logged, and if even
 * the failure can't be written, the lease runs out and another attempt follows.
 *
 * No transaction is held while the handler runs: the claim committed already, and every
 * write afterwards is its own short statement, fenced by the lease. On PGlite, whose one
 * connection is shared by the whole process, a held transaction would stall everything.
 *
 * @example
 * await runJob(settings, job, handlers[job.name]!);
 */
export async function runJob(settings: RunSettings, job: Job, handler: JobHandler): Promise<void> {
  const { db, leaseMs, heartbeatMs, timeoutMs, backoff, now } = settings;
  const log = settings.logger.child({ job: job.id, job_name: job.name, attempt: job.attempts });
  const controller = new AbortController();
  const progress = progressWriter(db, job, log, now);
  let settling = false;

  let beating = false;
  const beat = setInterval(() => {
    // A slow database must not pile up heartbeats: skip a beat while the last is in flight.
    if (beating) return;
    beating = true;
    heartbeat(db, job, { leaseMs, now: now?.() })
      .then(
        (held) => {
          if (!held && !settling) controller.abort(new LeaseLostError(job.id));
        },
        (error: unknown) => log.warn({ err: error }, 'job heartbeat failed; retrying at the next beat'),
      )
      .finally(() => {
        beating = false;
      });
  }, heartbeatMs);
  const timer = setTimeout(() => controller.abort(new JobTimeoutError(timeoutMs)), timeoutMs);

  try {
    const work = Promise.resolve().then(() =>
      handler(job.payload, { job, signal: controller.signal, progress: progress.report, db, logger: log }),
    );
    const result = await untilAborted(work, controller.signal);
    settling = true;
    await progress.flush();
    const done = await complete(db, job, result, { now: now?.() });
    if (done) log.info('job succeeded');
    else log.warn('job finished after its lease was lost; another attempt owns it, this result is dropped');
  } catch (error) {
    settling = true;
    await progress.flush();
    if (controller.signal.reason instanceof LeaseLostError) {
      log.warn('job abandoned: its lease was lost to another attempt');
      return;
    }
    try {
      const failed = await fail(db, job, error, { retry: !(error instanceof PermanentJobError), backoff, now: now?.() });
      if (failed?.status === 'dead') log.error({ err: error, attempts: failed.attempts }, 'job dead-lettered');
      else if (failed) log.warn({ err: error, retry_at: failed.runAt.toISOString() }, 'job attempt failed; will retry');
    } catch (failError) {
      log.error({ err: failError, cause: error }, 'could not record the failed attempt; the job is retried when its lease expires');
    }
  } finally {
    clearInterval(beat);
    clearTimeout(timer);
  }
}

/**
 * Settles with `work`, or rejects with the signal's reason as soon as it aborts. An
 * abandoned `work` keeps running (JavaScript can't kill it); its outcome is observed here,
 * so a late rejection is never an unhandled one that could take the process down.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
