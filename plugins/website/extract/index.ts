/**
 * The website plugin's page extraction: pure functions from fetched bytes to a page's
 * metadata, links and main content, and from a site's pages to its boilerplate. No database,
 * no network.
 *
 * Choices a caller should know:
 * - Content: chrome out first (`removeChrome`), then Readability's article or the page's own
 *   `<main>`/`<article>`/`<body>`, whichever keeps the content (tables, short pages); see
 *   `mainContent`. What that leaves of repeated template text is boilerplate, found by counting.
 * - Anchors: a heading's own id on the page (or of an `<a name>` in or just before it, or of the
 *   section it opens), so `url#anchor` scrolls there; else the GitHub slug of its text, as the
 *   core's Markdown chunker makes it (Danish letters kept: "Åbningstider" → "åbningstider").
 * - Sections above the first heading get the anchor `top` (`TOP_ANCHOR`): the core refuses an
 *   empty anchor, and browsers take `#top` to the top of the page.
 *
 * @example
 * const { html } = decodeHtml(bytes, response.headers.get('content-type'));
 * const page = extractPage(html, url);
 * stats.addPage(page.canonical ?? url, page.blocks);
 * await store.passages.index({ sourceType: 'web_page', sourceId: url, url, title: page.title ?? undefined, visibility: 'public',
 *   sections: sectionsFor(page.blocks, stats.boilerplate(page.blocks), page.title ?? undefined) });
 */
export { slugify } from './anchors.ts';
export { blockHash } from './blocks.ts';
export { BlockStats, BOILERPLATE_MIN_PAGES, BOILERPLATE_MIN_SHARE, isBoilerplate, pageHashes } from './boilerplate.ts';
export { decodeHtml } from './decode.ts';
export { extractPage } from './page.ts';
export { type PageSection, sectionsFor, TOP_ANCHOR } from './sections.ts';
export type { ContentBlock, ExtractedPage, PageLink } from './types.ts';
