import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../../test/support/databases.ts';
import { checkData } from './index.ts';

describe.each(DRIVERS)('the data check on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(() => t.destroy());

  it('finds nothing on a healthy database', async () => {
    expect(await checkData(t.db)).toEqual([]);
  });

  it('reports articles marked indexed that have no passages, with how to recover', async () => {
    await t.db.withSession(async (s) => {
      const [company] = await s.query<{ id: string }>(`insert into companies (name, kind) values ('Os selv', 'business') returning id`);
      await s.query(`insert into knowledge_articles (company_id, title, body, indexed_at) values ($1, 'Åbningstider', 'Vi har åbent 8-16.', now())`, [company!.id]);
    });
    const findings = await checkData(t.db);
    expect(findings).toEqual([expect.objectContaining({ code: 'articles_without_chunks', what: expect.stringContaining('1 knowledge articles') })]);
    expect(findings[0]!.recovery).toMatch(/crm reembed/);
  });
});
