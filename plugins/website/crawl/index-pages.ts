import { createHash } from 'node:crypto';
import { isBoilerplate, sectionsFor } from '../extract/index.ts';
import type { Sql } from '../store.ts';
import { pagesToIndex, patchSite, repeatedBlocks, setIndexed, type SiteRow } from '../store.ts';
import type { CompanyStore } from '../../../plugin-api.d.ts';

/** A site's repeated blocks need this many pages before any block counts as one. */
const MIN_PAGES = 3;
const BATCH = 50;

/**
 * Brings a site's passages up to date with its pages: each page is indexed without the blocks
 * that repeat across the site (navigation, cookie banners, footers the structure did not
 * reveal). The verdict changes as pages come in, so when it changed, every page is looked at
 * again, but a page is written only when what it would index differs from what it indexed:
 * a re-crawl of an unchanged site writes nothing.
 *
 * @example
 * const { indexed } = await indexSite(store, site, { visibility: 'public' });
 */
export async function indexSite(store: Omit<CompanyStore, 'transaction'> & Pick<CompanyStore, 'transaction'>, site: SiteRow, o: { visibility: 'public' | 'internal'; signal?: AbortSignal }): Promise<{ indexed: number; boilerplate: number }> {
  const { pages, blocks } = await repeatedBlocks(store, site.id, MIN_PAGES);
  const boilerplate = new Set(blocks.filter((b) => isBoilerplate(b.pages, pages)).map((b) => b.hash));
  const signature = createHash('sha1').update([...boilerplate].sort().join(',')).digest('hex');
  const all = signature !== site.boilerplate_sig;
  const none = new Set<string>();
  let indexed = 0;
  let after: string | null = null;
  for (;;) {
    o.signal?.throwIfAborted();
    const batch = await pagesToIndex(store, site.id, all, BATCH, after);
    if (batch.length === 0) break;
    for (const page of batch) {
      // The front page keeps its repeated blocks: the footer's address, phone and opening hours
      // are worth finding once, and only there.
      const cut = new URL(page.url).pathname === '/' ? none : boilerplate;
      const sections = sectionsFor(page.blocks as never, cut, page.title ?? undefined);
      const hash = createHash('sha1').update(JSON.stringify([page.title, sections])).digest('hex');
      if (hash === page.indexed_hash) continue;
      const written = await store.transaction(async (tx) => {
        const result = sections.length
          ? await tx.passages.index({ sourceType: 'web_page', sourceId: page.url, url: page.url, title: page.title ?? page.url, visibility: o.visibility, sections })
          : await tx.passages.remove({ sourceType: 'web_page', sourceId: page.url });
        await setIndexed(tx as Sql, site.id, page.url, hash, result.passages);
        return result;
      });
      if (written) indexed++;
    }
    after = batch[batch.length - 1]!.url;
  }
  if (all) await patchSite(store, site.id, { boilerplate_sig: signature });
  site.boilerplate_sig = signature;
  return { indexed, boilerplate: boilerplate.size };
}
