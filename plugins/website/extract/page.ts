/**
 * One fetched page, extracted: metadata and links from the page as it came, the content from
 * the page without its chrome.
 */
import { removeChrome } from './chrome.ts';
import { baseUrl, type Doc, parsePage, squash } from './dom.ts';
import { alternateUrls, canonicalUrl, jsonLdObjects, metaTags, pageLanguage, robotsDirectives } from './head.ts';
import { pageLinks } from './links.ts';
import { mainContent } from './main.ts';
import { isAppShell } from './shell.ts';
import type { ContentBlock, ExtractedPage } from './types.ts';

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ', ' » '];

/** `<title>` without the site's name after a separator ("Priser | Tagfirma ApS" → "Priser"), when the page names its site. */
function documentTitle(doc: Doc, meta: Record<string, string>): string | null {
  const title = squash(doc.querySelector('title')?.textContent ?? '');
  if (!title) return null;
  const site = (meta['og:site_name'] ?? meta['application-name'] ?? '').toLowerCase();
  if (site) {
    for (const sep of SEPARATORS) {
      const at = title.lastIndexOf(sep);
      if (at > 0 && title.slice(at + sep.length).toLowerCase() === site) return title.slice(0, at).trim();
    }
  }
  return title;
}

function firstH1(blocks: ContentBlock[], doc: Doc): string | null {
  const block = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const text = block ? block.text.replace(/^#+\s*/, '') : squash(doc.querySelector('h1')?.textContent ?? '');
  // A whole paragraph in an <h1> (page builders do that) is not a title.
  return text && text.length <= 200 ? text : null;
}

/**
 * Extracts a page: title, language, description, canonical URL, robots directives, links,
 * hreflang alternates, meta tags, JSON-LD, whether it is an empty app shell, and the main
 * content as Markdown blocks (see `mainContent` for how the content is found, `removeChrome`
 * for what is never content, `walkBlocks` for the blocks). Pure: no network, no state.
 *
 * @example
 * const page = extractPage(html, 'https://tagfirma.dk/priser');
 * page.blocks.find((b) => b.kind === 'table')?.text; // '| Materiale | Pris pr. m |\n| --- | --- |\n| Zink | 450 kr. |'
 * page.links[0]; // { url: 'https://tagfirma.dk/', text: 'Forside', rel: [] }
 */
export function extractPage(html: string, pageUrl: string): ExtractedPage {
  const page = parsePage(html);
  const base = baseUrl(page, pageUrl);
  const meta = metaTags(page);
  const shell = isAppShell(page);
  const clean = page.cloneNode(true);
  removeChrome(clean);
  const { blocks, readabilityTitle } = mainContent(clean);
  const title = firstH1(blocks, clean) ?? meta['og:title'] ?? readabilityTitle ?? documentTitle(page, meta);
  return {
    title,
    ...pageLanguage(page),
    description: meta['description'] ?? meta['og:description'] ?? meta['twitter:description'] ?? null,
    canonical: canonicalUrl(page, base),
    robots: robotsDirectives(page),
    links: pageLinks(page, base),
    alternates: alternateUrls(page, base),
    blocks,
    text: blocks.map((b) => b.text).join('\n\n'),
    shell,
    meta,
    jsonLd: jsonLdObjects(page),
  };
}
