/**
 * The page's links, for the crawler to follow: every `<a href>` and `<area href>`, menus and
 * footers included (that is where a site links its pages).
 */
import { absoluteUrl, type Doc, squash } from './dom.ts';
import type { PageLink } from './types.ts';

/**
 * Every link to an http(s) URL, absolute (against `<base href>`, see `baseUrl`), in page order,
 * with its text and `rel` tokens. Other schemes (`javascript:`, `mailto:`, `tel:`, `data:`,
 * `sms:` …) lead to no page and are left out; the fragment is kept for the caller to normalise.
 *
 * @example
 * pageLinks(parsePage('<a href="/priser#zink" rel="nofollow">Priser</a><a href="tel:+4512345678">Ring</a>'), 'https://tagfirma.dk/');
 * // [{ url: 'https://tagfirma.dk/priser#zink', text: 'Priser', rel: ['nofollow'] }]
 */
export function pageLinks(doc: Doc, base: string): PageLink[] {
  const links: PageLink[] = [];
  for (const el of Array.from(doc.querySelectorAll('a[href], area[href]'))) {
    const url = absoluteUrl(el.getAttribute('href'), base);
    if (!url || !/^https?:/i.test(url)) continue;
    const text =
      squash(el.textContent ?? '') ||
      squash(el.querySelector('img[alt]')?.getAttribute('alt') ?? '') ||
      squash(el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.getAttribute('title') ?? '');
    const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    links.push({ url, text, rel });
  }
  return links;
}
