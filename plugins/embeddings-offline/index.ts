import { z } from 'zod';
import { definePlugin } from '../../plugin-api.js';
import { createOfflineEmbedder } from './embedder.ts';

/**
 * The offline embedding provider (`offline-hash-v2`): no download, no key, deterministic;
 * hashed Danish/English stems, word bigrams, character n-grams and concepts of a bilingual
 * lexicon (concepts.ts). The default.
 */
export default definePlugin({
  id: 'embeddings-offline',
  kind: 'provider',
  version: '1.0.0',
  apiVersion: '2.0',
  config: z.object({ dimensions: z.number().int().min(16).max(2000).default(384) }),
  capabilities: [],
  setup(ctx) {
    return { embeddings: createOfflineEmbedder({ dimensions: ctx.config.dimensions, text: ctx.text }) };
  },
});
