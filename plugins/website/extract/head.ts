/**
 * What a page says about itself in its markup: language, meta tags, robots directives,
 * canonical and alternate URLs, structured data.
 */
import { absoluteUrl, type Doc, squash } from './dom.ts';

/**
 * `<meta name|property|itemprop=… content=…>` as a record with lower-case keys; the first of a
 * repeated key wins (the first `og:image` is the main one).
 *
 * @example
 * metaTags(parsePage('<meta property="og:title" content="Priser"><meta name="Author" content="Ole">'));
 * // { 'og:title': 'Priser', author: 'Ole' }
 */
export function metaTags(doc: Doc): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('itemprop'))?.trim().toLowerCase();
    const content = squash(el.getAttribute('content') ?? '');
    if (key && content && !(key in meta)) meta[key] = content;
  }
  return meta;
}

/**
 * The page's language: `<html lang>` (or `xml:lang`), else `<meta http-equiv=content-language>`
 * that older CMSes write; `lang` is set for Danish and English only.
 *
 * @example
 * pageLanguage(parsePage('<html lang="da-DK"><body></body></html>')); // { lang: 'da', declaredLang: 'da-DK' }
 */
export function pageLanguage(doc: Doc): { lang: 'da' | 'en' | null; declaredLang: string | null } {
  const html = doc.documentElement;
  const equiv = Array.from(doc.querySelectorAll('meta[http-equiv][content]')).find((m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-language');
  const declared = (html.getAttribute('lang') || html.getAttribute('xml:lang') || equiv?.getAttribute('content')?.split(',')[0] || '').trim() || null;
  const primary = declared?.toLowerCase().split(/[-_]/)[0];
  return { lang: primary === 'da' ? 'da' : primary === 'en' ? 'en' : null, declaredLang: declared };
}

/**
 * `noindex` / `nofollow` from `<meta name=robots>` and `<meta name=googlebot>` (the directives
 * any search engine's crawler follows; `none` means both).
 *
 * @example
 * robotsDirectives(parsePage('<meta name="robots" content="noindex, follow">')); // { noindex: true, nofollow: false }
 */
export function robotsDirectives(doc: Doc): { noindex: boolean; nofollow: boolean } {
  const robots = { noindex: false, nofollow: false };
  for (const el of Array.from(doc.querySelectorAll('meta[name][content]'))) {
    const name = el.getAttribute('name')?.trim().toLowerCase();
    if (name !== 'robots' && name !== 'googlebot') continue;
    for (const token of (el.getAttribute('content') ?? '').toLowerCase().split(/[\s,]+/)) {
      if (token === 'noindex' || token === 'none') robots.noindex = true;
      if (token === 'nofollow' || token === 'none') robots.nofollow = true;
    }
  }
  return robots;
}

function relTokens(value: string | null): string[] {
  return (value ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The absolute `<link rel=canonical>` (the first one; `rel` may hold several tokens).
 *
 * @example
 * canonicalUrl(parsePage('<link rel="canonical" href="/priser">'), 'https://tagfirma.dk/'); // 'https://tagfirma.dk/priser'
 */
export function canonicalUrl(doc: Doc, base: string): string | null {
  const link = Array.from(doc.querySelectorAll('link[rel][href]')).find((l) => relTokens(l.getAttribute('rel')).includes('canonical'));
  return link ? absoluteUrl(link.getAttribute('href'), base) : null;
}

/**
 * `<link rel=alternate hreflang=… href=…>`: the same page in other languages, absolute.
 *
 * @example
 * alternateUrls(parsePage('<link rel="alternate" hreflang="en" href="/en/prices">'), 'https://tagfirma.dk/');
 * // [{ url: 'https://tagfirma.dk/en/prices', hreflang: 'en' }]
 */
export function alternateUrls(doc: Doc, base: string): { url: string; hreflang: string }[] {
  const out: { url: string; hreflang: string }[] = [];
  for (const link of Array.from(doc.querySelectorAll('link[hreflang][href]'))) {
    if (!relTokens(link.getAttribute('rel')).includes('alternate')) continue;
    const url = absoluteUrl(link.getAttribute('href'), base);
    const hreflang = link.getAttribute('hreflang')?.trim();
    if (url && hreflang) out.push({ url, hreflang });
  }
  return out;
}

/** Sloppy JSON-LD as CMS plugins write it: in an HTML comment or CDATA, with raw line breaks in strings or trailing commas. */
function parseLoose(raw: string): unknown {
  const text = raw
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .trim();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Control characters are never valid in JSON; as spaces they are white space between tokens.
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

/**
 * The objects of the page's `<script type=application/ld+json>` blocks: arrays and `@graph`s
 * flattened into one list (an object that only wraps a `@graph` is not listed itself); a broken
 * block is skipped.
 *
 * @example
 * jsonLdObjects(parsePage('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Tagfirma ApS"}]}</script>'));
 * // [{ '@type': 'Organization', name: 'Tagfirma ApS' }]
 */
export function jsonLdObjects(doc: Doc): unknown[] {
  const out: unknown[] = [];
  const add = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) add(item, depth + 1);
      return;
    }
    const { '@graph': graph, ...rest } = value as Record<string, unknown>;
    if (graph === undefined) {
      out.push(value);
      return;
    }
    if (Object.keys(rest).some((k) => k !== '@context')) out.push(rest);
    add(graph, depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^\s*application\/ld\+json\s*(;.*)?$/i.test(script.getAttribute('type') ?? '')) continue;
    add(parseLoose(script.textContent ?? ''), 0);
  }
  return out;
}
