/**
 * A request's text before its parts are read: what is not a quantity is blanked out (dates, times
 * of day, years, phone numbers, postal codes, house numbers, list numbering, ordinals, prices,
 * percentages, pipe and gutter sizes), greetings and signatures are dropped, and the rest is split
 * into parts. Blanking replaces characters with spaces, so every position still points into the
 * customer's own text (a line's `text` is the customer's words, not ours).
 */
import { unitOf } from './units.ts';
import type { Lang } from './number.ts';

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/** Replaces every match of `re` (global) by spaces; `keep` may spare a match. */
function blankAll(text: string, re: RegExp, keep?: (m: RegExpExecArray, text: string) => boolean): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    const exec = m as unknown as RegExpExecArray;
    if (keep?.(exec, text)) continue;
    // Only the group named "x" when there is one, else the whole match.
    const whole = m[0];
    const start = m.index!;
    const group = m.groups?.x;
    if (group !== undefined) {
      const offset = whole.indexOf(group);
      out += text.slice(last, start + offset) + blank(group);
      last = start + offset + group.length;
    } else {
      out += text.slice(last, start) + blank(whole);
      last = start + whole.length;
    }
  }
  return out + text.slice(last);
}

const MONTHS = 'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|january|february|march|may|june|july|october|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec';

function nextWord(text: string, end: number): string {
  return /^\s*([\p{L}²³]+\.?)/u.exec(text.slice(end))?.[1] ?? '';
}

/**
 * Blanks what looks like a number but is not a quantity. Exported for tests.
 *
 * @example
 * maskNonQuantities('Ring på 20 30 40 50 d. 12.03.2026'); // only spaces where the phone and the date were
 */
export function maskNonQuantities(input: string): string {
  let t = input;
  // Links and addresses.
  t = blankAll(t, /\bhttps?:\/\/\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g);
  // Dates and times.
  t = blankAll(t, /\b\d{4}-\d{2}-\d{2}\b/g);
  t = blankAll(t, /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g);
  t = blankAll(t, new RegExp(`\\b\\d{1,2}\\.?\\s*(?:${MONTHS})\\b\\.?(?:\\s+\\d{4})?`, 'gi'));
  t = blankAll(t, new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?`, 'gi'));
  t = blankAll(t, new RegExp(`\\b(?:${MONTHS})\\s+\\d{4}\\b`, 'gi'));
  t = blankAll(t, /\b(?:d\.|den)\s*\d{1,2}\.(?:\s*\d{1,2}\.?)?/gi);
  t = blankAll(t, /\b(?:uge|week|wk)\.?\s+\d{1,2}\b/gi);
  t = blankAll(t, /\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?\b/gi);
  t = blankAll(t, /\b\d{1,2}:\d{2}\b/g);
  // Phone numbers: +45 …, 8 digits in pairs or fours, 8+ digits, or digits after tlf./phone.
  t = blankAll(t, /(?:\+|\b00)\d{2}[\s-]?(?:\d[\s-]?){7}\d\b/g);
  t = blankAll(t, /\b\d{2}[ -]\d{2}[ -]\d{2}[ -]\d{2}\b/g);
  t = blankAll(t, /\b\d{4}[ -]\d{4}\b/g);
  t = blankAll(t, /\b\d{8,}\b/g);
  t = blankAll(t, /\b(?:tlf|telefon|tel|mobil|mob|phone|ring|call)\.?:?\s*(?:på\s+|on\s+)?[\d\s+-]{6,}\d/gi);
  t = blankAll(t, /\b(?:tlf|tel|mobil|mob)\b\.?:?/gi);
  // Reference numbers.
  t = blankAll(t, /\b(?:nr|no|ordre|ordrenr|sag|sagsnr|faktura|cvr|order|ref|invoice|case)\.?\s*:?\s*#?(?<x>\d+)\b/gi);
  t = blankAll(t, /#\d+\b/g);
  // Money: a customer's price is not a quantity (and never a price for the quote).
  t = blankAll(t, /\b(?:kr\.?|dkk|kroner)\s*\d[\d.,  ]*(?:,-|\.-)?/gi);
  t = blankAll(t, /\b\d[\d.,  ]*?(?:\s?(?:,-|\.-))?\s*(?:kr\b\.?|dkk\b|kroner\b|,-|\.-)/gi);
  t = blankAll(t, /(?:€|\$|£)\s*\d[\d.,]*|\b\d[\d.,]*\s*(?:€|euro\b|eur\b|\$)/gi);
  // Percentages.
  t = blankAll(t, /\b\d+(?:[.,]\d+)?\s*(?:%|procent\b|pct\b\.?|percent\b)/gi);
  // Sizes of a profile or pipe: Ø75, 125 mm, 90°.
  t = blankAll(t, /[øØ∅]\s?\d+(?:[.,]\d+)?(?:\s*mm\b)?/g);
  t = blankAll(t, /\b\d+(?:[.,]\d+)?\s*mm\b/gi);
  t = blankAll(t, /\b\d+\s*°/g);
  // An address: a street name with its number, a postal code with its town.
  t = blankAll(t, /\b[A-ZÆØÅ][a-zæøå]+(?:vej|gade|allé|alle|stræde|torv|plads|vænge|vænget|parken|bakke|bakken|have|høj|toft|park|road|street|lane|avenue|close|way)\s+\d+[a-zA-Z]?\b(?:,?\s*\d+\.?\s*(?:th|tv|mf|sal)\b\.?)?/g);
  t = blankAll(t, /\b[1-9]\d{3}\s+[A-ZÆØÅ][a-zæøå]+(?:\s+[A-ZÆØÅ]\b|\s+[A-ZÆØÅ][a-zæøå]+)?/g, (m, text) => unitOf(nextWord(text, m.index! + 4)) !== null);
  // Years: 1900–2099 standing alone (not followed by a unit).
  t = blankAll(t, /\b(?:19|20)\d{2}\b(?![.,]\d)/g, (m, text) => unitOf(nextWord(text, m.index! + m[0].length)) !== null);
  // List numbering and bullets at the start of a line.
  t = blankAll(t, /^[ \t]*(?<x>\d{1,2}[.)]|[-*•–]|\(\d{1,2}\))(?=\s)/gm);
  // Ordinals: "2. sal", "3. gang" (a number with a point before a word that is not a unit).
  t = blankAll(t, /\b\d{1,2}\.(?=\s+\p{Ll})/gu, (m, text) => unitOf(nextWord(text, m.index! + m[0].length)) !== null);
  return t;
}

const GREETING = /^(?:hej(?:sa)?|hey|hi|hello|dear|kære|goddag|god\s+dag|dav|morn|godmorgen|good\s+morning|good\s+afternoon)\b/i;
const SIGN_OFF = /(?:^|[\s.,!?])(?<x>(?:med\s+)?venlig(?:st)?\s+hilsen|(?:de\s+)?bedste\s+hilsner|mange\s+hilsner|hilsen|mvh\.?|vh\.?|kh\.?|kind\s+regards|best\s+regards|warm\s+regards|regards|best\s+wishes|thanks|thank\s+you|many\s+thanks|cheers|sincerely|yours\s+(?:sincerely|faithfully)|mange\s+tak|tak\s+på\s+forhånd|på\s+forhånd\s+tak|tak)\b/gi;

/**
 * Blanks a greeting at the start ("Hej Jens.", "Hi there,", "Dear Sir/Madam,") and a sign-off with
 * what follows it ("Mvh\nLone Kristensen", "Thanks, Mark", "mvh Bo"): a sign-off counts when the
 * rest of its line has at most four words and every later line at most six.
 */
export function maskGreetingAndSignature(input: string): string {
  let t = input;
  const lead = /^\s*/.exec(t)![0].length;
  const g = GREETING.exec(t.slice(lead));
  if (g) {
    let end = lead + g[0].length;
    const rest = t.slice(end);
    const name = /^(?:[ \t]+(?:there|all|everyone|alle|sir\/madam|sir|madam|[A-ZÆØÅ][\p{L}/.-]*)){0,3}[ \t]*[,.!:]?/u.exec(rest);
    if (name) end += name[0].length;
    t = t.slice(0, lead) + blank(t.slice(lead, end)) + t.slice(end);
  }
  for (const m of t.matchAll(SIGN_OFF)) {
    const start = m.index! + m[0].indexOf(m.groups!.x!);
    const lineEnd = t.indexOf('\n', start);
    const restOfLine = t.slice(start + m.groups!.x!.length, lineEnd === -1 ? t.length : lineEnd);
    if (restOfLine.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w)).length > 4) continue;
    if (/\d/.test(restOfLine.replace(/\s/g, '')) && /\p{L}/u.test(restOfLine) && /\d\s*\p{L}/u.test(restOfLine)) continue;
    const later = lineEnd === -1 ? [] : t.slice(lineEnd + 1).split('\n');
    if (later.some((line) => line.trim().split(/\s+/).filter(Boolean).length > 6)) continue;
    return t.slice(0, start) + blank(t.slice(start));
  }
  return t;
}

/** One part of a request: where it is in the text, its (masked) text, and what separated it from the one before. */
export interface Span {
  start: number;
  end: number;
  /** The part with its non-quantities blanked. */
  masked: string;
  /** The separator before it: 'start', 'sentence', 'line', 'comma', 'and' (og/and/samt/plus/+/&), 'incl' (inkl./incl./including), 'colon', 'semicolon'. */
  after: 'start' | 'sentence' | 'line' | 'comma' | 'and' | 'incl' | 'colon' | 'semicolon';
  /** Which sentence it belongs to (0-based). */
  sentence: number;
  /** The character after the part's last word: '?' for a question, ':' for a lead-in, '' otherwise. */
  ends: string;
}

const ABBREVIATIONS = new Set(['ca', 'stk', 'kr', 'inkl', 'incl', 'ekskl', 'excl', 'evt', 'bl', 'a', 'ex', 'fx', 'dvs', 'osv', 'mm', 'jf', 'pr', 'nr', 'no', 'tlf', 'tel', 'approx', 'm', 't', 'min', 'max', 'maks', 'mdr', 'md', 'mnd', 'sq', 'hr', 'hrs', 'lbm', 'kvm', 'mtr', 'etc', 'vs', 'e', 'g', 'i', 'st', 'ltr', 'pk', 'c', 'ang', 'vedr', 'mht']);

/**
 * Splits the masked text into parts at new lines, `;`, `:`, sentence ends, commas (not between
 * digits), and the words og/and/samt/plus/inkl./incl./including and the signs `+`/`&`. A range
 * ("mellem 40 og 50", "between 40 and 50") and "2 og en halv" are not split.
 */
export function splitParts(masked: string): Span[] {
  // Protect ranges and "N and a half": the joining word becomes placeholders of the same length.
  let t = masked.replace(/\b(mellem|between|fra|from)(\s+[\d½¼¾.,]+\s*[\p{L}²³]*\s+)(og|and|til|to)(\s+[\d½¼¾])/giu, (_m, a: string, b: string, c: string, d: string) => `${a}${b}${'\u0001'.repeat(c.length)}${d}`);
  t = t.replace(/([\d½¼¾]|\b(?:en|et|to|tre|fire|fem|one|two|three|four|five))(\s+)(og|and)(\s+(?:en|et|a|one)\s+(?:halv|halvt|half)\b)/giu, (_m, a: string, b: string, c: string, d: string) => `${a}${b}${'\u0002'.repeat(c.length)}${d}`);
  const cuts: { at: number; skip: number; kind: Span['after'] }[] = [];
  const re = /(\r?\n)+|;|:(?=\s|$)|[!?]+(?=\s|$)|\.(?=\s|$)|,(?!\d)|,(?=\d)(?<!\d,)|\s\+\s?|\+|\s&\s|\b(?:og|and|samt|plus)\b|\b(?:inkl|incl|ekskl|excl)\b\.?|\b(?:inklusiv|inklusive|including|incl)\b/giu;
  for (const m of t.matchAll(re)) {
    const s = m[0];
    const at = m.index!;
    let kind: Span['after'];
    if (s.includes('\n')) kind = 'line';
    else if (s === ';') kind = 'semicolon';
    else if (s === ':') kind = 'colon';
    else if (/^[!?]+$/.test(s)) kind = 'sentence';
    else if (s === '.') {
      const before = /([\p{L}]+)\s*$/u.exec(t.slice(Math.max(0, at - 12), at))?.[1]?.toLowerCase();
      const after = t.slice(at + 1);
      const nextChar = /\S/.exec(after)?.[0] ?? '';
      if (nextChar === '') kind = 'sentence';
      else if (/\d/.test(nextChar)) continue;
      else if (before && ABBREVIATIONS.has(before) && !/[A-ZÆØÅ]/.test(nextChar)) continue;
      else kind = 'sentence';
    } else if (s.startsWith(',')) kind = 'comma';
    else if (/^(?:inkl|incl|ekskl|excl|inklusiv|inklusive|including)/i.test(s)) kind = 'incl';
    else kind = 'and';
    cuts.push({ at, skip: s.length, kind });
  }
  const spans: Span[] = [];
  let start = 0;
  let kind: Span['after'] = 'start';
  let sentence = 0;
  const push = (end: number, nextKind: Span['after'], sep: string) => {
    const raw = t.slice(start, end);
    if (/[\p{L}\p{N}½¼¾]/u.test(raw)) {
      const lead = raw.length - raw.trimStart().length;
      const trail = raw.trimEnd().length;
      spans.push({ start: start + lead, end: start + trail, masked: raw.slice(lead, trail), after: kind, sentence, ends: sep === '?' || sep.startsWith('?') ? '?' : sep === ':' ? ':' : '' });
    }
    if (nextKind === 'sentence' || nextKind === 'line' || nextKind === 'colon' || nextKind === 'semicolon') {
      if (spans.length > 0 && spans.at(-1)!.sentence === sentence) sentence++;
    }
  };
  for (const cut of cuts) {
    const sep = t.slice(cut.at, cut.at + cut.skip).trim();
    push(cut.at, cut.kind, sep.includes('?') ? '?' : sep);
    start = cut.at + cut.skip;
    kind = cut.kind;
  }
  push(t.length, 'sentence', '');
  // A part that is only a sentence end belongs to the sentence before.
  return spans;
}

/** Which language a request is in, by its function words (and æ/ø/å). */
export function detectLanguage(text: string): Lang {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const da = new Set(['og', 'jeg', 'vi', 'skal', 'har', 'på', 'til', 'af', 'med', 'det', 'en', 'et', 'er', 'hej', 'tak', 'kan', 'gerne', 'stk', 'hvad', 'koster', 'pris', 'tilbud', 'ca', 'mvh', 'os', 'vores', 'nye', 'nyt', 'ny', 'samt', 'også', 'bruge', 'have', 'i', 'timer', 'meter']);
  const en = new Set(['the', 'and', 'we', 'need', 'of', 'for', 'please', 'would', 'is', 'are', 'hi', 'thanks', 'our', 'a', 'an', 'you', 'could', 'quote', 'price', 'with', 'hours', 'new', 'how', 'much', 'what', 'approx', 'about', 'plus', 'can', 'do', 'like', 'want', 'some', 'my', 'me', 'it']);
  let scoreDa = /[æøå]/i.test(text) ? 2 : 0;
  let scoreEn = 0;
  for (const w of words) {
    if (da.has(w)) scoreDa++;
    if (en.has(w)) scoreEn++;
  }
  return scoreEn > scoreDa ? 'en' : 'da';
}
