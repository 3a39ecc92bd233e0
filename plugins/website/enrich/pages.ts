/**
 * Which of the front page's links to fetch for the profile. A handful of pages hold nearly
 * everything: the about page (what the company does), the contact page (address, phone,
 * email), the products/services page (industry words) and the legal pages, where Danish sites
 * print the CVR number and the registered address (handelsbetingelser, privatlivspolitik) and
 * German ones the Impressum.
 */
import { bareHost, fold } from './text.ts';
import type { PageLink } from './types.ts';

/**
 * The kind of profile page a link leads to.
 *
 * @example
 * const kind: PageKind = 'about';
 */
export type PageKind = 'about' | 'contact' | 'legal' | 'products' | 'privacy';

interface Rule {
  kind: PageKind;
  weight: number;
  /** Matched against the folded path, with `-`, `_`, `/` and `.` as word boundaries. */
  path: RegExp;
  /** Matched against the folded link text. */
  text: RegExp;
}

// Folded spellings: æ→ae, ø→o (URLs also write 'oe'), å→aa (URLs also write 'a').
const RULES: Rule[] = [
  {
    kind: 'about',
    weight: 10,
    // 'om-…' only at the start of a segment ('/om-jensens-vvs'); inside one it is a topic ('/alt-om-varmepumper').
    path: /(?:^|\/)(?:om(?:-?os|-[a-z0-9-]+)?|hvem-er-vi)(?=$|[/.])|(?:^|[-_/.])(?:about(?:-?us)?|virksomheden|firmaet|firma|who-we-are|our-story|company|historie|history)(?=$|[-_/.])/,
    text: /^(?:om [a-z0-9&.' -]{2,30}|about(?: [a-z0-9&.' -]{2,30})?|virksomheden|firmaet|firma|hvem er vi\??|who we are|our story|company|historie)$|\b(?:om os|about us|hvem er vi)\b/,
  },
  {
    kind: 'contact',
    weight: 9,
    path: /(?:^|[-_/.])(?:kontakt(?:-?os)?|contact(?:-?us)?|find-os|find-us)(?=$|[-_/.])/,
    text: /\b(?:kontakt(?: os)?|contact(?: us)?|find os|find us)\b/,
  },
  {
    kind: 'legal',
    weight: 7,
    path: /(?:^|[-_/.])(?:impressum|handelsbetingelser|salgsbetingelser|forretningsbetingelser|betingelser|terms(?:-and-conditions|-of-(?:sale|service))?|legal|imprint)(?=$|[-_/.])/,
    text: /\b(?:impressum|handelsbetingelser|salgsbetingelser|forretningsbetingelser|betingelser|terms(?: (?:and|&) conditions| of (?:sale|service))?|legal notice|imprint)\b/,
  },
  {
    kind: 'products',
    weight: 6,
    path: /(?:^|[-_/.])(?:produkter|products?|ydelser|services?|l(?:o|oe|a)sninger|solutions?|vores-(?:ydelser|produkter)|what-we-do|hvad-vi-laver)(?=$|[-_/.])/,
    text: /\b(?:produkter|products|ydelser|services|losninger|solutions|what we do|hvad vi laver)\b/,
  },
  {
    kind: 'privacy',
    weight: 4,
    path: /(?:^|[-_/.])(?:privatlivspolitik|privatliv|persondatapolitik|cookiepolitik|privacy(?:-policy)?|datenschutz)(?=$|[-_/.])/,
    text: /\b(?:privatlivspolitik|privatliv|persondatapolitik|privacy(?: policy)?|datenschutz)\b/,
  },
];

/** Files and endpoints that are no page to read. */
const NOT_A_PAGE = /\.(?:pdf|jpe?g|png|gif|webp|svg|zip|docx?|xlsx?|mp4|mp3|ics|xml|json|css|js)$/i;

/**
 * What kind of profile page a URL and its link text point to, with how strongly; a match in
 * the path counts more than one in the text alone ("Kontakt" may be a button to a form).
 *
 * @example
 * classifyPage('https://jensens-vvs.dk/om-os', 'Om os'); // { kind: 'about', score: 15 }
 * classifyPage('https://jensens-vvs.dk/blog/ny-kedel', 'Læs mere'); // undefined
 */
export function classifyPage(url: string, text = ''): { kind: PageKind; score: number } | undefined {
  let path: string;
  try {
    path = fold(decodeURIComponent(new URL(url).pathname)).replace(/\/+$/, '');
  } catch {
    return undefined;
  }
  const label = fold(text).replace(/\s+/g, ' ').trim();
  let best: { kind: PageKind; score: number } | undefined;
  for (const rule of RULES) {
    const inPath = rule.path.test(path);
    const inText = label !== '' && label.length <= 40 && rule.text.test(label);
    if (!inPath && !inText) continue;
    // Shallow pages are the site's own; '/blog/2019/om-os-og-vores-nye-bil' is a post.
    const depth = path.split('/').filter(Boolean).length;
    const score = rule.weight + (inPath ? 3 : 0) + (inText ? 2 : 0) - Math.max(0, depth - 2);
    if (!best || score > best.score) best = { kind: rule.kind, score };
  }
  return best;
}

/** A URL without its fragment and trailing slash, for telling pages apart. */
function pageKey(url: URL): string {
  return `${url.hostname.replace(/^www\./, '').toLowerCase()}${url.pathname.replace(/\/+$/, '') || '/'}${url.search}`;
}

/**
 * The links on the front page most likely to hold profile data (about, contact, products,
 * legal pages), best first and one of each kind before a second of any: at most `max`
 * distinct same-site URLs without fragments, the front page itself left out.
 *
 * @example
 * pickProfilePages([{ url: '/kontakt', text: 'Kontakt' }, { url: '/om-os', text: 'Om os' }, { url: '/blog', text: 'Blog' }], 'https://www.jensens-vvs.dk/');
 * // ['https://www.jensens-vvs.dk/om-os', 'https://www.jensens-vvs.dk/kontakt']
 */
export function pickProfilePages(links: PageLink[], startUrl: string, max = 6): string[] {
  let start: URL;
  try {
    start = new URL(startUrl);
  } catch {
    return [];
  }
  const site = bareHost(start.href);
  const frontKey = pageKey(start);
  const seen = new Map<string, { url: string; kind: PageKind; score: number; order: number }>();
  links.forEach((link, order) => {
    let url: URL;
    try {
      url = new URL(link.url.trim(), start);
    } catch {
      return;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || bareHost(url.href) !== site) return;
    if (NOT_A_PAGE.test(url.pathname)) return;
    url.hash = '';
    const key = pageKey(url);
    if (key === frontKey) return;
    const match = classifyPage(url.href, link.text);
    if (!match) return;
    const known = seen.get(key);
    // The same page linked twice (menu and footer): keep its best reading, its first position.
    if (!known) seen.set(key, { url: url.href, ...match, order });
    else if (match.score > known.score) seen.set(key, { ...known, kind: match.kind, score: match.score });
  });
  const ranked = [...seen.values()].sort((a, b) => b.score - a.score || a.order - b.order);
  // One page of each kind first: the contact page tells more than a second about page.
  const firsts = ranked.filter((page, i) => ranked.findIndex((other) => other.kind === page.kind) === i);
  const rest = ranked.filter((page) => !firsts.includes(page));
  return [...firsts, ...rest].slice(0, Math.max(0, max)).map((page) => page.url);
}
