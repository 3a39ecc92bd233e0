/**
 * Words for what the company does: meta keywords, the JSON-LD business type ('Plumber',
 * 'RoofingContractor': schema.org's English names are kept, they are a shared vocabulary) and
 * knowsAbout, then the content words its headings use most.
 */
import { isBusiness, textsOf, typesOf } from './jsonld.ts';
import type { ReadPage } from './read.ts';
import { sourced } from './read.ts';
import { STOP_WORDS } from './stopwords.ts';
import { fold, visibleLines } from './text.ts';
import type { Sourced } from './types.ts';

/** Types that say only "a business". */
const GENERIC_TYPES = new Set(['Organization', 'Corporation', 'LocalBusiness', 'Thing', 'OnlineBusiness', 'OnlineStore']);
/** Legal forms are no content words. */
const LEGAL_WORDS = new Set(['aps', 'a/s', 'i/s', 'ivs', 'k/s', 'p/s', 'ltd', 'limited', 'gmbh', 'inc', 'llc', 'plc']);

/**
 * The content words used most in headings, most frequent first (ties in reading order):
 * lower case, except acronyms written in capitals ('VVS'); no stop words, numbers or the
 * words of `exclude` (folded, see {@link fold}: the company's own name).
 *
 * @example
 * headingTerms(['VVS i Aarhus', 'Varmepumper og VVS', 'Badeværelser'], 3); // ['VVS', 'aarhus', 'varmepumper']
 */
export function headingTerms(headings: string[], top = 8, exclude: ReadonlySet<string> = new Set()): string[] {
  const counts = new Map<string, { term: string; count: number; first: number }>();
  let order = 0;
  for (const heading of headings) {
    for (const m of heading.matchAll(/\p{L}[\p{L}\p{N}'’-]*/gu)) {
      const word = m[0].replace(/['’-]+$/, '').replace(/['’]s$/i, '');
      const key = word.toLowerCase();
      const acronym = /^\p{Lu}{2,5}$/u.test(word);
      if ((!acronym && word.length < 3) || /\d/.test(word) || STOP_WORDS.has(key) || LEGAL_WORDS.has(key) || exclude.has(fold(key))) continue;
      const known = counts.get(key);
      if (known) known.count++;
      else counts.set(key, { term: acronym ? word : key, count: 1, first: order++ });
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .slice(0, top)
    .map((c) => c.term);
}

/**
 * The profile's keywords, unique regardless of case, sourced to the page the first one came
 * from; `name` keeps the company's own name out of the heading words.
 *
 * @example
 * extractKeywords(pages, 'Jensens VVS ApS')?.value; // ['vvs', 'varmepumper', 'Plumber', …]
 */
export function extractKeywords(pages: ReadPage[], name?: string): Sourced<string[]> | null {
  const words: string[] = [];
  let source: ReadPage | undefined;
  const add = (raw: string, page: ReadPage) => {
    const word = raw.replace(/\s+/g, ' ').trim();
    if (!word || word.length > 60 || words.some((w) => w.toLowerCase() === word.toLowerCase())) return;
    words.push(word);
    source ??= page;
  };
  for (const page of pages) {
    for (const meta of Array.from(page.doc.querySelectorAll('meta[name]'))) {
      if ((meta.getAttribute('name') ?? '').toLowerCase() === 'keywords') for (const k of (meta.getAttribute('content') ?? '').split(/[,;]/)) add(k, page);
    }
  }
  for (const page of pages) {
    for (const entity of page.jsonld.filter(isBusiness)) {
      for (const type of typesOf(entity)) if (!GENERIC_TYPES.has(type)) add(type, page);
      for (const topic of textsOf(entity.knowsAbout)) add(topic, page);
    }
  }
  // The name's first word is its own ('Jensens', 'Northwind'); the words after it are often the trade ('VVS', 'Analytics') and stay.
  const first = name ? fold(name).split(/[^a-z0-9]+/).find(Boolean) : undefined;
  const exclude = new Set(first ? [first] : []);
  const headings: { text: string; page: ReadPage }[] = [];
  for (const page of pages) for (const h of Array.from(page.doc.querySelectorAll('h1, h2, h3'))) headings.push({ text: visibleLines(h).join(' '), page });
  for (const term of headingTerms(headings.map((h) => h.text), 8, exclude)) {
    add(term, headings.find((h) => h.text.toLowerCase().includes(term.toLowerCase()))?.page ?? pages[0]!);
  }
  return words.length > 0 && source ? sourced(words, source) : null;
}
