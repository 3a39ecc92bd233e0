import { describe, expect, it } from 'vitest';
import { slugify as coreSlugify } from '../../../core/search/text/slug.ts';
import { pageAnchors, slugify } from './anchors.ts';
import { blockHash, walkBlocks } from './blocks.ts';
import { parsePage } from './dom.ts';

const walk = (html: string) => {
  const doc = parsePage(html);
  return walkBlocks(doc.body!, pageAnchors(doc));
};
const texts = (html: string) => walk(html).map((b) => b.text);

describe('content as Markdown blocks', () => {
  it('writes lists with their numbers and nesting, and definition lists as items', () => {
    expect(texts('<ol start="3"><li>Stil stigen op</li><li>Rens <b>rende</b>n<ul><li>Med <a href="/skovl">skovl</a></li></ul></li></ol>')).toEqual([
      '3. Stil stigen op\n4. Rens renden\n  - Med skovl',
    ]);
    expect(texts('<dl><dt>Tlf.</dt><dd>86 12 34 56</dd><dt>E-mail</dt><dd>post@jensenstag.dk</dd></dl>')).toEqual(['- Tlf.: 86 12 34 56\n- E-mail: post@jensenstag.dk']);
  });

  it('reads a list of product cards, and a table used for layout, as the blocks inside them', () => {
    expect(texts('<ul class="products"><li><h3>Zinkrende</h3><p>450 kr. pr. m</p></li><li><h3>Stålrende</h3><p>325 kr. pr. m</p></li></ul>')).toEqual([
      '### Zinkrende', '450 kr. pr. m', '### Stålrende', '325 kr. pr. m',
    ]);
    expect(texts('<table><tr><td><h1>Velkommen</h1><p>Vi lægger tage.</p></td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>')).toEqual([
      '# Velkommen', 'Vi lægger tage.', '| a | b |\n| --- | --- |',
    ]);
  });

  it('fills colspans and short rows so the columns of a table stay in place', () => {
    expect(texts('<table><tr><th>Vare</th><th>Pris</th><th>Enhed</th></tr><tr><td colspan="2">Kørsel inkluderet</td><td>-</td></tr><tr><td>Zink</td><td>450</td></tr></table>')).toEqual([
      '| Vare | Pris | Enhed |\n| --- | --- | --- |\n| Kørsel inkluderet |  | - |\n| Zink | 450 |  |',
    ]);
  });

  it('keeps running text between blocks as paragraphs, with line breaks that cannot turn into Markdown', () => {
    expect(texts('<div>Ring på<br>86 12 34 56<div>Åbent 7–16</div>eller skriv<br>- vi svarer samme dag</div>')).toEqual([
      'Ring på\n86 12 34 56', 'Åbent 7–16', 'eller skriv - vi svarer samme dag',
    ]);
    expect(texts('<p>Pris: <strong>450</strong>&nbsp;kr.<span>inkl.</span> moms</p>')).toEqual(['Pris: 450 kr.inkl. moms']);
  });

  it('writes quotes and code', () => {
    expect(texts('<blockquote><p>Hurtigt og pænt arbejde.</p><p>– Mette, Risskov</p></blockquote><pre><code>npm i\n  ```x```</code></pre>')).toEqual([
      '> Hurtigt og pænt arbejde.\n> – Mette, Risskov', '````\nnpm i\n  ```x```\n````',
    ]);
  });

  it('gives blocks their heading path, the anchor of the heading above, and none before the first heading', () => {
    const blocks = walk(`<p>Intro</p><h1>Priser</h1><h3>Zink</h3><p>450</p><h2><a name="staal"></a>Stål</h2><p>325</p>
      <a id="kobber"></a><h2>Kobber</h2><p>1.150</p><h2>Priser</h2><h2>★★★</h2><p>Anmeldelser</p>`);
    expect(blocks.map((b) => [b.text, b.anchor, b.headingPath])).toEqual([
      ['Intro', null, []],
      ['# Priser', 'priser', ['Priser']],
      ['### Zink', 'zink', ['Priser', 'Zink']],
      ['450', 'zink', ['Priser', 'Zink']],
      ['## Stål', 'staal', ['Priser', 'Stål']],
      ['325', 'staal', ['Priser', 'Stål']],
      ['## Kobber', 'kobber', ['Priser', 'Kobber']],
      ['1.150', 'kobber', ['Priser', 'Kobber']],
      ['## Priser', 'priser-1', ['Priser', 'Priser']],
      ['## ★★★', 'priser-1', ['Priser', '★★★']],
      ['Anmeldelser', 'priser-1', ['Priser', '★★★']],
    ]);
    expect(blocks.find((b) => b.kind === 'heading')).toMatchObject({ level: 1 });
  });

  it('hashes the text lower-cased with white space collapsed, so the same footer is the same block everywhere', () => {
    expect(blockHash('Jensens Tag ApS ·  CVR 12345678')).toBe(blockHash('jensens tag aps · cvr 12345678\n'));
    expect(blockHash('Jensens Tag ApS')).toMatch(/^[0-9a-f]{16}$/);
    expect(blockHash('Jensens Tag ApS')).not.toBe(blockHash('Jensens Tag A/S'));
  });

  it("slugs headings as the core's Markdown chunker does, Danish letters kept", () => {
    for (const heading of ['Priser & levering', 'Åbningstider (2025)', 'Hvad koster en tagrende?', 'Tag-rens: før/efter', '  Kontakt  os ']) {
      expect(slugify(heading)).toBe(coreSlugify(heading));
    }
    expect(slugify('Åbningstider (2025)')).toBe('åbningstider-2025');
  });
});
