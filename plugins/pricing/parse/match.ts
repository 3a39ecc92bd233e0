/**
 * Which price-list item a few words name: by the items' Danish and English names and synonyms,
 * case-insensitive, through Danish compounds and inflections, with a score. No core imports: the
 * inflections are a small suffix stripper shared by both languages (applied to the text and the
 * price list alike, so what matters is that the two meet, not that the stem is a real word); a
 * caller with a real stemmer (`ctx.text.stem`) can pass it and words also meet when their stems do.
 *
 * How a phrase of the price list (a name or a synonym) is scored against the words of a request:
 * - Each word has forms: itself, and itself without an inflection ending (`tagrenderne` →
 *   `tagrend`, `toiletter` → `toilet`, `rensning` → `rens`, `cleaning` → `clean`), with æ/ø/å and
 *   ae/oe/aa folded (`nedlobsror` meets `nedløbsrør`) and a doubled last consonant undone
 *   (`tegltagg`). Two words meet when a form of one equals a form of the other, or their stems do,
 *   or (words of 5+ letters) they are one edit apart (a typo: `tagrener`), at a lower score.
 * - Compounds: a phrase word that ends a request word covers its head (`tagrende` in
 *   `zinktagrende`); one that starts it covers its first part (`zink`). A request word that ends or
 *   starts a phrase word covers that part of it (`vvs` + `arbejde` cover `vvsarbejde`). So
 *   "tagrende i zink" and "zinktagrende" cover each other entirely.
 * - A phrase counts only when the head (the end) of some request word it touches is covered: the
 *   phrase `tag` does not name `tagrende` (a gutter is a kind of `rende`, not of `tag`).
 * - `quality` = (covered share of the phrase)² × (covered share of the request words it touches);
 *   an item is named when its best phrase's quality is ≥ `MIN_QUALITY`. Among items, the one
 *   explaining the most letters of the request at the best quality wins (`rens af tagrender`
 *   beats `tagrender` for the cleaning service).
 */
import type { PriceItem, Unit } from '../types.ts';
import type { Lang } from './number.ts';

/** A stemmer as the CRM's text analysis gives one (`ctx.text.stem`). */
export type Stem = (word: string, lang: Lang) => string;

/** The least quality at which an item counts as named. */
export const MIN_QUALITY = 0.5;

/** Words that name nothing on their own, left out of the price list's phrases and of the request's words when matching. */
export const MATCH_STOPWORDS = new Set([
  'i', 'af', 'på', 'til', 'med', 'og', 'en', 'et', 'den', 'det', 'de', 'for', 'fra', 'pr', 'per', 'inkl', 'inklusiv', 'inklusive', 'ekskl', 'incl', 'excl',
  'ny', 'nye', 'nyt', 'gammel', 'gamle', 'gammelt', 'hele', 'vores', 'min', 'mit', 'mine', 'jeres', 'din', 'dit', 'evt', 'ca', 'cirka', 'stk',
  'the', 'a', 'an', 'of', 'on', 'in', 'to', 'with', 'and', 'or', 'new', 'old', 'our', 'my', 'your', 'some', 'each', 'including', 'approx', 'about',
]);

/** A word prepared for matching: its folded spelling and the forms it is compared by. */
export interface Word {
  raw: string;
  /** Folded (æ/ø/å and digraphs), lower-case, no hyphens or apostrophes. */
  folded: string;
  /** Prefixes of `folded` it may be compared as: itself, without its inflection, undoubled. */
  forms: string[];
}

const SUFFIXES = ['ernes', 'erne', 'enes', 'ene', 'erens', 'eren', 'ning', 'ings', 'ing', 'ers', 'ets', 'ens', 'er', 'en', 'et', 'ed', 'es', 'e', 's'];

/** Lower-case, hyphens and apostrophes out, æ→a, ø→o, å→a (and the typed digraphs ae, oe, aa). */
export function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFC')
    .replace(/[-'’´`]/g, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'a')
    .replace(/[æä]/g, 'a')
    .replace(/[øö]/g, 'o')
    .replace(/[åá]/g, 'a')
    .replace(/é/g, 'e')
    .replace(/ü/g, 'u');
}

function undouble(s: string): string {
  return s.length > 3 && /([bcdfghjklmnpqrstvwxz])\1$/.test(s) ? s.slice(0, -1) : s;
}

/**
 * The word without one inflection ending, Danish or English, keeping at least three letters:
 * `tagrenderne` → `tagrend`, `rensning` → `rens`, `toiletter` → `toilett`.
 */
export function stripSuffix(folded: string): string {
  if (folded.endsWith('ies') && folded.length > 5) return `${folded.slice(0, -3)}y`;
  for (const suffix of SUFFIXES) {
    if (folded.endsWith(suffix) && folded.length - suffix.length >= 3) return folded.slice(0, -suffix.length);
  }
  return folded;
}

/** A word's matching forms. */
export function wordOf(raw: string): Word {
  const folded = fold(raw);
  const forms = new Set<string>([folded, undouble(folded)]);
  const stripped = stripSuffix(folded);
  forms.add(stripped);
  forms.add(undouble(stripped));
  return { raw: raw.toLowerCase(), folded, forms: [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length) };
}

/** Damerau–Levenshtein distance up to `max` (returns max + 1 beyond). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Splits a name or a request into candidate words: letters (and digits inside a word), hyphenated words kept whole. */
export function splitWords(text: string): string[] {
  return text.match(/[\p{L}][\p{L}\p{N}'’-]*[\p{L}\p{N}]|[\p{L}]/gu) ?? [];
}

/** One phrase of an item: its words (stopwords and numbers left out). */
interface Phrase {
  words: Word[];
  length: number;
  text: string;
}

/** An item with its phrases and the numbered specifications its name carries ("2 lag", "110 l"). */
export interface IndexedItem {
  item: PriceItem;
  index: number;
  phrases: Phrase[];
  /** "2 lag" → `2|lag`: a number followed by a word in the item's name describes the item, it is not a quantity. */
  specs: Set<string>;
}

export interface ItemIndex {
  items: IndexedItem[];
  /** Every folded word of every phrase. */
  vocabulary: Set<string>;
}

const indexCache = new WeakMap<PriceItem[], ItemIndex>();

function phraseOf(text: string): Phrase | null {
  const cleaned = text.replace(/\([^)]*\)/g, ' ').replace(/[øØ∅]\s?\d+/g, ' ');
  const words = splitWords(cleaned)
    .filter((w) => !MATCH_STOPWORDS.has(w.toLowerCase()) && !/\d/.test(w))
    .map(wordOf)
    .filter((w) => w.folded.length >= 2);
  if (words.length === 0) return null;
  return { words, length: words.reduce((n, w) => n + w.folded.length, 0), text };
}

/** The price list prepared for matching (cached per array). */
export function indexItems(items: PriceItem[]): ItemIndex {
  const cached = indexCache.get(items);
  if (cached) return cached;
  const indexed = items.map((item, index): IndexedItem => {
    const texts = new Set<string>();
    for (const name of [item.name.da, item.name.en]) {
      texts.add(name);
      const head = name.split(/[,(]/)[0]!.trim();
      if (head) texts.add(head);
    }
    for (const s of item.synonyms) texts.add(s);
    const phrases: Phrase[] = [];
    const seen = new Set<string>();
    for (const t of texts) {
      const p = phraseOf(t);
      if (!p) continue;
      const key = p.words.map((w) => w.folded).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      phrases.push(p);
    }
    const specs = new Set<string>();
    for (const name of [item.name.da, item.name.en, ...item.synonyms]) {
      for (const m of name.toLowerCase().matchAll(/(\d+(?:[.,]\d+)?)\s*([\p{L}²³°]+)/gu)) specs.add(`${m[1]!.replace(',', '.')}|${m[2]!.replace('²', '2').replace('³', '3')}`);
    }
    return { item, index, phrases, specs };
  });
  const vocabulary = new Set(indexed.flatMap((e) => e.phrases.flatMap((p) => p.words.map((w) => w.folded))));
  const index = { items: indexed, vocabulary };
  indexCache.set(items, index);
  return index;
}

/** A request word for matching, with where it is in the part. */
export interface TextWord extends Word {
  position: number;
}

type Interval = [number, number];

function addInterval(list: Interval[], a: number, b: number): void {
  if (b > a) list.push([a, b]);
}

function coveredLength(list: Interval[], max: number): number {
  if (list.length === 0) return 0;
  const sorted = [...list].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [start, end] = sorted[0]!;
  for (const [a, b] of sorted.slice(1)) {
    if (a <= end) end = Math.max(end, b);
    else {
      total += end - start;
      [start, end] = [a, b];
    }
  }
  total += end - start;
  return Math.min(total, max);
}

/** How one phrase meets the request's words. */
export interface PhraseMatch {
  quality: number;
  /** Letters of the request explained. */
  explained: number;
  /** Positions of the request words it touched. */
  touched: number[];
  phrase: string;
  /** How many words the phrase has (a two-word phrase is stronger evidence than one word). */
  words: number;
}

export interface MatchContext {
  lang: Lang;
  stem?: Stem | undefined;
  stemCache?: Map<string, string>;
}

function stemOf(word: string, ctx: MatchContext): string | null {
  if (!ctx.stem) return null;
  const cache = (ctx.stemCache ??= new Map());
  let s = cache.get(word);
  if (s === undefined) {
    s = fold(ctx.stem(word, ctx.lang));
    cache.set(word, s);
  }
  return s;
}

/** Scores one phrase against the words of a request part. */
export function scorePhrase(phrase: Phrase, words: TextWord[], ctx: MatchContext): PhraseMatch | null {
  const pCov: Interval[][] = phrase.words.map(() => []);
  const tCov: Interval[][] = words.map(() => []);
  let fuzzy = false;
  phrase.words.forEach((p, pi) => {
    const pLen = p.folded.length;
    words.forEach((t, ti) => {
      const tLen = t.folded.length;
      let related = false;
      let partial = false;
      for (const tf of t.forms) {
        for (const pf of p.forms) {
          if (tf === pf && tf.length >= 2) {
            addInterval(tCov[ti]!, 0, tLen);
            addInterval(pCov[pi]!, 0, pLen);
            related = true;
            continue;
          }
          // A compound part is a whole word or a stem of 4+ letters ("tag" is, "ren" of "rens" is not).
          if ((pf.length >= 4 || pf === p.folded) && pf.length >= 3 && tf.length - pf.length >= 2) {
            if (tf.endsWith(pf)) {
              addInterval(tCov[ti]!, tf.length - pf.length, tLen);
              addInterval(pCov[pi]!, 0, pLen);
              partial = true;
            } else if (tf.startsWith(pf)) {
              addInterval(tCov[ti]!, 0, pf.length);
              addInterval(pCov[pi]!, 0, pLen);
              partial = true;
            }
          }
          if ((tf.length >= 4 || tf === t.folded) && tf.length >= 3 && pf.length - tf.length >= 2) {
            if (pf.endsWith(tf)) {
              addInterval(tCov[ti]!, 0, tLen);
              addInterval(pCov[pi]!, pf.length - tf.length, pLen);
              partial = true;
            } else if (pf.startsWith(tf)) {
              addInterval(tCov[ti]!, 0, tLen);
              addInterval(pCov[pi]!, 0, tf.length);
              partial = true;
            }
          }
        }
      }
      if (related) return;
      // A compound part found does not rule out a typo of the whole word ("tagrener" → "tagrende").
      void partial;
      const ts = stemOf(t.raw, ctx);
      if (ts !== null && ts.length >= 2 && ts === stemOf(p.raw, ctx)) {
        addInterval(tCov[ti]!, 0, tLen);
        addInterval(pCov[pi]!, 0, pLen);
        return;
      }
      if (tLen >= 5 && pLen >= 5) {
        const max = Math.min(tLen, pLen) >= 9 ? 2 : 1;
        if (editDistance(t.forms[0]!, p.forms[0]!, max) <= max || editDistance(t.forms.at(-1)!, p.forms.at(-1)!, max) <= max) {
          addInterval(tCov[ti]!, 0, tLen);
          addInterval(pCov[pi]!, 0, pLen);
          fuzzy = true;
        }
      }
    });
  });
  const touched: number[] = [];
  let tCovered = 0;
  let tTotal = 0;
  let headOk = false;
  words.forEach((t, ti) => {
    const list = tCov[ti]!;
    if (list.length === 0) return;
    touched.push(t.position);
    const len = t.folded.length;
    tCovered += coveredLength(list, len);
    tTotal += len;
    if (list.some(([, b]) => b >= len)) headOk = true;
  });
  if (touched.length === 0 || !headOk) return null;
  let pCovered = 0;
  let pHead = false;
  phrase.words.forEach((p, pi) => {
    const list = pCov[pi]!;
    pCovered += coveredLength(list, p.folded.length);
    if (list.some(([, b]) => b >= p.folded.length)) pHead = true;
  });
  if (!pHead) return null;
  const phraseShare = pCovered / phrase.length;
  const textShare = tCovered / tTotal;
  const quality = phraseShare * phraseShare * textShare * (fuzzy ? 0.85 : 1);
  return { quality, explained: tCovered, touched, phrase: phrase.text, words: phrase.words.length };
}

/** An item's best match on a request part. */
export interface ItemMatch {
  item: PriceItem;
  index: number;
  quality: number;
  explained: number;
  touched: number[];
  phrase: string;
  phraseWords: number;
  rank: number;
}

/**
 * The items a request part's words name, best first (quality ≥ MIN_QUALITY). `unitFit` may weigh
 * each item by how well the quantity's unit fits it (1 = fits).
 */
export function matchItems(words: TextWord[], index: ItemIndex, ctx: MatchContext, unitFit: (unit: Unit) => number = () => 1): ItemMatch[] {
  const out: ItemMatch[] = [];
  if (words.length === 0) return out;
  for (const entry of index.items) {
    let best: PhraseMatch | null = null;
    let bestRank = 0;
    for (const phrase of entry.phrases) {
      const m = scorePhrase(phrase, words, ctx);
      if (!m || m.quality < MIN_QUALITY) continue;
      const rank = m.quality * m.explained;
      if (rank > bestRank) {
        best = m;
        bestRank = rank;
      }
    }
    if (!best) continue;
    const fit = unitFit(entry.item.unit);
    out.push({ item: entry.item, index: entry.index, quality: best.quality, explained: best.explained, touched: best.touched, phrase: best.phrase, phraseWords: best.words, rank: bestRank * fit });
  }
  out.sort((a, b) => b.rank - a.rank || a.index - b.index);
  return out;
}
