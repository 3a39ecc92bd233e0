import { describe, expect, it } from 'vitest';
import { decodeHtml } from './decode.ts';
import { ARTICLE_PAGE, META_PAGE, PRICE_PAGE, REACT_SHELL, sitePage, windows1252 } from './fixtures.ts';
import { extractPage } from './page.ts';

const texts = (html: string, url = 'https://jensenstag.dk/side') => extractPage(html, url).blocks.map((b) => b.text);

describe('a page of a company site', () => {
  const page = extractPage(PRICE_PAGE, 'https://jensenstag.dk/priser');

  it('keeps the content and leaves out the header, menu, cookie banner and footer', () => {
    expect(page.text).toContain('Alle priser er inkl. moms og kørsel i Østjylland.');
    expect(page.text).not.toMatch(/cookies|Tillad alle|samtykke/);
    expect(page.text).not.toMatch(/Forside|Kontakt os|Jensens Tag$/m);
    expect(page.text).not.toContain('CVR 12345678');
    expect(page.title).toBe('Priser');
    expect(page.lang).toBe('da');
    expect(page.declaredLang).toBe('da-DK');
  });

  it('keeps the price tables as Markdown tables, pipes escaped', () => {
    const tables = page.blocks.filter((b) => b.kind === 'table').map((b) => b.text);
    expect(tables).toEqual([
      '| Materiale | Pris pr. meter |\n| --- | --- |\n| Zink | 450 kr. |\n| Stål \\| galvaniseret | 325 kr. |\n| Kobber | 1.150 kr. |',
      '| Nedløb, zink | 380 kr. |\n| --- | --- |\n| Nedløb, stål | 290 kr. |',
    ]);
  });

  it("anchors each block at the page's own ids, else at a slug of its heading", () => {
    const where = page.blocks.map((b) => [b.kind, b.anchor, b.headingPath.join(' › ')]);
    expect(where).toEqual([
      ['heading', 'priser', 'Priser'],
      ['paragraph', 'priser', 'Priser'],
      ['heading', 'tagrender', 'Priser › Tagrender'],
      ['table', 'tagrender', 'Priser › Tagrender'],
      ['heading', 'nedloeb', 'Priser › Nedløbsrør'],
      ['table', 'nedloeb', 'Priser › Nedløbsrør'],
      ['heading', 'tilbud', 'Priser › Tilbud'],
      ['paragraph', 'tilbud', 'Priser › Tilbud'],
    ]);
    expect(page.blocks.at(-1)?.text).toBe('Ring på 86 12 34 56 eller skriv til tilbud@jensenstag.dk.');
  });

  it("lists the links to follow, menu links included, but no phone or mail links", () => {
    const urls = page.links.map((l) => l.url);
    expect(urls).toContain('https://jensenstag.dk/kontakt');
    expect(urls).toContain('https://jensenstag.dk/tagrender/zink');
    expect(urls.some((u) => /^(tel|mailto):/.test(u))).toBe(false);
    expect(page.links.find((l) => l.url === 'https://jensenstag.dk/')).toEqual({ url: 'https://jensenstag.dk/', text: 'Jensens Tag', rel: [] });
  });

  it('is the same page from Windows-1252 bytes', () => {
    const bytes = windows1252(PRICE_PAGE.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').replace('>Tagrender</h2>', '>Tagrender til 45 € – “billigt”</h2>'));
    const { html } = decodeHtml(bytes, 'text/html');
    const decoded = extractPage(html, 'https://jensenstag.dk/priser');
    expect(decoded.text).toContain('kørsel i Østjylland');
    expect(decoded.blocks.find((b) => b.anchor === 'tagrender')?.text).toBe('## Tagrender til 45 € – “billigt”');
    expect(decoded.text).toContain('| Stål \\| galvaniseret | 325 kr. |');
  });
});

describe('what is never content', () => {
  it('takes out banners by their names, but not content that happens to be named "cookie"', () => {
    const html = sitePage({
      title: 'Opskrifter',
      main: `<div class="cookie-notice"><p>Vi bruger cookies. <a href="/privatliv">Læs mere</a></p><a class="btn">OK</a></div>
        <h1>Julesmåkager</h1>
        <div class="cookie-recipe"><h2>Vaniljekranse</h2><p>Bland smør, sukker og mel, og sprøjt kransene ud på pladen.</p></div>
        <div data-consent-category="marketing" class="placeholder">Accepter marketing-cookies for at se videoen.</div>`,
    });
    const text = extractPage(html, 'https://bager.dk/opskrifter').text;
    expect(text).toContain('Vaniljekranse');
    expect(text).toContain('sprøjt kransene ud');
    expect(text).not.toContain('Vi bruger cookies');
    expect(text).not.toContain('marketing-cookies');
    // <main class="cookie-recipes"> is the page.
    expect(texts('<body><main><p>Antal: 2 <button>Læg i kurv</button></p><form><label for="n">Navn</label><input id="n"><select><option>Aarhus</option></select></form></main></body>')).toEqual(['Antal: 2']);
    expect(texts('<body><main class="cookie-recipes"><h1>Småkager</h1><p>Accepter, at de forsvinder hurtigt.</p></main></body>')).toEqual(['# Småkager', 'Accepter, at de forsvinder hurtigt.']);
  });

  it("keeps an article's own header, footer and fact box, collapsed FAQ answers and tab panels; drops what is hidden otherwise", () => {
    const html = `<body><header><p>Jensens Tag</p></header>
      <article><header><h1>Nyt tag på 3 dage</h1><p>Af Ole Jensen</p></header>
        <p>Vi lagde et nyt tag på en villa i Risskov.</p>
        <aside><p>Fakta: 180 m² tegl.</p></aside>
        <footer><p>Opdateret 1. marts</p></footer></article>
      <section class="faq"><h2>Spørgsmål</h2>
        <button aria-controls="svar-1" aria-expanded="false">Hvad koster et nyt tag?</button>
        <div id="svar-1" hidden><p>Fra 1.200 kr. pr. m².</p></div>
        <div role="tabpanel" aria-hidden="true"><p>Garanti: 10 år.</p></div>
        <div hidden><p>Popup: Tilmeld nyhedsbrev</p></div>
        <span aria-hidden="true">★</span></section>
      <aside><p>Sidebar: seneste nyt</p></aside>
      <footer><p>CVR 12345678</p></footer></body>`;
    expect(texts(html)).toEqual([
      '# Nyt tag på 3 dage',
      'Af Ole Jensen',
      'Vi lagde et nyt tag på en villa i Risskov.',
      'Fakta: 180 m² tegl.',
      'Opdateret 1. marts',
      '## Spørgsmål',
      'Hvad koster et nyt tag?',
      'Fra 1.200 kr. pr. m².',
      'Garanti: 10 år.',
    ]);
  });
});

describe('pages Readability reads, and pages it would get wrong', () => {
  it('uses Readability for an article: no share bar, no related posts, no menu', () => {
    const page = extractPage(ARTICLE_PAGE, 'https://jensenstag.dk/en/blog/gutters');
    expect(page.lang).toBe('en');
    expect(page.title).toBe('How to clean your gutters');
    expect(page.text).toContain('Start with a sturdy ladder');
    expect(page.text).toContain('- A ladder with a stand-off\n- A gutter scoop\n- A garden hose');
    expect(page.text).toContain('> Never lean the ladder on the gutter itself.');
    expect(page.text).not.toMatch(/Share on|Related posts|New roof\?|Contact/);
    expect(page.blocks.find((b) => b.text.includes('gutter scoop'))).toMatchObject({ kind: 'list', anchor: 'tools', headingPath: ['The tools you need'] });
  });

  it("keeps a table Readability drops (a table of links) by reading the page's own content", () => {
    const para = (n: number) => `<p>Afsnit ${n}. Tagrender skal renses mindst en gang om året, ellers løber vandet over kanten og ned ad facaden, hvor det giver fugtskader i murværket og råd i træværket.</p>`;
    const html = `<body><div class="menu"><a href="/">Forside</a></div><div class="content"><h1>Rens af tagrender</h1>${para(1)}${para(2)}
      <h2>Priser</h2><table><tr><td><a href="/r">Rækkehus</a></td><td><a href="/r">895 kr.</a></td></tr><tr><td><a href="/v">Villa</a></td><td><a href="/v">1.295 kr.</a></td></tr></table>${para(3)}</div></body>`;
    const page = extractPage(html, 'https://jensenstag.dk/rens');
    expect(page.text).toContain('| Rækkehus | 895 kr. |\n| --- | --- |\n| Villa | 1.295 kr. |');
    expect(page.text).toContain('Afsnit 3.');
  });

  it('reads a short contact page, which is no article at all', () => {
    const page = extractPage(
      sitePage({ title: 'Kontakt', main: '<h1>Kontakt</h1><p>Vestergade 12<br>8000 Aarhus C</p><p>Tlf. 86 12 34 56</p><dl><dt>Mandag–torsdag</dt><dd>7–16</dd><dt>Fredag</dt><dd>7–14</dd></dl>' }),
      'https://jensenstag.dk/kontakt',
    );
    expect(page.blocks.map((b) => b.text)).toEqual(['# Kontakt', 'Vestergade 12\n8000 Aarhus C', 'Tlf. 86 12 34 56', '- Mandag–torsdag: 7–16\n- Fredag: 7–14']);
  });
});

describe("a page's metadata", () => {
  const page = extractPage(META_PAGE, 'https://www.jensenstag.dk/da/om-os?utm_source=x');

  it('resolves links, canonical and alternates against <base href>', () => {
    expect(page.canonical).toBe('https://www.jensenstag.dk/da/om-os');
    expect(page.alternates).toEqual([
      { url: 'https://www.jensenstag.dk/en/about', hreflang: 'en' },
      { url: 'https://www.jensenstag.dk/', hreflang: 'x-default' },
    ]);
    expect(page.links).toEqual([
      { url: 'https://www.jensenstag.dk/da/historie', text: 'Vores historie', rel: [] },
      { url: 'https://www.jensenstag.dk/da/job', text: 'Job', rel: ['nofollow', 'noopener'] },
      { url: 'https://www.jensenstag.dk/da/#team', text: 'Holdet', rel: [] },
      { url: 'https://www.jensenstag.dk/kort', text: 'Kort over området', rel: [] },
    ]);
  });

  it('reads robots, description, meta tags and JSON-LD (the @graph flattened, broken blocks skipped)', () => {
    expect(page.robots).toEqual({ noindex: true, nofollow: false });
    expect(page.description).toBe('Familieejet tømrer- og tagfirma siden 1987.');
    expect(page.meta).toMatchObject({ 'og:title': 'Om Jensens Tag', 'og:image': 'https://www.jensenstag.dk/hero.jpg', 'twitter:card': 'summary', author: 'Ole Jensen' });
    expect(page.jsonLd).toEqual([
      { '@type': 'Organization', '@id': '#org', name: 'Jensens Tag ApS', vatID: 'DK12345678' },
      { '@type': 'WebSite', name: 'Jensens Tag', publisher: { '@id': '#org' } },
      { '@type': 'BreadcrumbList', itemListElement: [] },
    ]);
    expect(page.title).toBe('Om os');
    expect(extractPage('<meta name="robots" content="none"><p>x</p>', 'https://a.dk/').robots).toEqual({ noindex: true, nofollow: true });
  });

  it("takes the <title> without the site's name when the page has no <h1>", () => {
    expect(extractPage(sitePage({ title: 'Galleri', main: '<p>Billeder af vores tage.</p>' }), 'https://jensenstag.dk/galleri').title).toBe('Galleri');
  });
});

describe('an app shell', () => {
  it('is recognised, and a small real page is not', () => {
    const shell = extractPage(REACT_SHELL, 'https://jensenstag.dk/');
    expect(shell.shell).toBe(true);
    expect(shell.blocks).toEqual([]);
    expect(extractPage('<body><div id="app"><h1>Jensens Tag</h1><p>Loading …</p></div></body>', 'https://a.dk/').shell).toBe(true);
    expect(extractPage(sitePage({ title: 'Kontakt', main: '<h1>Kontakt</h1><p>Ring på 86 12 34 56.</p>' }), 'https://a.dk/').shell).toBe(false);
    expect(extractPage(ARTICLE_PAGE, 'https://a.dk/').shell).toBe(false);
  });
});
