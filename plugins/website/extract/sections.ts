/**
 * A page's blocks as the sections `PassageStore.index` takes: boilerplate out, one section per
 * anchor, each a piece of Markdown that carries its headings.
 */
import type { ContentBlock } from './types.ts';

/**
 * The anchor of the part of a page above its first heading. The core refuses an empty anchor,
 * and cites a section as `url#anchor`; `#top` is the one fragment every browser takes to the
 * top of the page with no element of that id (HTML's "indicated part of the document"), so it
 * cites the page as a bare URL would.
 */
export const TOP_ANCHOR = 'top';

/**
 * A section for `PassageStore.index({ sections })`.
 *
 * @example
 * const section: PageSection = { anchor: 'tagrender', text: '# Priser\n\n## Tagrender\n\n| Zink | 450 kr. |', format: 'markdown' };
 */
export interface PageSection {
  text: string;
  anchor: string;
  heading?: string;
  format: 'markdown';
}

/**
 * Which blocks survive the boilerplate: every block that is not boilerplate, and a boilerplate
 * heading only when something under it survives. A heading like "Kontakt" or "Priser" is on
 * many pages with different text under it; dropping it would take the real content's place in
 * the page (its heading path) with it. A heading with only boilerplate under it goes with it.
 */
function survivors(blocks: ContentBlock[], boilerplate: Set<string>): ContentBlock[] {
  const kept = blocks.map((b) => b.kind !== 'heading' && !boilerplate.has(b.hash));
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.kind !== 'heading') continue;
    if (!boilerplate.has(block.hash)) {
      kept[i] = true;
      continue;
    }
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]!;
      if (next.kind === 'heading' && (next.level ?? 6) <= (block.level ?? 6)) break;
      if (next.kind !== 'heading' && kept[j]) {
        kept[i] = true;
        break;
      }
    }
  }
  return blocks.filter((_, i) => kept[i]);
}

/** A heading as Markdown at its depth in the path, so the chunker rebuilds the path whatever the page's levels skipped. */
function headingLine(depth: number, text: string): string {
  return `${'#'.repeat(Math.min(6, depth))} ${text}`;
}

/**
 * Groups a page's blocks, without its boilerplate (see `BlockStats.boilerplate`), into
 * sections: consecutive blocks with the same anchor are one section, with the anchor of their
 * heading, or {@link TOP_ANCHOR} above the first heading. Each section's Markdown starts with
 * the headings above it (`# Priser` / `## Tagrender`), so the core's chunker gives its passages
 * the whole heading path; `heading` is therefore left out (it would be said twice). A leading
 * `<h1>` equal to `pageTitle` is not repeated (the core puts the title first in every path),
 * and a section that is only a heading with sub-sections after it is no passage of its own.
 *
 * A site's boilerplate (its address, phone and opening hours in the footer) is worth finding
 * once: index one page, such as the home page, with an empty `boilerplate` set.
 *
 * @example
 * sectionsFor(page.blocks, stats.boilerplate(page.blocks));
 * // [{ anchor: 'top', text: 'Vi lægger tage i hele Jylland.', format: 'markdown' },
 * //  { anchor: 'tagrender', text: '# Priser\n\n## Tagrender\n\n| Materiale | Pris |\n| --- | --- |\n| Zink | 450 kr. |', format: 'markdown' }]
 * // With pageTitle 'Priser', the second is '# Tagrender\n\n| Materiale | Pris | …'.
 */
export function sectionsFor(blocks: ContentBlock[], boilerplate: Set<string>, pageTitle?: string): PageSection[] {
  const kept = survivors(blocks, boilerplate);
  const title = pageTitle?.trim().toLowerCase();
  const groups: ContentBlock[][] = [];
  for (const block of kept) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.anchor === block.anchor) last.push(block);
    else groups.push([block]);
  }
  const sections: PageSection[] = [];
  groups.forEach((group, g) => {
    const next = groups[g + 1]?.[0];
    const first = group[0]!;
    // "# Priser" right before "## Tagrender": Priser is in Tagrender's path already.
    const own = group[group.length - 1]!.headingPath;
    if (group.every((b) => b.kind === 'heading') && next && next.headingPath.length > own.length && own.every((h, i) => next.headingPath[i] === h)) return;
    const path = first.headingPath;
    const skipTitle = title !== undefined && path[0]?.toLowerCase() === title ? 1 : 0;
    const lines: string[] = [];
    const ancestors = first.kind === 'heading' ? path.slice(0, -1) : path;
    ancestors.forEach((h, i) => {
      if (i >= skipTitle) lines.push(headingLine(i + 1 - skipTitle, h));
    });
    for (const block of group) {
      if (block.kind !== 'heading') lines.push(block.text);
      else if (!(skipTitle && block.headingPath.length === 1)) lines.push(headingLine(block.headingPath.length - skipTitle, block.headingPath[block.headingPath.length - 1]!));
    }
    const text = lines.join('\n\n');
    if (text.trim()) sections.push({ text, anchor: first.anchor ?? TOP_ANCHOR, format: 'markdown' });
  });
  return sections;
}
