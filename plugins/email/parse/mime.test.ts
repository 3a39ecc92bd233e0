import { describe, expect, it } from 'vitest';
import { encodeWindows1252 } from './encoding.ts';
import { MailParseError, parseMessage } from './mime.ts';
import { rawMessage, type RawCharset, type RawTransferEncoding } from './testing.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const crlf = (...lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('parseMessage: charsets and encodings', () => {
  const subject = 'SV: Tilbud på tagrenovering – ÆØÅ æøå € “godt” og en lang emnelinje der skal foldes over flere encoded words';
  const text = 'Hej Åse\n\nPrisen er 12.500 € – “inkl. moms”.\nBlåbærgrød og rødgrød med fløde.\n\nMvh Søren';
  const combos: [RawCharset, RawTransferEncoding, 'B' | 'Q' | '8bit'][] = [
    ['utf-8', 'quoted-printable', 'B'],
    ['utf-8', 'base64', 'Q'],
    ['utf-8', '8bit', '8bit'],
    ['iso-8859-1', 'quoted-printable', 'Q'],
    ['iso-8859-1', 'base64', 'B'],
    ['iso-8859-1', '8bit', '8bit'],
    ['windows-1252', 'quoted-printable', 'B'],
    ['windows-1252', '8bit', '8bit'],
  ];
  it.each(combos)('%s body, %s, headers %s', async (charset, encoding, headerEncoding) => {
    // ISO-8859-1 has no € or curly quotes: those texts are only sent in Windows-1252 or UTF-8.
    const latin1 = charset === 'iso-8859-1';
    const s = latin1 ? subject.replace(/[€“”–]/g, '').replace(/ +/g, ' ') : subject;
    const t = latin1 ? text.replace(/[€“”–]/g, '') : text;
    const raw = rawMessage({ from: 'Søren Ærø <Soren@Aero.DK>', to: ['Åse Øberg <aase@kunde.dk>', 'salg@nordlys-tag.dk'], subject: s, text: t, html: `<p>${t.replace(/\n/g, '<br>')}</p>`, charset, encoding, headerEncoding });
    const m = await parseMessage(raw, { now: NOW });
    expect(m.subject).toBe(s);
    expect(m.from).toEqual({ name: 'Søren Ærø', address: 'soren@aero.dk' });
    expect(m.to).toEqual([{ name: 'Åse Øberg', address: 'aase@kunde.dk' }, { name: null, address: 'salg@nordlys-tag.dk' }]);
    expect(m.text).toBe(t);
    expect(m.html).toContain('Blåbærgrød og rødgrød med fløde.');
    expect(m.warnings).toEqual([]);
  });

  it('RFC 2047 Q and B words in names and subjects, split mid-character, mixed with plain text', async () => {
    const m = await parseMessage(crlf(
      'From: =?ISO-8859-1?Q?S=F8ren_=C6r=F8?= <soren@aero.dk>',
      'To: "=?utf-8?B?w4VzZSDDmGJlcmc=?=" <aase@kunde.dk>, =?windows-1252?Q?Bj=F8rn?= <bjorn@kunde.dk>',
      // "æøå" split between two UTF-8 words in the middle of ø's two bytes.
      'Subject: Tilbud =?UTF-8?Q?p=C3=A5_=C3=A6=C3?=',
      ' =?UTF-8?Q?=B8=C3=A5?= og =?iso-8859-1?B?xtjF?=',
      'Date: Tue, 2 Dec 2025 10:14:00 +0100',
      '',
      'Hej',
    ), { now: NOW });
    expect(m.from).toEqual({ name: 'Søren Ærø', address: 'soren@aero.dk' });
    expect(m.to).toEqual([{ name: 'Åse Øberg', address: 'aase@kunde.dk' }, { name: 'Bjørn', address: 'bjorn@kunde.dk' }]);
    expect(m.subject).toBe('Tilbud på æøå og ÆØÅ');
  });

  it('a raw 8-bit Latin-1 header without encoded words (old mailers, scanners)', async () => {
    const raw = Buffer.concat([
      encodeWindows1252('From: Søren Ærø <soren@aero.dk>\r\nTo: salg@nordlys-tag.dk\r\nSubject: Kære Åse – pris på tagrenden\r\nDate: Tue, 2 Dec 2025 10:14:00 +0100\r\n'),
      Buffer.from('Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
      encodeWindows1252('Hej Åse\r\nMvh Søren\r\n'),
    ]);
    const m = await parseMessage(raw, { now: NOW });
    expect(m.from).toEqual({ name: 'Søren Ærø', address: 'soren@aero.dk' });
    expect(m.subject).toBe('Kære Åse – pris på tagrenden');
    expect(m.text).toBe('Hej Åse\nMvh Søren');
  });

  it('a body that claims UTF-8 (or nothing) but is Latin-1 is read as Windows-1252', async () => {
    const raw = Buffer.concat([Buffer.from('From: a@kunde.dk\r\nSubject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n'), encodeWindows1252('Blåbær til 5 €\r\n')]);
    const m = await parseMessage(raw, { now: NOW });
    expect(m.text).toBe('Blåbær til 5 €');
    expect(m.warnings).toContain('charset_repaired');
    const bare = await parseMessage(Buffer.concat([Buffer.from('From: a@kunde.dk\r\nSubject: x\r\n\r\n'), encodeWindows1252('Rødgrød\r\n')]));
    expect(bare.text).toBe('Rødgrød');
  });

  it('a body that claims Latin-1 but is UTF-8 is read as UTF-8', async () => {
    const raw = Buffer.concat([Buffer.from('From: a@kunde.dk\r\nSubject: x\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'), Buffer.from('Bl=C3=A5b=C3=A6r\r\n')]);
    const m = await parseMessage(raw);
    expect(m.text).toBe('Blåbær');
    expect(m.warnings).toContain('charset_repaired');
    const honest = await parseMessage(Buffer.concat([Buffer.from('From: a@kunde.dk\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n'), encodeWindows1252('Blåbær')]));
    expect([honest.text, honest.warnings]).toEqual(['Blåbær', []]);
  });

  it('an unknown charset is guessed, UTF-7 is never decoded into markup', async () => {
    const unknown = await parseMessage(Buffer.concat([Buffer.from('From: a@kunde.dk\r\nContent-Type: text/plain; charset=x-unknown-7\r\n\r\n'), Buffer.from('Blåbær', 'utf8')]));
    expect(unknown.text).toBe('Blåbær');
    const utf7 = await parseMessage(crlf('From: a@kunde.dk', 'Content-Type: text/html; charset=utf-7', '', '+ADw-script+AD4-alert(1)+ADw-/script+AD4-'));
    expect(utf7.html ?? '').not.toContain('<script');
    expect(utf7.text).not.toContain('<script');
  });

  it('format=flowed text is unwrapped', async () => {
    const m = await parseMessage(crlf('From: a@kunde.dk', 'Content-Type: text/plain; charset=utf-8; format=flowed', '', 'Dette er en lang linje der er ', 'blevet ombrudt.', '', '-- ', 'Mette'));
    expect(m.text).toBe('Dette er en lang linje der er blevet ombrudt.\n\n-- \nMette');
  });
});

describe('parseMessage: ids, addresses, dates', () => {
  it('normalises Message-ID, In-Reply-To and References (brackets, case of the domain, order, duplicates)', async () => {
    const m = await parseMessage(crlf(
      'From: a@kunde.dk',
      'Message-ID:  <CAF=x+Y_Z@Mail.Gmail.COM> ',
      'In-Reply-To: Your message of "Tue, 2 Dec" <AbC@Kunde.DK>',
      'References: <one@A.dk>,<two@b.dk>',
      ' <one@a.dk> <AbC@kunde.dk>',
      'References: <three@c.dk>',
      '',
      'x',
    ));
    expect(m.messageId).toBe('CAF=x+Y_Z@mail.gmail.com');
    expect(m.inReplyTo).toBe('AbC@kunde.dk');
    expect(m.references).toEqual(['one@a.dk', 'two@b.dk', 'AbC@kunde.dk', 'three@c.dk']);
  });

  it('keeps the root and the latest 199 of a runaway References chain', async () => {
    const refs = Array.from({ length: 5000 }, (_, i) => `<r${i}@x.dk>`).join('\r\n ');
    const m = await parseMessage(crlf('From: a@kunde.dk', `References: ${refs}`, '', 'x'));
    expect(m.references).toHaveLength(200);
    expect(m.references[0]).toBe('r0@x.dk');
    expect(m.references[1]).toBe('r4801@x.dk');
    expect(m.references.at(-1)).toBe('r4999@x.dk');
  });

  it('a garbage or missing Message-ID is null', async () => {
    expect((await parseMessage(crlf('From: a@kunde.dk', 'Message-ID: garbage here', '', 'x'))).messageId).toBeNull();
    expect((await parseMessage(crlf('From: a@kunde.dk', 'Message-ID: <>', '', 'x'))).messageId).toBeNull();
    expect((await parseMessage(crlf('From: a@kunde.dk', '', 'x'))).messageId).toBeNull();
    expect((await parseMessage(crlf('From: a@kunde.dk', 'Message-ID: bare-id@kunde.dk', '', 'x'))).messageId).toBe('bare-id@kunde.dk');
  });

  it('flattens groups, drops invalid addresses, lower-cases, keeps names', async () => {
    const m = await parseMessage(crlf(
      'From: "Jensen, Mette" <Mette.Jensen@Kunde.DK>',
      'To: undisclosed-recipients:;',
      'Cc: Team: Ole <ole@kunde.dk>, karen@kunde.dk;, "Ikke en adresse", broken@, @nope.dk, ole@kunde.dk',
      'Bcc: <bcc@kunde.dk>',
      'Reply-To: "mette@kunde.dk" <mette@kunde.dk>',
      '',
      'x',
    ));
    expect(m.from).toEqual({ name: 'Jensen, Mette', address: 'mette.jensen@kunde.dk' });
    expect(m.to).toEqual([]);
    expect(m.cc).toEqual([{ name: 'Ole', address: 'ole@kunde.dk' }, { name: null, address: 'karen@kunde.dk' }]);
    expect(m.bcc).toEqual([{ name: null, address: 'bcc@kunde.dk' }]);
    expect(m.replyTo).toEqual([{ name: null, address: 'mette@kunde.dk' }]);
  });

  it.each([
    ['Tue, 2 Dec 2025 10:14:00 +0100', '2025-12-02T09:14:00.000Z'],
    ['Tue, 2 Dec 2025 10:14:00 +0100 (CET)', '2025-12-02T09:14:00.000Z'],
    ['2 Dec 2025 10:14 -0500', '2025-12-02T15:14:00.000Z'],
    ['Tue, 02 Dec 25 10:14:00 GMT', '2025-12-02T10:14:00.000Z'],
    ['Tue, 2 Dec 2025 10:14:00 CEST', '2025-12-02T08:14:00.000Z'],
    ['Tue, 2 Dec 2025 10:14:00', '2025-12-02T10:14:00.000Z'],
    ['Tue Dec  2 10:14:00 2025', '2025-12-02T10:14:00.000Z'],
    ['2025-12-02T10:14:00+01:00', '2025-12-02T09:14:00.000Z'],
    ['ti, 2 dec 2025 10:14:00 +0100', '2025-12-02T09:14:00.000Z'],
  ])('Date %j → %s', async (date, expected) => {
    expect((await parseMessage(rawMessage({ from: 'a@kunde.dk', to: [], subject: 'x', date, text: 'x' }), { now: NOW })).date).toBe(expected);
  });

  it.each(['i morgen', '02.12.2025 10:14', 'Thu, 1 Jan 1970 00:00:00 +0000', 'Mon, 1 Jan 1979 10:00:00 +0000', 'Fri, 1 Jan 2027 10:00:00 +0000', 'Mon, 31 Feb 2025 10:00:00 +0000', 'Tue, 2 Dec 2025 25:61:00 +0100', '1'])(
    'an unreadable or absurd Date %j is null, with a warning',
    async (date) => {
      const m = await parseMessage(rawMessage({ from: 'a@kunde.dk', to: [], subject: 'x', date, text: 'x' }), { now: NOW });
      expect(m.date).toBeNull();
      expect(m.warnings).toContain('date_invalid');
    },
  );

  it('a date up to a day ahead (clock skew) is kept; no Date header is null without a warning', async () => {
    expect((await parseMessage(rawMessage({ from: 'a@kunde.dk', to: [], subject: 'x', date: 'Thu, 1 Jan 2026 20:00:00 +0000', text: 'x' }), { now: NOW })).date).toBe('2026-01-01T20:00:00.000Z');
    const none = await parseMessage(rawMessage({ from: 'a@kunde.dk', to: [], subject: 'x', date: null, text: 'x' }));
    expect(none.date).toBeNull();
    expect(none.warnings).toEqual([]);
  });
});

describe('parseMessage: bodies and attachments', () => {
  it('HTML only: text is the HTML as plain text, html is sanitised, remote images reported', async () => {
    const m = await parseMessage(rawMessage({
      from: 'a@kunde.dk', to: 'b@firma.dk', subject: 'x',
      html: '<html><head><style>p{color:red}</style></head><body><p>Hej Jens,</p><p>Se <a href="https://kunde.dk/t.pdf">tegningen</a>.</p><img src="https://t.example/p.gif"><script>alert(1)</script></body></html>',
    }));
    expect(m.text).toBe('Hej Jens,\n\nSe tegningen.');
    expect(m.html).toBe('<p>Hej Jens,</p><p>Se <a href="https://kunde.dk/t.pdf" target="_blank" rel="noopener noreferrer nofollow">tegningen</a>.</p><img data-remote-src="https://t.example/p.gif" />');
    expect(m.hasRemoteImages).toBe(true);
  });

  it('text only: html is null', async () => {
    const m = await parseMessage(rawMessage({ from: 'a@kunde.dk', to: 'b@firma.dk', subject: 'x', text: 'Hej\r\nmed CRLF\rog CR' }));
    expect(m.html).toBeNull();
    expect(m.hasRemoteImages).toBe(false);
    expect(m.text).toBe('Hej\nmed CRLF\nog CR');
  });

  it('keeps real attachments with their bytes, drops small inline logos, keeps large inline images', async () => {
    const pdf = Buffer.alloc(30_000, 7);
    pdf.write('%PDF-1.7');
    const logo = Buffer.alloc(800, 1);
    const screenshot = Buffer.alloc(50_000, 2);
    const raw = rawMessage({
      from: 'a@kunde.dk', to: 'b@firma.dk', subject: 'Tilbud', text: 'Se vedhæftede', html: '<p>Se <img src="cid:logo@kunde.dk"> <img src="cid:shot@kunde.dk"></p>',
      attachments: [
        { name: 'tilbud på tag.pdf', contentType: 'application/pdf', content: pdf },
        { name: 'blåt-logo.png', contentType: 'image/png', content: logo, contentId: 'logo@kunde.dk' },
        { name: 'skærmbillede.png', contentType: 'image/png', content: screenshot, contentId: 'shot@kunde.dk' },
        { name: '../../etc/passwd', contentType: 'text/plain', content: Buffer.from('x') },
      ],
    });
    const m = await parseMessage(raw);
    const found = m.attachments.map((a) => [a.name, a.contentType, a.size, a.inline, a.contentId]);
    expect(found).toHaveLength(3);
    expect(found).toEqual(expect.arrayContaining([
      ['tilbud på tag.pdf', 'application/pdf', 30_000, false, null],
      ['skærmbillede.png', 'image/png', 50_000, true, 'shot@kunde.dk'],
      ['passwd', 'text/plain', 1, false, null],
    ]));
    expect(m.attachments.find((a) => a.name.endsWith('.pdf'))!.content.equals(pdf)).toBe(true);
    // cid: images are shown from their inline parts (inline.ts), the logo too.
    expect(m.html).toContain(`src="data:image/png;base64,${screenshot.toString('base64')}"`);
    expect(m.html).not.toContain('cid:');
    expect(m.size).toBe(raw.length);
  });

  it('leaves out the signature part of signed mail (S/MIME)', async () => {
    const m = await parseMessage(crlf(
      'From: a@kunde.dk',
      'Subject: Signeret',
      'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="s"',
      '',
      '--s',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Underskrevet tekst',
      '--s',
      'Content-Type: application/pkcs7-signature; name="smime.p7s"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="smime.p7s"',
      '',
      'MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCAMIIF',
      '--s--',
      '',
    ));
    expect(m.text).toBe('Underskrevet tekst');
    expect(m.attachments).toEqual([]);
  });

  it('a forwarded message attached as message/rfc822 stays an attachment', async () => {
    const inner = rawMessage({ from: 'c@kunde.dk', to: 'a@kunde.dk', subject: 'Oprindelig', text: 'Indre' });
    const m = await parseMessage(rawMessage({ from: 'a@kunde.dk', to: 'b@firma.dk', subject: 'VS: Oprindelig', text: 'Se vedhæftede mail', attachments: [{ name: 'Oprindelig.eml', contentType: 'message/rfc822', content: inner }] }));
    expect(m.text).toBe('Se vedhæftede mail');
    expect(m.attachments.map((a) => a.contentType)).toEqual(['message/rfc822']);
  });

  it('takes Uint8Array views as well as Buffers', async () => {
    const raw = rawMessage({ from: 'a@kunde.dk', to: 'b@firma.dk', subject: 'Hej', text: 'x' });
    const padded = new Uint8Array(raw.length + 10);
    padded.set(raw, 5);
    const m = await parseMessage(padded.subarray(5, 5 + raw.length));
    expect(m.subject).toBe('Hej');
    expect(m.size).toBe(raw.length);
  });

  it('exposes the headers the rules need', async () => {
    const m = await parseMessage(crlf(
      'Return-Path: <>',
      'From: a@kunde.dk',
      'Auto-Submitted: auto-replied',
      'Precedence: bulk',
      'List-Id: =?utf-8?q?Nyhedsbrev_fra_Leverand=C3=B8r?= <news.leverandor.dk>',
      'List-Unsubscribe: <mailto:u@leverandor.dk>',
      'X-Auto-Response-Suppress: All',
      'Content-Language: da-DK',
      'X-Autoreply: yes',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'x',
    ));
    expect(m.headers).toEqual({
      autoSubmitted: 'auto-replied',
      precedence: 'bulk',
      listId: 'Nyhedsbrev fra Leverandør <news.leverandor.dk>',
      listUnsubscribe: '<mailto:u@leverandor.dk>',
      xAutoResponseSuppress: 'All',
      returnPath: '',
      contentLanguage: 'da-DK',
      contentType: 'text/plain; charset=utf-8',
      xAutoreply: 'yes',
      xAutorespond: null,
    });
  });
});

describe('parseMessage: malformed mail', () => {
  it('a missing closing boundary and a declared boundary that never comes', async () => {
    const unclosed = await parseMessage(crlf('From: a@kunde.dk', 'Subject: x', 'Content-Type: multipart/alternative; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', 'Hej med dig', '--b', 'Content-Type: text/html; charset=utf-8', '', '<p>Hej <b>med</b> dig</p>'));
    expect(unclosed.text).toBe('Hej med dig');
    expect(unclosed.html).toBe('<p>Hej <b>med</b> dig</p>');
    const absent = await parseMessage(crlf('From: a@kunde.dk', 'Subject: x', 'Content-Type: multipart/mixed; boundary="nowhere"', '', 'Bare tekst uden dele'));
    expect(absent.subject).toBe('x');
  });

  it('LF line ends, an mbox From line, blank lines in front, headers without a body', async () => {
    const lf = await parseMessage(Buffer.from('From: a@kunde.dk\nSubject: LF\n\nLinje 1\nLinje 2\n'));
    expect([lf.subject, lf.text]).toEqual(['LF', 'Linje 1\nLinje 2']);
    const mbox = await parseMessage(Buffer.from('From a@kunde.dk Tue Dec  2 10:14:00 2025\nFrom: a@kunde.dk\nSubject: mbox\n\nx\n'));
    expect(mbox.subject).toBe('mbox');
    const blank = await parseMessage(Buffer.from('\r\n\r\nFrom: a@kunde.dk\r\nSubject: blank\r\n\r\nx'));
    expect(blank.subject).toBe('blank');
    const headersOnly = await parseMessage(Buffer.from('From: a@kunde.dk\r\nSubject: Kun emne'));
    expect([headersOnly.subject, headersOnly.text]).toEqual(['Kun emne', '']);
  });

  it('broken base64 and quoted-printable give what can be read', async () => {
    const m = await parseMessage(crlf('From: a@kunde.dk', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', 'SGVqIG1lZCBkaWc=!!!@@@', 'tr'));
    expect(m.text.startsWith('Hej med dig')).toBe(true);
    const qp = await parseMessage(crlf('From: a@kunde.dk', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'Bl=C3=A5b=C3=A6r =ZZ og =', 'mere'));
    expect(qp.text).toContain('Blåbær');
  });

  it('never throws on truncated mail: it parses, or it is not mail at all', async () => {
    const raw = rawMessage({
      from: 'Søren <soren@kunde.dk>', to: 'b@firma.dk', subject: 'Trunkeret æøå', text: 'Tekst '.repeat(50), html: '<p>HTML</p>'.repeat(20),
      attachments: [{ name: 'a.pdf', contentType: 'application/pdf', content: Buffer.alloc(3000, 3) }],
    });
    for (let end = 0; end <= raw.length; end += 97) {
      try {
        await parseMessage(raw.subarray(0, end));
      } catch (error) {
        expect(error).toBeInstanceOf(MailParseError);
      }
    }
  });

  it('bytes that are no mail throw MailParseError not_email', async () => {
    const notMail = [Buffer.alloc(0), Buffer.from('   \r\n  '), Buffer.from('just some text\nwith lines'), Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]), Buffer.from('{"from": "a@b.dk"}'), Buffer.from('Hello world\nSubject: x\n\nbody')];
    for (const bytes of notMail) {
      await expect(parseMessage(bytes)).rejects.toMatchObject({ name: 'MailParseError', code: 'not_email' });
    }
  });
});
