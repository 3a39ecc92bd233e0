import { sql } from 'drizzle-orm';
import { CrmError } from '../../errors/index.ts';
import { isUuid } from '../../ids/index.ts';
import type { Database, Tx } from '../types.ts';
import { runAfter } from './prelude.ts';

/** The companies a piece of work may see: a list of company ids, or every company. */
export type CompanyScope = readonly string[] | 'all';

/** Runs work inside a company scope. */
export interface Scope {
  readonly companyIds: CompanyScope;
  /** True when `companyId` is inside this scope (no database round trip). */
  allows(companyId: string): boolean;
  /** Runs `work` in one transaction as `crm_app`, where RLS admits only the scope's rows. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * The one door to customer data. Each `run` opens a transaction, sets the
 * transaction-local `app.company_ids`, and switches to the `crm_app` role, which does not
 * bypass row level security: a query that forgets a `where company_id = …` still can't
 * see another company's rows.
 *
 * @example
 * const contacts = await scope(db, [companyId]).run((tx) => tx.select().from(schema.contacts));
 */
export function scope(db: Database, companyIds: CompanyScope): Scope {
  if (companyIds !== 'all') {
    const bad = companyIds.find((id) => !isUuid(id));
    if (bad !== undefined) throw new CrmError('bad_request', `Invalid company id in scope: ${JSON.stringify(bad)}`);
  }
  const setting = companyIds === 'all' ? '*' : companyIds.map((id) => id.toLowerCase()).join(',');
  const visible = companyIds === 'all' ? null : new Set(companyIds.map((id) => id.toLowerCase()));
  return {
    companyIds,
    allows: (companyId) => visible === null || visible.has(companyId.toLowerCase()),
    run: (work) =>
      db.orm.transaction((tx) =>
        // set_config('role', …, true) is SET LOCAL ROLE; on Postgres this statement travels
        // with the work's first one (prelude.ts), so a scoped read is BEGIN, one round trip, COMMIT.
        runAfter(db, tx as Tx, sql`select set_config('app.company_ids', ${setting}, true), set_config('role', 'crm_app', true)`, work),
      ),
  };
}
