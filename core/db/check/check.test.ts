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

  it('reports jobs stuck in running long after their lease ran out', async () => {
    await t.db.withSession((s) =>
      s.query(`insert into jobs (name, status, locked_by, locked_until) values ('index-article', 'running', 'gone-worker', now() - interval '2 hours')`),
    );
    const stuck = (await checkData(t.db)).find((f) => f.code === 'jobs_stuck');
    expect(stuck).toMatchObject({ what: expect.stringContaining('1 jobs are running'), recovery: expect.stringContaining('expired leases are taken over') });
  });

  it('reports passages whose vectors have another dimension than configured', async () => {
    await t.db.withSession(async (s) => {
      const [company] = await s.query<{ id: string }>(`insert into companies (name) values ('Vektor ApS') returning id`);
      await s.query(
        `insert into chunks (company_id, source_type, source_id, ordinal, content, lang, tokens, embedding)
         values ($1, 'knowledge', 'v1', 0, 'tekst', 'da', 1, (select array_agg(0.1)::vector(384) from generate_series(1, 384)))`,
        [company!.id],
      );
      await s.query(`update search_settings set value = '768' where key = 'embedding_dimensions'`);
    });
    try {
      const mismatch = (await checkData(t.db)).find((f) => f.code === 'embedding_dimension_mismatch');
      expect(mismatch).toMatchObject({ what: expect.stringMatching(/^1 passages have a vector/), recovery: 'run "crm reembed"' });
    } finally {
      await t.db.withSession((s) => s.query(`update search_settings set value = '384' where key = 'embedding_dimensions'`));
    }
  });
});
