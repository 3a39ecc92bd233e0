/**
 * What extraction hands the crawler: one page's metadata, links and main content as blocks.
 */

/**
 * One piece of a page's main content, as Markdown.
 *
 * @example
 * const block: ContentBlock = { hash: '3f1c0a9b2e7d4c55', kind: 'heading', level: 2, text: '## Tagrender',
 *   headingPath: ['Priser', 'Tagrender'], anchor: 'tagrender' };
 */
export interface ContentBlock {
  /** sha1 (16 hex digits) of the lower-cased, whitespace-collapsed text: the same footer gets the same hash on every page. */
  hash: string;
  kind: 'heading' | 'paragraph' | 'list' | 'table' | 'quote' | 'code';
  /** 1–6, headings only. */
  level?: number;
  /** Markdown: `## Heading`, `- item` / `1. item` lines, `| a | b |` tables, `> quote`, fenced code; links as their text. */
  text: string;
  /** The headings above the block, outermost first; a heading's own path ends with itself. */
  headingPath: string[];
  /** The URL fragment of the block's section (the heading's id on the page, else its slug); null before the first heading. */
  anchor: string | null;
}

/**
 * A link on the page, absolute.
 *
 * @example
 * const link: PageLink = { url: 'https://tagfirma.dk/priser#zink', text: 'Priser', rel: ['nofollow'] };
 */
export interface PageLink {
  /** Resolved against `<base href>` and the page URL; the fragment is kept (the caller normalises). */
  url: string;
  /** The visible text, else an image's alt, `aria-label` or `title`. */
  text: string;
  /** The `rel` tokens, lower-cased (`nofollow`, `ugc`, `sponsored`, …). */
  rel: string[];
}

/**
 * A page's extracted content and metadata.
 *
 * @example
 * const page: ExtractedPage = extractPage(html, 'https://tagfirma.dk/priser');
 * page.blocks.filter((b) => b.kind === 'table'); // the price tables, as Markdown
 */
export interface ExtractedPage {
  /** The main content's first `<h1>`, else `og:title`, Readability's title or `<title>`. */
  title: string | null;
  /** From `<html lang>` (`da`, `da-DK`, `en-GB` …); null when absent or another language (the caller detects from `text`). */
  lang: 'da' | 'en' | null;
  /** The raw `lang` attribute (or `<meta http-equiv=content-language>`). */
  declaredLang: string | null;
  /** `<meta name=description>`, else `og:description` / `twitter:description`. */
  description: string | null;
  /** `<link rel=canonical>`, absolute. */
  canonical: string | null;
  /** From `<meta name=robots>` and `<meta name=googlebot>` (`none` is both). */
  robots: { noindex: boolean; nofollow: boolean };
  /** Every `<a href>` and `<area href>` with an http(s) target, in page order, menus included. */
  links: PageLink[];
  /** `<link rel=alternate hreflang>`: the page in other languages. */
  alternates: { url: string; hreflang: string }[];
  /** The main content in reading order. */
  blocks: ContentBlock[];
  /** The blocks' text joined by blank lines: for hashing and language detection. */
  text: string;
  /** An empty JavaScript app shell: almost no text in `<body>`, plus scripts or an app mount point. */
  shell: boolean;
  /** `<meta>` name/property → content (`og:*`, `twitter:*`, `author`, `keywords` …), keys lower-cased, first one wins. */
  meta: Record<string, string>;
  /** The page's JSON-LD objects, `@graph`s flattened; broken JSON skipped. */
  jsonLd: unknown[];
}
