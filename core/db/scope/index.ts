import { AsyncLocalStorage } from 'node:async_hooks';
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
    run: async (work) => {
      const hook = commitHooks.getStore();
      const result = await db.orm.transaction((tx) =>
        // set_config('role', …, true) is SET LOCAL ROLE; on Postgres this statement travels
        // with the work's first one (prelude.ts), so a scoped read is BEGIN, one round trip, COMMIT.
        runAfter(db, tx as Tx, sql`select set_config('app.company_ids', ${setting}, true), set_config('role', 'crm_app', true)`, async (scoped) => {
          const value = await work(scoped);
          await hook?.beforeCommit(scoped);
          return value;
        }),
      );
      hook?.afterCommit?.();
      return result;
    },
  };
}

/** Work to join to every scoped transaction that commits within a request (see withCommitHook). */
export interface CommitHook {
  /** Runs last in the transaction, as crm_app: its writes commit with the work, or not at all. */
  beforeCommit(tx: Tx): Promise<void>;
  /** Runs once the transaction has committed. */
  afterCommit?(): void;
}

const commitHooks = new AsyncLocalStorage<CommitHook>();

/**
 * Runs `fn` so that every scoped transaction it commits also runs `hook` just before its
 * commit: how an Idempotency-Key is recorded atomically with the request's writes, whatever
 * route or plugin made them.
 *
 * @example
 * await withCommitHook({ beforeCommit: (tx) => recordKey(tx, key) }, () => next());
 */
export function withCommitHook<T>(hook: CommitHook, fn: () => Promise<T>): Promise<T> {
  return commitHooks.run(hook, fn);
}
