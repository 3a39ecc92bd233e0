/**
 * The company's name. Several places on a site say it, each with its own noise: JSON-LD
 * (reliable when present), og:site_name, the part of the <title> every page shares
 * ("Priser | Jensens VVS ApS"), the copyright line ("© 2026 Jensens VVS ApS") and a footer
 * line ending in a legal form. The candidates vote: spellings of one name ("Jensens VVS",
 * "Jensens VVS ApS") count together, and of those the one with the legal form wins, since that
 * is the name the company is registered under.
 */
import { isBusiness, textOf, typesOf } from './jsonld.ts';
import type { ReadPage } from './read.ts';
import { sourced } from './read.ts';
import { fold } from './text.ts';
import type { Sourced } from './types.ts';

/** Danish, British, German and Nordic legal forms. */
const FORMS = String.raw`ApS|APS|Aps|A\/S|I\/S|IVS|K\/S|P\/S|SMBA|S\.m\.b\.a\.|F\.m\.b\.a\.|Ltd\.?|LTD\.?|Limited|PLC|plc|LLP|GmbH|AB|AS|Oy|Inc\.?|LLC`;
/** A legal form as the last word(s) of a name. */
const LEGAL_FORM = new RegExp(String.raw`(?<![\p{L}])(?:${FORMS})$`, 'u');
/** A text up to and including its first legal form: where a name in running text ends. */
const UP_TO_LEGAL_FORM = new RegExp(String.raw`^(.*?(?<![\p{L}])(?:${FORMS}))(?![\p{L}/])`, 'u');
/** Words a title part can be that are no name. */
const GENERIC = /^(?:forside|hjem|home|homepage|startside|velkommen|welcome|index|untitled|kontakt|contact|om os|about|about us|blog|nyheder|news|shop|webshop|produkter|products|ydelser|services|side ikke fundet|page not found|404)$/;

/**
 * Whether a name ends in a legal form (ApS, A/S, Ltd, GmbH…).
 *
 * @example
 * hasLegalForm('Jensens VVS ApS'); // true
 * hasLegalForm('Jensens VVS'); // false
 */
export function hasLegalForm(name: string): boolean {
  return LEGAL_FORM.test(name.trim());
}

/** What spellings of one name share: folded letters and digits, without the legal form. */
const nameKey = (name: string) => fold(name.trim().replace(LEGAL_FORM, '')).replace(/[^a-z0-9]/g, '');

interface Candidate {
  value: string;
  /** How much this kind of source says; each kind votes once per spelling. */
  weight: number;
  kind: string;
  page: ReadPage;
}

const clean = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—|:,.]+|[\s\-–—|:,]+$/g, '')
    // 'Ltd.' and 'Ltd' are one name; an 'A.m.b.a.' keeps its dots.
    .replace(/(?<=\p{L}{2})\.$/u, '')
    .trim();

function plausible(name: string): boolean {
  return name.length >= 2 && name.length <= 80 && /\p{L}/u.test(name) && !GENERIC.test(fold(name)) && !/^https?:|@/.test(name) && name.split(' ').length <= 8;
}

const TITLE_SEPARATORS = /\s+[|–—·•»:]\s+|\s+-\s+|\s*\|\s*/;

/**
 * The name in a copyright line, without the years and "All rights reserved".
 *
 * @example
 * copyrightName('© 2019–2026 Jensens VVS ApS. Alle rettigheder forbeholdes.'); // 'Jensens VVS ApS'
 */
export function copyrightName(line: string): string | undefined {
  const m = /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*(?:[-–]\s*\d{4}\s*)?)?[,-]?\s*(?:by\s+)?([^|·•]+)/i.exec(line);
  if (!m) return undefined;
  const text = m[1]!.replace(/\s*(?:[.,-]\s*)?(?:alle rettigheder(?: forbeholdes)?|all rights reserved|eftertryk|designed by|website by|powered by|lavet af|udviklet af)\b.*$/i, '');
  // A name with a legal form ends there ('… Ltd. Registered in England, No. 09876543');
  // without one, at the end of the first sentence.
  const name = clean(UP_TO_LEGAL_FORM.exec(text)?.[1] ?? text.replace(/(?<!\b\p{L})\.\s.*$/u, '').replace(/\s+\d{4}(?:\s*[-–]\s*\d{4})?\s*$/, ''));
  return plausible(name) ? name : undefined;
}

/** Title parts that every page (at least two) starts or ends with. */
function sharedTitleParts(pages: ReadPage[]): { value: string; count: number; page: ReadPage }[] {
  const titled = pages
    .map((page) => ({ page, parts: (page.doc.querySelector('title')?.textContent ?? '').split(TITLE_SEPARATORS).map(clean).filter(Boolean) }))
    .filter((t) => t.parts.length > 0);
  const counts = new Map<string, { value: string; count: number; page: ReadPage }>();
  for (const { page, parts } of titled) {
    const affixes = new Set(parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts);
    for (const part of affixes) {
      const key = fold(part);
      const known = counts.get(key);
      if (known) known.count++;
      else counts.set(key, { value: part, count: 1, page });
    }
  }
  const shared = [...counts.values()].filter((c) => c.count >= 2 && c.count * 2 >= titled.length);
  if (shared.length > 0 || titled.length !== 1) return shared;
  // One page only: a part with a legal form, else the usual 'Page | Company' end.
  const parts = titled[0]!.parts;
  if (parts.length < 2) return [];
  const legal = parts.find(hasLegalForm);
  return [{ value: legal ?? parts[parts.length - 1]!, count: legal ? 2 : 1, page: titled[0]!.page }];
}

function candidates(pages: ReadPage[]): Candidate[] {
  const list: Candidate[] = [];
  const add = (raw: string | undefined | null, weight: number, kind: string, page: ReadPage) => {
    const value = raw ? clean(raw) : '';
    if (plausible(value)) list.push({ value, weight, kind, page });
  };
  for (const page of pages) {
    for (const entity of page.jsonld) {
      if (isBusiness(entity)) {
        add(textOf(entity.name), 6, 'jsonld', page);
        add(textOf(entity.legalName), 6, 'jsonld-legal', page);
      } else if (typesOf(entity).includes('WebSite')) add(textOf(entity.name), 2, 'website', page);
    }
    add(page.doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content'), 4, 'og', page);
    add(page.doc.querySelector('meta[name="application-name"]')?.getAttribute('content'), 2, 'app', page);
    for (const line of page.lines) {
      for (const segment of line.split(/\s[·•|–—]\s|\s-\s/)) {
        if (/©|\(c\)|copyright/i.test(segment)) add(copyrightName(segment), 3, 'copyright', page);
        // A footer item that is just a name with its legal form: 'Jensens VVS ApS · Industrivej 12…'.
        else if (hasLegalForm(segment) && /^[\p{Lu}\p{N}][\p{L}\p{N}&.'’\/\- ]{1,60}$/u.test(segment)) add(segment, 2, 'legal-line', page);
      }
    }
  }
  for (const part of sharedTitleParts(pages)) add(part.value, part.count >= 2 ? 3 : 1, 'title', part.page);
  return list;
}

/**
 * The company's name, and its legal name when the site gives one that differs (a brand
 * "Northwind" registered as "Northwind Data Services Ltd").
 *
 * @example
 * extractName(pages); // { name: { value: 'Jensens VVS ApS', url: 'https://jensens-vvs.dk/', at: '…' } }
 */
export function extractName(pages: ReadPage[]): { name: Sourced<string> | null; legalName?: Sourced<string> } {
  const all = candidates(pages);
  if (all.length === 0) return { name: null };
  const groups = new Map<string, { score: number; kinds: Set<string>; members: Candidate[]; first: number }>();
  all.forEach((c, i) => {
    const key = nameKey(c.value) || fold(c.value);
    const group = groups.get(key) ?? { score: 0, kinds: new Set<string>(), members: [], first: i };
    if (!group.kinds.has(c.kind)) {
      group.kinds.add(c.kind);
      group.score += c.weight;
    }
    group.members.push(c);
    groups.set(key, group);
  });
  const best = [...groups.values()].sort((a, b) => b.score - a.score || a.first - b.first)[0]!;
  // Within one name, the registered spelling; then the spelling the strongest source used.
  const byWeight = [...best.members].sort((a, b) => b.weight - a.weight);
  const chosen = byWeight.find((c) => hasLegalForm(c.value)) ?? byWeight[0]!;
  const name = sourced(chosen.value, chosen.page);
  const same = (c: Candidate) => fold(c.value) === fold(chosen.value);
  const legal =
    all.find((c) => c.kind === 'jsonld-legal' && !same(c)) ??
    (hasLegalForm(chosen.value) ? undefined : [...all].sort((a, b) => b.weight - a.weight).find((c) => hasLegalForm(c.value) && !same(c)));
  return legal ? { name, legalName: sourced(legal.value, legal.page) } : { name };
}
