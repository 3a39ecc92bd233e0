// 32-bit FNV-1a over UTF-16 code units, finished with MurmurHash3's fmix32. FNV-1a is
// tiny and can be fed one character at a time (so character n-grams are hashed without
// building substrings); its low and high bits are weakly mixed, which matters because the
// bucket comes from the value modulo the dimension and the sign from the top bit, so
// fmix32 spreads every input bit over the whole word.

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step: the running hash with one more character. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** FNV-1a of a string, started from `seed` (a per-feature-type offset keeps types apart). */
export function fnv1a(text: string, seed: number = FNV_OFFSET): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return hash;
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
