/**
 * Numbers, quantities and amounts as Danish and English customers write them, read exactly into
 * integers (thousandths of a unit, øre): never through a float.
 *
 * The rules for a numeral (a run of digits with separators):
 * - `3`, `2026`, `1250`: a whole number.
 * - `1.250`, `1.250.000`, `1.250,50`: Danish thousands with dots (each group after the first has
 *   exactly three digits), optional decimal comma. So `1.250` is one thousand two hundred and fifty.
 * - `1 250`, `1 250,50`: thousands with a space (also a no-break or thin space).
 * - `1,5`, `0,75`, `12,125`: a decimal comma. Only in English (`lang: 'en'`) is `1,250` (one comma,
 *   exactly three digits) read as thousands.
 * - `1,250,000` (two or more comma groups) and `1,250.50` (comma groups then a point): English
 *   thousands, whatever the language.
 * - `1.5`, `12.75`: an English decimal point, when unambiguous: one point followed by one or two
 *   digits and no comma. (Three digits after the point are Danish thousands.)
 * - `12½`, `2¼`, `¾`, `1 ½`, `1/2`, `1 3/4`: fractions (halves, quarters, thirds).
 * - Anything else is not a number: `12.03.2026` is a date, `1.2.3` a version, `12.` an ordinal.
 *
 * Number words, Danish and English: 1–20, the tens, `hundrede`/`hundred`, compounds like
 * `femogtyve` and `twenty-five`, `en/et/én/ét/one/a/an` (1), `halvanden` (1,5), `en halv`/`half`
 * (0,5), `en kvart`/`a quarter` (0,25), `tre kvart` (0,75), `et dusin`/`a dozen` (12), `2 dusin` (24),
 * `et par`/`a couple (of)` (2, approximate), `X og en halv`/`X and a half`.
 */
import type { Milli, Ore, Unit } from '../types.ts';
import { unitOf, scaleMilli } from './units.ts';

export type Lang = 'da' | 'en';

export interface NumberOptions {
  /** The text's language: only changes `1,250` (Danish 1,25; English 1250) and which words are numbers (`to` is 2 in Danish, a preposition in English). */
  lang?: Lang;
}

/** A decimal read from text, exactly: the integer digits and the fraction digits, or a fraction. */
interface Decimal {
  negative: boolean;
  int: string;
  frac: string;
  /** A vulgar fraction added to it, in thousandths (½ = 500, ⅓ = 333). */
  extraMilli: number;
}

const VULGAR: Record<string, number> = { '½': 500, '¼': 250, '¾': 750, '⅓': 333, '⅔': 667, '⅛': 125 };
const SPACE = '[  \\u202f]';

const PATTERNS = {
  int: /^\d+$/,
  daDots: /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/,
  spaces: new RegExp(`^\\d{1,3}(?:${SPACE}\\d{3})+(?:,\\d+|\\.\\d{1,2})?$`),
  enCommas: /^\d{1,3}(?:,\d{3}){2,}$/,
  enCommasPoint: /^\d{1,3}(?:,\d{3})+\.\d+$/,
  enThousand: /^\d{1,3},\d{3}$/,
  daComma: /^\d+,\d+$/,
  enPoint: /^\d+\.\d{1,2}$/,
  vulgar: new RegExp(`^(\\d+)?${SPACE}?([½¼¾⅓⅔⅛])$`),
  slash: new RegExp(`^(?:(\\d+)(?:${SPACE}|-))?([1-7])/([2348])$`),
};

function readNumeral(raw: string, lang: Lang | undefined): Decimal | null {
  let text = raw.trim();
  let negative = false;
  if (/^[-−]/.test(text)) {
    negative = true;
    text = text.slice(1).trim();
  }
  if (text === '') return null;
  const plain = (int: string, frac = ''): Decimal => ({ negative, int: int.replace(/^0+(?=\d)/, ''), frac, extraMilli: 0 });
  if (PATTERNS.int.test(text)) return plain(text);
  if (PATTERNS.daDots.test(text)) {
    const [int, frac] = text.split(',');
    return plain(int!.replace(/\./g, ''), frac ?? '');
  }
  if (PATTERNS.spaces.test(text)) {
    const [int, frac] = text.split(/[,.]/);
    return plain(int!.replace(/[  \u202f]/g, ''), frac ?? '');
  }
  if (PATTERNS.enCommas.test(text)) return plain(text.replace(/,/g, ''));
  if (PATTERNS.enCommasPoint.test(text)) {
    const [int, frac] = text.split('.');
    return plain(int!.replace(/,/g, ''), frac!);
  }
  if (lang === 'en' && PATTERNS.enThousand.test(text)) return plain(text.replace(',', ''));
  if (PATTERNS.daComma.test(text)) {
    const [int, frac] = text.split(',');
    return plain(int!, frac!);
  }
  if (PATTERNS.enPoint.test(text)) {
    const [int, frac] = text.split('.');
    return plain(int!, frac!);
  }
  const vulgar = PATTERNS.vulgar.exec(text);
  if (vulgar) return { negative, int: vulgar[1] ?? '0', frac: '', extraMilli: VULGAR[vulgar[2]!]! };
  const slash = PATTERNS.slash.exec(text);
  if (slash) {
    const num = Number(slash[2]);
    const den = Number(slash[3]);
    if (num >= den) return null;
    return { negative, int: slash[1] ?? '0', frac: '', extraMilli: Math.round((num * 1000) / den) };
  }
  return null;
}

/** A decimal in thousandths, rounded half up at the fourth decimal. */
function toMilli(d: Decimal): Milli {
  const frac = (d.frac + '000').slice(0, 3);
  const rest = d.frac.slice(3);
  let milli = Number(d.int) * 1000 + Number(frac) + d.extraMilli;
  if (rest !== '' && Number(rest[0]) >= 5) milli += 1;
  return d.negative ? -milli : milli;
}

/** A decimal in hundredths (øre), rounded half up at the third decimal. */
function toHundredths(d: Decimal): number {
  const frac = (d.frac + '00').slice(0, 2);
  const rest = d.frac.slice(2);
  let value = Number(d.int) * 100 + Number(frac) + Math.round(d.extraMilli / 10);
  if (rest !== '' && Number(rest[0]) >= 5) value += 1;
  return d.negative ? -value : value;
}

// ——— number words ———

const DA_WORDS: Record<string, number> = {
  én: 1, ét: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10,
  elleve: 11, tolv: 12, tretten: 13, fjorten: 14, femten: 15, seksten: 16, sytten: 17, atten: 18, nitten: 19, tyve: 20,
  tredive: 30, tredve: 30, fyrre: 40, fyrretyve: 40, halvtreds: 50, tres: 60, halvfjerds: 70, firs: 80, halvfems: 90, hundrede: 100,
};
const DA_TENS: Record<string, number> = { tyve: 20, tredive: 30, tredve: 30, fyrre: 40, halvtreds: 50, tres: 60, halvfjerds: 70, firs: 80, halvfems: 90 };
const DA_ONES: Record<string, number> = { en: 1, et: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9 };
const EN_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_ONES: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };

/** Articles that mean "one" when nothing else gives a number ("en ny vandhane", "a skip"). */
export const ARTICLES: Record<Lang, Set<string>> = { da: new Set(['en', 'et']), en: new Set(['a', 'an']) };

/** A single word's value as a number word of the language (both when `lang` is undefined), in thousandths. */
export function numberWordMilli(word: string, lang?: Lang): Milli | null {
  const w = word.toLowerCase();
  const da = lang !== 'en';
  const en = lang !== 'da';
  if (da) {
    if (w in DA_WORDS) return DA_WORDS[w]! * 1000;
    if (w === 'halvanden') return 1500;
    const compound = /^(en|et|to|tre|fire|fem|seks|syv|otte|ni)og(tyve|tredive|tredve|fyrre|halvtreds|tres|halvfjerds|firs|halvfems)$/.exec(w);
    if (compound) return (DA_ONES[compound[1]!]! + DA_TENS[compound[2]!]!) * 1000;
  }
  if (en) {
    if (w in EN_WORDS) return EN_WORDS[w]! * 1000;
    const compound = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?(one|two|three|four|five|six|seven|eight|nine)$/.exec(w);
    if (compound) return (EN_TENS[compound[1]!]! + EN_ONES[compound[2]!]!) * 1000;
  }
  return null;
}

/** A number read from a run of words: its value, whether it is vague, how many words it took, and whether it was only an article. */
export interface WordNumber {
  milli: Milli;
  approximate: boolean;
  length: number;
  article: boolean;
}

/**
 * Reads a number spelled in words at `words[i]` (lower-case words; a numeral may stand in a word's
 * place, e.g. `['2', 'dusin']`): "tre", "halvanden", "en halv", "et par", "a dozen", "two and a
 * half", "half a dozen". Returns null when no number starts there.
 *
 * @example
 * readWordNumber(['et', 'par', 'timer'], 0, 'da'); // { milli: 2000, approximate: true, length: 2, article: false }
 */
export function readWordNumber(words: readonly string[], i: number, lang?: Lang): WordNumber | null {
  const w = (k: number) => words[i + k] ?? '';
  const da = lang !== 'en';
  const en = lang !== 'da';
  const isArticle = (s: string) => (da && ARTICLES.da.has(s)) || (en && ARTICLES.en.has(s)) || (en && s === 'one') || s === 'én' || s === 'ét';
  const numeral = (s: string): Milli | null => {
    if (/^[\d½¼¾⅓⅔⅛]/.test(s)) {
      const d = readNumeral(s, lang);
      return d ? toMilli(d) : null;
    }
    return numberWordMilli(s, lang);
  };

  // "half a dozen", "half an hour", "a half"
  if (en && w(0) === 'half') {
    if ((w(1) === 'a' || w(1) === 'an') && w(2) === 'dozen') return { milli: 6000, approximate: false, length: 3, article: false };
    if (w(1) === 'a' || w(1) === 'an') return { milli: 500, approximate: false, length: 2, article: false };
    return { milli: 500, approximate: false, length: 1, article: false };
  }
  if (en && (w(0) === 'a' || w(0) === 'one') && w(1) === 'half') return { milli: 500, approximate: false, length: 2, article: false };
  if (en && (w(0) === 'a' || w(0) === 'one') && w(1) === 'quarter') return { milli: 250, approximate: false, length: 2, article: false };
  if (en && w(0) === 'three' && (w(1) === 'quarters' || w(1) === 'quarter')) return { milli: 750, approximate: false, length: 2, article: false };
  if (en && w(0) === 'a' && w(1) === 'couple') return { milli: 2000, approximate: true, length: w(2) === 'of' ? 3 : 2, article: false };
  if (en && w(0) === 'a' && w(1) === 'dozen') return { milli: 12000, approximate: false, length: 2, article: false };
  if (en && w(0) === 'dozen') return { milli: 12000, approximate: false, length: 1, article: false };
  if (da && (w(0) === 'en' || w(0) === 'et') && (w(1) === 'halv' || w(1) === 'halvt')) return { milli: 500, approximate: false, length: 2, article: false };
  if (da && w(0) === 'halv') return { milli: 500, approximate: false, length: 1, article: false };
  if (da && (w(0) === 'en' || w(0) === 'et') && w(1) === 'kvart') return { milli: 250, approximate: false, length: 2, article: false };
  if (da && w(0) === 'tre' && (w(1) === 'kvart' || w(1) === 'kvarter')) return { milli: 750, approximate: false, length: 2, article: false };
  if (da && w(0) === 'et' && w(1) === 'par') return { milli: 2000, approximate: true, length: 2, article: false };
  if (da && (w(0) === 'et' || w(0) === 'én' || w(0) === 'ét') && w(1) === 'dusin') return { milli: 12000, approximate: false, length: 2, article: false };
  if (da && w(0) === 'dusin') return { milli: 12000, approximate: false, length: 1, article: false };

  let value: Milli | null;
  let article = false;
  if (isArticle(w(0))) {
    value = 1000;
    article = w(0) !== 'one' && w(0) !== 'én' && w(0) !== 'ét';
  } else value = numeral(w(0));
  if (value === null) return null;
  let length = 1;
  // "2 dusin", "three dozen"
  if ((da && w(1) === 'dusin') || (en && w(1) === 'dozen')) return { milli: value * 12, approximate: false, length: 2, article: false };
  // "2 og en halv", "two and a half" (the joining word may have been replaced by a placeholder)
  const joins = new Set(['og', 'and', '\u0002']);
  if (joins.has(w(1)) && ((da && (w(2) === 'en' || w(2) === 'et') && (w(3) === 'halv' || w(3) === 'halvt')) || (en && (w(2) === 'a' || w(2) === 'one') && w(3) === 'half'))) {
    return { milli: value + 500, approximate: false, length: 4, article: false };
  }
  // "et hundrede", "two hundred"
  if ((w(1) === 'hundrede' || w(1) === 'hundred') && value < 10_000) return { milli: value * 100, approximate: false, length: 2, article: false };
  return { milli: value, approximate: false, length, article };
}

// ——— public parsers ———

/**
 * A number in Danish or English notation, or spelled as a word; null when the text is not one
 * number (a date, a version, an ordinal, words that are not a number).
 *
 * @example
 * parseDanishNumber('1.250,50'); // 1250.5
 * parseDanishNumber('1.250');    // 1250
 * parseDanishNumber('1,5');      // 1.5
 * parseDanishNumber('1,250', { lang: 'en' }); // 1250
 * parseDanishNumber('12½');      // 12.5
 * parseDanishNumber('halvanden');// 1.5
 * parseDanishNumber('12.03.2026'); // null
 */
export function parseDanishNumber(text: string, options: NumberOptions = {}): number | null {
  const d = readNumeral(text, options.lang);
  if (d) {
    if (d.extraMilli === 0) return Number(`${d.negative ? '-' : ''}${d.int}${d.frac ? `.${d.frac}` : ''}`);
    return toMilli(d) / 1000;
  }
  // "12." is an ordinal, "12.03.2026" a date: digits that are not a numeral are no number.
  if (/^\s*[\d.,]+\s*$/.test(text)) return null;
  const words = wordsOf(text);
  if (words.length === 0) return null;
  const read = readWordNumber(words, 0, options.lang ?? 'da') ?? (options.lang ? null : readWordNumber(words, 0, 'en'));
  if (!read || read.length !== words.length) return null;
  return read.milli / 1000;
}

/** The numeral alone, exactly, in thousandths (no words, no sign): what the line reader uses. */
export function parseNumeralMilli(text: string, lang?: Lang): Milli | null {
  const d = readNumeral(text, lang);
  if (!d || d.negative) return null;
  return toMilli(d);
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/[.,!?]+$/g, '').split(/\s+/).filter(Boolean);
}

const APPROX_PREFIX = /^(?:ca\.?|c\.|cirka|circa|omkring|ungefær|sådan\s+ca\.?|op\s+til|approx\.?|approximately|about|around|roughly|some|up\s+to|~|±)\s*/i;
const RANGE = /^(?:mellem|between|fra|from)?\s*(.+?)\s*(?:-|–|—|til|to|og|and)\s*(.+)$/i;

/** A quantity: the amount in thousandths, whether it was approximate, and the unit when one was written (converted: `30 cm` is 300 thousandths of `m`). */
export interface Quantity {
  milli: Milli;
  approximate: boolean;
  unit?: Unit;
}

/**
 * A quantity as a customer writes one: an optional approximation (`ca.`, `cirka`, `omkring`,
 * `about`, `approx.`, `~`, a trailing `-ish`), a number (digits, a fraction or words), an optional
 * unit. A range (`10-12`, `mellem 40 og 50`, `between 40 and 50`) is its upper end and approximate;
 * `et par` / `a couple` is 2 and approximate. Null for anything else, and for numbers that are
 * not quantities: a phone number (`20 30 40 50`, `+45 …`, 8 or more digits without separators)
 * or a date.
 *
 * @example
 * parseQuantity('ca. 45 m²');  // { milli: 45000, approximate: true, unit: 'm2' }
 * parseQuantity('12½');        // { milli: 12500, approximate: false }
 * parseQuantity('et par');     // { milli: 2000, approximate: true }
 * parseQuantity('20 30 40 50'); // null
 */
export function parseQuantity(text: string, options: NumberOptions = {}): Quantity | null {
  let rest = text.trim().replace(/\s+/g, ' ');
  if (rest === '') return null;
  if (/^\+\d/.test(rest) || /^\d{2}[ -]\d{2}[ -]\d{2}[ -]\d{2}$/.test(rest) || /^\d{8,}$/.test(rest)) return null;
  let approximate = false;
  const approx = APPROX_PREFIX.exec(rest);
  if (approx) {
    approximate = true;
    rest = rest.slice(approx[0].length);
  }
  if (/-?ish$/i.test(rest)) {
    approximate = true;
    rest = rest.replace(/-?ish$/i, '').trim();
  }
  // The unit: the longest ending that is a unit.
  const { body, unit } = splitUnit(rest);
  if (body === '') return null;
  const single = readAmount(body, options.lang);
  let result: { milli: Milli; approximate: boolean } | null = single;
  if (!result) {
    const range = RANGE.exec(body);
    if (range) {
      const low = readAmount(range[1]!, options.lang);
      const high = readAmount(range[2]!, options.lang);
      if (low && high && high.milli > low.milli) result = { milli: high.milli, approximate: true };
    }
  }
  if (!result) return null;
  let milli = result.milli;
  let unitOut: Unit | undefined;
  if (unit) {
    milli = scaleMilli(milli, unit);
    unitOut = unit.unit;
  }
  const q: Quantity = { milli, approximate: approximate || result.approximate };
  if (unitOut) q.unit = unitOut;
  return q;
}

function readAmount(text: string, lang: Lang | undefined): { milli: Milli; approximate: boolean } | null {
  const t = text.trim();
  if (/^[\d½¼¾⅓⅔⅛]/.test(t)) {
    const d = readNumeral(t, lang);
    if (d && !d.negative) return { milli: toMilli(d), approximate: false };
  }
  const words = wordsOf(t);
  if (words.length === 0) return null;
  for (const l of lang ? [lang] : (['da', 'en'] as const)) {
    const read = readWordNumber(words, 0, l);
    if (read && read.length === words.length) return { milli: read.milli, approximate: read.approximate };
  }
  return null;
}

function splitUnit(text: string): { body: string; unit: ReturnType<typeof unitOf> } {
  const glued = /^([\d.,  \u202f½¼¾⅓⅔⅛/]*\d[½¼¾⅓⅔⅛]?|[½¼¾⅓⅔⅛])([a-zæøåA-ZÆØÅ²³].*)$/.exec(text);
  const spaced = glued ? `${glued[1]} ${glued[2]}` : text;
  const words = spaced.split(' ');
  for (let take = Math.min(3, words.length - 1); take >= 1; take--) {
    const unit = unitOf(words.slice(words.length - take).join(' '));
    if (unit) return { body: words.slice(0, words.length - take).join(' '), unit };
  }
  return { body: text, unit: null };
}

const MONEY_BEFORE = /^(?:kr\.?|dkk|kroner)\s*(.+?)\s*(?:,-|\.-)?$/i;
const MONEY_AFTER = /^(.+?)\s*(?:,-|\.-)?\s*(?:kr\.?|dkk|kroner|danske kroner)$/i;
const MONEY_DASH = /^(.+?)\s*(?:,-|\.-)$/;

/**
 * An amount of Danish kroner in øre: `450 kr.`, `kr. 450,-`, `1.250,50 DKK`, `DKK 1,250.50`,
 * `450,-`, `1.250 kroner`. Null when the text is not an amount (no currency and no `,-`, or not a
 * number). A bare number is not money.
 *
 * @example
 * parseMoney('1.250,50 DKK'); // 125050
 * parseMoney('kr. 450,-');    // 45000
 * parseMoney('DKK 1,250.50'); // 125050
 */
export function parseMoney(text: string, options: NumberOptions = {}): Ore | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const m = MONEY_BEFORE.exec(t) ?? MONEY_AFTER.exec(t) ?? MONEY_DASH.exec(t);
  if (!m) return null;
  const amount = m[1]!.trim().replace(/(?:,-|\.-)$/, '');
  const d = readNumeral(amount, options.lang);
  if (!d || d.extraMilli !== 0) return null;
  return toHundredths(d);
}
