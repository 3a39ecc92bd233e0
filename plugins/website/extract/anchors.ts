/**
 * URL fragments for a page's headings: the id the page itself gives the heading where it has
 * one (so `url#tagrender` scrolls to it), else a GitHub-style slug of the heading's text.
 */
import { type Doc, type El, squash, tagOf } from './dom.ts';

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
// GitHub's heading ids (github-slugger), the same rule as the core's Markdown chunker: lower
// case, punctuation and symbols dropped, each space a hyphen; letters of every script stay
// ("Åbningstider" → "åbningstider"), which browsers resolve in a fragment.
const DROP = /[^\p{L}\p{M}\p{N}\- _]/gu;

/**
 * A heading's anchor as GitHub makes it.
 *
 * @example
 * slugify('Priser & levering'); // 'priser--levering'
 * slugify('Åbningstider (2025)'); // 'åbningstider-2025'
 */
export function slugify(heading: string): string {
  return heading.trim().toLowerCase().replace(DROP, '').replace(/ /g, '-');
}

/** An empty element with an id or name just before a heading: `<a name="priser"></a><h2>Priser</h2>`. */
function markerId(el: El | null): string | null {
  if (!el || squash(el.textContent ?? '') !== '') return null;
  const id = el.id || (tagOf(el) === 'a' ? el.getAttribute('name') : null);
  return id?.trim() || null;
}

/** The id the page itself gives a heading: its own, an anchor inside or just before it, or its section's. */
function pageId(heading: El): string | null {
  if (heading.id.trim()) return heading.id.trim();
  for (const a of Array.from(heading.querySelectorAll('a[id], a[name], span[id]'))) {
    const id = a.id || a.getAttribute('name');
    if (id?.trim()) return id.trim();
  }
  const before = markerId(heading.previousElementSibling);
  if (before) return before;
  // <section id="priser"><h2>Priser</h2>…: the section's id takes the reader to its heading.
  const parent = heading.parentElement;
  if (parent && parent.id.trim() && ['section', 'article', 'div'].includes(tagOf(parent)) && parent.querySelector(HEADINGS) === heading) return parent.id.trim();
  return null;
}

/**
 * Gives each heading its anchor, called in reading order. Ids are read from the page the
 * content came from (before Readability, which keeps ids but drops `<a name>` markers and
 * wrappers) and matched to headings by their text, in order; headings without one are slugged,
 * unique within the page (`priser`, `priser-1`) and never equal to an id the page uses.
 *
 * @example
 * const anchorOf = pageAnchors(parsePage('<h2 id="tagrender">Tagrender</h2><h2>Nedløb</h2>'));
 * anchorOf('Tagrender'); // 'tagrender'
 * anchorOf('Nedløb'); // 'nedløb'
 */
export function pageAnchors(doc: Doc): (headingText: string) => string | null {
  const ids = new Map<string, (string | null)[]>();
  const taken = new Set<string>();
  for (const heading of Array.from(doc.querySelectorAll(HEADINGS))) {
    const key = squash(heading.textContent ?? '').toLowerCase();
    const id = pageId(heading);
    if (id) taken.add(id);
    ids.set(key, [...(ids.get(key) ?? []), id]);
  }
  const used = new Map<string, number>();
  return (headingText) => {
    const text = squash(headingText);
    const queue = ids.get(text.toLowerCase());
    const id = queue && queue.length > 0 ? queue.shift() : null;
    if (id) return id;
    const base = slugify(text);
    // A heading of only symbols ("★★★") has no slug: it takes no anchor of its own.
    if (!base) return null;
    let slug = base;
    let n = used.get(base) ?? 0;
    while (taken.has(slug)) slug = `${base}-${++n}`;
    used.set(base, n);
    taken.add(slug);
    return slug;
  };
}
