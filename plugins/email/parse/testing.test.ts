import { describe, expect, it } from 'vitest';
import { parseMessage } from './mime.ts';
import { encodedWords, quotedPrintable, rawMessage } from './testing.ts';

describe('rawMessage', () => {
  it('writes headers within line limits: encoded words of at most 75 characters, ASCII only', () => {
    const raw = rawMessage({ from: 'Søren Ærø <s@x.dk>', to: 'a@b.dk', subject: 'æøå '.repeat(40), text: 'x' });
    const head = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');
    expect(/^[\x00-\x7f]*$/.test(head)).toBe(true);
    for (const word of head.match(/=\?[^?]+\?[BQ]\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);
  });

  it('writes quoted-printable lines of at most 76 characters that decode back', async () => {
    const text = `${'Blåbærgrød med fløde og = tegn '.repeat(10)}\nslut `;
    for (const line of quotedPrintable(Buffer.from(text, 'utf8')).split('\r\n')) expect(line.length).toBeLessThanOrEqual(76);
    expect((await parseMessage(rawMessage({ from: 'a@b.dk', to: 'c@d.dk', subject: 'x', text }))).text).toBe(text.trimEnd());
  });

  it('encodes in Q as well as B, in any of the charsets', () => {
    expect(encodedWords('Søren', 'iso-8859-1', 'Q')).toBe('=?ISO-8859-1?Q?S=F8ren?=');
    expect(encodedWords('Søren', 'utf-8', 'B')).toBe('=?UTF-8?B?U8O4cmVu?=');
  });

  it('builds the MIME structure: alternative, related for inline images, mixed for attachments', () => {
    const raw = rawMessage({ from: 'a@b.dk', to: 'c@d.dk', subject: 'x', text: 't', html: '<img src="cid:i">', attachments: [{ name: 'i.png', contentType: 'image/png', content: Buffer.alloc(1), contentId: 'i' }, { name: 'a.pdf', contentType: 'application/pdf', content: Buffer.alloc(1) }] }).toString('latin1');
    expect(raw.indexOf('multipart/mixed')).toBeLessThan(raw.indexOf('multipart/related'));
    expect(raw.indexOf('multipart/related')).toBeLessThan(raw.indexOf('multipart/alternative'));
    expect(raw).toContain('Content-ID: <i>');
  });
});
