/**
 * Embedding providers: one interface (`EmbeddingProvider`), the offline default, the
 * OpenAI-compatible provider, a cache, and the check that the database's vectors match.
 */
import type { Config } from '../../config/index.ts';
import type { Database } from '../../db/types.ts';
import { withEmbeddingCache } from './cache.ts';
import { createOfflineEmbedder } from './offline/index.ts';
import { createOpenAIEmbedder } from './openai/index.ts';
import type { EmbeddingProvider } from './types.ts';

export { withEmbeddingCache } from './cache.ts';
export { createOfflineEmbedder } from './offline/index.ts';
export { createOpenAIEmbedder, type OpenAIEmbedderOptions } from './openai/index.ts';
export { ensureEmbeddingSettings, readEmbeddingSettings, setVectorDimensions, type EmbeddingSettings } from './settings.ts';
export type { EmbedKind, EmbeddingProvider } from './types.ts';

/**
 * The provider the configuration asks for. A remote provider is wrapped in the embedding
 * cache (re-indexing unchanged text costs no call); the offline one is faster than a cache
 * lookup, so it is not.
 *
 * @example
 * const embedder = createEmbedder(loadConfig(), db);
 * await ensureEmbeddingSettings(db, embedder);
 */
export function createEmbedder(config: Pick<Config, 'embeddings' | 'openai'>, db: Database): EmbeddingProvider {
  const { provider, model, dimensions } = config.embeddings;
  if (provider === 'offline') return createOfflineEmbedder({ dimensions });
  const remote = createOpenAIEmbedder({ apiKey: config.openai.apiKey ?? '', baseUrl: config.openai.baseUrl, dimensions, ...(model ? { model } : {}) });
  return withEmbeddingCache(remote, db);
}
