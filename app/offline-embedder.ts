import { textAnalysis } from '../core/plugins/context/text.ts';
import { createOfflineEmbedder as createHashEmbedder, type OfflineEmbedder } from '../plugins/embeddings-offline/embedder.ts';

/**
 * The offline provider (the `embeddings-offline` plugin's) with the core's text analysis:
 * for the test kit, tests, benchmarks and tools that embed without starting a plugin host.
 *
 * @example
 * const [vector] = await createOfflineEmbedder().embed(['Tagrender i zink']);
 */
export function createOfflineEmbedder(options: { dimensions?: number } = {}): OfflineEmbedder {
  return createHashEmbedder({ ...options, text: textAnalysis });
}
