/**
 * Which part of a (chrome-free) page is its content: Readability's article, or the page's own
 * `<main>` / `<article>` / `<body>`, whichever keeps the content.
 */
import { pageAnchors } from './anchors.ts';
import { walkBlocks } from './blocks.ts';
import { type Doc, type El, squash } from './dom.ts';
import { readableArticle } from './readable.ts';
import type { ContentBlock } from './types.ts';

/** Below this share of the page's own content, Readability has thrown content away. */
const KEEP_OF_MARKED = 0.7;
const KEEP_OF_BODY = 0.3;
/** A `<main>` with less than this share of the body's text is a hero banner, not the content. */
const MAIN_MIN_SHARE = 0.25;
/** A lone `<article>` is the content only when the page has next to nothing besides. */
const ARTICLE_MIN_SHARE = 0.8;

/**
 * Where the main content is, from the page's own markup: `main`, else `[role=main]`, else a
 * lone `article` that holds nearly all of the page's text, else `body`. An `article` is any
 * self-contained piece (a news card, a review), so one that leaves a fifth of the page outside
 * (an FAQ below it) is not taken for the whole content. A `<main>` with a mere fraction of the
 * page's text is a hero banner marked up as main: then `body` too.
 */
function markedRoot(doc: Doc): { el: El; marked: boolean } {
  const body = doc.body ?? doc.documentElement;
  const bodyText = squash(body.textContent ?? '').length;
  const share = (el: El) => squash(el.textContent ?? '').length / Math.max(1, bodyText);
  const main = doc.querySelector('main') ?? doc.querySelector('[role=main]');
  if (main) return share(main) >= MAIN_MIN_SHARE ? { el: main, marked: true } : { el: body, marked: false };
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1 && share(articles[0]!) >= ARTICLE_MIN_SHARE) return { el: articles[0]!, marked: true };
  return { el: body, marked: false };
}

const size = (blocks: ContentBlock[]) => blocks.reduce((n, b) => n + b.text.length, 0);

/**
 * The page's main content as blocks, with where it came from and Readability's title.
 *
 * Readability is best at article pages: it drops share bars, author boxes and "related"
 * lists that sit inside the content. It is bad at what a company site is full of: short pages
 * (contact, opening hours), price tables (it removes small tables it takes for layout) and
 * lists. So the page's own content (`<main>`, `[role=main]`, a lone `<article>`, else `<body>`,
 * all without their chrome) is walked too, and Readability's article is used only when the
 * page passes reader view's own check, loses none of the page's tables (nor a heading whose text it kept), and keeps at least 70 %
 * of the text of a marked `<main>`/`<article>` (30 % of a bare `<body>`, where much of what it
 * drops is `<div>` menus). What the page's own content adds in junk is on every page, where
 * the boilerplate detection removes it; content that is lost is lost for good.
 *
 * @example
 * const { blocks, source } = mainContent(cleanDoc); // source: 'readability' | 'page'
 */
export function mainContent(doc: Doc): { blocks: ContentBlock[]; source: 'readability' | 'page'; readabilityTitle: string | null } {
  const root = markedRoot(doc);
  const own = walkBlocks(root.el, pageAnchors(doc));
  const article = readableArticle(doc);
  if (!article) return { blocks: own, source: 'page', readabilityTitle: null };
  const read = walkBlocks(article.content, pageAnchors(doc));
  const readHashes = new Set(read.map((b) => b.hash));
  const lostTable = own.some((b) => b.kind === 'table' && !readHashes.has(b.hash));
  // Readability drops a heading it finds too like the title ("Tagrender" on a page titled
  // "Priser | Tagrender & Tag ApS") while keeping the text under it: that text would then be
  // cited by the wrong anchor. A heading lost with its text (a "Related posts" box) is fine.
  const readHeadings = new Set(read.filter((b) => b.kind === 'heading').map((b) => b.hash));
  const lostHeading = own.some((b, i) => b.kind === 'heading' && (b.level ?? 1) > 1 && !readHeadings.has(b.hash) && own[i + 1]?.kind !== 'heading' && readHashes.has(own[i + 1]?.hash ?? ''));
  const enough = size(read) >= size(own) * (root.marked ? KEEP_OF_MARKED : KEEP_OF_BODY);
  if (read.length === 0 || lostTable || lostHeading || !enough) return { blocks: own, source: 'page', readabilityTitle: article.title };
  return { blocks: read, source: 'readability', readabilityTitle: article.title };
}
