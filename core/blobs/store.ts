import { sql } from 'drizzle-orm';
import type { Tx } from '../db/types.ts';
import { rowsOf } from '../db/types.ts';

/**
 * Where a company's files are kept in a backend (folder or Supabase), read in the transaction
 * that deletes the company: the rows go with it (on delete cascade), the files are removed
 * after the commit.
 *
 * @example
 * const files = await blobLocationsOf(tx, companyId); // [{ store: 'folder', location: '0190…/documents/0191…/tilbud.pdf' }]
 */
export async function blobLocationsOf(tx: Tx, companyId: string): Promise<{ store: 'folder' | 'supabase'; location: string }[]> {
  return rowsOf<{ store: 'folder' | 'supabase'; location: string }>(
    await tx.execute(sql`select store, location from blobs where company_id = ${companyId} and location is not null`),
  );
}
