import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../auth/keys.ts';
import { createCompany } from '../companies/store.ts';
import { enqueueInTransaction } from '../jobs/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { scope } from './scope/index.ts';
import { rowsOf, type Database } from './types.ts';

/**
 * Every `security definer` function that crm_app may execute, from the catalog, and a probe per
 * function proving it applies the company scope itself: run in company A's scope, it must not
 * reveal or change anything of company B. A definer function without a probe fails the test
 * (add one here when you add a function: docs/adr/0005).
 */
type Probe = (db: Database, a: string, b: string) => Promise<void>;

const PROBES: Record<string, Probe> = {
  async 'crm_company_ids_matching(text)'(db, a, b) {
    const matching = async (companies: readonly string[] | 'all') =>
      (await scope(db, companies).run(async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`select crm_company_ids_matching('%hemmelig%') as id`)))).map((r) => r.id);
    expect(await matching('all')).toContain(b); // the probe can see a leak
    expect(await matching([a])).toEqual([]);
  },
  async 'crm_enqueue_job(uuid,text,jsonb,uuid,text,integer,timestamp with time zone)'(db, a, b) {
    const enqueueFor = (companies: readonly string[], company: string | null, key: string) =>
      scope(db, companies).run((tx) => enqueueInTransaction(tx, 'probe.job', {}, { companyId: company, idempotencyKey: key }));
    const own = await enqueueFor([a], a, `probe:a:${a}`);
    expect(await enqueueFor([a], a, `probe:a:${a}`)).toBe(own); // the same key, the same job
    await expect(enqueueFor([a], b, `probe:b:${b}`)).rejects.toThrow(); // another company's job
    await expect(enqueueFor([a], null, `probe:none:${a}`)).rejects.toThrow(); // a job of no company needs the whole scope
    const theirs = await scope(db, 'all').run((tx) => enqueueInTransaction(tx, 'probe.job', {}, { companyId: b, idempotencyKey: `probe:theirs:${b}` }));
    await expect(enqueueFor([a], a, `probe:theirs:${b}`)).rejects.toThrow(); // their key does not hand out their job
    expect(theirs).not.toBe(own);
  },
  async 'crm_retarget_key_scopes(uuid,uuid)'(db, a, b) {
    const { key } = await createApiKey(db.orm, { name: 'B only', scopes: ['crm:read'], companyIds: [b], createdBy: 'test' });
    const moved = await scope(db, [a]).run(async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select crm_retarget_key_scopes(${b}, ${a}) as n`)));
    expect(moved[0]!.n).toBe(0);
    const [row] = rowsOf<{ company_ids: string[] }>(await db.orm.execute(sql`select company_ids from api_keys where id = ${key.id}`));
    expect(String(row!.company_ids)).toContain(b);
  },
};

describe.each(DRIVERS)('security definer functions on %s', (driver) => {
  let t: TestDatabase;
  let a: string;
  let b: string;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    [a, b] = await scope(t.db, 'all').run(async (tx) => [
      (await createCompany(tx, { name: 'Synlig A ApS', domain: 'synlig-a.dk' })).id,
      (await createCompany(tx, { name: 'Hemmelig B ApS', domain: 'hemmelig-b.dk' })).id,
    ]);
  });
  afterAll(() => t.destroy());

  it('has a scope probe for every definer function crm_app may call', async () => {
    const functions = rowsOf<{ name: string }>(
      await t.db.orm.execute(sql`
        select regexp_replace(p.oid::regprocedure::text, '^public\\.', '') as name
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema') and has_function_privilege('crm_app', p.oid, 'execute')
        order by 1`),
    ).map((r) => r.name.replace(/, /g, ','));
    expect(functions.length).toBeGreaterThan(0);
    expect(functions.filter((name) => !(name in PROBES)), 'definer functions without a scope probe').toEqual([]);
    for (const name of functions) await PROBES[name]!(t.db, a, b);
  });
});
