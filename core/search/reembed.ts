import { sql } from 'drizzle-orm';
import { type Database, pgArray, rowsOf } from '../db/types.ts';
import { type EmbeddingProvider, readEmbeddingSettings, setVectorDimensions } from './embeddings/index.ts';
import { checkVectors, passageText } from './indexer.ts';

const BATCH = 256;

export interface ReembedResult {
  /** Passages given a vector of the new provider. */
  embedded: number;
  /** Whether the vector column changed size (all old vectors dropped). */
  resized: boolean;
}

/**
 * Re-embeds every passage of every company with `embedder`, from the passage text stored
 * in `chunks` (so it works for every source, without re-reading the sources), resizing the
 * vector column first when the dimension changed, and then records the new model. It is
 * resumable: passages already carrying the new model's vectors are skipped, so running it
 * again after an interruption carries on. Run it while no server uses the database, so no
 * search mixes vectors of two models meanwhile.
 *
 * @example
 * await reembedAll(db, createEmbedder(config, db), (done, total) => bar.update(done, total));
 */
export async function reembedAll(
  db: Database,
  embedder: EmbeddingProvider,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ReembedResult> {
  const settings = await readEmbeddingSettings(db);
  const resized = settings.dimensions !== embedder.dimensions;
  if (resized) await db.withSession((s) => s.transaction((tx) => setVectorDimensions(tx, embedder.dimensions)));

  const pending = sql`(embedding is null or embedding_model is distinct from ${embedder.model})`;
  const total = rowsOf<{ n: number }>(await db.orm.execute(sql`select count(*)::int as n from chunks where ${pending}`))[0]!.n;
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  onProgress(0, total);
  for (;;) {
    const rows = rowsOf<{ id: string; title: string | null; heading_path: string[]; content: string }>(
      await db.orm.execute(sql`select id, title, heading_path, content from chunks
                               where id > ${after}::uuid and ${pending} order by id limit ${BATCH}`),
    );
    if (rows.length === 0) break;
    const vectors = await embedder.embed(rows.map((r) => passageText(r.title, r.heading_path, r.content)), 'passage');
    checkVectors(embedder, vectors, rows.length);
    await db.orm.execute(sql`
      update chunks set embedding = v.e::vector, embedding_model = ${embedder.model}
      from (select unnest(${pgArray(rows.map((r) => r.id))}::uuid[]) as id, unnest(${pgArray(vectors.map((v) => `[${v.join(',')}]`))}::text[]) as e) v
      where chunks.id = v.id`);
    done += rows.length;
    after = rows.at(-1)!.id;
    onProgress(done, total);
  }
  await db.orm.execute(sql`
    insert into search_settings (key, value) values ('embedding_model', to_jsonb(${embedder.model}::text))
    on conflict (key) do update set value = excluded.value, updated_at = now()`);
  return { embedded: done, resized };
}
