// Abbreviations (lower case, without the final dot) after which a dot never ends a
// sentence: titles, "for example", "approximately", "o'clock", "number", months.
const NEVER_END = new Set(
  `f.eks fx bl.a ca jf jfr kl tlf mht pga vedr ang inkl ekskl evt dvs d.v.s hr fr fru dr prof sml iflg
ifm ift iht vha gl ndf ovf afd att adm dir t.o.m fr.o.m p.t pr
mr mrs ms messrs sr jr st mt e.g i.e cf vs approx incl excl dept ref tel
jan feb mar apr jun jul aug sep sept okt oct nov dec`.split(/\s+/),
);

// Numbering abbreviations ("nr. 5", "No. 12", "p. 3", "s. 4", "d. 2. maj"): no end before a digit,
// but "The answer is no. Then …" still ends.
const NUMBERING = new Set(`nr no nos p pp s d vol ch fig art sec stk pkt`.split(/\s+/));

// Abbreviations that often close a sentence too ("… 500 kr. Prisen er …", "… etc. Then …"):
// they end one only when a capital letter follows (a digit or a lower-case word does not).
const MAY_END = new Set(`etc osv mv m.v m.m m.fl mfl o.l o.a inc ltd co corp kr dkk eur a.m p.m u.s u.k`.split(/\s+/));

// Candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
// The look-behind lets a match start only where a run of punctuation starts; without it
// a long run with no space after it ("......") is rescanned from every dot: quadratic.
const BOUNDARY = /(?<![.!?…])([.!?…]+)(["'”’»)\]]*)\s+/g;
const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^\p{Lu}/u;
const DOTTED_INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const SINGLE_CAPITAL = /^\p{Lu}$/u;

/**
 * Splits a paragraph into sentences on `.`, `!`, `?` and `…` followed by white space and a
 * sentence start (a capital, a digit, a quote). Danish and English abbreviations ("f.eks.",
 * "bl.a.", "ca.", "kl. 8", "e.g.", "Mr.", "No. 5"), initials ("H.C. Andersen", "J. Smith")
 * and ordinals ("1. januar") do not end a sentence. Sentences are returned trimmed, with
 * their punctuation, and joined back with single spaces they give the paragraph.
 *
 * @example
 * splitSentences('Vi kommer f.eks. kl. 8. Ring bl.a. til Mr. Hansen!');
 * // ['Vi kommer f.eks. kl. 8.', 'Ring bl.a. til Mr. Hansen!']
 */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const next = paragraph.slice(match.index + match[0].length, match.index + match[0].length + 2);
    if (next.length === 0) break;
    if (!endsSentence(paragraph, start, match.index, match[1]!, next)) continue;
    const sentence = paragraph.slice(start, end).trim();
    if (sentence.length > 0) sentences.push(sentence);
    start = match.index + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest.length > 0) sentences.push(rest);
  return sentences;
}

function endsSentence(text: string, sentenceStart: number, at: number, mark: string, next: string): boolean {
  if (LOWER_START.test(next)) return false;
  if (mark !== '.') return true;
  const word = wordBefore(text, Math.max(sentenceStart, at - 40), at);
  const lower = word.toLowerCase();
  if (NEVER_END.has(lower)) return false;
  if (MAY_END.has(lower)) return UPPER_START.test(next);
  if (NUMBERING.has(lower)) return !/^\p{N}/u.test(next);
  // "J. Smith", "H.C. Andersen": initials before a name.
  if (SINGLE_CAPITAL.test(word) || DOTTED_INITIALS.test(word)) return false;
  return true;
}

// The word right before a dot, without leading brackets or quotes: "(f.eks" → "f.eks".
function wordBefore(text: string, from: number, at: number): string {
  let i = at;
  while (i > from && !/\s/.test(text[i - 1]!)) i--;
  return text.slice(i, at).replace(/^[^\p{L}\p{N}]+/u, '');
}
