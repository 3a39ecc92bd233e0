import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scope } from '../../core/db/scope/index.ts';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';
import { indexText } from '../../core/search/indexer.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DRIVERS } from '../support/databases.ts';
import { checkAnswer, expectInvalid, expectProblem } from '../support/problems.ts';

describe.each(DRIVERS)('POST /api/search on %s', (driver) => {
  let t: TestApp;
  let alpha: string;
  let beta: string;
  const embedder = createOfflineEmbedder();

  beforeAll(async () => {
    t = await createTestApp(driver, { maxBodyBytes: 64 * 1024 });
    alpha = checkAnswer(await t.call('POST', '/api/companies', { body: { name: 'Alfa Biler ApS' } })).body.id;
    beta = checkAnswer(await t.call('POST', '/api/companies', { body: { name: 'Beta Biler ApS' } })).body.id;
    for (const [company, text] of [
      [alpha, 'Alfa sælger en brugt bil med nyt synsbevis. Ring for en prøvetur.'],
      [beta, 'Beta sælger biler og bildele. Hemmeligt tilbud: 20 % rabat på vinterdæk.'],
    ] as const) {
      await scope(t.db, [company]).run((tx) =>
        indexText(tx, embedder, { companyId: company, sourceType: 'email', sourceId: `mail-${company}`, visibility: 'internal', text }),
      );
    }
  });
  afterAll(() => t.destroy());

  const search = async (body: unknown, token?: string) => checkAnswer(await t.call('POST', '/api/search', { body, ...(token ? { token } : {}) }));
  const companiesOf = (res: { body: { hits: { company_id: string }[] } }) => [...new Set(res.body.hits.map((h) => h.company_id))].sort();

  it('finds Danish text by stem and answers every hit with its source and a highlighted snippet', async () => {
    const res = await search({ query: 'biler', company_ids: [alpha] });
    expect(res.status).toBe(200);
    expect(res.body.hits[0]).toMatchObject({ company_id: alpha, source_type: 'email', source_id: `mail-${alpha}`, heading_path: [], url: null });
    expect(res.body.hits[0].snippet).toContain('**bil**');
    expect(res.body.hits[0].score).toBeGreaterThan(0);
  });

  it("never returns another company's passage to a restricted key, whatever it asks for", async () => {
    const onlyAlpha = await t.key(['crm:read'], [alpha]);
    expect(companiesOf(await search({ query: 'biler bildele vinterdæk rabat' }, onlyAlpha))).toEqual([alpha]);
    expect(companiesOf(await search({ query: 'vinterdæk rabat', company_ids: [beta] }, onlyAlpha))).toEqual([]);
    expect(companiesOf(await search({ query: 'vinterdæk rabat', company_ids: [alpha, beta] }, onlyAlpha))).toEqual([alpha]);
    expect(companiesOf(await search({ query: 'biler', company_ids: [alpha, beta] }))).toEqual([alpha, beta].sort());
    expect(companiesOf(await search({ query: 'biler', company_ids: [beta] }))).toEqual([beta]);
  });

  it('filters by source type', async () => {
    expect((await search({ query: 'biler', source_types: ['knowledge'] })).body.hits).toEqual([]);
    expect((await search({ query: 'biler', source_types: ['email'] })).body.hits.length).toBeGreaterThan(0);
  });

  it('answers queries in other scripts, with control characters or only punctuation, without an error', async () => {
    for (const query of ['汽车多少钱?', 'Сколько стоит машина', 'bil\u0000er\u0007\u001b[31m', '?!… —', '🚗🚗', "'; drop table chunks; --", 'bil & | ! :* ( )']) {
      const res = await search({ query });
      expect(res.status, query).toBe(200);
      expect(Array.isArray(res.body.hits)).toBe(true);
    }
    expect((await search({ query: 'bil' })).body.hits.length).toBeGreaterThan(0);
  });

  it('refuses empty, overlong and malformed requests with a clear problem', async () => {
    expectInvalid(await search({ query: '' }), 'body.query');
    expectInvalid(await search({ query: '   ' }), 'body.query');
    expectInvalid(await search({ query: 'x'.repeat(4001) }), 'body.query');
    expectInvalid(await search({ query: 'bil', k: 0 }), 'body.k');
    expectInvalid(await search({ query: 'bil', company_ids: ['not-a-uuid'] }), 'body.company_ids.0');
    expectInvalid(await search({ query: 'bil', source_types: ['Web Page'] }), 'body.source_types.0');
    expectInvalid(await search({ query: 'bil', everything: true }), 'body');
    expectProblem(await search({ query: 'x'.repeat(10 * 1024 * 1024) }), 413, 'payload-too-large');
    expectProblem(checkAnswer(await t.call('POST', '/api/search', { body: '{"query":', headers: { 'content-type': 'application/json' } })), 400, 'bad-request');
  });
});
