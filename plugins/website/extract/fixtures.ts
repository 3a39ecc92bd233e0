/**
 * Realistic pages for the extraction tests: a Danish roofer's site (shared header, menu, cookie
 * banner and footer), its price page, an English blog article, an app shell and a page full of
 * metadata. Test code only.
 */

/**
 * A string as Windows-1252 bytes (what an old Danish CMS serves).
 *
 * @example
 * windows1252('æ€'); // Uint8Array [0xe6, 0x80]
 */
export function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '™': 0x99 };
  return Uint8Array.from(Array.from(text), (c) => {
    const code = high[c] ?? c.charCodeAt(0);
    if (code > 0xff) throw new Error(`${c} is not in Windows-1252`);
    return code;
  });
}

/** The cookie banner a Danish site shows on every page (Cookiebot-like). */
export const COOKIE_BANNER = `<div id="CybotCookiebotDialog" role="dialog" aria-modal="true" style="position: fixed; bottom: 0">
  <h2>Denne hjemmeside bruger cookies</h2>
  <p>Vi bruger cookies til at tilpasse vores indhold og til at analysere vores trafik. Du giver samtykke til vores cookies, hvis du fortsætter med at anvende vores hjemmeside.</p>
  <button>Tillad alle</button><button>Kun nødvendige</button>
</div>`;

/**
 * A page of the roofer's site: the shared chrome around `main`.
 *
 * @example
 * sitePage({ title: 'Kontakt', main: '<h1>Kontakt</h1><p>Ring til os.</p>' });
 */
export function sitePage({ title, main, head = '' }: { title: string; main: string; head?: string }): string {
  return `<!DOCTYPE html>
<html lang="da-DK">
<head>
  <meta charset="utf-8">
  <title>${title} | Jensens Tag ApS</title>
  <meta property="og:site_name" content="Jensens Tag ApS">
  ${head}
</head>
<body class="page">
  ${COOKIE_BANNER}
  <header class="site-header">
    <a href="/" class="logo"><img src="/logo.png" alt="Jensens Tag"></a>
    <nav aria-label="Hovedmenu"><ul>
      <li><a href="/">Forside</a></li><li><a href="/tagrender">Tagrender</a></li>
      <li><a href="/priser">Priser</a></li><li><a href="/kontakt">Kontakt os</a></li>
    </ul></nav>
  </header>
  <main>
    ${main}
  </main>
  <footer class="site-footer">
    <p>Jensens Tag ApS · Vestergade 12, 8000 Aarhus C · CVR 12345678</p>
    <p>Åbent mandag–fredag 7–16 · Tlf. 86 12 34 56</p>
  </footer>
</body>
</html>`;
}

/** The price page: two tables, the second heading with an id, a section with an id. */
export const PRICE_PAGE = sitePage({
  title: 'Priser',
  main: `<h1>Priser</h1>
    <p>Alle priser er inkl. moms og kørsel i Østjylland.</p>
    <h2 id="tagrender">Tagrender</h2>
    <table class="prices">
      <thead><tr><th>Materiale</th><th>Pris pr. meter</th></tr></thead>
      <tbody>
        <tr><td><a href="/tagrender/zink">Zink</a></td><td>450 kr.</td></tr>
        <tr><td><a href="/tagrender/staal">Stål | galvaniseret</a></td><td>325 kr.</td></tr>
        <tr><td><a href="/tagrender/kobber">Kobber</a></td><td colspan="1">1.150 kr.</td></tr>
      </tbody>
    </table>
    <section id="nedloeb">
      <h2>Nedløbsrør</h2>
      <table><tr><td>Nedløb, zink</td><td>380 kr.</td></tr><tr><td>Nedløb, stål</td><td>290 kr.</td></tr></table>
    </section>
    <h2>Tilbud</h2>
    <p>Ring på <a href="tel:+4586123456">86 12 34 56</a> eller skriv til <a href="mailto:tilbud@jensenstag.dk">tilbud@jensenstag.dk</a>.</p>`,
});

const articleParagraph = (lead: string) =>
  `<p>${lead} Gutters collect the rain from the whole roof, and when leaves and moss block them the water runs over the edge and down the wall, where it soaks into the brickwork and causes damp inside. Cleaning them once a year, in late autumn, is usually enough.</p>`;

/** An English blog article, where Readability is at its best: share bar and "related" list inside the article. */
export const ARTICLE_PAGE = `<!DOCTYPE html>
<html lang="en-GB">
<head><title>How to clean your gutters – Jensens Tag blog</title>
<meta name="description" content="A guide to gutter cleaning.">
<meta property="og:title" content="How to clean your gutters">
</head>
<body>
<div class="top-bar"><a href="/en/">Home</a> <a href="/en/blog">Blog</a> <a href="/en/contact">Contact</a></div>
<div id="content">
  <div class="post">
    <h1>How to clean your gutters</h1>
    <div class="share-buttons"><a href="https://facebook.com/share">Share on Facebook</a> <a href="https://x.com/share">Share on X</a></div>
    ${articleParagraph('Most homeowners forget their gutters until it is too late.')}
    ${articleParagraph('Start with a sturdy ladder and a pair of gloves.')}
    <h2 id="tools">The tools you need</h2>
    <ul><li>A ladder with a stand-off</li><li>A gutter scoop</li><li>A garden hose</li></ul>
    ${articleParagraph('Work from the downpipe outwards, so the dirt does not block the outlet.')}
    <blockquote><p>Never lean the ladder on the gutter itself.</p></blockquote>
    ${articleParagraph('Finally, flush the gutter with the hose and check that the water runs freely.')}
    <div class="related-posts"><h3>Related posts</h3><a href="/en/blog/roof">New roof?</a> <a href="/en/blog/moss">Moss</a></div>
  </div>
</div>
</body>
</html>`;

/** A React app before it runs: no text at all. */
export const REACT_SHELL = `<!DOCTYPE html>
<html lang="da"><head><title>Jensens Tag</title><script type="module" src="/assets/index-4f3a.js"></script></head>
<body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script src="/app.js"></script></body></html>`;

/** A page with `<base href>`, canonical, robots noindex, hreflang alternates, meta tags and JSON-LD with `@graph`. */
export const META_PAGE = `<!DOCTYPE html>
<html lang="da">
<head>
  <base href="https://www.jensenstag.dk/da/">
  <title>Om os</title>
  <link rel="canonical" href="om-os">
  <link rel="alternate" hreflang="en" href="/en/about">
  <link rel="alternate" hreflang="x-default" href="https://www.jensenstag.dk/">
  <meta name="robots" content="NOINDEX, follow">
  <meta name="Description" content="Familieejet tømrer- og tagfirma siden 1987.">
  <meta property="og:title" content="Om Jensens Tag">
  <meta property="og:image" content="https://www.jensenstag.dk/hero.jpg">
  <meta property="og:image" content="https://www.jensenstag.dk/second.jpg">
  <meta name="twitter:card" content="summary">
  <meta name="author" content="Ole Jensen">
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@graph": [
    {"@type": "Organization", "@id": "#org", "name": "Jensens Tag ApS", "vatID": "DK12345678"},
    {"@type": "WebSite", "name": "Jensens Tag", "publisher": {"@id": "#org"}}
  ]}
  </script>
  <script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": [],}</script>
  <script type="application/ld+json">{ this is not json </script>
</head>
<body>
  <main>
    <h1>Om os</h1>
    <p>Vi er et familieejet firma med 14 ansatte.</p>
    <p><a href="historie">Vores historie</a> · <a href="/da/job" rel="nofollow noopener">Job</a> ·
       <a href="javascript:void(0)">Åbn chat</a> · <a href="#team">Holdet</a> · <a href="data:text/plain,x">x</a>
       <map name="m"><area href="../kort" alt="Kort over området"></map></p>
  </main>
</body>
</html>`;
