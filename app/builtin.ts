import type { Config } from '../core/config/index.ts';
import type { AnyPlugin } from '../core/plugins/definition.ts';

const load = (module: Promise<{ default: unknown }>) => module.then((m) => ({ default: m.default as AnyPlugin }));

/**
 * The plugins that ship with the CRM, by id, loaded only when enabled. Each is a folder in
 * `plugins/` written against the same public API as third-party plugins; the core knows none
 * of them, this catalogue is handed to its plugin loader.
 *
 * @example
 * const { default: chat } = await BUILT_IN_PLUGINS.chat!();
 */
export const BUILT_IN_PLUGINS: Record<string, () => Promise<{ default: AnyPlugin }>> = {
  chat: () => load(import('../plugins/chat/index.ts')),
  documents: () => load(import('../plugins/documents/index.ts')),
  email: () => load(import('../plugins/email/index.ts')),
  website: () => load(import('../plugins/website/index.ts')),
  'embeddings-offline': () => load(import('../plugins/embeddings-offline/index.ts')),
  'embeddings-openai': () => load(import('../plugins/embeddings-openai/index.ts')),
  'llm-openai': () => load(import('../plugins/llm-openai/index.ts')),
  pricing: () => load(import('../plugins/pricing/index.ts')),
};

/** The built-in plugin behind each EMBEDDING_PROVIDER shorthand. */
export const EMBEDDING_PLUGINS: Record<string, string> = { offline: 'embeddings-offline', openai: 'embeddings-openai' };

/** The config of the built-in providers comes from the core's environment variables (OPENAI_*, EMBEDDING_*, LLM_*). */
export const BUILT_IN_CONFIG: Record<string, (config: Config) => Record<string, unknown>> = {
  'embeddings-offline': (config) => ({ dimensions: config.embeddings.dimensions }),
  'llm-openai': (config) => ({
    apiKey: config.openai.apiKey,
    ...(config.openai.baseUrl ? { baseUrl: config.openai.baseUrl } : {}),
    ...(config.llm.model ? { model: config.llm.model } : {}),
  }),
  'embeddings-openai': (config) => ({
    apiKey: config.openai.apiKey, dimensions: config.embeddings.dimensions,
    ...(config.openai.baseUrl ? { baseUrl: config.openai.baseUrl } : {}),
    ...(config.embeddings.model ? { model: config.embeddings.model } : {}),
  }),
};
