import { sql } from 'drizzle-orm';
import { PG, pgError } from '../../db/errors.ts';
import type { Database } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import { isUuid, uuidv7 } from '../../ids/index.ts';
import type { Job } from '../types.ts';
import { JOB_JSON, jobsOf } from './row.ts';

export interface EnqueueOptions {
  /** The same key twice makes one job: the second call returns the first job, unchanged. */
  idempotencyKey?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Attempts before the job is dead-lettered (default 5). */
  maxAttempts?: number;
  /** Whose work it is: callers scoped to this company may read the job over HTTP. */
  companyId?: string | null;
}

/** A job's name, as the migration checks it: `knowledge.index`, `crm:sync-mail`, … */
export const JOB_NAME = /^[A-Za-z][A-Za-z0-9_.:-]{0,99}$/;

/** Payloads carry references (ids), not documents: big inputs belong in tables. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/**
 * Adds a job to the queue and returns it. With an idempotency key, enqueueing again (also
 * from another process at the same moment) returns the existing job instead of a second
 * one, whatever its status.
 *
 * @example
 * const job = await enqueue(db, 'knowledge.index', { articleId }, {
 *   companyId, idempotencyKey: `knowledge.index:${articleId}:${article.updatedAt.getTime()}`,
 * });
 */
export async function enqueue<P>(db: Database, name: string, payload: P, options: EnqueueOptions = {}): Promise<Job<P>> {
  const { idempotencyKey, runAt, maxAttempts, companyId, json } = checkEnqueue(name, payload, options);

  const insert = async () =>
    jobsOf(
      await db.orm.execute(sql`
        insert into jobs (id, name, payload, company_id, idempotency_key, max_attempts, run_at)
        values (${uuidv7()}, ${name}, ${json}::jsonb, ${companyId}, ${idempotencyKey ?? null}, ${maxAttempts},
                coalesce(${runAt?.toISOString() ?? null}::timestamptz, now()))
        on conflict (idempotency_key) do nothing
        returning ${JOB_JSON}`),
    )[0];
  const job: Job | undefined = await nulSafe(insert);
  let found = job;
  if (!found && idempotencyKey !== undefined) {
    // The key exists. This is a new statement, so under READ COMMITTED it sees the row even
    // when a concurrent enqueue committed it after our insert began (the insert waited for it).
    found = jobsOf(await db.orm.execute(sql`select ${JOB_JSON} from jobs where idempotency_key = ${idempotencyKey}`))[0];
  }
  if (!found) throw new CrmError('internal', `Could not enqueue job ${name}`);
  return found as Job<P>;
}

/** What `enqueue` and `enqueueInTransaction` both accept, checked, with the payload as JSON. */
export function checkEnqueue(name: string, payload: unknown, options: EnqueueOptions) {
  const { idempotencyKey, runAt, maxAttempts = 5, companyId = null } = options;
  if (!JOB_NAME.test(name)) throw new CrmError('bad_request', `Invalid job name ${JSON.stringify(name).slice(0, 120)}: letters, digits and _ . : - (at most 100)`);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100) throw new CrmError('bad_request', 'maxAttempts must be an integer from 1 to 100');
  if (companyId !== null && !isUuid(companyId)) throw new CrmError('bad_request', 'companyId must be a UUID');
  if (runAt !== undefined && Number.isNaN(runAt.getTime())) throw new CrmError('bad_request', 'runAt is not a valid date');
  if (idempotencyKey !== undefined && (idempotencyKey.length < 1 || idempotencyKey.length > 200 || idempotencyKey.includes('\u0000'))) {
    throw new CrmError('bad_request', 'idempotencyKey must be 1 to 200 characters without NUL');
  }
  const json = JSON.stringify(payload ?? {});
  if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) {
    throw new CrmError('payload_too_large', `A job payload may be at most ${MAX_PAYLOAD_BYTES} bytes of JSON; store big inputs in a table and pass their id`);
  }
  return { idempotencyKey, runAt, maxAttempts, companyId: companyId?.toLowerCase() ?? null, json };
}

/** Runs an insert of a job, turning jsonb's refusal of \u0000 into the caller's error. */
export async function nulSafe<T>(insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    // jsonb refuses \u0000 in strings: bad input of the caller, not a server fault.
    if (pgError(error)?.code === PG.untranslatableCharacter || pgError(error)?.code === PG.characterNotInRepertoire) {
      throw new CrmError('bad_request', 'The job payload contains a NUL character (\\u0000), which Postgres cannot store', { cause: error });
    }
    throw error;
  }
}
