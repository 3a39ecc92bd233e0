import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../db/types.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { CrmError } from '../errors/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import type { BackoffOptions } from './backoff.ts';
import { runJob, type RunSettings } from './run.ts';
import { claim } from './store/claim.ts';
import type { Clock, JobHandlers } from './types.ts';

export interface WorkerOptions {
  db: Database;
  /** Handlers by job name; the worker claims only jobs it has a handler for. */
  handlers: JobHandlers;
  /** Jobs run at once (default 4 on Postgres, 1 on PGlite). */
  concurrency?: number;
  /** How long a claim lasts without a heartbeat (default 30 s). A dead worker's job is claimed again after this. */
  leaseMs?: number;
  /** How often a running job's lease is extended (default a third of `leaseMs`). */
  heartbeatMs?: number;
  /** How long the worker sleeps when there is nothing to do (default 1 s). `wake()` cuts it short. */
  pollMs?: number;
  /** A handler running longer is aborted and its attempt failed (default 15 min). */
  timeoutMs?: number;
  backoff?: BackoffOptions;
  logger?: Logger;
  /** Default `<host>#<pid>#<random>`: unique, and says where a stuck job ran. */
  workerId?: string;
  /** A test clock; default the database's now(). */
  now?: Clock;
}

/** A running loop that claims and runs jobs. */
export interface Worker {
  readonly id: string;
  /** Jobs running right now. */
  readonly active: number;
  /** Starts the loop (once; calling again does nothing). */
  start(): void;
  /** Claims no more jobs, and resolves when the running ones have finished (or timed out). */
  stop(): Promise<void>;
  /** Polls at once instead of at the next tick: call it after enqueueing in the same process. */
  wake(): void;
}

/**
 * Creates a worker over the jobs table. Run one in the server process (the default), or
 * any number in `crm worker` processes on any number of machines that share one Postgres:
 * claims use `FOR UPDATE SKIP LOCKED`, so workers never take the same job, and a job whose
 * worker died is taken over when its lease expires.
 *
 * On PGlite the database is one connection inside this process, so only this process can
 * have workers (the data folder is locked), and its claims, heartbeats and the handlers'
 * queries all take turns on that connection; the code is the same, and claims are still
 * transactions. More than one job at a time pays off there only for handlers that mostly
 * wait on the network, hence the default concurrency of 1.
 *
 * Nothing a handler or the database does takes the process down: errors are logged, the
 * loop waits a poll interval and goes on.
 *
 * @example
 * const worker = createWorker({ db, handlers: registeredJobs(), logger });
 * worker.start();
 * // … on shutdown
 * await worker.stop();
 */
export function createWorker(options: WorkerOptions): Worker {
  const { db, handlers } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 1000;
  const concurrency = options.concurrency ?? (db.driver === 'pglite' ? 1 : 4);
  const id = options.workerId ?? `${hostname()}#${process.pid}#${randomBytes(3).toString('hex')}`;
  const logger = (options.logger ?? createLogger('silent')).child({ worker: id });
  const settings: RunSettings = {
    db,
    logger,
    leaseMs,
    heartbeatMs: options.heartbeatMs ?? Math.max(1, Math.floor(leaseMs / 3)),
    timeoutMs: options.timeoutMs ?? 15 * 60 * 1000,
    backoff: options.backoff,
    now: options.now,
  };
  for (const [name, value] of [['concurrency', concurrency], ['leaseMs', leaseMs], ['pollMs', pollMs], ['heartbeatMs', settings.heartbeatMs], ['timeoutMs', settings.timeoutMs]] as const) {
    if (!Number.isFinite(value) || value < 1) throw new CrmError('bad_request', `Worker option ${name} must be at least 1`);
  }
  if (settings.heartbeatMs >= leaseMs) throw new CrmError('bad_request', 'heartbeatMs must be shorter than leaseMs, or every lease expires between beats');
  const names = Object.keys(handlers);

  const running = new Set<Promise<void>>();
  let state: 'idle' | 'running' | 'stopping' = 'idle';
  let loopDone: Promise<void> = Promise.resolve();
  let stopped: Promise<void> | undefined;
  // A wake-up that arrives while the loop is busy claiming is remembered, not lost.
  let woken = false;
  let interrupt: (() => void) | undefined;

  const wake = () => {
    woken = true;
    interrupt?.();
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interrupt = undefined;
        resolve();
      }
      interrupt = done;
    });

  // During a database outage the loop backs off (doubling up to 5 s, cut short by wake(), so jobs resume within seconds of the database)
  // and says so once when the outage starts and once when it ends, not once per tick.
  let outageSince: number | undefined;
  let outageWait = pollMs;

  async function loop(): Promise<void> {
    while (state === 'running') {
      woken = false;
      const free = concurrency - running.size;
      if (free > 0) {
        let claimed = 0;
        try {
          const jobs = await claim(db, { workerId: id, names, leaseMs, limit: free, now: options.now?.() });
          claimed = jobs.length;
          if (outageSince !== undefined) {
            logger.warn({ down_ms: Date.now() - outageSince }, 'database reachable again; claiming jobs');
            outageSince = undefined;
            outageWait = pollMs;
          }
          for (const job of jobs) {
            const run = runJob(settings, job, handlers[job.name]!)
              .catch((error: unknown) => logger.error({ err: error, job: job.id }, 'job runner failed'))
              .finally(() => {
                running.delete(run);
                wake(); // a slot is free: claim the next job now, not at the next poll
              });
            running.add(run);
          }
        } catch (error) {
          if (isDatabaseUnavailable(error)) {
            if (outageSince === undefined) {
              outageSince = Date.now();
              logger.error({ err: error }, 'database unavailable; claiming no jobs until it answers');
            } else {
              outageWait = Math.min(outageWait * 2, Math.max(pollMs, 5000));
            }
            await pause(outageWait);
            continue;
          }
          logger.error({ err: error }, 'claiming jobs failed; trying again after the poll interval');
        }
        // Every free slot filled: there may be more waiting, so don't sleep.
        if (claimed > 0 && claimed === free) continue;
      }
      await pause(pollMs);
    }
  }

  return {
    id,
    get active() {
      return running.size;
    },
    start() {
      if (state !== 'idle') return;
      if (names.length === 0) logger.warn('no job handlers registered: this worker will claim nothing');
      state = 'running';
      stopped = undefined;
      loopDone = loop().catch((error: unknown) => logger.error({ err: error }, 'worker loop crashed'));
    },
    stop() {
      if (state === 'idle') return stopped ?? Promise.resolve();
      if (state === 'running') {
        state = 'stopping';
        wake();
        stopped = (async () => {
          await loopDone;
          await Promise.allSettled([...running]);
          state = 'idle';
        })();
      }
      return stopped!;
    },
    wake,
  };
}
