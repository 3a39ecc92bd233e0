/**
 * The offline embedder, model `offline-hash-v2`: a deterministic, download-free, key-free
 * text vector for Danish and English, so search works the moment the CRM is installed.
 *
 * Method (feature hashing, "the hashing trick"):
 * 1. Language: `detectLanguage` picks Danish or English, which selects stemmer and stop words.
 * 2. Words: `tokenize` (lower case, Unicode letters and digits; see text/tokenize.ts).
 * 3. Features of each word:
 *    - its Snowball stem, weight 1 — inflections meet: "biler"/"bil", "companies"/"company";
 *      a stop word's stem weighs only 0.2 ("og", "the" say little about the topic);
 *    - the bigram of it and the previous content word (stop words skipped), weight 0.5 —
 *      some word order: "renovering af tag" gives renover+tag;
 *    - its character 3-, 4- and 5-grams with boundary marks ("<ta", "tag", …, "ing>"), all of
 *      them together weighing 0.9 (each 0.9/√count) — this is what makes a Danish compound
 *      and its parts overlap ("tagrenovering" shares "tag", "renov", "ering>" with
 *      "renovering af tag"), and it forgives typos and the stems Snowball misses
 *      ("tagrende" → "tagr" but "tagrender" → "tagrend"). Stop words get none;
 *    - its concept, if the hand-written Danish/English lexicon in concepts.ts has the word (by
 *      surface form or stem), weight 1.25 — synonyms, inflections Snowball misses and
 *      translations meet: "koster", "priser" and "pricing" share the concept price,
 *      "åbningstider" and "open" share open, so a Danish question finds an English text on
 *      the same topic.
 * 4. Each feature is hashed (FNV-1a + MurmurHash3's fmix32) to a bucket `hash mod dimensions`
 *    and a sign from the hash's top bit; signed hashing makes collisions cancel out on
 *    average instead of piling up, so the dot product stays an unbiased estimate.
 * 5. Sublinear term frequency: a feature's summed weight x counts x when x ≤ 1 and 1 + ln x
 *    above (i.e. 1 + ln tf for a word), so a word repeated ten times does not drown the rest.
 * 6. The vector is L2-normalised, so cosine similarity is the dot product. A text with no
 *    letters or digits (empty, only emoji or punctuation) has no features and gets the zero
 *    vector: it is similar to nothing, and never NaN.
 *
 * Queries and passages are embedded the same way (the method is symmetric); `kind` is
 * accepted for the provider interface. Only the first 100,000 characters of a text count,
 * as any model truncates at its context length. Outside its lexicon's few hundred concepts it
 * is a lexical model: paraphrases that share no stem, letter sequence or concept do not meet;
 * a neural provider covers those. A text is stemmed and looked up in one language (the one
 * `detectLanguage` picks), so a lone Danish word with no Danish evidence ("faktura") is read
 * as English and gets no concept.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { EmbeddingProvider, TextAnalysis } from '../../plugin-api.d.ts';
import { fmix32 } from './hash.ts';
import { textFeatures } from './features.ts';

/** The offline provider: `id` and `model` are fixed, the dimension is chosen at creation. */
export interface OfflineEmbedder extends EmbeddingProvider {
  readonly id: 'offline';
  readonly model: 'offline-hash-v2';
  readonly dimensions: number;
  embed(texts: string[], kind?: 'query' | 'passage'): Promise<number[][]>;
}

export interface OfflineEmbedderOptions {
  /** Length of the vectors; must match the database's vector column. Default 384. */
  dimensions?: number;
  /** Language detection, tokenizer, stemmer and stop words: the plugin's `ctx.text`. */
  text: TextAnalysis;
}

// Texts are embedded in slices with a turn of the event loop in between, so a re-index of
// thousands of passages does not stall the HTTP server running in the same process.
const SLICE = 256;

/**
 * Creates the offline embedding provider (method in the comment at the top of this file).
 *
 * @example
 * const embedder = createOfflineEmbedder({ text: ctx.text });
 * const [query, passage] = await embedder.embed(['Hvad koster en ny tagrende?', 'Priser på tagrender og montering']);
 * query.length; // 384
 * cosine(query, passage); // > 0, and more than for 'Vores åbningstider er 8-16'
 */
export function createOfflineEmbedder(options: OfflineEmbedderOptions): OfflineEmbedder {
  const dimensions = options.dimensions ?? 384;
  const analysis = options.text;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16_000) {
    throw new RangeError(`Embedding dimensions must be an integer from 1 to 16000, got ${String(dimensions)}`);
  }
  return {
    id: 'offline',
    model: 'offline-hash-v2',
    dimensions,
    async embed(texts: string[], _kind: 'query' | 'passage' = 'passage'): Promise<number[][]> {
      if (!Array.isArray(texts)) throw new TypeError('embed() takes an array of strings');
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i];
        if (typeof text !== 'string') throw new TypeError(`embed(): text ${i} is not a string`);
        vectors.push(embedText(text, dimensions, analysis));
        if ((i + 1) % SLICE === 0 && i + 1 < texts.length) await yieldToLoop();
      }
      return vectors;
    },
  };
}

/**
 * The vector of one text, synchronously (what `embed` does for each text).
 *
 * @example
 * embedText('Biler til salg', 384, ctx.text).length; // 384
 * embedText('', 384, ctx.text).every((x) => x === 0); // true: no features, zero vector
 */
export function embedText(text: string, dimensions: number, analysis: TextAnalysis): number[] {
  const vector = new Float64Array(dimensions);
  for (const [hash, weight] of textFeatures(text, analysis)) {
    const value = weight <= 1 ? weight : 1 + Math.log(weight);
    // The sign comes from the hash re-mixed, independent of the bucket (the low bits).
    vector[hash % dimensions]! += fmix32(hash ^ 0x5bd1e995) & 1 ? value : -value;
  }
  let norm = 0;
  for (let i = 0; i < dimensions; i++) norm += vector[i]! * vector[i]!;
  const result = new Array<number>(dimensions);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < dimensions; i++) result[i] = vector[i]! * scale;
  return result;
}

/**
 * Cosine similarity of two vectors (0 when either is the zero vector).
 *
 * @example
 * cosine([1, 0], [1, 0]); // 1
 */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
