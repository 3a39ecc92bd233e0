import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../db/types.ts';

/**
 * Ends the leases of every running job at once, so the next claim takes them over (or
 * dead-letters those out of attempts) instead of waiting out the lease. Only for a database
 * one process can hold: on PGlite the data folder's lock proves that whoever ran them is gone.
 * Returns the number of jobs released.
 *
 * @example
 * if (db.driver === 'pglite') await releaseLeases(db); // at start, after taking the lock
 */
export async function releaseLeases(db: Database): Promise<number> {
  const rows = rowsOf<{ id: string }>(
    await db.orm.execute(sql`update jobs set locked_until = timestamptz 'epoch', updated_at = now() where status = 'running' returning id`),
  );
  return rows.length;
}
