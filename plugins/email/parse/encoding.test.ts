import { describe, expect, it } from 'vitest';
import { decodeCharset, decodeQuotedPrintable, decodeWords, encodeWindows1252, isUtf8 } from './encoding.ts';

describe('decodeCharset', () => {
  it('reads Latin-1 labels as Windows-1252 (€ and curly quotes in 0x80–0x9F)', () => {
    const bytes = Buffer.from([0x80, 0x20, 0x93, 0x68, 0x94, 0x20, 0xe6, 0xf8, 0xe5, 0xc6, 0xd8, 0xc5]);
    for (const label of ['windows-1252', 'ISO-8859-1', 'iso8859-1', 'latin1', 'cp1252', '"iso-8859-1"', 'us-ascii']) expect(decodeCharset(bytes, label)).toBe('€ “h” æøåÆØÅ');
  });

  it('decodes other charsets with TextDecoder and guesses for unknown or refused ones', () => {
    expect(decodeCharset(Buffer.from([0xa4]), 'iso-8859-15')).toBe('€');
    expect(decodeCharset(Buffer.from('blåbær', 'utf8'), 'x-unknown')).toBe('blåbær');
    expect(decodeCharset(Buffer.from([0x62, 0xe5]), 'x-unknown')).toBe('bå');
    expect(decodeCharset(Buffer.from('+ADw-script+AD4-'), 'utf-7')).toBe('+ADw-script+AD4-');
    expect(decodeCharset(Buffer.from([0x62, 0xe5]), null)).toBe('bå');
  });

  it('round-trips Windows-1252', () => {
    expect(decodeCharset(encodeWindows1252('Søren – 5 € “ok”'), 'windows-1252')).toBe('Søren – 5 € “ok”');
    expect(encodeWindows1252('日本').toString()).toBe('??');
    expect(isUtf8(Buffer.from('æ', 'utf8'))).toBe(true);
    expect(isUtf8(Buffer.from([0xe6]))).toBe(false);
  });
});

describe('decodeWords', () => {
  it.each([
    ['=?UTF-8?Q?Tilbud_p=C3=A5_tag?=', 'Tilbud på tag'],
    ['=?utf-8?b?w6bDuMOl?=', 'æøå'],
    ['=?iso-8859-1?q?=E6=F8=E5?= og =?windows-1252?Q?=80?=', 'æøå og €'],
    ['=?UTF-8?Q?a?= =?UTF-8?Q?b?=', 'ab'],
    ['=?UTF-8?Q?=C3?=\r\n =?UTF-8?Q?=A6?=', 'æ'],
    ['=?UTF-8?B?w6Y=?= =?UTF-8?B?w7g=?=', 'æø'],
    ['Tilbud =?utf-8?q?p=C3=A5?= tag', 'Tilbud på tag'],
    ['=?utf-8*da?q?hej?=', 'hej'],
    ['=?utf-8?Q?med mellemrum?=', 'med mellemrum'],
    ['ingen kodning', 'ingen kodning'],
    ['=?utf-8?q?uafsluttet', '=?utf-8?q?uafsluttet'],
  ])('%j → %j', (value, expected) => {
    expect(decodeWords(value)).toBe(expected);
  });
});

describe('decodeQuotedPrintable', () => {
  it('decodes escapes and soft line breaks, keeps broken escapes', () => {
    expect(decodeQuotedPrintable(Buffer.from('Bl=C3=A5b=C3=A6r=\r\ngr=C3=B8d')).toString()).toBe('Blåbærgrød');
    expect(decodeQuotedPrintable(Buffer.from('a=  \nb')).toString()).toBe('ab');
    expect(decodeQuotedPrintable(Buffer.from('=ZZ=4')).toString()).toBe('=ZZ=4');
  });
});
