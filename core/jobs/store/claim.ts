import { sql } from 'drizzle-orm';
import { pgArray } from '../../db/types.ts';
import type { Database } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import type { Job } from '../types.ts';
import { JOB_JSON, jobsOf, msSql, nowSql } from './row.ts';

export interface ClaimOptions {
  /** Who takes the lease; unique per worker (see createWorker). */
  workerId: string;
  /** Only jobs of these names: the ones this worker has handlers for. */
  names: readonly string[];
  /** How long the lease lasts without a heartbeat. */
  leaseMs: number;
  /** At most this many jobs (default 1). */
  limit?: number;
  /** A test clock; default the database's now(). */
  now?: Date;
}

/**
 * Takes up to `limit` runnable jobs for a worker: queued or failed jobs whose `run_at` has
 * come, and running jobs whose lease has expired (their worker died or hung). Each comes
 * back `running`, with `attempts` + 1 and a lease of `leaseMs`, oldest `run_at` first.
 *
 * `FOR UPDATE SKIP LOCKED` lets many workers claim at once without waiting on each other
 * or taking the same job: a row another claim has locked is skipped, and a row it has just
 * claimed no longer matches when re-checked. On PGlite (one connection) the transactions
 * simply take turns, and the same statements work unchanged.
 *
 * An expired job that has already used all its attempts is not run again: it is
 * dead-lettered here, so a job that kills its worker every time can't loop forever.
 *
 * @example
 * const [job] = await claim(db, { workerId: 'w1', names: ['knowledge.index'], leaseMs: 30_000 });
 */
export async function claim(db: Database, options: ClaimOptions): Promise<Job[]> {
  const { workerId, names, leaseMs, limit = 1 } = options;
  if (names.length === 0 || limit < 1) return [];
  if (!Number.isFinite(leaseMs) || leaseMs < 1) throw new CrmError('bad_request', 'leaseMs must be a positive number');
  const now = nowSql(options.now);
  const nameList = sql`${pgArray(names)}::text[]`;
  return db.orm.transaction(async (tx) => {
    await tx.execute(sql`
      update jobs set
        status = 'dead',
        last_error = format('Attempt %s of %s: the lease of worker %s expired (the worker died, or hung without heartbeats); no attempts left',
                            attempts, max_attempts, locked_by),
        locked_by = null, locked_until = null, finished_at = ${now}, updated_at = ${now}
      where id in (
        select id from jobs
        where status = 'running' and locked_until < ${now} and attempts >= max_attempts and name = any(${nameList})
        for update skip locked)`);
    const claimed = jobsOf(
      await tx.execute(sql`
        with next as (
          select id from jobs
          where name = any(${nameList})
            and ((status in ('queued', 'failed') and run_at <= ${now})
                 or (status = 'running' and locked_until < ${now}))
          order by run_at, id
          limit ${Math.floor(limit)}
          for update skip locked
        )
        update jobs set
          status = 'running',
          attempts = jobs.attempts + 1,
          locked_by = ${workerId},
          locked_until = ${now} + ${msSql(leaseMs)},
          -- A job taken over from a dead worker says so, in case this attempt fails silently too.
          last_error = case when jobs.status = 'running'
            then format('Attempt %s: the lease of worker %s expired (the worker died, or hung without heartbeats)', jobs.attempts, jobs.locked_by)
            else jobs.last_error end,
          updated_at = ${now}
        from next
        where jobs.id = next.id
        returning ${JOB_JSON}`),
    );
    return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id));
  });
}
