import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import { cleanText, type JobLease, leaseHeld, msSql, nowSql } from './row.ts';

/** Progress messages are status lines, not logs. */
export const MAX_PROGRESS_MESSAGE_CHARS = 500;

/**
 * Extends the lease of a job this worker holds to now + `leaseMs`. Returns false when the
 * lease is gone (expired and claimed again, or the job was settled): the worker should
 * abandon the attempt.
 *
 * @example
 * if (!(await heartbeat(db, job, { leaseMs: 30_000 }))) controller.abort();
 */
export async function heartbeat(db: Database, lease: JobLease, options: { leaseMs: number; now?: Date }): Promise<boolean> {
  const now = nowSql(options.now);
  const result = await db.orm.execute(sql`
    update jobs set locked_until = ${now} + ${msSql(options.leaseMs)}, updated_at = ${now}
    where ${leaseHeld(lease)}
    returning id`);
  return rowsOf(result).length > 0;
}

/**
 * Records how far a running job has come (done of total, and a short message). Returns
 * false when the lease is gone, and changes nothing then.
 *
 * @example
 * await reportProgress(db, job, 40, 120, 'Embedding passages');
 */
export async function reportProgress(
  db: Database,
  lease: JobLease,
  done: number,
  total: number,
  message?: string | null,
  options: { now?: Date } = {},
): Promise<boolean> {
  for (const [label, value] of [['done', done], ['total', total]] as const) {
    if (!Number.isSafeInteger(value) || value < 0 || value > 2_147_483_647) {
      throw new CrmError('bad_request', `Progress ${label} must be a whole number from 0 to 2147483647, not ${String(value)}`);
    }
  }
  const text = message == null ? null : cleanText(message, MAX_PROGRESS_MESSAGE_CHARS);
  const now = nowSql(options.now);
  const result = await db.orm.execute(sql`
    update jobs set progress_done = ${done}, progress_total = ${total}, progress_message = ${text}, updated_at = ${now}
    where ${leaseHeld(lease)}
    returning id`);
  return rowsOf(result).length > 0;
}
