import { describe, expect, it } from 'vitest';
import { flatText, htmlToText, isTooDeep } from './html-text.ts';

describe('htmlToText', () => {
  it('lays mail HTML out as a mail client shows it', () => {
    expect(htmlToText('<div>Hej</div><div><br></div><div>Tak</div>')).toBe('Hej\n\nTak');
    expect(htmlToText('<div>a<br></div><div>b</div>')).toBe('a\nb');
    expect(htmlToText('<p class=MsoNormal>Hej Mette<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Tak for sidst</p>')).toBe('Hej Mette\n\nTak for sidst');
    expect(htmlToText('<p>Første</p><p>Anden <b>fed</b> og <a href="https://x.dk">link</a>.</p>')).toBe('Første\n\nAnden fed og link.');
  });

  it('quotes as > lines, lists as - and 1. lines, data tables as rows', () => {
    expect(htmlToText('<p>Svar</p><blockquote>Gammel<br>tekst<blockquote>ældre</blockquote></blockquote>')).toBe('Svar\n\n> Gammel\n> tekst\n> > ældre');
    expect(htmlToText('<ul><li>et</li><li>to<ul><li>under</li></ul></li></ul><ol start="3"><li>tre</li></ol>')).toBe('- et\n- to\n  - under\n\n3. tre');
    expect(htmlToText('<table><tr><th>Vare</th><th>Pris</th></tr><tr><td>Tag</td><td>100 kr.</td></tr></table>')).toBe('Vare | Pris\nTag | 100 kr.');
    expect(htmlToText('<table role="presentation"><tr><td>Logo</td><td>Nyhed</td></tr></table>')).toBe('Logo\nNyhed');
  });

  it('reads a body that an unclosed <head> swallowed', () => {
    expect(htmlToText('<html><head><meta charset=utf-8><div>Hej</div></html>')).toBe('Hej');
    expect(htmlToText('<head><title>x</title><p>Tekst</p>')).toBe('Tekst');
  });

  it('leaves out what is not text', () => {
    expect(htmlToText('<html><head><title>T</title><style>p{}</style></head><body><script>x()</script><p>Kun dette</p><template>nej</template></body></html>')).toBe('Kun dette');
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<pre>  kode\n    indrykket</pre>')).toBe('  kode\n    indrykket');
  });
});

describe('hostile nesting', () => {
  it('isTooDeep counts open elements in one linear pass (void and implicitly closed elements not counted)', () => {
    expect(isTooDeep('<div>'.repeat(1001))).toBe(true);
    expect(isTooDeep('<div>'.repeat(999))).toBe(false);
    expect(isTooDeep('<div></div>'.repeat(5000))).toBe(false);
    expect(isTooDeep('<p>x'.repeat(5000) + '<td>'.repeat(5000) + '<br>'.repeat(5000))).toBe(false);
    const start = performance.now();
    isTooDeep('<a '.repeat(200_000));
    isTooDeep(`${'<a '.repeat(200_000)}>`);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  it('too deep HTML is read as flat text, fast, without overflowing the stack', () => {
    const start = performance.now();
    expect(htmlToText(`${'<div>'.repeat(100_000)}Hej &amp; farvel`)).toBe('Hej & farvel');
    expect(performance.now() - start).toBeLessThan(2000);
    expect(flatText('<div>Hej<br>med &amp; dig &#230;&#xf8;</div><script>x</script><p>Ny</p>')).toBe('Hej\nmed & dig æø\nNy');
  });
});

