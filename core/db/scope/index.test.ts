import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../../test/support/databases.ts';
import { uuidv7 } from '../../ids/index.ts';
import { customerTables } from '../catalog/index.ts';
import { PG, pgError } from '../errors.ts';
import * as schema from '../schema/index.ts';
import { rowsOf } from '../types.ts';
import { scope } from './index.ts';
import { runAfter } from './prelude.ts';

/**
 * One row per customer table for a company. A new customer table must get an entry here,
 * so the isolation test below covers it (the test fails otherwise).
 */
const SEEDS: Record<string, (companyId: string) => ReturnType<typeof sql>> = {
  contacts: (c) => sql`insert into contacts (id, company_id, name, email) values (${uuidv7()}, ${c}, 'Ada', ${`ada-${c}@firma.dk`})`,
  events: (c) => sql`insert into events (id, company_id, type) values (${uuidv7()}, ${c}, 'note.added')`,
  knowledge_articles: (c) => sql`insert into knowledge_articles (company_id, title, body) values (${c}, 'Priser', 'Tagrender fra kr. 450')`,
  chunks: (c) => sql`insert into chunks (company_id, source_type, source_id, ordinal, content, lang, tokens)
                     values (${c}, 'knowledge', 'kb-1', 0, 'Tagrender og nedløb', 'da', 4)`,
  blobs: (c) => sql`insert into blobs (company_id, owner, key, content_type, size, sha256, data)
                    values (${c}, 'documents', 'tilbud.pdf', 'application/pdf', 3, 'x', '\\x010203'::bytea)`,
};

describe.each(DRIVERS)('row level security on %s', (driver) => {
  let t: TestDatabase;
  const a = uuidv7();
  const b = uuidv7();
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    await t.db.orm.insert(schema.companies).values([
      { id: a, name: 'A/S Alfa' },
      { id: b, name: 'Beta ApS' },
    ]);
    const tables = await t.db.orm.transaction((tx) => customerTables(tx as never));
    for (const { table } of tables) {
      const seed = SEEDS[table];
      if (!seed) throw new Error(`No seed row for customer table ${table}: add one to SEEDS`);
      await t.db.orm.execute(seed(a));
    }
  });
  afterAll(() => t.destroy());

  /** A raw count as crm_app with the given app.company_ids setting, outside scope(). */
  async function rawCount(table: string, setting: string): Promise<number> {
    return t.db.orm.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.company_ids', ${setting}, true)`);
      await tx.execute(sql`set local role crm_app`);
      const rows = rowsOf<{ n: number }>(await tx.execute(sql.raw(`select count(*)::int as n from ${table}`)));
      return rows[0]!.n;
    });
  }

  it('covers companies and every table with a company_id foreign key', async () => {
    const tables = await t.db.orm.transaction((tx) => customerTables(tx as never));
    expect(tables.map((x) => x.table)).toEqual(expect.arrayContaining(['contacts', 'events']));
    expect(tables.every((x) => x.column === 'company_id')).toBe(true);
  });

  it('shows a raw query as crm_app 0 rows of another company in every customer table', async () => {
    const tables = ['companies', ...(await t.db.orm.transaction((tx) => customerTables(tx as never))).map((x) => x.table)];
    for (const table of tables) {
      expect({ table, rows: await rawCount(table, a) }).toEqual({ table, rows: table === 'companies' ? 1 : 1 });
      expect({ table, rows: await rawCount(table, b) }).toEqual({ table, rows: table === 'companies' ? 1 : 0 });
      expect({ table, rows: await rawCount(table, '') }).toEqual({ table, rows: 0 });
    }
  });

  it('enables RLS with the crm_app policy on every customer table', async () => {
    const rows = rowsOf<{ table: string; rls: boolean; policies: number }>(
      await t.db.orm.execute(sql`
        select c.relname as table, c.relrowsecurity as rls,
               (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polname = 'crm_app_scope') as policies
        from pg_class c where c.relname in ('companies', 'contacts', 'events')`),
    );
    expect(rows.every((r) => r.rls && r.policies === 1)).toBe(true);
  });

  it('refuses to write a row into a company outside the scope', async () => {
    const error = await scope(t.db, [b])
      .run((tx) => tx.insert(schema.events).values({ id: uuidv7(), companyId: a, type: 'note.added' }))
      .catch((e: unknown) => e);
    expect(pgError(error)?.code).toBe(PG.insufficientPrivilege);
    expect(pgError(error)?.message).toMatch(/row-level security/);
  });

  it('scope(all) sees everything, an empty scope nothing', async () => {
    const all = await scope(t.db, 'all').run((tx) => tx.select().from(schema.companies));
    const none = await scope(t.db, []).run((tx) => tx.select().from(schema.contacts));
    expect(all).toHaveLength(2);
    expect(none).toHaveLength(0);
  });

  it('runs the first statement of the work already as crm_app with the scope set', async () => {
    // On Postgres the scope's set_config travels in the same write as this statement
    // (prelude.ts): it must still run first.
    const rows = await scope(t.db, [a]).run(async (tx) =>
      rowsOf<{ role: string; ids: string }>(await tx.execute(sql`select current_user as role, current_setting('app.company_ids', true) as ids`)),
    );
    expect(rows[0]).toEqual({ role: 'crm_app', ids: a });
    const counts = await Promise.all([a, b, a, b].map((id) => scope(t.db, [id]).run(async (tx) => (await tx.select().from(schema.events)).length)));
    expect(counts).toEqual([1, 0, 1, 0]);
  });

  it('applies RLS to a statement that the connecting role prepared on the same connection', async () => {
    // Statements are prepared and cached per connection (core/db/postgres/prepared.ts): the
    // same text must be rewritten with the policies when it next runs as crm_app.
    for (let i = 0; i < 12; i++) {
      const owner = await t.db.orm.select().from(schema.events);
      const scoped = await scope(t.db, [b]).run((tx) => tx.select().from(schema.events));
      expect([owner.length, scoped.length]).toEqual([1, 0]);
    }
  });

  it('fails, commits nothing and names the cause when the scope cannot be set', async () => {
    const error = await t.db.orm
      .transaction((tx) =>
        runAfter(t.db, tx as never, sql`select set_config('role', 'no_such_role_here', true)`, async (inner) => {
          await inner.insert(schema.events).values({ id: uuidv7(), companyId: a, type: 'note.added' });
        }),
      )
      .catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/no_such_role_here/);
    const events = await scope(t.db, 'all').run((tx) => tx.select().from(schema.events));
    expect(events).toHaveLength(1);
  });

  it('keeps the setting and role transaction-local', async () => {
    await scope(t.db, [a]).run(async () => {});
    const rows = rowsOf<{ role: string; ids: string | null }>(
      await t.db.orm.execute(sql`select current_user as role, nullif(current_setting('app.company_ids', true), '') as ids`),
    );
    expect(rows[0]).toEqual({ role: expect.not.stringMatching(/^crm_app$/), ids: null });
  });

  it('refuses a scope with a malformed company id before touching the database', () => {
    expect(() => scope(t.db, ["x' or 1=1 --"])).toThrow(/Invalid company id/);
  });
});
