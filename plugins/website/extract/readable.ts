/**
 * Mozilla Readability (Firefox's reader view) on a page without its chrome: the article, with
 * share bars, author boxes and "related" lists inside the content left out.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { Doc, El } from './dom.ts';

/**
 * The article Readability finds, as an element (of a copy: Readability rewrites the document it
 * reads), with its idea of the title; null for a page it would not show in reader view (a
 * contact page, a price list: too little running text) or cannot read.
 *
 * @example
 * const article = readableArticle(doc); // { content: <div>…</div>, title: 'Sådan renser du tagrender' }
 */
export function readableArticle(doc: Doc): { content: El; title: string | null } | null {
  // The check reader view makes before offering itself; without it Readability "finds" an
  // article in any page, often a few sentences of a table-shaped page.
  if (!isProbablyReaderable(doc as unknown as Document)) return null;
  try {
    const copy = doc.cloneNode(true);
    // The serializer hands back the element instead of an HTML string that would be parsed again.
    const article = new Readability(copy as unknown as Document, { serializer: (el) => el }).parse();
    const content = article?.content as unknown as El | null | undefined;
    if (!content || typeof content !== 'object') return null;
    return { content, title: article?.title?.trim() || null };
  } catch {
    // A page Readability cannot walk (linkedom lacks something it uses) is read without it.
    return null;
  }
}
