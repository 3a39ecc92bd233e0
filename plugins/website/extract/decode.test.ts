import { describe, expect, it } from 'vitest';
import { decodeHtml } from './decode.ts';
import { windows1252 } from './fixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const DANISH = 'Æbleskiver på Østergade: én portion koster 45 €. „Fantastisk“ – siger “alle” på Århus Å.';

describe('decoding a fetched page', () => {
  it('reads a Windows-1252 page right, whatever says so or nothing does', () => {
    const page = windows1252(`<!DOCTYPE html><html><head><title>Priser</title></head><body><p>${DANISH}</p></body></html>`);
    for (const header of ['text/html; charset=windows-1252', 'text/html; charset=ISO-8859-1', 'text/html;charset="latin1"', 'text/html', null]) {
      const { html, charset } = decodeHtml(page, header);
      expect(charset).toBe('windows-1252');
      expect(html).toContain(DANISH);
    }
  });

  it('finds the charset in a <meta> of the first 2 KB, in either form', () => {
    const withCharset = windows1252(`<html><head><!-- ${'x'.repeat(1200)} --><meta charset="iso-8859-1"><title>Om os</title></head><body>Ærø og Fanø</body></html>`);
    expect(decodeHtml(withCharset, 'text/html')).toEqual({ html: expect.stringContaining('Ærø og Fanø'), charset: 'windows-1252' });
    const httpEquiv = windows1252(`<html><head><META CONTENT='text/html; charset=windows-1252' HTTP-EQUIV="Content-Type"></head><body>“Kvalitet” til 99 €</body></html>`);
    expect(decodeHtml(httpEquiv, null).html).toContain('“Kvalitet” til 99 €');
    // A page can't be UTF-16 if its markup is ASCII: the spec reads that meta as UTF-8.
    expect(decodeHtml(utf8('<meta charset="utf-16"><p>Smørrebrød</p>'), null)).toEqual({ html: '<meta charset="utf-16"><p>Smørrebrød</p>', charset: 'utf-8' });
  });

  it('puts the byte-order mark before the header, and the header before the meta', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<p>Blåbær</p>')]);
    expect(decodeHtml(bom, 'text/html; charset=windows-1252')).toEqual({ html: '<p>Blåbær</p>', charset: 'utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('<p>ø</p>').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeHtml(utf16, null)).toEqual({ html: '<p>ø</p>', charset: 'utf-16le' });
    const latin2 = new Uint8Array([...utf8('<meta charset="utf-8"><p>'), 0xb1, ...utf8('</p>')]);
    expect(decodeHtml(latin2, 'text/html; charset=iso-8859-2')).toEqual({ html: '<meta charset="utf-8"><p>ą</p>', charset: 'iso-8859-2' });
  });

  it('takes valid UTF-8 as UTF-8 when nothing is declared, and ignores labels nobody knows', () => {
    expect(decodeHtml(utf8(`<p>${DANISH}</p>`), null)).toEqual({ html: `<p>${DANISH}</p>`, charset: 'utf-8' });
    expect(decodeHtml(utf8(`<p>${DANISH}</p>`), 'text/html; charset=klingon')).toEqual({ html: `<p>${DANISH}</p>`, charset: 'utf-8' });
  });

  it('reads a Windows-1252 page behind a server default of charset=utf-8, but keeps a UTF-8 page with one bad byte UTF-8', () => {
    const mislabelled = windows1252('<p>Rødgrød med fløde: 35 €</p>');
    expect(decodeHtml(mislabelled, 'text/html; charset=UTF-8')).toEqual({ html: '<p>Rødgrød med fløde: 35 €</p>', charset: 'windows-1252' });
    const damaged = new Uint8Array([...utf8('<p>Rødgrød '), 0xff, ...utf8(' fløde</p>')]);
    expect(decodeHtml(damaged, 'text/html; charset=utf-8')).toEqual({ html: '<p>Rødgrød \ufffd fløde</p>', charset: 'utf-8' });
  });
});
