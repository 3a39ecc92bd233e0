/**
 * Retrieval: text → passages (`text/`), passages → vectors (`embeddings/`), passages in the
 * `chunks` table (`chunks/`), and hybrid full-text + vector search over them (`hybrid/`).
 */
import type { Scope } from '../db/scope/index.ts';
import type { EmbeddingProvider } from './embeddings/index.ts';
import { type SearchHit, type SearchOptions, searchInScope } from './hybrid/index.ts';

export { deleteSourceChunks, replaceChunks, type ChunkInput, type ChunkSource } from './chunks/store.ts';
export * from './embeddings/index.ts';
export { hybridSearch, searchExact, searchInScope, type SearchHit, type SearchOptions } from './hybrid/index.ts';
export { indexText, type IndexInput } from './indexer.ts';
export { reembedAll } from './reembed.ts';
export { searchRoutes } from './routes.ts';
export { chunkText, detectLanguage } from './text/index.ts';

/**
 * Embeds the query with `embedder` and runs the hybrid search in a company scope (one scoped
 * transaction, see searchInScope): what the chatbot, pricing and recommendations call.
 *
 * @example
 * const hits = await search(scope(db, [selfId]), embedder, { query: 'Hvad koster en tagrende?', companyIds: [selfId], visibility: 'public', k: 5 });
 */
export async function search(scoped: Scope, embedder: EmbeddingProvider, options: Omit<SearchOptions, 'embedding'>): Promise<SearchHit[]> {
  const [embedding] = options.query.trim() ? await embedder.embed([options.query], 'query') : [];
  return searchInScope(scoped, { ...options, embedding: embedding ?? null });
}
