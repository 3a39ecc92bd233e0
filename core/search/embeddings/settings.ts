import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import type { EmbeddingProvider } from './types.ts';

/** What the database records about the vectors in `chunks.embedding`. */
export interface EmbeddingSettings {
  dimensions: number;
  /** The model that made the stored vectors; null until the first start records it. */
  model: string | null;
}

export async function readEmbeddingSettings(db: Database): Promise<EmbeddingSettings> {
  const rows = rowsOf<{ key: string; value: unknown }>(
    await db.orm.execute(sql`select key, value from search_settings where key in ('embedding_dimensions', 'embedding_model')`),
  );
  const get = (key: string) => rows.find((r) => r.key === key)?.value;
  return { dimensions: Number(get('embedding_dimensions') ?? 384), model: (get('embedding_model') as string | undefined) ?? null };
}

/**
 * Makes sure the stored vectors and the configured provider speak the same space, before
 * the server or a worker embeds anything: same dimension (the vector column's) and same
 * model (vectors of two models are not comparable). While no chunk holds a vector the
 * database simply adopts the provider's; afterwards a change is refused with the command
 * that re-embeds everything.
 *
 * @example
 * await ensureEmbeddingSettings(db, embedder); // throws CrmError('conflict', '… crm reembed …')
 */
export async function ensureEmbeddingSettings(db: Database, provider: EmbeddingProvider): Promise<void> {
  const current = await readEmbeddingSettings(db);
  if (current.dimensions === provider.dimensions && current.model === provider.model) return;
  const embedded = rowsOf<{ n: number }>(await db.orm.execute(sql`select count(*)::int as n from (select 1 from chunks where embedding is not null limit 1) x`))[0]!.n;
  if (embedded > 0) {
    const was = `${current.model ?? 'an unrecorded model'} (${current.dimensions} dimensions)`;
    const now = `${provider.id}/${provider.model} (${provider.dimensions} dimensions)`;
    throw new CrmError(
      'conflict',
      `The stored embeddings were made by ${was}, but the configured provider is ${now}. ` +
        `Re-embed every passage with the new provider by running \`crm reembed\` (with the same environment), or configure the previous provider again`,
    );
  }
  await db.withSession((session) =>
    session.transaction(async (tx) => {
      if (current.dimensions !== provider.dimensions) await setVectorDimensions(tx, provider.dimensions);
      await tx.query(
        `insert into search_settings (key, value) values ('embedding_model', to_jsonb($1::text))
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [provider.model],
      );
    }),
  );
}

/**
 * Changes the dimension of `chunks.embedding` (dropping every stored vector: they are of
 * the old size) and rebuilds the HNSW index. The caller re-embeds afterwards.
 */
export async function setVectorDimensions(session: { query(text: string, params?: unknown[]): Promise<unknown> }, dimensions: number): Promise<void> {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 2000) {
    throw new CrmError('bad_request', `An indexed vector has 1 to 2000 dimensions, not ${dimensions}`);
  }
  await session.query('drop index if exists chunks_embedding_idx');
  await session.query(`alter table chunks alter column embedding type vector(${dimensions}) using null`);
  await session.query('create index chunks_embedding_idx on chunks using hnsw (embedding vector_cosine_ops)');
  await session.query(
    `update search_settings set value = to_jsonb($1::int), updated_at = now() where key = 'embedding_dimensions'`,
    [dimensions],
  );
}
