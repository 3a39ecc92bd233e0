// A subword tokenizer (BPE) gives a common English word one token and a long Danish
// compound, a URL or an id several. Counting words alone would let a 100 KB base64 blob
// pass as one "word", so each white-space separated word counts
//   max(1.3, characters / 6)
// tokens: ≈ 1.3 per ordinary word (the usual words-to-tokens ratio), and about one token
// per six characters for long ones. It is an estimate for sizing chunks, not a tokenizer.
const PER_WORD = 1.3;
const CHARS_PER_TOKEN = 6;

/** The unrounded estimate; `chunkText` adds these up before rounding. */
export function tokenWeight(text: string): number {
  let weight = 0;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      if (length > 0) weight += Math.max(PER_WORD, length / CHARS_PER_TOKEN);
      length = 0;
    } else if (code < 0xdc00 || code > 0xdfff) {
      length++; // a surrogate pair counts as one character
    }
  }
  if (length > 0) weight += Math.max(PER_WORD, length / CHARS_PER_TOKEN);
  return weight;
}

/**
 * Approximate number of model tokens in a text (see the formula above), rounded.
 *
 * @example
 * estimateTokens('Hvad koster en ny tagrende?'); // 7 (5 words × 1.3 = 6.5)
 * estimateTokens(''); // 0
 */
export function estimateTokens(text: string): number {
  return Math.round(tokenWeight(text));
}

/** The number of characters a word may have and still weigh at most `tokens`. */
export function charsForTokens(tokens: number): number {
  return Math.max(1, Math.floor(tokens * CHARS_PER_TOKEN));
}

export function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}
