// A segment is a run of letters, marks and digits, possibly joined by single hyphens,
// apostrophes, dots or commas ("e-mail", "don't", "f.eks", "1.500,00"). Segments are
// then taken apart by `splitSegment`, which knows which joins make one word.
const SEGMENT = /[\p{L}\p{M}\p{N}]+(?:[-'.,][\p{L}\p{M}\p{N}]+)*/gu;
const JOINER = /[-'.,]/;
// A dot or comma is part of a number only between two digits ("1.500,00", "3,5").
const NON_NUMERIC_DOT = /(?<!\p{N})[.,]|[.,](?!\p{N})/u;
const SINGLE_LETTER = /^\p{L}$/u;

// Invisible characters that sit inside words: soft hyphen, zero-width (non-)joiner, word
// joiner and BOM. They are removed, not treated as spaces, so "tag\u00ADrenovering" stays one
// word. Other control and format characters simply fail to match SEGMENT and so separate
// words.
const INVISIBLE = /[\u00AD\u200C\u200D\u2060\uFEFF]/g;
const APOSTROPHES = /[’ʼ‘`´]/g;
const HYPHENS = /[\u2010\u2011]/g;

/**
 * Normalises text the way `tokenize` sees it: NFKC (ligatures, full-width forms), typographic
 * apostrophes and hyphens to ASCII, invisible in-word characters removed, lower case.
 *
 * @example
 * normalizeText('Tag\u00ADrenovering – ﬁre’s'); // "tagrenovering – fire's"
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(APOSTROPHES, "'").replace(HYPHENS, '-').toLowerCase();
}

/**
 * Splits text into lower-case words of letters and digits (any script; æ, ø and å are
 * letters like any other). Punctuation, symbols, emoji and control characters separate
 * words. Joins are handled so that search finds what people type:
 * - apostrophes inside a word stay ("don't", "company's", "cd'er"), the stemmer deals with them;
 * - hyphenated compounds split into their parts ("it-support" → "it", "support"), except a
 *   leading single letter, which is a prefix ("e-mail" → "email", "A-kasse" → "akasse");
 * - dots and commas stay only inside numbers ("1.500,00", "3,5"), so "f.eks." → "f", "eks".
 *
 * @example
 * tokenize('Hvad koster en ny tagrende?'); // ['hvad', 'koster', 'en', 'ny', 'tagrende']
 * tokenize("Send an e-mail to the company's IT-support"); // ['send', 'an', 'email', 'to', 'the', "company's", 'it', 'support']
 * tokenize('Pris: 1.500,00 kr. (inkl. moms)'); // ['pris', '1.500,00', 'kr', 'inkl', 'moms']
 */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const match of normalizeText(text).matchAll(SEGMENT)) {
    const segment = match[0];
    if (JOINER.test(segment)) splitSegment(segment, words);
    else words.push(segment);
  }
  return words;
}

function splitSegment(segment: string, out: string[]): void {
  const parts = segment.split('-');
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]!;
    // "e-mail", "t-shirt", "A-kasse": a lone letter before a hyphen is a prefix, not a word.
    while (SINGLE_LETTER.test(part) && i + 1 < parts.length) part += parts[++i]!;
    if (!/[.,]/.test(part)) {
      out.push(part);
      continue;
    }
    for (const piece of part.split(NON_NUMERIC_DOT)) if (piece.length > 0) out.push(piece);
  }
}
