/**
 * Embedding providers: one interface (`EmbeddingProvider`), the offline default, the
 * OpenAI-compatible provider, a cache, and the check that the database's vectors match.
 */
import { textAnalysis } from '../../plugins/context/text.ts';
import { createOfflineEmbedder as createHashEmbedder, type OfflineEmbedder } from '../../../plugins/embeddings-offline/embedder.ts';
import { createOpenAIEmbedder } from '../../../plugins/embeddings-openai/embedder.ts';

export { withEmbeddingCache } from './cache.ts';
export { createOpenAIEmbedder, type OpenAIEmbedderOptions } from '../../../plugins/embeddings-openai/embedder.ts';
export { ensureEmbeddingSettings, readEmbeddingSettings, setVectorDimensions, type EmbeddingSettings } from './settings.ts';
export type { EmbedKind, EmbeddingProvider } from './types.ts';

/**
 * The offline provider (the `embeddings-offline` plugin's) with the core's text analysis:
 * for tests, benchmarks and tools that embed without starting the plugin host.
 *
 * @example
 * const [vector] = await createOfflineEmbedder().embed(['Tagrender i zink']);
 */
export function createOfflineEmbedder(options: { dimensions?: number } = {}): OfflineEmbedder {
  return createHashEmbedder({ ...options, text: textAnalysis });
}
