import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../types.ts';

/** A table that holds customer data: its name and the column that carries company_id. */
export interface CustomerTable {
  table: string;
  column: string;
}

/**
 * Every customer table, read from the catalog rather than a hand-kept list: each table
 * with a foreign key to `companies(id)`, including tables that plugins add later.
 *
 * @example
 * await customerTables(tx); // [{ table: 'contacts', column: 'company_id' }, { table: 'events', ... }]
 */
export async function customerTables(tx: Tx): Promise<CustomerTable[]> {
  const result = await tx.execute(sql`
    select c.conrelid::regclass::text as table, a.attname as column
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f'
      and c.confrelid = 'public.companies'::regclass
      and cardinality(c.conkey) = 1
    order by 1, 2`);
  return rowsOf<CustomerTable>(result);
}

/** Column names of `companies`-keyed uuid arrays that restrict access (api_keys.company_ids). */
export const COMPANY_ID_ARRAYS = [{ table: 'api_keys', column: 'company_ids' }] as const;
