import { describe, expect, it } from 'vitest';
import { htmlPage } from '../testing/text.ts';
import { extractHtml, htmlMainText, htmlToMarkdown } from './html.ts';
import type { ExtractOptions } from './types.ts';

const options: ExtractOptions = { name: 'side.html', maxUnpackedBytes: 100 * 1024 * 1024, maxPages: 500, ocr: { enabled: false, languages: 'dan+eng', timeoutMs: 1000 } };
const paragraphs = [
  'Nordlys Tag har lagt nyt tag på mere end 120 huse i Aarhus og omegn siden 2015. Vi arbejder med tegl, skifer og tagpap.',
  'Et typisk parcelhus tager fem arbejdsdage. Prisen afhænger af tagets hældning, materialet og adgangsforholdene.',
  'Vi giver altid et fast tilbud efter en gratis besigtigelse, og vi bortskaffer det gamle tag uden ekstra beregning.',
];

describe('extractHtml', () => {
  it('gives the main text without the menu, scripts, styles and footer', async () => {
    const page = htmlPage({ title: 'Tagrenovering | Nordlys Tag', heading: 'Tagrenovering i Aarhus', paragraphs, nav: ['Forside', 'Ydelser', 'Kontakt os'], table: [['Tagtype', 'Pris pr. m²'], ['Tegl', '1.450 kr.'], ['Skifer', '1.900 kr.']] });
    const result = await extractHtml(new TextEncoder().encode(page), options);
    expect(result.title).toBe('Tagrenovering | Nordlys Tag');
    const text = result.sections.map((s) => s.text).join('\n\n');
    expect(result.sections[0]).toMatchObject({ anchor: 'part=1', format: 'markdown' });
    expect(text).toMatch(/^#+ Tagrenovering i Aarhus$/m);
    for (const p of paragraphs) expect(text).toContain(p);
    expect(text).toContain('| Tegl | 1.450 kr. |');
    expect(text).not.toContain('Kontakt os');
    expect(text).not.toContain('MENU_SCRIPT_TEXT');
    expect(text).not.toContain('font-family');
    expect(text).not.toContain('Alle rettigheder');
  });

  it('falls back to the page when there is no article to find, still without scripts and menus', () => {
    const page = '<html><head><title>Prisliste</title><script>alert("x")</script></head><body><nav>Menu Forside</nav><table><tr><td>Vare</td><td>Pris</td></tr><tr><td>Rende</td><td>99</td></tr></table></body></html>';
    const result = htmlMainText(page);
    expect(result.title).toBe('Prisliste');
    expect(result.text).toContain('| Rende | 99 |');
    expect(result.text).not.toContain('alert');
    expect(result.text).not.toContain('Menu Forside');
  });

  it('reads Windows-1252 pages', async () => {
    const bytes = Uint8Array.from([...'<html><body><p>R\xf8dgr\xf8d med fl\xf8de</p></body></html>'], (c) => c.charCodeAt(0));
    const result = await extractHtml(bytes, options);
    expect(result.sections[0]!.text).toContain('Rødgrød med fløde');
    expect(result.meta!.encoding).toBe('windows-1252');
  });
});

describe('htmlToMarkdown', () => {
  it('keeps headings, lists, data tables and line breaks, and reads layout tables as text', () => {
    const md = htmlToMarkdown(
      '<h2>Vilkår</h2><p>Første<br>anden linje med<b> fed </b>tekst</p><ol><li>Et</li><li>To<ul><li>under</li></ul></li></ol>' +
        '<table role="presentation"><tr><td><p>Layout celle</p></td></tr></table>' +
        '<table><tr><th>Vare</th><th colspan="2">Pris</th></tr><tr><td>Tag</td><td>100</td><td>kr.</td></tr></table>',
    );
    expect(md.split('\n\n')).toEqual(['## Vilkår', 'Første\nanden linje med fed tekst', '1. Et\n2. To\n  - under', 'Layout celle', '| Vare | Pris |  |\n| --- | --- | --- |\n| Tag | 100 | kr. |']);
  });
});
