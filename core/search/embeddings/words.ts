import { createHash } from 'node:crypto';
import { detectLanguage, stem, tokenize } from '../text/index.ts';
import type { EmbeddingProvider } from './types.ts';

/**
 * A minimal deterministic embedder: each word's stem hashed to a signed bucket, the vector
 * L2-normalised. No synonyms, no n-grams; it exists so the core's own tests and tools can
 * embed without any provider plugin. Real installs use a provider plugin.
 *
 * @example
 * const [vector] = await createWordEmbedder({ dimensions: 384 }).embed(['Tagrender i zink']);
 */
export function createWordEmbedder(options: { dimensions?: number; model?: string } = {}): EmbeddingProvider {
  const dimensions = options.dimensions ?? 384;
  return {
    id: 'words',
    model: options.model ?? `words-v1-${dimensions}`,
    dimensions,
    async embed(texts) {
      return texts.map((text) => {
        const vector = new Array<number>(dimensions).fill(0);
        const lang = detectLanguage(text);
        for (const word of tokenize(text.slice(0, 100_000))) {
          const digest = createHash('sha1').update(stem(word, lang)).digest();
          vector[digest.readUInt32BE(0) % dimensions]! += digest[4]! & 1 ? 1 : -1;
        }
        const norm = Math.hypot(...vector);
        return norm === 0 ? vector : vector.map((x) => x / norm);
      });
    },
  };
}
