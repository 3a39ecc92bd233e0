import type { Database } from '../db/types.ts';
import { createLogger, type Logger } from '../log/index.ts';
import { runJob } from './run.ts';
import { claim } from './store/claim.ts';
import type { Clock, JobHandlers } from './types.ts';

/**
 * Runs due jobs one after another until none is left (jobs that queue more jobs included),
 * in this process, without a polling loop: for tests and one-off scripts. Returns how many
 * attempts ran. Jobs whose retry waits for a later time are left for then: advance the
 * clock and drain again.
 *
 * @example
 * await drainJobs({ db, handlers: registeredJobs() }); // 3
 */
export async function drainJobs(options: { db: Database; handlers: JobHandlers; now?: Clock; logger?: Logger; timeoutMs?: number; maxJobs?: number }): Promise<number> {
  const { db, handlers, now } = options;
  const names = Object.keys(handlers);
  const settings = {
    db, now, logger: options.logger ?? createLogger('silent'), leaseMs: 60_000, heartbeatMs: 20_000,
    timeoutMs: options.timeoutMs ?? 15 * 60 * 1000, backoff: undefined,
  };
  let ran = 0;
  while (ran < (options.maxJobs ?? 10_000)) {
    const [job] = await claim(db, { workerId: `drain#${process.pid}`, names, leaseMs: settings.leaseMs, limit: 1, now: now?.() });
    if (!job) break;
    await runJob(settings, job, handlers[job.name]!);
    ran++;
  }
  return ran;
}
