import type { AnyPlugin } from './definition.ts';

const load = (module: Promise<{ default: unknown }>) => module.then((m) => ({ default: m.default as AnyPlugin }));

/**
 * The plugins that ship with the CRM, by id, loaded only when enabled. Each is a folder in
 * `plugins/` written against the same public API as third-party plugins.
 */
export const BUILT_IN_PLUGINS: Record<string, () => Promise<{ default: AnyPlugin }>> = {
  chat: () => load(import('../../plugins/chat/index.ts')),
  'embeddings-offline': () => load(import('../../plugins/embeddings-offline/index.ts')),
  'embeddings-openai': () => load(import('../../plugins/embeddings-openai/index.ts')),
  'llm-openai': () => load(import('../../plugins/llm-openai/index.ts')),
};
