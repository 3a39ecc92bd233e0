import type { TextAnalysis } from '../../plugin-api.d.ts';
import { conceptMaps } from './concepts.ts';
import { FNV_OFFSET, fmix32, fnv1a, fnvStep } from './hash.ts';

// Weights of the feature types (see the method note in embedder.ts).
export const WEIGHTS = {
  /** A stemmed content word. */
  word: 1,
  /** A stemmed stop word: kept (they matter in "Can I …?" vs "I can …") but quiet. */
  stopword: 0.2,
  /** Two consecutive content words, stop words skipped ("renovering af tag" → renover+tag). */
  bigram: 0.5,
  /** All character n-grams of one content word together (L2 mass per word). */
  ngrams: 0.9,
  /**
   * The concept of a content word in the lexicon of concepts.ts ("koster", "priser", "price" →
   * price). A little above a word: for a synonym or a translation it is the only shared feature.
   * Chosen from 0.5–1.5 on the retrieval bench: more helps paraphrases, less helps exact wording.
   */
  concept: 1.25,
} as const;

const MIN_N = 3;
const MAX_N = 5;
// Only the first characters of a word give n-grams: a 5 KB token (base64, a URL) would
// otherwise flood the vector and cost time, and its head identifies it as well.
const MAX_NGRAM_WORD = 40;
// Like every embedding model (which truncates at its context length), only the start of a
// text is embedded; a chunk is ~1.5 KB, so this only bites on pathological input.
export const MAX_CHARS = 100_000;

// Separate seeds per feature type, so the word "bil" and the trigram "bil" differ.
const SEED_WORD = fnv1a('w', FNV_OFFSET);
const SEED_NGRAM = fnv1a('n', FNV_OFFSET);
const SEED_CONCEPT = fnv1a('c', FNV_OFFSET);
const SEED_BIGRAM = 0x9e3779b1;
const OPEN = 0x3c; // '<' marks a word start in n-grams
const CLOSE = 0x3e; // '>' marks a word end

/**
 * The weighted, hashed features of one text: a map from a 32-bit feature hash to its
 * summed weight. `embedder.ts` folds this into a vector.
 */
export function textFeatures(input: string, analysis: TextAnalysis): Map<number, number> {
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const features = new Map<number, number>();
  const add = (hash: number, weight: number): void => {
    features.set(hash, (features.get(hash) ?? 0) + weight);
  };
  const lang = analysis.detectLanguage(text);
  const concepts = conceptMaps(analysis)[lang];
  const codes = new Uint16Array(MAX_NGRAM_WORD + 2);
  let previous: number | undefined;
  for (const word of analysis.tokenize(text)) {
    const stem = analysis.stem(word, lang);
    const wordHash = fnv1a(stem, SEED_WORD);
    if (analysis.isStopword(word, lang)) {
      add(fmix32(wordHash), WEIGHTS.stopword);
      continue;
    }
    add(fmix32(wordHash), WEIGHTS.word);
    const concept = concepts.forms.get(word) ?? concepts.stems.get(stem);
    if (concept !== undefined) add(fmix32(fnv1a(concept, SEED_CONCEPT)), WEIGHTS.concept);
    if (previous !== undefined) add(fmix32(Math.imul(previous, SEED_BIGRAM) ^ wordHash ^ SEED_BIGRAM), WEIGHTS.bigram);
    previous = wordHash;
    addNgrams(word, codes, add);
  }
  return features;
}

/** Character 3–5-grams of "<word>", each weighted so that one word's n-grams weigh `WEIGHTS.ngrams` (L2). */
function addNgrams(word: string, codes: Uint16Array, add: (hash: number, weight: number) => void): void {
  const length = Math.min(word.length, MAX_NGRAM_WORD);
  codes[0] = OPEN;
  for (let i = 0; i < length; i++) codes[i + 1] = word.charCodeAt(i);
  const padded = length + 2;
  codes[padded - 1] = CLOSE;
  let count = 0;
  for (let n = MIN_N; n <= MAX_N; n++) count += Math.max(0, padded - n + 1);
  if (count === 0) return;
  const weight = WEIGHTS.ngrams / Math.sqrt(count);
  for (let start = 0; start + MIN_N <= padded; start++) {
    let hash = SEED_NGRAM;
    for (let n = 1; n <= MAX_N && start + n <= padded; n++) {
      hash = fnvStep(hash, codes[start + n - 1]!);
      if (n >= MIN_N) add(fmix32(hash), weight);
    }
  }
}
