import { z } from 'zod';
import { definePlugin } from '../../plugin-api.js';
import { createOpenAIChat } from './chat.ts';

/**
 * A chat model from any OpenAI-compatible `/chat/completions` endpoint (OpenAI, Azure v1,
 * Ollama, vLLM, LiteLLM): streamed, retried with backoff on 429/5xx, a clear error on 401.
 * Plugins reach it through the `llm` capability (`ctx.llm`).
 *
 * @example
 * // crm.config.ts
 * export default { plugins: [{ use: 'llm-openai', config: { apiKey: process.env.OPENAI_API_KEY, model: 'gpt-4o-mini' } }] };
 */
export default definePlugin({
  id: 'llm-openai',
  kind: 'provider',
  version: '1.0.0',
  apiVersion: '2.0',
  config: z.object({
    apiKey: z.string().min(1, 'is required (OPENAI_API_KEY)'),
    baseUrl: z.url().optional(),
    model: z.string().min(1).default('gpt-4o-mini'),
    temperature: z.number().min(0).max(2).default(0.2),
    maxTokens: z.number().int().min(1).max(16000).default(600),
    // For `complete` the deadline of one attempt; for `stream` the longest silence mid-answer.
    timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  }),
  capabilities: [],
  setup(ctx) {
    return { llm: createOpenAIChat(ctx.config) };
  },
});
