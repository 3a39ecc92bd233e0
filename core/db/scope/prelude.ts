import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { TransactionSql } from 'postgres';
import type { Database, Tx } from '../types.ts';

const dialect = new PgDialect();

/**
 * Runs `statement`, then `work`, in the transaction `tx`, so that nothing of `work` reaches
 * the database before `statement`.
 *
 * On postgres.js the statement is sent without waiting for its answer: it travels in the same
 * write as `work`'s first statement, which saves a round trip per transaction. That is safe
 * only because of two facts, both checked here or by the caller:
 * - order: postgres.js hands a query to the connection one microtask after `execute()`
 *   (`Query.handle` awaits once); we wait for that microtask before starting `work`, so the
 *   statement is queued on the transaction's connection first, and one connection runs its
 *   queue in order;
 * - failure: the transaction is open (postgres.js' `begin` has been answered). If the
 *   statement fails, Postgres aborts the transaction and refuses every later statement of
 *   `work` (25P02); we then throw the statement's own error, and nothing commits.
 * PGlite runs statements one at a time anyway, so there it is awaited first.
 *
 * @example
 * await runAfter(db, tx, sql`select set_config('app.company_ids', ${ids}, true)`, (tx) => tx.select().from(contacts));
 */
export async function runAfter<T>(db: Database, tx: Tx, statement: SQL, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = db.driver === 'postgres' ? (tx as unknown as { session: { client: TransactionSql } }).session.client : undefined;
  if (!client) {
    await tx.execute(statement);
    return work(tx);
  }
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const first = client.unsafe(text, params as never[]).execute();
  first.catch(() => {}); // awaited below; this keeps an early failure from counting as unhandled
  await Promise.resolve(); // the microtask in which postgres.js queues `first` (see above)
  let result: T;
  try {
    result = await work(tx);
  } catch (error) {
    await first; // a failed statement is the cause; throw that instead of 25P02
    throw error;
  }
  await first;
  return result;
}
