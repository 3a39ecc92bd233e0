import fc from 'fast-check';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Encodable, fit, fontCharset, winAnsi, wrap } from './text.ts';

let font: PDFFont;
let charset: Encodable;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  font = await doc.embedFont(StandardFonts.Helvetica);
  charset = fontCharset(font);
});

describe('WinAnsi text', () => {
  it('keeps what Helvetica has: Danish letters, m², ½, €, dashes and typographic quotes', () => {
    const text = 'ÆØÅ æøå 45 m² 2 m³ 12½ € 5 – 10 — “citat” ‘enkelt’ „tysk“ … × ° é ü ß';
    expect(winAnsi(text, charset)).toBe(text);
    expect(() => font.encodeText(text)).not.toThrow();
  });

  it('replaces what it lacks with the nearest thing it has, or ?', () => {
    expect(winAnsi('12 m → 45 m², ≥ 3', charset)).toBe('12 m -> 45 m², >= 3');
    // ó is in WinAnsi; Ł and ź are not.
    expect(winAnsi('Łódź', charset)).toBe('Lódz');
    expect(winAnsi('Erdős', charset)).toBe('Erdos');
    expect(winAnsi('ﬁliale ⅓', charset)).toBe('filiale 1/3');
    expect(winAnsi('−5', charset)).toBe('-5');
    expect(winAnsi('Tak 🙂 中', charset)).toBe('Tak ? ?');
  });

  it('puts a field on one line and drops invisible characters', () => {
    expect(winAnsi('a\tb\r\nc\nd', charset)).toBe('a b c d');
    expect(winAnsi('tag\u00adrende\u200b\u0007', charset)).toBe('tagrende');
    // a + combining ring is å
    expect(winAnsi('A\u030arhus', charset)).toBe('Århus');
  });

  it('gives text the font can always encode, whatever it was given', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const safe = winAnsi(text, charset);
        expect(() => font.encodeText(safe)).not.toThrow();
        expect(() => font.widthOfTextAtSize(safe, 10)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('wrapping', () => {
  it('breaks at spaces within the width, keeps every word and the paragraphs', () => {
    const text = 'Bortkørsel og miljøgodkendt bortskaffelse af gammel tagrende, nedløbsrør og øvrigt affald\nAnden linje';
    const lines = wrap(text, font, 10, 150, charset);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(150);
    expect(lines.at(-1)).toBe('Anden linje');
    expect(lines.join(' ')).toBe(text.replace('\n', ' '));
  });

  it('cuts a word only when it alone is too wide', () => {
    const url = 'https://nordlystag.dk/tilbud/2026-0042/accept?token=abcdefghijklmnopqrstuvwxyz0123456789';
    const lines = wrap(`Se ${url}`, font, 10, 120, charset);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(120);
    expect(lines[0]).toBe('Se');
    expect(lines.slice(1).join('')).toBe(url);
  });

  it('ends a line that is too wide with an ellipsis', () => {
    const cut = fit('Nordlys Tag & Facade ApS · CVR-nr. 12345678 · tilbud@nordlystag.dk', font, 8, 100);
    expect(cut.endsWith('…')).toBe(true);
    expect(font.widthOfTextAtSize(cut, 8)).toBeLessThanOrEqual(100);
  });
});
