import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMbox } from '../mbox.ts';
import { corpus, corpusMessage, threadsOf, type CorpusMessage } from './corpus.ts';
import { writeMbox } from './mbox-file.ts';

const DANISH = /[æøåÆØÅ]/;
const share = (list: CorpusMessage[], test: (m: CorpusMessage) => boolean) => list.filter(test).length / list.length;
const header = (m: CorpusMessage, name: string) => {
  const head = m.raw.toString('latin1').split('\r\n\r\n')[0] as string;
  return new RegExp(`^${name}:`, 'mi').test(head);
};

describe('corpus is deterministic', () => {
  it('gives the same bytes for the same seed, whatever was generated before', () => {
    const direct = corpusMessage(1234, { seed: 9 }).raw;
    const sequential = [...corpus(1300, { seed: 9 })][1234]?.raw;
    expect(sequential?.equals(direct)).toBe(true);
    expect(corpusMessage(1234, { seed: 9 }).raw.equals(direct)).toBe(true);
    expect(corpusMessage(1234, { seed: 10 }).raw.equals(direct)).toBe(false);
  });

  it('puts our own domain on the staff side', () => {
    const mail = [...corpus(50, { domain: 'nordtag.dk' })].filter((m) => m.kind === 'mail');
    expect(mail.every((m) => [m.from, ...m.to].some((a) => a.endsWith('@nordtag.dk')))).toBe(true);
    expect(mail.some((m) => m.raw.includes('tagfirma.dk'))).toBe(false);
  });
});

describe('corpus messages parse as they should', () => {
  const messages = [...corpus(300)];
  let parsed: ParsedMail[];
  beforeAll(async () => {
    parsed = await Promise.all(messages.map((m) => simpleParser(m.raw)));
  });

  it('parses every one of 300 messages with the headers the generator meant', () => {
    for (const [k, m] of messages.entries()) {
      const p = parsed[k] as ParsedMail;
      const got = {
        subject: p.subject,
        messageId: p.messageId ?? '',
        inReplyTo: p.inReplyTo ?? null,
        references: typeof p.references === 'string' ? [p.references] : p.references ?? [],
        from: p.from?.value[0]?.address?.toLowerCase(),
        to: (Array.isArray(p.to) ? p.to : p.to ? [p.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase())),
        date: p.date?.toISOString(),
        attachments: p.attachments.map((a) => a.filename),
      };
      expect([k, got]).toEqual([k, {
        subject: m.subject,
        messageId: m.messageId ? `<${m.messageId}>` : '',
        inReplyTo: m.inReplyTo ? `<${m.inReplyTo}>` : null,
        references: m.references.map((id) => `<${id}>`),
        from: m.from,
        to: m.to,
        date: m.date.toISOString(),
        attachments: m.attachments,
      }]);
    }
  });

  it('decodes every body to the text it was made from, Danish letters included, whatever the charset', () => {
    for (const [k, m] of messages.entries()) {
      const p = parsed[k] as ParsedMail;
      if (m.htmlOnly) {
        expect(p.text === undefined || !p.text.includes('Ã')).toBe(true);
        const line = m.ownText.split('\n').find((l) => l.trim() && !l.includes('https://')) as string;
        const firstLine = line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
        expect([k, typeof p.html === 'string' && p.html.includes(firstLine)]).toEqual([k, true]);
      } else {
        expect([k, p.text?.trimEnd()]).toEqual([k, m.text.trimEnd()]);
      }
    }
    const danish = messages.filter((m) => m.lang === 'da');
    expect(danish.every((m) => DANISH.test(m.text))).toBe(true);
    expect(share(danish, (m) => DANISH.test(m.subject))).toBeGreaterThan(0.3);
    for (const charset of ['utf-8', 'iso-8859-1', 'windows-1252'] as const) {
      expect(danish.some((m) => m.charset === charset && DANISH.test(m.subject) && DANISH.test(m.text))).toBe(true);
    }
  });

  it('attaches small marked PDF-like files', () => {
    const files = parsed.flatMap((p) => p.attachments);
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      expect(file.contentType).toBe('application/pdf');
      expect(file.content.toString('latin1')).toMatch(/^%PDF-1\.4\n% open-crm test corpus: placeholder bytes, not a real PDF/);
    }
  });

  it('writes well-formed lines: CRLF only, encoded words and quoted-printable lines within 76 characters', () => {
    for (const m of messages) {
      const text = m.raw.toString('latin1');
      expect(text.endsWith('\r\n')).toBe(true);
      expect(/[^\r]\n|\r[^\n]/.test(text)).toBe(false);
      const [head, ...body] = text.split('\r\n\r\n');
      for (const line of (head as string).split('\r\n')) {
        expect(line.length).toBeLessThanOrEqual(998);
        if (line.includes('=?')) expect([m.index, line, line.length <= 76]).toEqual([m.index, line, true]);
      }
      for (const line of body.join('\r\n\r\n').split('\r\n')) {
        expect(line.length).toBeLessThanOrEqual(998); // 8bit text may be long; encoded lines may not
        if (line.endsWith('=') || /^[A-Za-z0-9+/]{20,}=*$/.test(line)) expect(line.length).toBeLessThanOrEqual(76);
      }
    }
  });
});

describe('corpus is a realistic mix', () => {
  const messages = [...corpus(2000)];

  it('has roughly the intended shares of newsletters, auto-replies, missing ids and bare replies', () => {
    expect(share(messages, (m) => m.kind === 'newsletter')).toBeGreaterThan(0.03);
    expect(share(messages, (m) => m.kind === 'newsletter')).toBeLessThan(0.075);
    expect(share(messages, (m) => m.kind === 'auto_reply')).toBeGreaterThan(0.015);
    expect(share(messages, (m) => m.kind === 'auto_reply')).toBeLessThan(0.045);
    expect(share(messages, (m) => m.messageId === '')).toBeGreaterThan(0.01);
    expect(share(messages, (m) => m.messageId === '')).toBeLessThan(0.035);
    const replies = messages.filter((m) => m.kind === 'mail' && /^(?:SV|RE|AW|Sv|Re):/.test(m.subject));
    expect(share(replies, (m) => m.inReplyTo === null && m.references.length === 0)).toBeGreaterThan(0.1);
    expect(share(replies, (m) => m.inReplyTo === null && m.references.length === 0)).toBeLessThan(0.2);
    expect(share(messages, (m) => m.lang === 'da')).toBeGreaterThan(0.55);
    expect(share(messages, (m) => m.htmlOnly)).toBeGreaterThan(0.02);
    expect(share(messages, (m) => m.attachments.length > 0)).toBeGreaterThan(0.01);
  });

  it('marks newsletters and auto-replies with the headers filters look for', () => {
    for (const m of messages) {
      expect([m.index, header(m, 'List-Id') && header(m, 'List-Unsubscribe')]).toEqual([m.index, m.kind === 'newsletter']);
      expect([m.index, header(m, 'Auto-Submitted')]).toEqual([m.index, m.kind === 'auto_reply']);
      expect([m.index, header(m, 'Message-ID')]).toEqual([m.index, m.messageId !== '']);
    }
  });

  it('covers the encodings, time zones, quote styles and domains real mailboxes have', () => {
    const all = messages.map((m) => m.raw.toString('latin1')).join('\n');
    for (const encoding of ['quoted-printable', 'base64', '8bit', '7bit']) expect(all).toContain(`Content-Transfer-Encoding: ${encoding}`);
    for (const zone of ['+0100', '+0200', '-0500', '+0000']) expect(all).toMatch(new RegExp(`^Date: .* \\${zone}\\r$`, 'm'));
    for (const label of ['=?utf-8?Q?', '=?UTF-8?B?', '=?ISO-8859-1?Q?', '=?Windows-1252?Q?']) expect(all).toContain(label);
    const texts = messages.map((m) => m.text).join('\n');
    for (const quote of ['Fra: ', 'Sendt: ', 'Emne: ', '-----Oprindelig meddelelse-----', ' skrev ', ' wrote:', 'Von: ']) expect(texts).toContain(quote);
    expect(texts).toMatch(/^Den \d+\. [a-z]+\.? 2026 kl\. \d\d\.\d\d skrev .+:$/m);
    const domains = new Set(messages.flatMap((m) => [m.from, ...m.to]).map((a) => a.split('@')[1]));
    for (const domain of ['tagfirma.dk', 'jensens-vvs.dk', 'bygherre-aps.dk', 'gmail.com', 'hotmail.dk', 'outlook.dk', 'live.dk', 'yahoo.com']) expect(domains).toContain(domain);
    expect(messages.every((m) => m.date.getUTCFullYear() === 2026)).toBe(true);
  });

  it('threads: threadsOf matches the messages, every link points back into its own thread', () => {
    const threads = threadsOf(2000);
    const byId = new Map(messages.filter((m) => m.messageId).map((m) => [m.messageId, m]));
    expect(byId.size).toBe(messages.filter((m) => m.messageId).length); // ids are unique
    for (const [key, indices] of threads) {
      expect(indices.length).toBeLessThanOrEqual(6);
      for (const i of indices) expect((messages[i] as CorpusMessage).threadKey).toBe(key);
    }
    expect([...threads.values()].reduce((n, list) => n + list.length, 0)).toBe(2000);
    for (const m of messages) {
      for (const id of [m.inReplyTo, ...m.references].filter((x): x is string => x !== null)) {
        const target = byId.get(id);
        expect(target?.threadKey).toBe(m.threadKey);
        expect(target!.index).toBeLessThan(m.index);
      }
    }
    const sizes = [...threads.values()].map((list) => list.length);
    expect(Math.max(...sizes)).toBe(6);
    // Threads interleave, as in a real mailbox: a threader must not rely on neighbours.
    expect([...threads.values()].some((list) => list.some((i, k) => k > 0 && i !== (list[k - 1] as number) + 1))).toBe(true);
  });
});

describe('writeMbox and readMbox round-trip', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corpus-mbox-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads back exactly the 2,000 messages written, byte for byte', async () => {
    const path = join(dir, 'inbox.mbox');
    const written = await writeMbox(path, 2000);
    expect(written.messages).toBe(2000);
    expect((await stat(path)).size).toBe(written.bytes);
    const file = await readFile(path, 'latin1');
    expect(file).toMatch(/^From \d{19}@xxx (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d \+0000 2026$/m);
    expect(file).toMatch(/^From - (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d 2026$/m);
    expect(file).toMatch(/^>From /m); // bodies do have lines to escape
    expect(file).toMatch(/^>>From /m);

    let count = 0;
    for await (const entry of readMbox(createReadStream(path))) {
      expect([entry.index, entry.skipped]).toEqual([count, null]);
      expect(entry.raw?.equals(corpusMessage(count).raw)).toBe(true);
      count++;
    }
    expect(count).toBe(2000);
  });

  it('round-trips with Windows line endings on the From_ lines too', async () => {
    const path = join(dir, 'windows.mbox');
    await writeMbox(path, 300, { seed: 4, eol: '\r\n' });
    const raws: Buffer[] = [];
    for await (const entry of readMbox(createReadStream(path, { highWaterMark: 1000 }))) if (entry.raw) raws.push(entry.raw);
    expect(raws).toHaveLength(300);
    expect(raws.every((raw, i) => raw.equals(corpusMessage(i, { seed: 4 }).raw))).toBe(true);
  });
});
