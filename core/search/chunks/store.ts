import { sql } from 'drizzle-orm';
import { pgArray, rowsOf, type Tx } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';

/**
 * Rows per insert statement: 14 parameters a row stays far below Postgres' 65,535, and a
 * statement of 100 rows of 384-dimension vectors is under 1 MB of text.
 */
const INSERT_BATCH = 100;

/** A passage ready to store: text plus its embedding. */
export interface ChunkInput {
  ordinal: number;
  content: string;
  lang: 'da' | 'en' | 'simple';
  tokens: number;
  headingPath?: string[];
  anchor?: string | null;
  embedding: number[] | null;
}

/** Where a set of chunks came from. Re-indexing a source replaces all its chunks. */
export interface ChunkSource {
  companyId: string;
  /** `knowledge`, `web_page`, `document`, `email`, `chat`, … */
  sourceType: string;
  sourceId: string;
  visibility: 'public' | 'internal';
  title?: string | null;
  url?: string | null;
  embeddingModel: string | null;
}

/**
 * Replaces the chunks of one source in the caller's (scoped) transaction, so a search
 * never sees half of an old and half of a new version.
 *
 * @example
 * await replaceChunks(tx, { companyId, sourceType: 'knowledge', sourceId: id, visibility: 'public', embeddingModel: 'offline-hash-v2' }, chunks);
 */
export async function replaceChunks(tx: Tx, source: ChunkSource, chunks: ChunkInput[]): Promise<number> {
  for (const chunk of chunks) {
    if (chunk.embedding && !chunk.embedding.every(Number.isFinite)) {
      throw new CrmError('bad_request', `Embedding of chunk ${chunk.ordinal} holds a non-finite number`);
    }
  }
  await deleteSourceChunks(tx, source);
  // Many rows per statement: one round trip and one parse per batch instead of per chunk.
  for (let start = 0; start < chunks.length; start += INSERT_BATCH) {
    const rows = chunks.slice(start, start + INSERT_BATCH).map(
      (chunk) => sql`(${source.companyId}, ${source.sourceType}, ${source.sourceId}, ${source.visibility}, ${chunk.ordinal},
              ${source.title ?? null}, ${source.url ?? null}, ${pgArray(chunk.headingPath ?? [])}::text[], ${chunk.anchor ?? null},
              ${chunk.content}, ${chunk.lang}, ${chunk.tokens}, ${toVector(chunk.embedding)}::vector,
              ${chunk.embedding ? source.embeddingModel : null})`,
    );
    await tx.execute(sql`
      insert into chunks (company_id, source_type, source_id, visibility, ordinal, title, url, heading_path, anchor,
                          content, lang, tokens, embedding, embedding_model)
      values ${sql.join(rows, sql`, `)}`);
  }
  return chunks.length;
}

/** Removes every chunk of a source (when the source is deleted). */
export async function deleteSourceChunks(tx: Tx, source: Pick<ChunkSource, 'companyId' | 'sourceType' | 'sourceId'>): Promise<number> {
  const result = await tx.execute(sql`
    with gone as (delete from chunks where company_id = ${source.companyId} and source_type = ${source.sourceType}
                  and source_id = ${source.sourceId} returning 1)
    select count(*)::int as n from gone`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

/** pgvector's text form, `[0.1,0.2,…]`, or null. */
export function toVector(values: number[] | null): string | null {
  return values ? `[${values.join(',')}]` : null;
}
