import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../../test/support/databases.ts';
import { createCompany } from '../../companies/store.ts';
import { scope } from '../../db/scope/index.ts';
import { type ChunkInput, replaceChunks } from '../chunks/store.ts';
import { hybridSearch } from './index.ts';

/** A one-hot "embedding": enough to test the vector arm's plumbing without a model. */
function axis(i: number): number[] {
  const v = new Array<number>(384).fill(0);
  v[i] = 1;
  return v;
}

function chunk(ordinal: number, content: string, lang: 'da' | 'en', embedding: number[] | null = null): ChunkInput {
  return { ordinal, content, lang, tokens: content.split(' ').length, embedding };
}

describe.each(DRIVERS)('hybrid search on %s', (driver) => {
  let t: TestDatabase;
  let a: string;
  let b: string;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    const all = scope(t.db, 'all');
    [a, b] = await all.run(async (tx) => [
      (await createCompany(tx, { name: 'Alfa' })).id,
      (await createCompany(tx, { name: 'Beta' })).id,
    ]);
    await all.run(async (tx) => {
      const source = (companyId: string, sourceId: string, visibility: 'public' | 'internal' = 'public') => ({
        companyId, sourceType: 'knowledge', sourceId, visibility, title: `Artikel ${sourceId}`, embeddingModel: 'test',
      });
      await replaceChunks(tx, source(a, 'biler'), [chunk(0, 'Vi sælger en bil til fornuftige priser.', 'da', axis(1))]);
      await replaceChunks(tx, source(a, 'gutters'), [chunk(0, 'We replace gutters and downpipes on all roofs.', 'en', axis(2))]);
      await replaceChunks(tx, source(a, 'secret', 'internal'), [chunk(0, 'Intern prisliste for biler og tagrender.', 'da', axis(3))]);
      await replaceChunks(tx, source(b, 'other'), [chunk(0, 'Beta sælger også biler og bil-dele.', 'da', axis(1))]);
    });
  });
  afterAll(() => t.destroy());

  const search = (companyIds: string[] | 'all', query: string, extra: Partial<Parameters<typeof hybridSearch>[1]> = {}) =>
    scope(t.db, companyIds).run((tx) => hybridSearch(tx, { query, embedding: null, companyIds, ...extra }));

  it('finds Danish text by its stem: "biler" finds "bil"', async () => {
    const hits = await search([a], 'Hvad koster biler?', { visibility: 'public' });
    expect(hits.map((h) => h.sourceId)).toEqual(['biler']);
    expect(hits[0]!.snippet).toContain('**bil**');
  });

  it('ORs the words of a question instead of requiring all of them', async () => {
    const hits = await search([a], 'Do you also replace old gutters on a thatched cottage?');
    expect(hits[0]?.sourceId).toBe('gutters');
  });

  it('never returns another company’s chunk, whatever the filter asks for', async () => {
    const hits = await search([a], 'bil biler bil-dele Beta', { visibility: undefined });
    expect(hits.every((h) => h.companyId === a)).toBe(true);
    // Asking for B's id from inside A's scope: RLS still hides B's rows.
    const sneaky = await scope(t.db, [a]).run((tx) => hybridSearch(tx, { query: 'biler', embedding: axis(1), companyIds: [a, b] }));
    expect(sneaky.every((h) => h.companyId === a)).toBe(true);
  });

  it('keeps internal passages out of a public search', async () => {
    const hits = await search([a], 'prisliste tagrender', { visibility: 'public' });
    expect(hits.map((h) => h.sourceId)).not.toContain('secret');
    expect((await search([a], 'prisliste', { visibility: 'internal' })).map((h) => h.sourceId)).toEqual(['secret']);
  });

  it('fuses the vector arm: a passage with no word in common is found by its embedding', async () => {
    const hits = await search([a], 'tagarbejde', { embedding: axis(2), visibility: 'public' });
    expect(hits[0]).toMatchObject({ sourceId: 'gutters', ranks: { fulltext: null, vector: 1 } });
  });

  it('survives empty, huge, foreign-script and control-character queries', async () => {
    expect(await search([a], '')).toEqual([]);
    expect(await search([a], '\u0000\u0007 ?!')).toEqual([]);
    expect(Array.isArray(await search([a], 'Сколько стоит 屋顶 ' + 'x'.repeat(100_000)))).toBe(true);
    expect(Array.isArray(await search([a], "bil' | !& ( :* ")) ).toBe(true);
  });

  it('replacing a source swaps its chunks atomically', async () => {
    await scope(t.db, [a]).run((tx) =>
      replaceChunks(tx, { companyId: a, sourceType: 'knowledge', sourceId: 'gutters', visibility: 'public', embeddingModel: 'test' }, [
        chunk(0, 'Skylights and roof windows, fitted in a day.', 'en', axis(4)),
      ]),
    );
    expect((await search([a], 'gutters downpipes')).map((h) => h.sourceId)).not.toContain('gutters');
    expect((await search([a], 'skylights')).map((h) => h.sourceId)).toEqual(['gutters']);
  });
});
