import { z } from 'zod';
import { definePlugin } from '../../plugin-api.js';
import { createOpenAIEmbedder } from './embedder.ts';

/**
 * Embeddings from any OpenAI-compatible `/embeddings` endpoint (OpenAI, Azure, Ollama,
 * vLLM): batched, retried with backoff on 429/5xx, a clear error on 401.
 */
export default definePlugin({
  id: 'embeddings-openai',
  kind: 'provider',
  version: '1.0.0',
  apiVersion: '2.0',
  config: z.object({
    apiKey: z.string().min(1, 'is required (OPENAI_API_KEY)'),
    baseUrl: z.url().optional(),
    model: z.string().min(1).default('text-embedding-3-small'),
    dimensions: z.number().int().min(16).max(2000).default(384),
  }),
  capabilities: [],
  setup(ctx) {
    return { embeddings: createOpenAIEmbedder(ctx.config) };
  },
});
