/**
 * The offline embedding provider `offline-hash-v1`: hashed stems, bigrams and character
 * n-grams, deterministic, with no download and no network. Method in embedder.ts.
 */
export { cosine, createOfflineEmbedder, embedText, type OfflineEmbedder, type OfflineEmbedderOptions } from './embedder.ts';
