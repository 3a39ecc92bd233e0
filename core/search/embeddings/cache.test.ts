import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/types.ts';
import { isCrmError } from '../../errors/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../../test/support/databases.ts';
import { contentHash, withEmbeddingCache } from './cache.ts';
import type { EmbedKind, EmbeddingProvider } from './types.ts';

/** A provider that records its calls; vectors depend on model, kind and text. */
function fakeProvider(model = 'fake-v1', dimensions = 16) {
  const calls: { texts: string[]; kind: EmbedKind | undefined }[] = [];
  let corrupt: ((vectors: number[][]) => number[][]) | undefined;
  const provider: EmbeddingProvider & { calls: typeof calls; corruptNext(fn: (v: number[][]) => number[][]): void } = {
    id: 'fake',
    model,
    dimensions,
    calls,
    corruptNext(fn) {
      corrupt = fn;
    },
    async embed(texts, kind) {
      calls.push({ texts: [...texts], kind });
      const vectors = texts.map((text) => vectorOf(`${model}|${kind}|${text}`, dimensions));
      const fn = corrupt;
      corrupt = undefined;
      return fn ? fn(vectors) : vectors;
    },
  };
  return provider;
}

function vectorOf(seed: string, dimensions: number): number[] {
  const bytes = createHash('sha512').update(seed).digest();
  return Array.from({ length: dimensions }, (_, j) => ((bytes[j % 64]! - 127.5) / 127.5) * 10 ** ((j % 7) - 3));
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    dot += x * b[i]!;
    na += x * x;
    nb += b[i]! * b[i]!;
  });
  return dot / Math.sqrt(na * nb);
}

describe.each(DRIVERS)('withEmbeddingCache on %s', (driver) => {
  let test: TestDatabase;
  const rowCount = async () =>
    rowsOf<{ n: number }>(await test.db.orm.execute(sql`select count(*)::int as n from embedding_cache`))[0]!.n;

  beforeAll(async () => {
    test = await createTestDatabase(driver);
  });
  afterAll(() => test?.destroy());
  beforeEach(async () => {
    await test.db.orm.execute(sql`delete from embedding_cache`);
  });

  it('is a system table: RLS on, no policies', async () => {
    const [row] = rowsOf<{ rls: boolean; policies: number }>(
      await test.db.orm.execute(sql`
        select c.relrowsecurity as rls, (select count(*)::int from pg_policies where tablename = 'embedding_cache') as policies
        from pg_class c where c.oid = 'embedding_cache'::regclass`),
    );
    expect(row).toEqual({ rls: true, policies: 0 });
  });

  it('answers a second embed of the same texts with no provider call, in the same order', async () => {
    const provider = fakeProvider();
    const cached = withEmbeddingCache(provider, test.db);
    expect(cached).toMatchObject({ id: 'fake', model: 'fake-v1', dimensions: 16 });
    const texts = ['en bil', 'two cars', 'tre "biler", med \\ og {klammer}'];
    const first = await cached.embed(texts, 'passage');
    expect(provider.calls).toHaveLength(1);
    const second = await cached.embed(texts, 'passage');
    expect(provider.calls).toHaveLength(1);
    second.forEach((v, i) => expect(cosine(v, first[i]!)).toBeCloseTo(1, 6));
    expect(await rowCount()).toBe(3);
  });

  it('calls the provider only for the new texts of a mix, once per distinct text', async () => {
    const provider = fakeProvider();
    const cached = withEmbeddingCache(provider, test.db);
    await cached.embed(['a', 'b']);
    const vectors = await cached.embed(['c', 'a', 'd', 'c', 'b', 'd']);
    expect(provider.calls.map((c) => c.texts)).toEqual([['a', 'b'], ['c', 'd']]);
    const expected = ['c', 'a', 'd', 'c', 'b', 'd'].map((t) => vectorOf(`fake-v1|passage|${t}`, 16));
    vectors.forEach((v, i) => expect(cosine(v, expected[i]!)).toBeGreaterThan(1 - 1e-6));
    expect(vectors[0]).toEqual(vectors[3]);
    expect(await rowCount()).toBe(4);
  });

  it('misses when the model changes', async () => {
    const v1 = fakeProvider('fake-v1');
    const v2 = fakeProvider('fake-v2');
    await withEmbeddingCache(v1, test.db).embed(['same text']);
    await withEmbeddingCache(v2, test.db).embed(['same text']);
    expect(v2.calls).toHaveLength(1);
    await withEmbeddingCache(v1, test.db).embed(['same text']);
    expect(v1.calls).toHaveLength(1);
    expect(await rowCount()).toBe(2);
  });

  it('keeps query and passage apart, and treats an omitted kind as passage', async () => {
    const provider = fakeProvider();
    const cached = withEmbeddingCache(provider, test.db);
    const [asQuery] = await cached.embed(['hvad koster en bil'], 'query');
    const [asPassage] = await cached.embed(['hvad koster en bil'], 'passage');
    await cached.embed(['hvad koster en bil']);
    await cached.embed(['hvad koster en bil'], 'query');
    expect(provider.calls.map((c) => c.kind)).toEqual(['query', 'passage']);
    expect(cosine(asQuery!, asPassage!)).toBeLessThan(0.99);
    expect(contentHash('x', 'query')).not.toBe(contentHash('x', 'passage'));
    expect(contentHash('x', 'query')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips values as float4: cosine 1 within 1e-6, each value the float32 nearest the original', async () => {
    const provider = fakeProvider('round-trip', 384);
    const texts = Array.from({ length: 20 }, (_, i) => `passage ${i}`);
    const original = await withEmbeddingCache(provider, test.db).embed(texts);
    const again = await withEmbeddingCache(fakeProvider('round-trip', 384), test.db).embed(texts);
    again.forEach((v, i) => {
      expect(Math.abs(cosine(v, original[i]!) - 1)).toBeLessThan(1e-6);
      expect(v).toEqual(original[i]!.map(Math.fround));
    });
  });

  it('misses on another dimension of the same model and replaces the entry', async () => {
    await withEmbeddingCache(fakeProvider('shortenable', 16), test.db).embed(['t']);
    const shorter = fakeProvider('shortenable', 8);
    const [v] = await withEmbeddingCache(shorter, test.db).embed(['t']);
    expect(v).toHaveLength(8);
    expect(shorter.calls).toHaveLength(1);
    await withEmbeddingCache(shorter, test.db).embed(['t']);
    expect(shorter.calls).toHaveLength(1);
    expect(await rowCount()).toBe(1);
  });

  it.each([
    ['a NaN', (v: number[][]) => v.map((x, i) => (i === 1 ? [Number.NaN, ...x.slice(1)] : x)), /non-finite/],
    ['a wrong dimension', (v: number[][]) => v.map((x) => x.slice(1)), /15 dimensions where 16/],
    ['too few vectors', (v: number[][]) => v.slice(1), /2 vectors for 3 texts/],
  ])('refuses a provider answer with %s and caches nothing', async (_name, corrupt, message) => {
    const provider = fakeProvider();
    provider.corruptNext(corrupt);
    const error = await withEmbeddingCache(provider, test.db).embed(['x', 'y', 'z']).catch((e: unknown) => e);
    expect(isCrmError(error, 'unavailable')).toBe(true);
    expect((error as Error).message).toMatch(message);
    expect(await rowCount()).toBe(0);
  });

  it('handles no texts without a query or a call, and many texts in one lookup', async () => {
    const provider = fakeProvider('bulk', 4);
    const cached = withEmbeddingCache(provider, test.db);
    expect(await cached.embed([])).toEqual([]);
    const texts = Array.from({ length: 1_200 }, (_, i) => `text ${i}`);
    await cached.embed(texts);
    await cached.embed(texts);
    expect(provider.calls.map((c) => c.texts.length)).toEqual([1_200]);
    expect(await rowCount()).toBe(1_200);
  });
});
