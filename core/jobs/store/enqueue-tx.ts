import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import { uuidv7 } from '../../ids/index.ts';
import { checkEnqueue, type EnqueueOptions, nulSafe } from './enqueue.ts';

/**
 * Queues a job inside the caller's transaction (the transactional outbox): the job exists
 * exactly when the write that needs it committed, so a crash or a database error between
 * "saved" and "queued" cannot leave work undone. Works in a company-scoped transaction
 * (`crm_enqueue_job` applies the scope: the job's company must be one the caller sees).
 * Returns the job's id; with an idempotency key already used, the existing job's. Wake the
 * worker after the commit, not before: until then the job is invisible to it.
 *
 * @example
 * const jobId = await scope(db, [companyId]).run(async (tx) => {
 *   const article = await createArticle(tx, companyId, input);
 *   return enqueueInTransaction(tx, 'knowledge.index', { articleId: article.id, companyId }, { companyId });
 * });
 */
export async function enqueueInTransaction(tx: Tx, name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
  const { idempotencyKey, runAt, maxAttempts, companyId, json } = checkEnqueue(name, payload, options);
  const [row] = await nulSafe(async () =>
    rowsOf<{ id: string | null }>(
      await tx.execute(sql`
        select crm_enqueue_job(${uuidv7()}, ${name}, ${json}::jsonb, ${companyId}::uuid, ${idempotencyKey ?? null},
                               ${maxAttempts}::integer, ${runAt?.toISOString() ?? null}::timestamptz) as id`),
    ),
  );
  if (!row?.id) throw new CrmError('internal', `Could not enqueue job ${name}`);
  return row.id;
}
