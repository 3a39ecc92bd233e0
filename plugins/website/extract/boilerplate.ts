/**
 * Boilerplate: blocks a site repeats on many of its pages (the footer's address, a cookie
 * notice the chrome removal missed, a "Ring til os" box, a `<div>` menu). Found by counting,
 * per site, on how many distinct pages each block hash occurs.
 */
import type { ContentBlock } from './types.ts';

/** A block on fewer pages than this is never boilerplate: two pages may share a paragraph (a product and its variant). */
export const BOILERPLATE_MIN_PAGES = 3;
/** The share of the pages seen a block must be on: a template part is on most pages, a shared paragraph on a few. */
export const BOILERPLATE_MIN_SHARE = 0.3;

/**
 * Whether a block that is on `pagesWithBlock` of the `pagesSeen` pages of a site is
 * boilerplate: on at least 3 pages and at least 30 % of them. The share keeps a big site's
 * paragraph that a handful of pages quote as content; the minimum keeps a two-page site whole.
 * Early in a crawl the share is high for everything, so judge once the crawl (or a good part of
 * it) is done.
 *
 * @example
 * isBoilerplate(40, 50); // true: the footer
 * isBoilerplate(3, 200); // false: a paragraph three pages share
 * isBoilerplate(2, 2); // false: too few pages to tell
 */
export function isBoilerplate(pagesWithBlock: number, pagesSeen: number): boolean {
  return pagesWithBlock >= BOILERPLATE_MIN_PAGES && pagesSeen > 0 && pagesWithBlock / pagesSeen >= BOILERPLATE_MIN_SHARE;
}

/**
 * The distinct block hashes of one page: what a page adds to the counts (a block twice on a
 * page counts once).
 *
 * @example
 * pageHashes(page.blocks); // Set { '3f1c0a9b2e7d4c55', … }
 */
export function pageHashes(blocks: Iterable<Pick<ContentBlock, 'hash'>>): Set<string> {
  const hashes = new Set<string>();
  for (const block of blocks) hashes.add(block.hash);
  return hashes;
}

/**
 * The counts of one site's crawl: for each block hash, the number of distinct pages it is on,
 * and the number of pages seen. A page counted again (a redirect to a page already seen, a
 * retry) is not counted twice. `toJSON`/`from` let a crawler keep the counts between jobs.
 *
 * @example
 * const stats = new BlockStats();
 * for (const page of pages) stats.addPage(page.url, page.blocks);
 * const sections = sectionsFor(page.blocks, stats.boilerplate(page.blocks));
 */
export class BlockStats {
  #pages = new Set<string>();
  #counts = new Map<string, number>();

  /** Counts a page's blocks once per page key (its canonical URL); false when the key was counted already. */
  addPage(pageKey: string, blocks: Iterable<Pick<ContentBlock, 'hash'>>): boolean {
    if (this.#pages.has(pageKey)) return false;
    this.#pages.add(pageKey);
    for (const hash of pageHashes(blocks)) this.#counts.set(hash, (this.#counts.get(hash) ?? 0) + 1);
    return true;
  }

  /** The number of distinct pages counted. */
  get pagesSeen(): number {
    return this.#pages.size;
  }

  /** On how many of the pages seen a block is. */
  pagesWith(hash: string): number {
    return this.#counts.get(hash) ?? 0;
  }

  /** Whether a block hash is boilerplate now (see {@link isBoilerplate}). */
  isBoilerplate(hash: string): boolean {
    return isBoilerplate(this.pagesWith(hash), this.pagesSeen);
  }

  /** The boilerplate hashes among a page's blocks, or of the whole site when no blocks are given. */
  boilerplate(blocks?: Iterable<Pick<ContentBlock, 'hash'>>): Set<string> {
    const hashes = blocks ? pageHashes(blocks) : this.#counts.keys();
    const out = new Set<string>();
    for (const hash of hashes) if (this.isBoilerplate(hash)) out.add(hash);
    return out;
  }

  /** The counts as plain data (JSON-safe), for a job to store. */
  toJSON(): { pages: string[]; counts: Record<string, number> } {
    return { pages: [...this.#pages], counts: Object.fromEntries(this.#counts) };
  }

  /** Counts stored with {@link BlockStats.toJSON}, back. */
  static from(data: { pages: string[]; counts: Record<string, number> }): BlockStats {
    const stats = new BlockStats();
    for (const page of data.pages) stats.#pages.add(page);
    for (const [hash, n] of Object.entries(data.counts)) stats.#counts.set(hash, n);
    return stats;
  }
}
