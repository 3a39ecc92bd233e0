// Stemmers from npm rather than our own: both are the published Snowball algorithms and
// agree word for word with Postgres' `danish_stem` and `english_stem` dictionaries (checked
// against PGlite on a list of business words).
// - Danish: @orama/stemmers (Apache-2.0, ESM, no dependencies) ships the Snowball compiler's
//   JavaScript output for Danish.
// - English: porter2 (MIT, no dependencies) is Porter2, i.e. Snowball English. Orama's
//   English stemmer is the older Porter (1980) algorithm, so it is not used.
import { stemmer as snowballDanish } from '@orama/stemmers/danish';
import { stem as porter2 } from 'porter2';
import type { Lang } from './lang.ts';

// Stemming is the hot loop of the offline embedder and text repeats its words, so stems
// are memoised. The cache is simply dropped when full: cheap, bounded, and good enough
// for Zipf-distributed words.
const CACHE_LIMIT = 50_000;
const caches: Record<Lang, Map<string, string>> = { da: new Map(), en: new Map() };

// Words longer than this are ids, URLs or base64, not words; stemming them only costs.
const MAX_WORD = 64;

/**
 * Reduces a lower-case word to its stem, so inflections match ("biler" and "bil").
 *
 * Danish is Snowball Danish applied until the stem stops changing (at most three passes).
 * One Snowball pass removes one suffix, so a definite plural keeps a suffix its base form
 * loses: "virksomhederne" → "virksomhed" but "virksomhed" → "virksom", "læreren" → "lærer"
 * but "lærer" → "lær". Repeating the pass makes the stemmer idempotent and joins these
 * forms. The price: our Danish stems can differ from Postgres' `danish` lexemes, so never
 * build a tsquery from them; give Postgres the words and let it stem.
 *
 * English is Porter2 (Snowball English), which Postgres' `english` config uses too.
 * Words that do not start with a letter (numbers) are returned unchanged.
 *
 * @example
 * stem('biler', 'da'); // 'bil', as stem('bil', 'da')
 * stem('virksomhederne', 'da'); // 'virksom', as stem('virksomhed', 'da')
 * stem('companies', 'en'); // 'compani', as stem('company', 'en')
 */
export function stem(word: string, lang: Lang): string {
  const cache = caches[lang];
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const result = compute(word, lang);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

function compute(word: string, lang: Lang): string {
  const lower = word.toLowerCase();
  if (lower.length < 3 || lower.length > MAX_WORD || !/^\p{L}/u.test(lower)) return lower;
  if (lang === 'en') return porter2(lower);
  let current = lower;
  for (let pass = 0; pass < 3; pass++) {
    const next = snowballDanish(current);
    if (next === current) break;
    current = next;
  }
  return current;
}
