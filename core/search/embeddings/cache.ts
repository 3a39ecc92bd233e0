import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import type { EmbedKind, EmbeddingProvider } from './types.ts';

/** Most rows written by one insert statement. */
const STORE_ROWS = 500;

/**
 * Wraps a provider with the `embedding_cache` table, keyed by model and a hash of kind and
 * text, so re-indexing unchanged text calls no provider. One call looks up every text in one
 * query, embeds only the misses (each distinct text once) in one provider call, stores them,
 * and returns the vectors in input order. The wrapper has the provider's id, model and
 * dimensions. An omitted `kind` is `passage` (also for the provider it calls).
 *
 * A cached vector of another dimension (the same model asked for shorter vectors) is a miss,
 * and storing the new one replaces it: the key holds one vector per model and text.
 *
 * @example
 * const embedder = withEmbeddingCache(createOpenAIEmbedder({ apiKey }), db);
 * await embedder.embed(passages, 'passage'); // again: no provider call
 */
export function withEmbeddingCache(provider: EmbeddingProvider, db: Database): EmbeddingProvider {
  const { id, model, dimensions } = provider;
  return {
    id,
    model,
    dimensions,
    async embed(texts: string[], kind: EmbedKind = 'passage'): Promise<number[][]> {
      if (texts.length === 0) return [];
      const hashes = texts.map((text) => contentHash(text, kind));
      const found = await lookup(db, model, dimensions, [...new Set(hashes)]);

      const misses = new Map<string, string>();
      hashes.forEach((hash, i) => {
        if (!found.has(hash) && !misses.has(hash)) misses.set(hash, texts[i]!);
      });
      if (misses.size > 0) {
        const vectors = await provider.embed([...misses.values()], kind);
        checkVectors(provider, vectors, misses.size);
        const rows = [...misses.keys()].map((hash, i) => ({ hash, vector: vectors[i]! }));
        await store(db, model, dimensions, rows);
        for (const { hash, vector } of rows) found.set(hash, vector);
      }
      return hashes.map((hash) => found.get(hash)!);
    },
  };
}

/** The cache key of a text: sha256 hex of its kind and its exact characters. */
export function contentHash(text: string, kind: EmbedKind): string {
  return createHash('sha256').update(kind).update('\0').update(text).digest('hex');
}

async function lookup(db: Database, model: string, dimensions: number, hashes: string[]): Promise<Map<string, number[]>> {
  const result = await db.orm.execute(sql`
    select content_hash, embedding::text as embedding from embedding_cache
    where model = ${model} and dimensions = ${dimensions} and content_hash = any(${textArray(hashes)}::text[])`);
  const rows = rowsOf<{ content_hash: string; embedding: string }>(result);
  return new Map(rows.map((row) => [row.content_hash, parseReals(row.embedding)]));
}

async function store(db: Database, model: string, dimensions: number, rows: { hash: string; vector: number[] }[]): Promise<void> {
  for (let start = 0; start < rows.length; start += STORE_ROWS) {
    const part = rows.slice(start, start + STORE_ROWS);
    // Both columns travel as text arrays (one parameter each, whatever the row count);
    // each vector is a float4 array literal, `{0.1,-0.2,…}`.
    await db.orm.execute(sql`
      insert into embedding_cache (model, content_hash, dimensions, embedding)
      select ${model}, h, ${dimensions}, e::real[]
      from unnest(${textArray(part.map((r) => r.hash))}::text[], ${textArray(part.map((r) => `{${r.vector.join(',')}}`))}::text[]) as t(h, e)
      on conflict (model, content_hash) do update
        set dimensions = excluded.dimensions, embedding = excluded.embedding, created_at = now()
        where embedding_cache.dimensions <> excluded.dimensions`);
  }
}

/** A provider's answer must fit before anything is cached or returned. */
function checkVectors(provider: EmbeddingProvider, vectors: unknown, expected: number): asserts vectors is number[][] {
  const refuse = (problem: string) =>
    new CrmError('unavailable', `The embedding provider ${provider.id} (${provider.model}) ${problem}; nothing was cached`);
  if (!Array.isArray(vectors) || vectors.length !== expected) {
    throw refuse(`returned ${Array.isArray(vectors) ? vectors.length : 'no'} vectors for ${expected} texts`);
  }
  for (const vector of vectors) {
    if (!Array.isArray(vector) || vector.length !== provider.dimensions) {
      throw refuse(`returned a vector of ${Array.isArray(vector) ? vector.length : 'no'} dimensions where ${provider.dimensions} were expected`);
    }
    if (!vector.every((v) => typeof v === 'number' && Number.isFinite(v))) throw refuse('returned a vector holding a non-finite value');
  }
}

/** A Postgres text[] literal; every element quoted and escaped. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Postgres' text form of a real[] (`{0.1,-2e-05}`) as numbers. Postgres writes the shortest
 * decimal that identifies each float4, so rounding it to float32 gives back exactly the stored value.
 */
function parseReals(text: string): number[] {
  const inner = text.slice(1, -1);
  return inner === '' ? [] : inner.split(',').map((value) => Math.fround(Number(value)));
}
