import { sql } from 'drizzle-orm';
import { PG, pgError } from '../../db/errors.ts';
import type { Database } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import { type BackoffOptions, backoffMs } from '../backoff.ts';
import type { Job } from '../types.ts';
import { cleanText, JOB_JSON, type JobLease, jobsOf, leaseHeld, msSql, nowSql } from './row.ts';

/** The longest `last_error` kept: the message of a dead letter, not a log. */
export const MAX_ERROR_CHARS = 4000;

/**
 * Marks a job the lease still holds as succeeded, with its result (any JSON value).
 * Returns the job, or undefined when the lease was lost (the job expired and was claimed
 * again): then this attempt's result is dropped, and the other attempt decides.
 *
 * @example
 * await complete(db, job, { chunks: 12 });
 */
export async function complete(db: Database, lease: JobLease, result: unknown, options: { now?: Date } = {}): Promise<Job | undefined> {
  const json = result === undefined ? null : JSON.stringify(result);
  const now = nowSql(options.now);
  try {
    return jobsOf(
      await db.orm.execute(sql`
        update jobs set status = 'succeeded', result = ${json}::jsonb, locked_by = null, locked_until = null,
                        finished_at = ${now}, updated_at = ${now}
        where ${leaseHeld(lease)}
        returning ${JOB_JSON}`),
    )[0];
  } catch (error) {
    const code = pgError(error)?.code;
    if (code === PG.untranslatableCharacter || code === PG.characterNotInRepertoire) {
      throw new CrmError('bad_request', 'The job result contains a NUL character (\\u0000), which Postgres cannot store', { cause: error });
    }
    throw error;
  }
}

export interface FailOptions {
  /** false: dead-letter at once, whatever attempts are left (the input can never work). */
  retry?: boolean;
  backoff?: BackoffOptions;
  now?: Date;
  /** For tests of the jitter. */
  random?: () => number;
}

/**
 * Records a failed attempt. With attempts left the job becomes `failed` and runs again after
 * the backoff (`run_at` = now + ~base·2^attempts); otherwise it becomes `dead`, the dead
 * letter, with `last_error` saying why. Returns undefined when the lease was lost.
 *
 * @example
 * await fail(db, job, new Error('provider answered 503'));
 */
export async function fail(db: Database, lease: JobLease, error: unknown, options: FailOptions = {}): Promise<Job | undefined> {
  const message = cleanText(errorText(error), MAX_ERROR_CHARS);
  const retry = options.retry !== false;
  const delay = backoffMs(lease.attempts, options.backoff, options.random);
  const now = nowSql(options.now);
  return jobsOf(
    await db.orm.execute(sql`
      update jobs set
        status = case when ${retry}::boolean and attempts < max_attempts then 'failed' else 'dead' end,
        run_at = case when ${retry}::boolean and attempts < max_attempts then ${now} + ${msSql(delay)} else run_at end,
        finished_at = case when ${retry}::boolean and attempts < max_attempts then null else ${now} end,
        last_error = ${message}, locked_by = null, locked_until = null, updated_at = ${now}
      where ${leaseHeld(lease)}
      returning ${JOB_JSON}`),
  )[0];
}

/** One line for an error: its message, prefixed by its class unless that is plain Error. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
    return `${name}${error.message || '(no message)'}`;
  }
  try {
    return typeof error === 'string' ? error : `Non-error thrown: ${JSON.stringify(error) ?? String(error)}`;
  } catch {
    return `Non-error thrown: ${String(error)}`;
  }
}
