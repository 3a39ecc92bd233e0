import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { createContact } from '../contacts/store.ts';
import * as schema from '../db/schema/index.ts';
import { scope } from '../db/scope/index.ts';
import { rowsOf, type Tx } from '../db/types.ts';
import { recordEvent } from '../events/store.ts';
import { uuidv7 } from '../ids/index.ts';
import { mergeCompanies } from './merge.ts';
import { ensureSelfCompany } from './self.ts';
import { createCompany, getCompany } from './store.ts';

describe.each(DRIVERS)('merge on %s', (driver) => {
  let t: TestDatabase;
  const all = <T>(work: (tx: Tx) => Promise<T>) => scope(t.db, 'all').run(work);

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    // A customer table that did not exist when the merge code was written, as a plugin adds it.
    await t.db.withSession((s) =>
      s.exec(`create table later_plugin_notes (
                id uuid primary key, company_id uuid not null references companies (id) on delete cascade, body text);
              create index on later_plugin_notes (company_id);
              select crm_enable_rls('later_plugin_notes');`),
    );
  });
  afterAll(() => t.destroy());

  async function visitorWithHistory() {
    return all(async (tx) => {
      const visitor = await createCompany(tx, { name: 'Besøgende 7f3a', kind: 'visitor', attributes: { source: 'chat' } });
      await recordEvent(tx, { companyId: visitor.id, type: 'chat.message', payload: { n: 1 } });
      await recordEvent(tx, { companyId: visitor.id, type: 'chat.message', payload: { n: 2 } });
      await createContact(tx, { companyId: visitor.id, email: `v-${visitor.id.slice(-6)}@example.org` });
      await tx.execute(sql`insert into later_plugin_notes values (${uuidv7()}, ${visitor.id}, 'ringer tilbage')`);
      return visitor;
    });
  }

  it('re-tags every row, including tables created later, and leaves nothing behind', async () => {
    const visitor = await visitorWithHistory();
    const real = await all((tx) => createCompany(tx, { name: 'Jensens VVS', domain: 'jensens-vvs.dk', attributes: { segment: 'vvs' } }));
    const result = await all((tx) => mergeCompanies(tx, visitor.id, real.id, 'test'));

    expect(result.moved).toEqual({ contacts: 1, events: 2, later_plugin_notes: 1 });
    expect(result.company.attributes).toEqual({ source: 'chat', segment: 'vvs' });
    expect(await all((tx) => getCompany(tx, visitor.id))).toBeUndefined();
    const left = await t.db.withSession((s) =>
      s.query<{ n: number }>(
        `select (select count(*) from contacts where company_id = $1) + (select count(*) from events where company_id = $1)
              + (select count(*) from later_plugin_notes where company_id = $1) as n`,
        [visitor.id],
      ),
    );
    expect(Number(left[0]?.n)).toBe(0);
    const notes = rowsOf<{ body: string }>(await t.db.orm.execute(sql`select body from later_plugin_notes where company_id = ${real.id}`));
    expect(notes.map((n) => n.body)).toEqual(['ringer tilbage']);
    const merged = await all((tx) => tx.select().from(schema.events).where(eq(schema.events.type, 'company.merged')));
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ companyId: real.id, payload: { from: { id: visitor.id, kind: 'visitor' } } });
  });

  it('moves API keys restricted to the merged company along', async () => {
    const visitor = await visitorWithHistory();
    const real = await all((tx) => createCompany(tx, { name: 'Byg ApS' }));
    const keyId = uuidv7();
    await t.db.orm.insert(schema.apiKeys).values({
      id: keyId, name: 'portal', prefix: 'crm_x', secretHash: uuidv7(), scopes: ['crm:read'], companyIds: [visitor.id, real.id],
    });
    const { moved } = await all((tx) => mergeCompanies(tx, visitor.id, real.id, 'test'));
    expect(moved.api_keys).toBe(1);
    const [key] = await t.db.orm.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, keyId));
    expect(key?.companyIds).toEqual([real.id]);
  });

  it('refuses a merge into itself, into a missing or invisible company, or of the own company', async () => {
    const a = await visitorWithHistory();
    const b = await all((tx) => createCompany(tx, { name: 'Synlig ApS' }));
    const self = await all((tx) => ensureSelfCompany(tx, { name: 'Os A/S' }));
    await expect(all((tx) => mergeCompanies(tx, a.id, a.id, 'test'))).rejects.toMatchObject({ code: 'bad_request' });
    await expect(all((tx) => mergeCompanies(tx, a.id, uuidv7(), 'test'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(all((tx) => mergeCompanies(tx, a.id, self.company.id, 'test'))).rejects.toMatchObject({ code: 'conflict' });
    const onlyA = scope(t.db, [a.id]);
    await expect(onlyA.run((tx) => mergeCompanies(tx, a.id, b.id, 'test'))).rejects.toMatchObject({ code: 'not_found' });
    expect(await all((tx) => getCompany(tx, a.id))).toBeDefined();
  });

  it('rolls back completely when a plugin table collides on a unique key', async () => {
    await t.db.withSession((s) =>
      s.exec(`create table later_unique (company_id uuid not null references companies (id) on delete cascade, slot int,
                unique (company_id, slot));
              select crm_enable_rls('later_unique');`),
    );
    const a = await visitorWithHistory();
    const b = await all((tx) => createCompany(tx, { name: 'Kollision ApS' }));
    await t.db.orm.execute(sql`insert into later_unique values (${a.id}, 1), (${b.id}, 1)`);
    await expect(all((tx) => mergeCompanies(tx, a.id, b.id, 'test'))).rejects.toThrow(/later_unique/);
    const events = await all((tx) => tx.select().from(schema.events).where(eq(schema.events.companyId, a.id)));
    expect(events).toHaveLength(2);
    await t.db.withSession((s) => s.exec('drop table later_unique'));
  });
});
