/**
 * Embedding providers as the core sees them: one interface (`EmbeddingProvider`), a cache,
 * and the check that the database's vectors match. The providers themselves are plugins
 * (`plugins/embeddings-*`); the core names none of them.
 */
export { withEmbeddingCache } from './cache.ts';
export { ensureEmbeddingSettings, readEmbeddingSettings, setVectorDimensions, type EmbeddingSettings } from './settings.ts';
export { createWordEmbedder } from './words.ts';
export type { EmbedKind, EmbeddingProvider } from './types.ts';
