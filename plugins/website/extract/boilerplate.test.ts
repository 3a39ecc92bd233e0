import { describe, expect, it } from 'vitest';
import { chunkText } from '../../../core/search/text/chunk.ts';
import { BlockStats, isBoilerplate, pageHashes } from './boilerplate.ts';
import { PRICE_PAGE } from './fixtures.ts';
import { extractPage } from './page.ts';
import { sectionsFor, TOP_ANCHOR } from './sections.ts';
import type { ContentBlock } from './types.ts';

/**
 * A page of an old-fashioned site: no <nav>, <header> or <footer>, so its menu and footer are
 * plain <div>s that only counting across pages can tell from content.
 */
function divSoupPage(n: number, topic: string, body: string): string {
  return `<html lang="da"><head><title>${topic} - VVS Hansen</title></head><body>
    <div id="top"><div class="logo">VVS Hansen ApS</div>
      <ul class="menu"><li><a href="/">Forside</a></li><li><a href="/bad">Badeværelser</a></li><li><a href="/varme">Varmepumper</a></li><li><a href="/kontakt">Kontakt</a></li></ul></div>
    <div id="indhold"><h1>${topic}</h1>${body}
      <h2>Kontakt</h2><p>${n % 2 ? `Ring til vores ${topic.toLowerCase()}-ekspert Jens på 20 30 40 5${n}.` : 'Ring til os på 70 20 30 40 – vi svarer hverdage 7–16.'}</p>
      <div class="cta"><p>Få et gratis og uforpligtende tilbud i dag!</p></div></div>
    <div class="bund"><p>VVS Hansen ApS · Industrivej 4 · 7100 Vejle · CVR 87654321</p><p>Autoriseret VVS-installatør</p></div>
  </body></html>`;
}

const TOPICS = ['Badeværelser', 'Varmepumper', 'Gulvvarme', 'Blødgøringsanlæg', 'Vandskade'];
const pages = TOPICS.map((topic, n) => ({
  url: `https://vvshansen.dk/${n}`,
  page: extractPage(divSoupPage(n, topic, `<p>Om ${topic.toLowerCase()}: vi har ${10 + n} års erfaring, og hver opgave får sin egen montør fra start til slut.</p>`), `https://vvshansen.dk/${n}`),
}));

describe('boilerplate across a site', () => {
  it('is on at least 3 pages and 30 % of those seen', () => {
    expect(isBoilerplate(3, 10)).toBe(true);
    expect(isBoilerplate(2, 2)).toBe(false);
    expect(isBoilerplate(3, 11)).toBe(false);
    expect(isBoilerplate(500, 1000)).toBe(true);
    expect(isBoilerplate(0, 0)).toBe(false);
  });

  it("is found across 5 pages: menu, footer and call to action go; each page's own text stays", () => {
    const stats = new BlockStats();
    for (const { url, page } of pages) stats.addPage(url, page.blocks);
    expect(stats.addPage(pages[0]!.url, pages[0]!.page.blocks)).toBe(false);
    expect(stats.pagesSeen).toBe(5);

    const sections = pages.map(({ page }) => sectionsFor(page.blocks, stats.boilerplate(page.blocks), page.title ?? undefined));
    const all = sections.flat().map((s) => s.text).join('\n\n');
    expect(all).not.toMatch(/Forside|Industrivej|Autoriseret|gratis og uforpligtende|VVS Hansen ApS/);
    // The shared "Kontakt" heading stays where it has the page's own text under it, and goes where its text is shared too.
    expect(sections[1]!.map((s) => s.text)).toEqual(['Om varmepumper: vi har 11 års erfaring, og hver opgave får sin egen montør fra start til slut.', '# Kontakt\n\nRing til vores varmepumper-ekspert Jens på 20 30 40 51.']);
    // <div id="indhold"> starts with the <h1>: its id takes the reader there.
    expect(sections[2]!.map((s) => s.anchor)).toEqual(['indhold']);
    expect(sections[2]![0]!.text).toContain('Om gulvvarme');
    expect(all).not.toContain('70 20 30 40');
  });

  it('counts a block once per page, and survives being stored', () => {
    const twice = [{ hash: 'a' }, { hash: 'a' }, { hash: 'b' }];
    expect(pageHashes(twice)).toEqual(new Set(['a', 'b']));
    const stats = new BlockStats();
    for (const url of ['/1', '/2', '/3']) stats.addPage(url, twice);
    stats.addPage('/4', [{ hash: 'b' }]);
    const again = BlockStats.from(JSON.parse(JSON.stringify(stats)));
    expect([again.pagesSeen, again.pagesWith('a'), again.pagesWith('b')]).toEqual([4, 3, 4]);
    expect(again.boilerplate()).toEqual(new Set(['a', 'b']));
  });
});

describe("a page's sections for the search index", () => {
  const page = extractPage(PRICE_PAGE, 'https://jensenstag.dk/priser');

  it('are one per anchor, each with the headings above it', () => {
    const sections = sectionsFor(page.blocks, new Set(), page.title ?? undefined);
    expect(sections.map((s) => s.anchor)).toEqual(['priser', 'tagrender', 'nedloeb', 'tilbud']);
    expect(sections[1]).toEqual({
      anchor: 'tagrender',
      format: 'markdown',
      text: '# Tagrender\n\n| Materiale | Pris pr. meter |\n| --- | --- |\n| Zink | 450 kr. |\n| Stål \\| galvaniseret | 325 kr. |\n| Kobber | 1.150 kr. |',
    });
  });

  it("chunk into passages that cite the heading's place on the page and carry the whole heading path", () => {
    const title = 'Jensens Tag: Priser';
    const passages = sectionsFor(page.blocks, new Set()).flatMap((s) => chunkText({ text: s.text, title, format: s.format }).map((c) => ({ anchor: s.anchor, path: c.headingPath, content: c.content })));
    expect(passages.find((p) => p.content.includes('Zink | 450 kr.'))).toMatchObject({ anchor: 'tagrender', path: [title, 'Priser', 'Tagrender'] });
    expect(passages.find((p) => p.content.includes('inkl. moms'))).toMatchObject({ anchor: 'priser', path: [title, 'Priser'] });
    expect(passages.every((p) => p.anchor.length > 0)).toBe(true);
  });

  it('give the part above the first heading the anchor "top", and make no passage of a heading with sub-sections under it', () => {
    const blocks = extractPage('<body><main><p>Vi lægger tage i hele Jylland.</p><h1>Ydelser</h1><h2>Tagrender</h2><p>Rens og udskiftning.</p><h2>Åbent 7–16</h2></main></body>', 'https://a.dk/').blocks;
    expect(sectionsFor(blocks, new Set())).toEqual([
      { anchor: TOP_ANCHOR, format: 'markdown', text: 'Vi lægger tage i hele Jylland.' },
      { anchor: 'tagrender', format: 'markdown', text: '# Ydelser\n\n## Tagrender\n\nRens og udskiftning.' },
      { anchor: 'åbent-716', format: 'markdown', text: '# Ydelser\n\n## Åbent 7–16' },
    ]);
  });

  it('drop a boilerplate heading with only boilerplate under it, and keep one with content', () => {
    const block = (kind: ContentBlock['kind'], text: string, headingPath: string[], anchor: string | null, level?: number): ContentBlock => ({ hash: text, kind, text, headingPath, anchor, ...(level ? { level } : {}) });
    const blocks = [
      block('heading', '## Kontakt', ['Kontakt'], 'kontakt', 2),
      block('paragraph', 'Ring 70 20 30 40', ['Kontakt'], 'kontakt'),
      block('heading', '## Nyhedsbrev', ['Nyhedsbrev'], 'nyhedsbrev', 2),
      block('heading', '### Tilmeld', ['Nyhedsbrev', 'Tilmeld'], 'tilmeld', 3),
      block('paragraph', 'Få nyheder hver måned', ['Nyhedsbrev', 'Tilmeld'], 'tilmeld'),
    ];
    const shared = new Set(['## Kontakt', '## Nyhedsbrev', '### Tilmeld', 'Få nyheder hver måned']);
    expect(sectionsFor(blocks, shared)).toEqual([{ anchor: 'kontakt', format: 'markdown', text: '# Kontakt\n\nRing 70 20 30 40' }]);
  });
});
