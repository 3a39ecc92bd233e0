/**
 * A fetched page parsed once, for all the extractors to share: its document, visible lines,
 * JSON-LD and source stamp.
 */
import { jsonLdEntities, type JsonLdEntity } from './jsonld.ts';
import { isoTime, parseHtml, visibleLines, type HtmlDocument } from './text.ts';
import type { FetchedPage, Sourced } from './types.ts';

/**
 * A page ready for extraction.
 *
 * @example
 * const page: ReadPage = readPage({ url: 'https://jensens-vvs.dk/', html: '<p>Hej</p>', fetchedAt: '2026-03-01T09:00:00Z' });
 */
export interface ReadPage {
  url: string;
  /** `fetchedAt` as ISO 8601. */
  at: string;
  doc: HtmlDocument;
  lines: string[];
  jsonld: JsonLdEntity[];
}

/**
 * Parses a fetched page.
 *
 * @example
 * readPage({ url: 'https://jensens-vvs.dk/', html: '<footer>CVR 25313763</footer>', fetchedAt: '2026-03-01T09:00:00Z' }).lines; // ['CVR 25313763']
 */
export function readPage(page: FetchedPage): ReadPage {
  const doc = parseHtml(page.html);
  // The whole document, not just <body>: an unclosed <head> can swallow the body when parsed.
  const root = doc.documentElement ?? doc.body;
  return { url: page.url, at: isoTime(page.fetchedAt), doc, lines: root ? visibleLines(root) : [], jsonld: jsonLdEntities(doc) };
}

/**
 * A value stamped with the page it came from.
 *
 * @example
 * sourced('25313763', page); // { value: '25313763', url: page.url, at: page.at }
 */
export function sourced<T>(value: T, page: Pick<ReadPage, 'url' | 'at'>): Sourced<T> {
  return { value, url: page.url, at: page.at };
}
