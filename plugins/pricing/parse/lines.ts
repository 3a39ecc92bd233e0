/**
 * From a customer's text to quote lines, by the price list alone: pure functions, no database, no
 * model. `linesFromText` never invents a product or a price: every line's SKU is one of `items`,
 * and a price written in the text is blanked before anything is read (it is neither a quantity
 * nor a price for the quote). What it cannot place is listed in `unmatched`, not dropped.
 *
 * The steps and the rules they follow:
 * 1. Blank what is not a quantity (dates, times, years, phone numbers, postal codes, house and list
 *    numbers, ordinals, prices, percentages, sizes like Ø75 or 125 mm), the greeting and the
 *    signature (`text.ts`).
 * 2. Split into parts at new lines, `;`, `:`, sentence ends, commas, `og`/`and`/`samt`/`plus`/`+`/`&`
 *    and `inkl.`/`incl.`/`including`; not inside a range ("mellem 40 og 50") or "2 og en halv".
 *    A part is also split at `med`/`with` when both sides name items with different units
 *    ("12 m tagrende med montering"), not when they share one ("34 m² tag med tagpap" is one item);
 *    and between two items that each have their own quantity ("12 m tagrende 3 nedløbsrør").
 *    Otherwise a part gives at most one line: its best-matching item.
 * 3. In each part read the quantities (numbers in any notation `number.ts` reads, number words,
 *    fractions, ranges → their upper end, approximate markers, a unit after the number, "A x B")
 *    and match the remaining words to an item (`match.ts`); the unit of the quantity weighs the
 *    choice ("montering af tagrender ca 6 timer" is labour, not gutter).
 * 4. The quantity for the item:
 *    - "A x B m" for an item per m² is A × B m²; "N x L m" for an item per m is N × L m.
 *    - "N stk. à L m" (a count before a length in the item's unit, also "N lengths of L m",
 *      "2 stk 6 meter") is N × L m for an item per m; unless the text says it is a total ("i alt",
 *      "in total"). For an item per stk it is N.
 *    - A quantity in the item's unit is taken as it is, scaled (`30 cm` = 0,3 m, `45 min` = 0,75 t).
 *    - A bare number for an item per m, m², … is taken in the item's unit at lower confidence
 *      (its unit was not said). A number in another unit that cannot be converted (days for an
 *      hourly item) is kept at lower confidence still. A duration or measure on an item sold per
 *      piece ("container til 2 uger", "110 litre hot water cylinder") is not a count: 1 piece.
 *    - A number that belongs to the item's own name ("tagpap 2 lag" for "Tagpap, 2 lag") is not a
 *      quantity.
 *    - No quantity: 1 of the item's unit at low confidence, except that an item per m² takes the
 *      area of the nearest earlier line per m² ("120 m² tegltag inkl. undertag").
 * 5. Between parts:
 *    - A part with only a quantity ("ca 40 m i alt", "det er 2 x 14 m", "front 14 m") fills the
 *      line before it when that line lacks one (a count there and a length here multiply: "3
 *      downpipes, 3 m each"); else it is one more line of the same item ("2 stk à 11,5 m og 1 stk
 *      à 4 m"); before any line it waits for the next line without a quantity.
 *    - A part with a quantity and a word that only names an item together with the line before
 *      ("12 m zinkrende, 8 m i plast") is a line of that item.
 *    - A description with a copula and a quantity ("the roof is about 120 m2") gives its
 *      quantity to the line before that lacks one in that unit.
 *    - The same item named again without a quantity is not a second line; a quantity-less line is
 *      dropped when a later line of the same item has a quantity.
 *    - A description without a quantity and without request words ("hvor taget trænger") gives no
 *      line unless it names the item by a phrase of two or more words ("en stoppet afløb").
 *    - A negation drops the item: "uden montering" (what follows `uden`/`without`), "vi monterer
 *      selv".
 * 6. A part that matched nothing is unmatched when it has words that are not filler and it has a
 *    quantity, or it asks (request words, a question) or is a short item in a request where
 *    something else matched; never a lead-in ending in `:`, a description, or more than four
 *    words of prose.
 *
 * Confidence is the match quality times a factor for how the quantity was found (1 when stated
 * in the item's unit, down to 0,5 when missing or in a unit that does not fit).
 */
import type { Milli, PriceItem } from '../types.ts';
import { indexItems, matchItems, MATCH_STOPWORDS, wordOf, fold, type IndexedItem, type ItemIndex, type ItemMatch, type MatchContext, type Stem, type TextWord } from './match.ts';
import { readWordNumber, type Lang } from './number.ts';
import { COUNT_UNITS, MAX_UNIT_WORDS, scaleMilli, unitOf, type UnitMatch } from './units.ts';
import { detectLanguage, maskGreetingAndSignature, maskNonQuantities, splitParts, type Span } from './text.ts';
import * as W from './words.ts';

/** One quote line read from a request. */
export interface TextLine {
  sku: string;
  /** Thousandths of the item's unit. */
  quantity: Milli;
  /** The text gave the quantity as approximate ("ca.", "about", a range, "et par"). */
  approximate: boolean;
  /** The part of the request it came from, in the customer's words. */
  text: string;
  /** 0–1: how sure the match and the quantity are. */
  confidence: number;
}

/** What a request asks for: its lines, and the parts that name something the price list lacks. */
export interface TextLines {
  lines: TextLine[];
  unmatched: string[];
}

export interface LinesOptions {
  /** The request's language; detected from its words when not given. */
  lang?: Lang;
  /** A stemmer (`ctx.text.stem` of the plugin API); words also meet when their stems do. */
  stem?: Stem;
}

interface Token {
  kind: 'num' | 'word' | 'sym';
  text: string;
  start: number;
  end: number;
}

/** A quantity found in a part. */
interface Mention {
  start: number;
  end: number;
  /** In thousandths of `unit` (scaled), or of nothing for a bare number. */
  milli: Milli;
  unit: UnitMatch | null;
  approximate: boolean;
  /** Only "en"/"et"/"a"/"an": one, if nothing else says. */
  article: boolean;
  dims?: { a: Mention; b: Mention };
  /** The number as written (before a unit's scale) and the word after it, to recognise a number of the item's name. */
  value: Milli;
  nextWord: string;
}

type Fit = 'exact' | 'count' | 'other' | 'ignored' | 'article' | 'missing';

interface Quantity {
  milli: Milli;
  approximate: boolean;
  fit: Fit;
  /** For 'count' on an item per m etc.: the count, to multiply by a length found later. */
  count?: Milli;
}

interface Part {
  span: Span;
  text: string;
  words: string[];
  tokens: Token[];
  mentions: Mention[];
  content: TextWord[];
  best: ItemMatch | null;
  entry: IndexedItem | null;
  /** Content words that are not filler and not part of the match. */
  own: TextWord[];
  cue: boolean;
  descriptive: boolean;
  copula: boolean;
  negated: boolean;
  total: boolean;
  clause: boolean;
}

interface Draft {
  entry: IndexedItem;
  quality: number;
  q: Quantity;
  part: Part;
  source: 'own' | 'filled' | 'inherited' | 'ellipsis';
  dropped: boolean;
}

const TOKEN = /(?<unit>m[23²³](?![\p{L}\p{N}]))|(?<num>\d{1,3}(?:[  \u202f]\d{3})+(?:,\d+)?(?![\d.,])|\d+(?:[.,]\d+)*(?:[  ]?[½¼¾⅓⅔])?|[½¼¾⅓⅔]|\d+\/\d+)|(?<times>[x×](?=\d))|(?<code>\p{L}+\d[\p{L}\p{N}]*)|(?<word>\p{L}[\p{L}'’-]*\p{L}|\p{L})|(?<sym>\u0001+|\u0002+|[~×+@&–—-])/gu;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    const kind: Token['kind'] = g.num !== undefined ? 'num' : g.sym !== undefined ? 'sym' : 'word';
    out.push({ kind, text: m[0], start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

function lowerOf(t: Token): string {
  if (t.text.startsWith('\u0001')) return '\u0001';
  if (t.text.startsWith('\u0002')) return 'og';
  return t.text.toLowerCase().replace(/²/g, '2').replace(/³/g, '3');
}

const FILLER_FOLDED = new Set([...W.FILLER].map(fold));
const FILLER_NOUNS = new Set([...W.FILLER_NOUNS].flatMap((w) => wordOf(w).forms));

function isFiller(w: TextWord): boolean {
  const bare = w.raw.replace(/['’](?:s|d|m|re|ll|ve|t)$/, '');
  // An inflection of a filler noun is filler ("huse", "husene", "garagerne"); only nouns, so "tiles" is not "til" and "tager" not "tag".
  return FILLER_FOLDED.has(w.folded) || W.FILLER.has(w.raw) || W.FILLER.has(bare) || w.forms.some((f) => f !== w.folded && FILLER_NOUNS.has(f));
}

const mul = (a: Milli, b: Milli): Milli => Math.round((a * b) / 1000);

function readMentions(words: string[], kinds: Token['kind'][], lang: Lang, consumed: boolean[]): Mention[] {
  const mentions: Mention[] = [];
  const numericAt = (k: number) => kinds[k] === 'num';
  const readUnit = (j: number): { unit: UnitMatch | null; length: number } => {
    for (let take = Math.min(MAX_UNIT_WORDS, words.length - j); take >= 1; take--) {
      const phrase = words.slice(j, j + take).join(' ');
      if (take === 1 && W.COUNT_NOUNS.has(phrase)) return { unit: unitOf('stk'), length: 1 };
      const unit = unitOf(phrase);
      if (unit) return { unit, length: take };
    }
    return { unit: null, length: 0 };
  };
  for (let i = 0; i < words.length; i++) {
    if (consumed[i] || kinds[i] === 'sym') continue;
    const r = readWordNumber(words, i, lang);
    if (!r) continue;
    let j = i + r.length;
    let milli = r.milli;
    let approximate = r.approximate;
    // Approximation before.
    let from = i;
    const prev = words[i - 1] ?? '';
    const prev2 = words[i - 2] ?? '';
    if (W.APPROX.has(prev) && (lang === 'en' || (prev !== 'like' && prev !== 'some'))) {
      approximate = true;
      from = i - 1;
    } else if (prev === 'max' || prev === 'maks' || prev === 'højst') {
      approximate = true;
      from = i - 1;
    } else if ((prev2 === 'op' && prev === 'til') || (prev2 === 'up' && prev === 'to') || (prev2 === 'at' && prev === 'most') || (prev2 === 'rundt' && prev === 'regnet')) {
      approximate = true;
      from = i - 2;
    }
    // A range: its upper end.
    const joiner = words[j] ?? '';
    if (!r.article && (W.RANGE.has(joiner) && (joiner !== 'to' || lang === 'en') && (joiner !== 'til' || lang === 'da')) && numericAt(j + 1)) {
      const r2 = readWordNumber(words, j + 1, lang);
      if (r2 && r2.milli > milli) {
        milli = r2.milli;
        approximate = true;
        j = j + 1 + r2.length;
      }
    }
    if (words[j] === 'ish') {
      approximate = true;
      j++;
    }
    const value = milli;
    const nextWord = words[j] ?? '';
    const { unit, length } = readUnit(j);
    j += length;
    if (r.article && !unit) {
      // "en ny vandhane": one, weakly; nothing consumed (the article is a stopword anyway).
      mentions.push({ start: i, end: i + 1, milli: 1000, unit: null, approximate: false, article: true, value: 1000, nextWord });
      continue;
    }
    let mention: Mention = { start: from, end: j, milli: unit ? scaleMilli(milli, unit) : milli, unit, approximate, article: false, value, nextWord };
    // "A x B [unit]"
    if (W.TIMES.has(words[j] ?? '')) {
      const r3 = readWordNumber(words, j + 1, lang);
      if (r3 && !r3.article) {
        let k = j + 1 + r3.length;
        const u2 = readUnit(k);
        k += u2.length;
        const b: Mention = { start: j + 1, end: k, milli: u2.unit ? scaleMilli(r3.milli, u2.unit) : r3.milli, unit: u2.unit, approximate: false, article: false, value: r3.milli, nextWord: words[j + 1 + r3.length] ?? '' };
        mention = { ...mention, end: k, dims: { a: { ...mention }, b } };
        j = k;
      }
    }
    if (W.EACH_AFTER.has(words[j] ?? '') && mention.unit && !COUNT_UNITS.has(mention.unit.unit)) j++;
    mention.end = j;
    for (let k = from; k < j; k++) consumed[k] = true;
    mentions.push(mention);
    i = j - 1;
  }
  return mentions;
}

function hasPair(words: string[], pairs: string[][]): boolean {
  return words.some((w, i) => pairs.some((p) => p[0] === w && (p.length === 1 || words[i + 1] === p[1])));
}

function isSpec(m: Mention, entry: IndexedItem): boolean {
  if (m.dims || m.article) return false;
  const value = String(m.value / 1000);
  const next = m.nextWord;
  if (entry.specs.has(`${value}|${next}`)) return true;
  const unit = unitOf(next);
  if (!unit) return false;
  for (const spec of entry.specs) {
    const [v, w] = spec.split('|');
    if (v === value && unitOf(w!)?.unit === unit.unit) return true;
  }
  return false;
}

/** The quantity of `entry` that a part's mentions give. */
function quantityFor(part: Part, entry: IndexedItem): Quantity {
  const unit = entry.item.unit;
  const countItem = COUNT_UNITS.has(unit);
  const mentions = part.mentions.filter((m) => !isSpec(m, entry));
  const real = mentions.filter((m) => !m.article);
  const article = mentions.some((m) => m.article);
  const isCount = (m: Mention) => !m.unit || m.unit.unit === 'stk';
  const dims = real.find((m) => m.dims);
  if (dims) {
    const { a, b } = dims.dims!;
    const approximate = dims.approximate || a.approximate || b.approximate;
    if (unit === 'm2' && b.unit?.unit === 'm') {
      const am = a.unit?.unit === 'm' ? a.milli : b.unit ? scaleMilli(a.value, b.unit) : a.milli;
      return { milli: mul(am, b.milli), approximate, fit: 'exact' };
    }
    if (b.unit?.unit === unit || (!b.unit && countItem)) return { milli: mul(a.unit && a.unit.unit !== 'stk' ? a.value : a.milli, b.milli), approximate, fit: 'exact' };
    if (countItem) return { milli: a.milli, approximate, fit: 'exact' };
    if (!b.unit) return { milli: mul(a.milli, b.milli), approximate, fit: 'count', count: mul(a.milli, b.milli) };
    return { milli: mul(a.milli, b.milli), approximate, fit: 'other' };
  }
  if (countItem) {
    const c = real.find((m) => isCount(m) || m.unit?.unit === unit);
    if (c) return { milli: c.milli, approximate: c.approximate, fit: 'exact' };
    if (real.length > 0) return { milli: 1000, approximate: false, fit: 'ignored' };
    if (article) return { milli: 1000, approximate: false, fit: 'article' };
    return { milli: 1000, approximate: false, fit: 'missing' };
  }
  const measures = real.filter((m) => m.unit?.unit === unit);
  const counts = real.filter(isCount);
  if (measures.length > 0) {
    const m = measures[0]!;
    const c = counts.find((x) => x.end <= m.start);
    if (c && !part.total) return { milli: mul(c.milli, m.milli), approximate: c.approximate || m.approximate, fit: 'exact' };
    return { milli: m.milli, approximate: m.approximate, fit: 'exact' };
  }
  if (counts.length > 0) return { milli: counts[0]!.milli, approximate: counts[0]!.approximate, fit: 'count', count: counts[0]!.milli };
  if (real.length > 0) return { milli: real[0]!.milli, approximate: real[0]!.approximate, fit: 'other' };
  return { milli: 1000, approximate: false, fit: 'missing' };
}

/** How well the part's quantities fit an item's unit, to weigh the choice of item. */
function unitFitOf(part: Pick<Part, 'mentions'>): (unit: PriceItem['unit']) => number {
  const real = part.mentions.filter((m) => !m.article);
  return (unit) => {
    if (real.length === 0) return 1;
    const fits = real.some((m) => {
      if (m.dims) return m.dims.b.unit?.unit === unit || (unit === 'm2' && m.dims.b.unit?.unit === 'm') || (!m.dims.b.unit && COUNT_UNITS.has(unit));
      return m.unit?.unit === unit;
    });
    if (fits) return 1;
    const counts = real.some((m) => !m.unit || m.unit.unit === 'stk');
    if (counts) return COUNT_UNITS.has(unit) ? 1 : 0.8;
    return 0.5;
  };
}

const FACTOR: Record<Fit, number> = { exact: 1, article: 0.95, ignored: 0.8, count: 0.6, other: 0.5, missing: 0.5 };

function needsQuantity(d: Draft): boolean {
  return d.q.fit === 'missing' || d.q.fit === 'count' || d.q.fit === 'other' || (d.q.fit === 'article' && !COUNT_UNITS.has(d.entry.item.unit));
}

function readPart(span: Span, original: string, tokens: Token[], index: ItemIndex, ctx: MatchContext): Part[] {
  const words = tokens.map(lowerOf);
  const kinds = tokens.map((t) => t.kind);
  // What follows "uden"/"without" is not wanted: cut it off.
  const cut = words.findIndex((w) => W.WITHOUT.has(w));
  const live = cut >= 0 ? tokens.slice(0, cut) : tokens;
  const liveWords = words.slice(0, live.length);
  const consumed = liveWords.map(() => false);
  const mentions = readMentions(liveWords, kinds.slice(0, live.length), ctx.lang, consumed);
  // "pr. m", "per hour": a unit without a number is not content.
  liveWords.forEach((w, i) => {
    if ((w === 'pr' || w === 'per' || w === 'a' || w === 'an') && unitOf(liveWords[i + 1] ?? '')) {
      consumed[i] = true;
      consumed[i + 1] = true;
    }
  });
  const content: TextWord[] = [];
  live.forEach((t, i) => {
    if (consumed[i] || t.kind !== 'word') return;
    const w = liveWords[i]!;
    if (MATCH_STOPWORDS.has(w) || W.APPROX.has(w) || W.TIMES.has(w) || w === 'à' || w === 'á' || w === 'ish') return;
    if (w.length < 2 && w !== 'l') return;
    const word: TextWord = { ...wordOf(w), position: i };
    // Filler never names a product ("hvad tager I" is not a roof), unless the price list itself uses the word ("flat roof").
    if (isFiller(word) && !index.vocabulary.has(word.folded)) return;
    content.push(word);
  });
  const first = liveWords.find((w, i) => kinds[i] === 'word') ?? '';
  const part: Part = {
    span,
    text: original.slice(span.start, span.end).trim(),
    words: liveWords,
    tokens: live,
    mentions,
    content,
    best: null,
    entry: null,
    own: [],
    cue: span.ends === '?' || words.some((w) => W.CUES.has(w)),
    descriptive: words.some((w) => W.DESCRIPTIVE.has(w)),
    copula: words.some((w) => W.COPULA.has(w)),
    negated: words.some((w) => W.SELF.has(w)),
    total: words.some((w) => W.TOTAL.has(w)) || hasPair(words, W.TOTAL_PAIRS),
    clause: W.CLAUSE_START.has(first),
  };
  const candidates = matchItems(content, index, ctx, unitFitOf(part));
  const best = candidates[0] ?? null;
  // "12 m tagrende med montering": split at med/with when both sides name items of different units.
  if (best) {
    const k = liveWords.findIndex((w, i) => (w === 'med' || w === 'with') && i > 0 && i < liveWords.length - 1);
    if (k > 0) {
      const left = content.filter((w) => w.position < k);
      const right = content.filter((w) => w.position > k);
      const l = matchItems(left, index, ctx)[0];
      const r = matchItems(right, index, ctx)[0];
      if (l && r && l.item !== r.item && l.item.unit !== r.item.unit) {
        const leftSpan: Span = { ...span, end: span.start + live[k - 1]!.end, masked: span.masked.slice(0, live[k - 1]!.end) };
        const rightSpan: Span = { ...span, start: span.start + live[k + 1]!.start, masked: span.masked.slice(live[k + 1]!.start), after: 'and' };
        return [
          ...readPart(leftSpan, original, tokenize(leftSpan.masked), index, ctx),
          ...readPart(rightSpan, original, tokenize(rightSpan.masked), index, ctx),
        ];
      }
    }
  }
  if (best) {
    part.best = best;
    part.entry = index.items[best.index]!;
  }
  const touched = new Set(best?.touched ?? []);
  part.own = content.filter((w) => !touched.has(w.position) && !isFiller(w) && !/^\d+$/.test(w.raw));
  // Two items, each with its own quantity, in one part ("12 m tagrende 3 nedløbsrør"): split between them.
  const real = mentions.filter((m) => !m.article);
  if (best && real.length >= 2 && part.own.length > 0) {
    const other = matchItems(part.own, index, ctx)[0];
    if (other && other.item !== best.item) {
      const a = [...best.touched].sort((x, y) => x - y);
      const b = [...other.touched].sort((x, y) => x - y);
      const [firstGroup, secondGroup] = a[0]! < b[0]! ? [a, b] : [b, a];
      const gapStart = firstGroup.at(-1)! + 1;
      const gapEnd = secondGroup[0]!;
      if (gapEnd > gapStart - 1 && !secondGroup.some((p) => p < firstGroup.at(-1)!)) {
        const quantityFirst = real.some((m) => m.start === 0 || (m.start <= 1 && kinds[0] !== 'word'));
        const gapMention = real.find((m) => m.start >= gapStart && m.start < gapEnd);
        let at = gapEnd;
        if (quantityFirst && gapMention) at = gapMention.start;
        else if (!quantityFirst && gapMention) at = Math.max(gapMention.end, gapStart);
        if (at > 0 && at < live.length && at <= gapEnd) {
          const leftSpan: Span = { ...span, end: span.start + live[at - 1]!.end, masked: span.masked.slice(0, live[at - 1]!.end) };
          const rightSpan: Span = { ...span, start: span.start + live[at]!.start, masked: span.masked.slice(live[at]!.start), after: 'and' };
          return [
            ...readPart(leftSpan, original, tokenize(leftSpan.masked), index, ctx),
            ...readPart(rightSpan, original, tokenize(rightSpan.masked), index, ctx),
          ];
        }
      }
    }
  }
  return [part];
}

/**
 * The quote lines a customer's text asks for, by the price list's names and synonyms, and the
 * parts it names that the price list does not have. The rules are in this file's header.
 *
 * @example
 * linesFromText('3 stk. tagrender à 12 m og 20 timers montage', items);
 * // { lines: [{ sku: 'RND-ZN-125', quantity: 36000, … }, { sku: 'ARB-TAG', quantity: 20000, … }], unmatched: [] }
 */
export function linesFromText(text: string, items: PriceItem[], options: LinesOptions = {}): TextLines {
  const original = text.normalize('NFC').replace(/\r\n?/g, '\n');
  const lang = options.lang ?? detectLanguage(original);
  const index = indexItems(items);
  const ctx: MatchContext = { lang, stem: options.stem };
  const masked = maskGreetingAndSignature(maskNonQuantities(original));
  const spans = splitParts(masked);
  const parts: Part[] = [];
  for (const span of spans) parts.push(...readPart(span, original, tokenize(span.masked), index, ctx));

  const drafts: Draft[] = [];
  const live = () => drafts.filter((d) => !d.dropped);
  const last = () => live().at(-1);
  let pending: Part[] = [];
  const candidatesUnmatched: Part[] = [];

  const addDraft = (entry: IndexedItem, quality: number, q: Quantity, part: Part, source: Draft['source']): void => {
    const existing = live().filter((d) => d.entry === entry);
    if (q.fit === 'missing' || (q.fit === 'article' && !COUNT_UNITS.has(entry.item.unit))) {
      if (existing.length > 0) return; // named again
      // Waiting quantities, then the area of an earlier line per m².
      for (const p of pending) {
        const pq = quantityFor(p, entry);
        if (pq.fit === 'exact') {
          pending = pending.filter((x) => x !== p);
          drafts.push({ entry, quality, q: pq, part, source: 'filled', dropped: false });
          return;
        }
      }
      if (entry.item.unit === 'm2') {
        const area = live().filter((d) => d.entry.item.unit === 'm2' && d.q.fit === 'exact').at(-1);
        if (area) {
          drafts.push({ entry, quality, q: { ...area.q }, part, source: 'inherited', dropped: false });
          return;
        }
      }
    } else {
      for (const d of existing) if (needsQuantity(d) && d.q.fit === 'missing') d.dropped = true;
    }
    drafts.push({ entry, quality, q, part, source, dropped: false });
  };

  /** A part with a quantity and nothing of its own: fill the line before, or repeat its item. */
  const quantityOnly = (part: Part, entry?: IndexedItem): boolean => {
    const prev = last();
    if (!prev) {
      pending.push(part);
      return true;
    }
    const target = entry ?? prev.entry;
    const q = quantityFor(part, target);
    if (target === prev.entry && needsQuantity(prev)) {
      if (prev.q.fit === 'count' && q.fit === 'exact' && !part.total && !part.mentions.some((m) => m.dims)) {
        prev.q = { milli: mul(prev.q.count ?? prev.q.milli, q.milli), approximate: prev.q.approximate || q.approximate, fit: 'exact' };
        prev.source = 'filled';
        return true;
      }
      if (q.fit === 'exact' || (prev.q.fit === 'missing' && q.fit !== 'missing')) {
        prev.q = q;
        prev.source = 'filled';
        return true;
      }
    }
    if (q.fit === 'exact') {
      drafts.push({ entry: target, quality: prev.quality, q, part, source: 'ellipsis', dropped: false });
      return true;
    }
    return false;
  };

  for (const part of parts) {
    const real = part.mentions.filter((m) => !m.article);
    if (!part.entry) {
      if (real.length > 0) {
        if (part.own.length === 0) {
          if (quantityOnly(part)) continue;
        } else {
          // "8 m i plast": the words name an item together with the line before.
          const prev = last();
          if (prev) {
            const shift = 10_000;
            const prevWords = prev.part.content.filter((w) => prev.part.best?.touched.includes(w.position)).map((w) => ({ ...w, position: w.position + shift }));
            const retry = matchItems([...part.content, ...prevWords], index, ctx, unitFitOf(part))[0];
            if (retry && retry.touched.some((p) => p < shift && part.own.some((w) => w.position === p))) {
              const entry = index.items[retry.index]!;
              if (entry === prev.entry && needsQuantity(prev)) quantityOnly(part, entry);
              else drafts.push({ entry, quality: retry.quality * 0.9, q: quantityFor(part, entry), part, source: 'ellipsis', dropped: false });
              continue;
            }
          }
        }
      }
      candidatesUnmatched.push(part);
      continue;
    }
    const entry = part.entry;
    const best = part.best!;
    if (part.negated) continue;
    const q = quantityFor(part, entry);
    const hasQuantity = q.fit !== 'missing' && q.fit !== 'article' && q.fit !== 'ignored';
    if (!hasQuantity && part.descriptive && !part.cue && best.phraseWords < 2) continue;
    // "the roof is about 120 m2" after "clean our roof": the size of what the line before is done to.
    if (part.copula && q.fit === 'exact' && part.mentions.some((m) => m.unit && !COUNT_UNITS.has(m.unit.unit))) {
      const prev = live().filter((d) => needsQuantity(d)).at(-1);
      if (prev && prev.entry !== entry && prev.entry.item.unit === entry.item.unit && quantityFor(part, prev.entry).fit === 'exact') {
        prev.q = quantityFor(part, prev.entry);
        prev.source = 'filled';
        continue;
      }
    }
    addDraft(entry, best.quality, q, part, 'own');
  }

  const anyLine = live().length > 0;
  const unmatched: string[] = [];
  for (const part of candidatesUnmatched) {
    if (part.own.length === 0) continue;
    if (part.span.ends === ':') continue;
    const hasQuantity = part.mentions.some((m) => !m.article);
    let flagged = false;
    if (hasQuantity) flagged = true;
    else if (part.own.length > 4) flagged = false;
    else if ((part.clause || part.descriptive) && !part.cue) flagged = false;
    else if (part.cue) flagged = true;
    else if (anyLine) flagged = true;
    if (flagged) unmatched.push(part.text);
  }

  const lines: TextLine[] = live().map((d) => {
    const factor = d.source === 'inherited' ? 0.8 : d.source === 'filled' || d.source === 'ellipsis' ? Math.min(0.9, FACTOR[d.q.fit]) : FACTOR[d.q.fit];
    return {
      sku: d.entry.item.sku,
      quantity: d.q.milli,
      approximate: d.q.approximate,
      text: d.part.text,
      confidence: Math.round(Math.min(1, d.quality) * factor * 100) / 100,
    };
  });
  return { lines, unmatched };
}
