import type { SearchHit } from '../../plugin-api.d.ts';
import type { Citation } from './answer.ts';

/**
 * The citation of passage `n`: its source's title, a link to the place in it (the URL with the
 * passage's anchor), and the page for passages of paged documents (anchor `page=3`), which
 * visitors see as "side 3" even when the document has no public URL.
 *
 * @example
 * citationOf(1, hit); // { n: 1, title: 'Prisliste 2027.pdf', url: null, page: 3 }
 */
export function citationOf(n: number, hit: SearchHit): Citation {
  const page = /^page=(\d{1,5})$/.exec(hit.anchor ?? '');
  return { n, title: hit.title, url: hit.url && hit.anchor ? `${hit.url}#${hit.anchor}` : hit.url, page: page ? Number(page[1]) : null };
}
