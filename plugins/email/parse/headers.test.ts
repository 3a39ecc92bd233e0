import { describe, expect, it } from 'vitest';
import { encodeWindows1252 } from './encoding.ts';
import { header, looksLikeMail, readHeaderBlock } from './headers.ts';

describe('readHeaderBlock', () => {
  it('unfolds header lines and finds where the body starts', () => {
    const raw = Buffer.from('Subject: Lang\r\n  emnelinje\r\nTo: a@b.dk,\r\n\tc@d.dk\r\n\r\nKrop');
    const block = readHeaderBlock(raw);
    expect(block.fields).toEqual([{ name: 'subject', value: 'Lang emnelinje' }, { name: 'to', value: 'a@b.dk, c@d.dk' }]);
    expect(block.message.subarray(block.bodyStart).toString()).toBe('Krop');
  });

  it('re-encodes raw 8-bit Latin-1 header lines as UTF-8 and leaves UTF-8 lines and the body alone', () => {
    const body = encodeWindows1252('Krop på Latin-1');
    const raw = Buffer.concat([encodeWindows1252('Subject: Kære Åse\r\n'), Buffer.from('From: Søren <s@x.dk>\r\n\r\n', 'utf8'), body]);
    const block = readHeaderBlock(raw);
    expect(header(block.fields, 'subject')).toBe('Kære Åse');
    expect(header(block.fields, 'from')).toBe('Søren <s@x.dk>');
    expect(block.message.subarray(block.bodyStart).equals(body)).toBe(true);
  });

  it('reads raw 8-bit headers in the charset the body declares', () => {
    const raw = Buffer.concat([Buffer.from('Subject: '), Buffer.from([0xa4]), Buffer.from('\r\nContent-Type: text/plain; charset=iso-8859-15\r\n\r\nx')]);
    expect(header(readHeaderBlock(raw).fields, 'subject')).toBe('€');
  });
});

describe('readHeaderBlock: archive framing', () => {
  it('skips a byte-order mark, blank lines and Apple Mail .emlx framing', () => {
    const mail = 'From: a@b.dk\nSubject: Hej\n\nKrop\n';
    const emlx = Buffer.from(`${Buffer.byteLength(mail)}\n${mail}<?xml version="1.0"?><plist><dict/></plist>`);
    const block = readHeaderBlock(emlx);
    expect(header(block.fields, 'subject')).toBe('Hej');
    expect(block.message.subarray(block.bodyStart).toString()).toBe('Krop\n');
    expect(header(readHeaderBlock(Buffer.from(`\ufeff\r\n${mail}`)).fields, 'from')).toBe('a@b.dk');
  });
});

describe('looksLikeMail', () => {
  it('wants a header as the first line and one header only mail has', () => {
    expect(looksLikeMail(readHeaderBlock(Buffer.from('From: a@b.dk\r\n\r\nx')))).toBe(true);
    expect(looksLikeMail(readHeaderBlock(Buffer.from('X-Custom: 1\n\nx')))).toBe(true);
    expect(looksLikeMail(readHeaderBlock(Buffer.from('Note: husk mælk\n\nx')))).toBe(false);
    expect(looksLikeMail(readHeaderBlock(Buffer.from('Hej\nSubject: x\n\nx')))).toBe(false);
    // A damaged first line: still mail when two mail headers follow.
    expect(looksLikeMail(readHeaderBlock(Buffer.from('Fr\u00ffm a@b.dk\nTo: c@d.dk\nSubject: x\n\nx')))).toBe(true);
    expect(looksLikeMail(readHeaderBlock(Buffer.from('')))).toBe(false);
  });
});
