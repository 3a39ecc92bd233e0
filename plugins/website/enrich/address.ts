/**
 * The company's postal address. JSON-LD PostalAddress when the site has one; else the Danish
 * way of writing it, "Industrivej 12, 2. tv, 8260 Viby J": a street with a house number, then
 * a 4-digit postcode (1000–9990) and the town, on one line or with the street on the line
 * before (a `<br>` between them). `<address>` elements are read first, then the rest of the
 * text, then Google Maps links, whose query is often the address itself.
 */
import { isBusiness, textOf, typesOf, type JsonLdEntity } from './jsonld.ts';
import type { ReadPage } from './read.ts';
import { sourced } from './read.ts';
import { fold, visibleLines } from './text.ts';
import type { PostalAddress, Sourced } from './types.ts';

/** Country names as sites write them, to ISO 3166-1 alpha-2. */
const COUNTRIES: Record<string, string> = {
  denmark: 'DK', danmark: 'DK', dk: 'DK', dnk: 'DK', 'united kingdom': 'GB', uk: 'GB', gb: 'GB', gbr: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'great britain': 'GB',
  germany: 'DE', deutschland: 'DE', tyskland: 'DE', sweden: 'SE', sverige: 'SE', norway: 'NO', norge: 'NO', finland: 'FI', iceland: 'IS', island: 'IS', netherlands: 'NL',
  holland: 'NL', 'the netherlands': 'NL', france: 'FR', frankrig: 'FR', spain: 'ES', spanien: 'ES', poland: 'PL', polen: 'PL', ireland: 'IE', irland: 'IE',
  'united states': 'US', usa: 'US', us: 'US', greenland: 'GL', gronland: 'GL', kalaallit: 'GL', 'faroe islands': 'FO', faeroerne: 'FO', faroerne: 'FO',
};

/**
 * A country as an ISO code where it is known, else as written.
 *
 * @example
 * countryCode('Danmark'); // 'DK'
 * countryCode('United Kingdom'); // 'GB'
 */
export function countryCode(country: string): string {
  const key = fold(country).replace(/\s+/g, ' ').trim();
  return COUNTRIES[key] ?? (/^[a-z]{2}$/.test(key) ? key.toUpperCase() : country.trim());
}

/**
 * A JSON-LD PostalAddress (or an address written as one string) as an address.
 *
 * @example
 * fromJsonLd({ '@type': 'PostalAddress', streetAddress: '1 Canal Street', postalCode: 'M1 3HE', addressLocality: 'Manchester', addressCountry: 'GB' });
 * // { street: '1 Canal Street', postalCode: 'M1 3HE', city: 'Manchester', country: 'GB' }
 */
export function fromJsonLd(value: unknown): PostalAddress | undefined {
  if (typeof value === 'string') return findAddress(value.split('\n'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const a = value as JsonLdEntity;
  const street = textOf(a.streetAddress);
  const postalCode = textOf(a.postalCode);
  const city = textOf(a.addressLocality);
  if (!street || !city) return undefined;
  const country = textOf(a.addressCountry);
  const code = country ? countryCode(country) : /^\d{4}$/.test(postalCode ?? '') ? 'DK' : '';
  return { street: tidy(street), postalCode: postalCode?.trim() ?? '', city: tidy(city), country: code };
}

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** '8260 Viby J', 'DK-2100 København Ø', '1550 København V': the postcode and the town's words. */
const POSTCODE_TOWN = /(?<![\p{L}\p{N}])(?:DK[-\s]?)?([1-9]\d{3})\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|[\p{Lu}]{1,2}\.?)(?![\p{Ll}]))*)/gu;
/** Words a town name stops at when nothing separates it from what follows. */
const AFTER_TOWN = /\s+(?:Danmark|Denmark|Tlf|Tel|Telefon|Phone|Mobil|Fax|E-?mail|Mail|CVR|SE|Web|Åbent|Åbningstider|Kontakt)\b.*$/iu;
/** 'Industrivej 12', 'H.C. Andersens Boulevard 27B', 'Nørregade 7-9': a street's words, then its number. */
const STREET = /^(\p{L}[\p{L}\p{M}'’. -]*?)\s+(\d{1,4}(?:\s?[A-Za-z])?(?:\s?-\s?\d{1,4}[A-Za-z]?)?)$/u;
/** '2. tv', 'st. th.', '1. sal', '3.', 'kl.': the floor and side after the house number. */
const FLOOR = /^(?:st|kl|\d{1,2})\.?\s*(?:sal|tv|th|mf|[a-z]{1,2}\d{0,2})?\.?(?:\s*(?:tv|th|mf)\.?)?$/i;
/** Legal forms and list markers that can stand before a street on the same line. */
const LEADING_NAME = /^.*?\b(?:ApS|A\/S|I\/S|IVS|K\/S|P\/S|Ltd\.?|GmbH|AB|AS)\s+/u;

/** The street in the text before a postcode: the last comma part with a house number, with a floor part after it. */
function streetIn(text: string): string | undefined {
  const parts = text
    .replace(LEADING_NAME, '')
    .split(',')
    .map((p) => tidy(p))
    .filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    // A street is short; a long part is running text, not worth the pattern's time.
    const m = parts[i]!.length <= 60 ? STREET.exec(parts[i]!) : null;
    if (!m) continue;
    const words = m[1]!.split(' ');
    // A street has a few words; a longer run is a sentence that happens to end in a number.
    if (words.length > 5 || /\d/.test(m[1]!)) return undefined;
    const floors = parts.slice(i + 1);
    if (!floors.every((f) => FLOOR.test(f))) return undefined;
    return [parts[i]!, ...floors].join(', ');
  }
  return undefined;
}

/**
 * A Danish address in some lines of text: the first postcode and town with a street before
 * it, on its line or the line before.
 *
 * @example
 * findAddress(['Jensens VVS ApS · Industrivej 12, 8260 Viby J · Tlf. 86 12 34 56']);
 * // { street: 'Industrivej 12', postalCode: '8260', city: 'Viby J', country: 'DK' }
 * findAddress(['Industrivej 12', '8260 Viby J']); // the same
 */
export function findAddress(lines: string[]): PostalAddress | undefined {
  for (let i = 0; i < lines.length; i++) {
    // A line of several items: 'Firma · Gade 1, 8000 Aarhus C · Tlf. …'.
    const segments = lines[i]!.split(/\s[·•|–—]\s|\s-\s|\t/);
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s]!;
      // Every candidate: in 'Siden 1987 Jensens VVS, Industrivej 12, 8260 Viby J' the first is a year.
      for (const m of segment.matchAll(POSTCODE_TOWN)) {
        const code = Number(m[1]);
        if (code < 1000 || code > 9990) continue;
        const city = tidy(m[2]!.replace(AFTER_TOWN, '')).replace(/[.,]+$/, '');
        if (!city) continue;
        // A street and its floor fit in 120 characters; reading no further keeps long paragraphs linear.
        const before = segment.slice(Math.max(0, m.index - 120), m.index).replace(/[,\s]+$/, '');
        const previous = (s > 0 ? segments[s - 1]! : (lines[i - 1]?.split(/\s[·•|–—]\s|\s-\s|\t/).pop() ?? '')).slice(-120);
        const street = before ? streetIn(before) : streetIn(previous);
        if (street) return { street, postalCode: m[1]!, city, country: 'DK' };
      }
    }
  }
  return undefined;
}

/** The address in a Google Maps link's query or place name. */
function fromMapsLink(href: string): PostalAddress | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (!/(?:^|\.)google\.[a-z.]+$/.test(url.hostname) && url.hostname !== 'maps.app.goo.gl') return undefined;
  if (!/^\/maps/.test(url.pathname) && !url.hostname.startsWith('maps.')) return undefined;
  const place = /\/maps\/(?:place|search|dir\/[^/]*)\/([^/@]+)/.exec(url.pathname)?.[1];
  const query = url.searchParams.get('q') ?? url.searchParams.get('query') ?? url.searchParams.get('daddr') ?? (place ? decodeURIComponent(place.replace(/\+/g, ' ')) : '');
  return query ? findAddress([query.replace(/\+/g, ' ')]) : undefined;
}

/**
 * The company's address: JSON-LD on any page first (it is written for machines), then
 * `<address>` elements, then the text of each page in turn, then Google Maps links.
 *
 * @example
 * extractAddress([readPage({ url: 'https://jensens-vvs.dk/', html: '<footer>Industrivej 12, 8260 Viby J</footer>', fetchedAt: '2026-03-01T09:00:00Z' })])?.value;
 * // { street: 'Industrivej 12', postalCode: '8260', city: 'Viby J', country: 'DK' }
 */
export function extractAddress(pages: ReadPage[]): Sourced<PostalAddress> | null {
  for (const page of pages) {
    for (const entity of page.jsonld) {
      // A PostalAddress object, or a business whose address is one string.
      const value = typesOf(entity).includes('PostalAddress') ? entity : isBusiness(entity) && typeof entity.address === 'string' ? entity.address : undefined;
      const address = value === undefined ? undefined : fromJsonLd(value);
      if (address) return sourced(address, page);
    }
  }
  for (const page of pages) {
    for (const el of Array.from(page.doc.querySelectorAll('address'))) {
      const address = findAddress(visibleLines(el));
      if (address) return sourced(address, page);
    }
  }
  for (const page of pages) {
    const address = findAddress(page.lines);
    if (address) return sourced(address, page);
  }
  for (const page of pages) {
    for (const a of Array.from(page.doc.querySelectorAll('a[href]'))) {
      const address = fromMapsLink(a.getAttribute('href') ?? '');
      if (address) return sourced(address, page);
    }
  }
  return null;
}
