/**
 * The email plugin through its HTTP API, without a mail server: messages in by the signed
 * webhook and by mailbox import, then what a user sees: one message however often it came in,
 * threads across SV:/Re:/AW: with and without headers, the new part without Danish quoted
 * history, Danish encodings right, free-mail senders as separate private companies, HTML
 * sanitised, attachments as documents, newsletters kept off the timeline, and a key restricted
 * to one company seeing nothing of another's mail. PGlite and, with TEST_DATABASE_URL, Postgres.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import documents from '../documents/index.ts';
import { textPdf } from '../documents/testing/pdf.ts';
import { sign } from './inbound.ts';
import plugin from './index.ts';
import { rawMessage } from './parse/testing.ts';

const T = 120_000;
const SECRET = 'inbound-secret-inbound-secret-inbound-secret';
const OURS = 'test.example'; // the test host's own company domain

describe.each(DRIVERS)('email plugin on %s', (driver) => {
  let database: TestDatabase;
  let host: TestHost;
  let folder: string;
  let jensens: string;

  const deliver = async (raw: Buffer, options: { timestamp?: number; signature?: string; secret?: string } = {}) => {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': 'message/rfc822', 'x-crm-timestamp': String(timestamp) };
    headers['x-crm-signature'] = options.signature ?? sign(options.secret ?? SECRET, timestamp, raw);
    const res = await host.fetch('/api/email/inbound', { method: 'POST', body: new Uint8Array(raw), headers });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const thread = async (id: string) => (await host.request('GET', `/api/email/threads/${id}`)).body;
  const threadsOf = async (companyId: string, query = '') => (await host.request('GET', `/api/email/threads?company_id=${companyId}${query}`)).body.items as any[];
  const companyOf = async (address: string) => {
    const res = await host.request('GET', '/api/contacts?limit=200');
    return (res.body.items as { email: string | null; company_id: string }[]).find((c) => c.email === address)?.company_id;
  };

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-email-'));
    host = await createTestHost({
      plugins: [documents, { plugin, config: { watch: false, inboundSecret: SECRET } }],
      database: database.db, blobFolder: folder,
    });
    jensens = await host.company('Jensens VVS ApS', { domain: 'jensens-vvs.dk' });
  }, T);
  afterAll(async () => {
    await host?.close();
    await database?.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('refuses unsigned, wrongly signed, stale and replayed webhooks, and takes a signed one once', { timeout: T }, async () => {
    const raw = rawMessage({ from: { name: 'Mette Jensen', address: 'mette@jensens-vvs.dk' }, to: `kontor@${OURS}`, subject: 'Tilbud på tagrender', text: 'Hej, kan I give et tilbud på 40 m tagrende?', messageId: 'tilbud-1@jensens-vvs.dk' });
    const unsigned = await host.fetch('/api/email/inbound', { method: 'POST', body: new Uint8Array(raw), headers: { 'content-type': 'message/rfc822' } });
    expect(unsigned.status).toBe(401);
    expect((await deliver(raw, { secret: 'the-wrong-secret-the-wrong-secret-the-wrong' })).status).toBe(401);
    expect((await deliver(raw, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    // The body changed after signing: the signature no longer matches.
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await deliver(Buffer.concat([raw, Buffer.from('x')]), { timestamp, signature: sign(SECRET, timestamp, raw) })).status).toBe(401);

    const first = await deliver(raw, { timestamp, signature: sign(SECRET, timestamp, raw) });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body).toMatchObject({ outcome: 'stored' });
    const replay = await deliver(raw, { timestamp, signature: sign(SECRET, timestamp, raw) });
    expect(replay.status).toBe(401);
    expect(replay.body.detail).toMatch(/replay/);

    const t = await thread(first.body.thread_id);
    expect(t).toMatchObject({ company_id: jensens, subject: 'Tilbud på tagrender', message_count: 1, awaiting_reply: true, last_direction: 'in' });
    expect(t.messages[0]).toMatchObject({ direction: 'in', from: { address: 'mette@jensens-vvs.dk', name: 'Mette Jensen' }, thread_reason: 'new' });
    // No account can send here: the thread says so before anyone writes a reply.
    expect(t.reply).toEqual({ to: [{ name: 'Mette Jensen', address: 'mette@jensens-vvs.dk' }], account: null, can_send: false });
    expect((await host.request('POST', `/api/email/threads/${t.id}/reply`, { body: { text: 'Hej' } })).status).toBe(409);
    const timeline = (await host.request('GET', `/api/companies/${jensens}/timeline`)).body.items as any[];
    expect(timeline.find((e) => e.type === 'email.received')).toMatchObject({ payload: { thread_id: t.id, subject: 'Tilbud på tagrender' } });
  });

  it('threads replies by headers and by SV:/Re:/AW: subjects without them, and cuts Danish quoted history from the new part', { timeout: T }, async () => {
    const at = (minutes: number) => new Date(Date.UTC(2026, 11, 2, 9, minutes));
    const original = rawMessage({ from: 'ole@jensens-vvs.dk', to: `salg@${OURS}`, subject: 'Reparation af tag, Vestergade 4', text: 'Vi har en utæt tagrende over indgangen.', messageId: 'rep-1@jensens-vvs.dk', date: at(0) });
    const withHeaders = rawMessage({
      from: `salg@${OURS}`, to: 'ole@jensens-vvs.dk', subject: 'SV: Reparation af tag, Vestergade 4', messageId: 'rep-2@test.example', inReplyTo: 'rep-1@jensens-vvs.dk', references: ['rep-1@jensens-vvs.dk'], date: at(30),
      text: 'Vi kan komme torsdag kl. 8.\n\nMed venlig hilsen\nSalg\n\nFra: Ole <ole@jensens-vvs.dk>\nSendt: 2. december 2026 10:00\nTil: salg@test.example\nEmne: Reparation af tag, Vestergade 4\n\nVi har en utæt tagrende over indgangen.',
    });
    // A client that dropped In-Reply-To and References: only the subject and the parties say where it belongs.
    const withoutHeaders = rawMessage({
      from: 'ole@jensens-vvs.dk', to: `salg@${OURS}`, subject: 'AW: SV: reparation af tag, Vestergade 4', references: null, inReplyTo: null, messageId: 'rep-3@jensens-vvs.dk', date: at(60),
      text: 'Torsdag passer fint.\n\nDen 2. dec. 2026 kl. 10.30 skrev Salg <salg@test.example>:\n> Vi kan komme torsdag kl. 8.',
    });
    const unrelated = rawMessage({ from: 'ole@jensens-vvs.dk', to: `salg@${OURS}`, subject: 'Faktura 2231', text: 'Vedlagt faktura.', messageId: 'inv-1@jensens-vvs.dk', date: at(90) });
    const results: Record<string, any>[] = [];
    for (const raw of [original, withHeaders, withoutHeaders, unrelated]) results.push((await deliver(raw)).body);
    const [r0, r1, r2, r3] = results as [any, any, any, any];
    expect(results.map((r) => r.outcome)).toEqual(['stored', 'stored', 'stored', 'stored']);
    expect(r1.thread_id).toBe(r0.thread_id);
    expect(r2.thread_id).toBe(r0.thread_id);
    expect(r3.thread_id).not.toBe(r0.thread_id);

    const t = await thread(r0.thread_id);
    expect(t.messages.map((m: any) => [m.direction, m.thread_reason])).toEqual([['in', 'new'], ['out', 'header'], ['in', 'subject']]);
    expect(t.messages[1].new_text).toContain('Vi kan komme torsdag kl. 8.');
    expect(t.messages[1].new_text).not.toContain('utæt tagrende');
    expect(t.messages[1].quoted_text).toContain('utæt tagrende');
    expect(t.messages[2].new_text.trim()).toBe('Torsdag passer fint.');
    // The customer wrote last: the thread waits for our answer since that message.
    expect(t).toMatchObject({ awaiting_reply: true, awaiting_since: at(60).toISOString(), last_direction: 'in' });
    const waiting = (await host.request('GET', '/api/email/waiting')).body.items as any[];
    expect(waiting.map((w) => w.id)).toContain(t.id);

    // "Needs no answer": out of the queue, until the customer writes again.
    const handled = await host.request('POST', `/api/email/threads/${t.id}/handled`);
    expect(handled.body).toMatchObject({ awaiting_reply: false, awaiting_since: null });
    expect(((await host.request('GET', '/api/email/waiting')).body.items as any[]).map((w) => w.id)).not.toContain(t.id);
    const later = rawMessage({ from: 'ole@jensens-vvs.dk', to: `salg@${OURS}`, subject: 'SV: Reparation af tag, Vestergade 4', text: 'Og husk nøglen.', messageId: 'rep-4@jensens-vvs.dk', inReplyTo: 'rep-3@jensens-vvs.dk', date: new Date(Date.now() + 60_000) });
    expect((await deliver(later)).body.thread_id).toBe(t.id);
    expect(((await host.request('GET', '/api/email/waiting')).body.items as any[]).map((w) => w.id)).toContain(t.id);
  });

  it('indexes the new part of customer mail for staff search, never as public knowledge for the chatbot', { timeout: T }, async () => {
    const search = async (visibility?: 'public' | 'internal') =>
      ((await host.request('POST', '/api/search', { body: { query: 'utæt tagrende over indgangen', source_types: ['email'], ...(visibility ? { visibility } : {}), k: 10 } })).body.hits as any[]);
    const internal = await search('internal');
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.every((h) => h.source_type === 'email')).toBe(true);
    expect(internal.find((h) => h.content.includes('utæt tagrende'))).toMatchObject({ company_id: jensens });
    // The reply quoted it, but only new parts are indexed: one passage says it.
    expect(internal.filter((h) => h.content.includes('utæt tagrende'))).toHaveLength(1);
    expect(await search('public')).toEqual([]);
  });

  it('keeps the replies of a message that arrives after them in one thread (the sent folder synced after the inbox)', { timeout: T }, async () => {
    const reply = rawMessage({ from: 'kunde@jensens-vvs.dk', to: `ole@${OURS}`, subject: 'Re: Tilbud 88', text: 'Ja tak.', messageId: 'late-2@jensens-vvs.dk', inReplyTo: 'late-1@test.example', references: ['late-1@test.example'], date: new Date('2026-11-20T11:00:00Z') });
    const ours = rawMessage({ from: `ole@${OURS}`, to: 'kunde@jensens-vvs.dk', subject: 'Tilbud 88', text: 'Her er tilbuddet.', messageId: 'late-1@test.example', date: new Date('2026-11-20T10:00:00Z') });
    const first = (await deliver(reply)).body;
    const second = (await deliver(ours)).body;
    expect(second.thread_id).toBe(first.thread_id);
    const t = await thread(first.thread_id);
    expect(t.messages.map((m: any) => m.message_id)).toEqual(['late-1@test.example', 'late-2@jensens-vvs.dk']);
    expect(t.messages.map((m: any) => m.thread_reason)).toEqual(['header', 'new']);
  });

  it('decodes Danish encodings: ISO-8859-1 and Windows-1252 bodies, RFC 2047 subjects and names with æøå', { timeout: T }, async () => {
    const latin1 = rawMessage({ from: { name: 'Søren Ærø', address: 'soeren@jensens-vvs.dk' }, to: `kontor@${OURS}`, subject: 'Tilbud på østvendt tag – år 2027', charset: 'iso-8859-1', encoding: 'quoted-printable', text: 'Kære Åse, grønne tagsten på Ærø. Pris: 1.250,50 kr.' });
    const cp1252 = rawMessage({ from: 'bo@jensens-vvs.dk', to: `kontor@${OURS}`, subject: 'Ændring – “tagrender” €', charset: 'windows-1252', encoding: 'base64', headerEncoding: 'Q', text: 'Prisen er 3.000 € – “inkl. moms”. Søren' });
    const eightBit = rawMessage({ from: { name: 'Åse Østergård', address: 'aase@jensens-vvs.dk' }, to: `kontor@${OURS}`, subject: 'Møde på fredag', charset: 'iso-8859-1', encoding: '8bit', headerEncoding: '8bit', text: 'Vi ses på kontoret i Næstved.' });
    const [a, b, c] = [await deliver(latin1), await deliver(cp1252), await deliver(eightBit)];
    const [ta, tb, tc] = [await thread(a.body.thread_id), await thread(b.body.thread_id), await thread(c.body.thread_id)];
    expect(ta.subject).toBe('Tilbud på østvendt tag – år 2027');
    expect(ta.messages[0]).toMatchObject({ from: { name: 'Søren Ærø' }, new_text: expect.stringContaining('grønne tagsten på Ærø. Pris: 1.250,50 kr.') });
    expect(tb.subject).toBe('Ændring – “tagrender” €');
    expect(tb.messages[0].text).toContain('3.000 € – “inkl. moms”. Søren');
    expect(tc.subject).toBe('Møde på fredag');
    expect(tc.messages[0]).toMatchObject({ from: { name: 'Åse Østergård' }, text: expect.stringContaining('Næstved') });
  });

  it('makes each free-mail sender a private company of their own, and a known contact wins over the domain', { timeout: T }, async () => {
    const anna = await deliver(rawMessage({ from: { name: 'Anna Holm', address: 'anna.holm@gmail.com' }, to: `kontor@${OURS}`, subject: 'Pris på carport', text: 'Hvad koster en carport?' }));
    const bo = await deliver(rawMessage({ from: { name: 'Bo Berg', address: 'bo.berg@gmail.com' }, to: `kontor@${OURS}`, subject: 'Pris på carport', text: 'Og til mig?' }));
    const annaCompany = (await thread(anna.body.thread_id)).company_id;
    const boCompany = (await thread(bo.body.thread_id)).company_id;
    expect(annaCompany).not.toBe(boCompany);
    expect(anna.body.thread_id).not.toBe(bo.body.thread_id);
    const company = (await host.request('GET', `/api/companies/${annaCompany}`)).body;
    expect(company).toMatchObject({ kind: 'private', name: 'Anna Holm' });
    expect(await companyOf('anna.holm@gmail.com')).toBe(annaCompany);
    // A second mail from Anna goes to the same private company.
    const again = await deliver(rawMessage({ from: 'anna.holm@gmail.com', to: `kontor@${OURS}`, subject: 'Glemte noget', text: 'Og en skur.' }));
    expect((await thread(again.body.thread_id)).company_id).toBe(annaCompany);
  });

  it('puts a thread with two external companies on the first sender\'s, links the other, and keeps mail between our own people internal', { timeout: T }, async () => {
    const copied = await deliver(rawMessage({
      from: 'mette@jensens-vvs.dk', to: `kontor@${OURS}`, cc: { name: 'Bo Bager', address: 'bo@bager-link.dk' }, subject: 'Fælles levering', text: 'Bageren får også tagrender.', messageId: 'two-companies@jensens-vvs.dk',
    }));
    const shared = await thread(copied.body.thread_id);
    expect(shared.company_id).toBe(jensens);
    const bager = await companyOf('bo@bager-link.dk');
    expect(bager).toBeDefined();
    expect(bager).not.toBe(jensens);
    const linked = ((await host.request('GET', `/api/companies/${bager}/timeline`)).body.items as any[]).find((e) => e.type === 'email.linked');
    expect(linked).toMatchObject({ payload: { thread_id: shared.id, thread_company_id: jensens, subject: 'Fælles levering' } });

    const internal = await deliver(rawMessage({ from: `lars@${OURS}`, to: `mads@${OURS}`, subject: 'Frokost?', text: 'Kl. 12?', messageId: 'internal@test.example' }));
    const inner = await thread(internal.body.thread_id);
    expect(inner).toMatchObject({ company_id: host.selfCompanyId, kind: 'internal', awaiting_reply: false });
    expect(inner.messages[0]).toMatchObject({ direction: 'internal', kind: 'internal' });
    const selfTimeline = (await host.request('GET', `/api/companies/${host.selfCompanyId}/timeline`)).body.items as any[];
    expect(selfTimeline.filter((e) => e.type.startsWith('email.'))).toEqual([]);
  });

  it('stores HTML sanitised: no script, no event handler, remote images not loaded', { timeout: T }, async () => {
    const html = '<p>Se tilbuddet <b>her</b></p><script>alert(1)</script><img src="x" onerror="alert(2)"><img src="https://tracker.example/pixel.gif" alt="pixel"><a href="javascript:alert(3)">klik</a>';
    const res = await deliver(rawMessage({ from: 'web@jensens-vvs.dk', to: `kontor@${OURS}`, subject: 'HTML-tilbud', html }));
    const m = (await thread(res.body.thread_id)).messages[0];
    expect(m.html).toContain('<b>her</b>');
    expect(m.html).not.toMatch(/<script|onerror|javascript:|\ssrc="https:\/\/tracker/i);
    expect(m.html).toContain('data-remote-src="https://tracker.example/pixel.gif"');
    expect(m.has_remote_images).toBe(true);
  });

  it('hands attachments to the documents plugin as documents of the same company', { timeout: T }, async () => {
    const pdf = Buffer.from(await textPdf(['Ordre 117: 40 meter zinktagrende, levering uge 12.']));
    const res = await deliver(rawMessage({ from: 'mette@jensens-vvs.dk', to: `kontor@${OURS}`, subject: 'Ordre 117', text: 'Se vedhæftede ordre.', attachments: [{ name: 'ordre-117.pdf', contentType: 'application/pdf', content: pdf }] }));
    const m = (await thread(res.body.thread_id)).messages[0];
    expect(m.attachments).toMatchObject([{ name: 'ordre-117.pdf', content_type: 'application/pdf', outcome: 'created', document_id: expect.any(String) }]);
    await host.runJobs();
    const doc = (await host.request('GET', `/api/documents/${m.attachments[0].document_id}`)).body;
    expect(doc).toMatchObject({ company_id: jensens, name: 'ordre-117.pdf', status: 'indexed' });
  });

  it('keeps newsletters and auto-replies off the timeline and the waiting queue, readable with all=true', { timeout: T }, async () => {
    const before = ((await host.request('GET', `/api/companies/${jensens}/timeline`)).body.items as any[]).length;
    const news = await deliver(rawMessage({ from: 'nyhedsbrev@jensens-vvs.dk', to: `kontor@${OURS}`, subject: 'Nyhedsbrev december', text: 'Årets tilbud.', headers: { 'List-Id': '<nyt.jensens-vvs.dk>', 'List-Unsubscribe': '<mailto:afmeld@jensens-vvs.dk>' } }));
    const away = await deliver(rawMessage({ from: 'mette@jensens-vvs.dk', to: `kontor@${OURS}`, subject: 'Automatisk svar: Tilbud', text: 'Jeg er på ferie.', headers: { 'Auto-Submitted': 'auto-replied' } }));
    expect([news.body.outcome, away.body.outcome]).toEqual(['stored', 'stored']);
    expect(((await host.request('GET', `/api/companies/${jensens}/timeline`)).body.items as any[]).length).toBe(before);
    const visible = (await threadsOf(jensens)).map((t) => t.id);
    expect(visible).not.toContain(news.body.thread_id);
    const all = await threadsOf(jensens, '&all=true');
    expect(all.find((t) => t.id === news.body.thread_id)).toMatchObject({ kind: 'newsletter', awaiting_reply: false });
    expect(all.find((t) => t.id === away.body.thread_id)).toMatchObject({ kind: 'auto_reply', awaiting_reply: false });
  });

  it('imports an mbox streamed, with the same message from the webhook recognised as one', { timeout: T }, async () => {
    const known = rawMessage({ from: 'mette@jensens-vvs.dk', to: `kontor@${OURS}`, subject: 'Både webhook og arkiv', text: 'Samme besked to veje.', messageId: 'both-ways@jensens-vvs.dk' });
    expect((await deliver(known)).body.outcome).toBe('stored');
    const others = [1, 2, 3].map((i) => rawMessage({ from: `kunde${i}@firma${i}.dk`, to: `kontor@${OURS}`, subject: `Forespørgsel ${i}`, text: `From the archive ${i}.\nFrom here on it is body text.`, messageId: `archive-${i}@firma${i}.dk` }));
    const mbox = Buffer.concat([known, ...others].map((raw, i) => Buffer.concat([Buffer.from(`From sender${i}@example.com Mon Dec  1 10:14:0${i} 2026\n`), escapeFrom(raw), Buffer.from('\n')])));
    const res = await host.fetch('/api/email/import?name=arkiv.mbox', { method: 'POST', body: new Uint8Array(mbox), headers: { 'content-type': 'application/mbox', authorization: `Bearer ${host.adminKey}` } });
    expect(res.status).toBe(202);
    const started = (await res.json()) as any;
    expect(started).toMatchObject({ format: 'mbox', status: 'queued', name: 'arkiv.mbox' });
    await host.runJobs();
    const done = (await host.request('GET', `/api/email/imports/${started.id}`)).body;
    expect(done).toMatchObject({ status: 'done', messages: 4, stored: 3, duplicates: 1, failed: 0, bytes_done: mbox.length });
    const m = (await host.request('GET', `/api/email/threads?company_id=${jensens}&all=true`)).body.items.find((t: any) => t.subject === 'Både webhook og arkiv');
    const full = await thread(m.id);
    expect(full.messages).toHaveLength(1);
    expect(full.messages[0].sources.map((s: any) => s.way)).toEqual(['webhook', 'import']);
    // The body line "From here on…" was escaped in the mbox and comes back as written.
    const archived = await thread((await threadsOf((await companyOf('kunde1@firma1.dk'))!))[0].id);
    expect(archived.messages[0].text).toContain('From here on it is body text.');
  });

  it('refuses a file that is no mailbox, and an import without admin', { timeout: T }, async () => {
    const junk = await host.fetch('/api/email/import', { method: 'POST', body: Buffer.from('\x89PNG\r\n\x1a\n binary'), headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${host.adminKey}` } });
    expect(junk.status).toBe(415);
    const writer = await host.key(['crm:write']);
    const denied = await host.fetch('/api/email/import', { method: 'POST', body: Buffer.from('From a@b.c Mon Dec  1 10:14:02 2026\nSubject: x\n\nx\n'), headers: { 'content-type': 'application/mbox', authorization: `Bearer ${writer}` } });
    expect(denied.status).toBe(403);
  });

  it('takes malformed mail without failing: no sender, no date, broken MIME, a bad charset, binary junk, hundreds of recipients', { timeout: T }, async () => {
    const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'latin1');
    const cases: [string, Buffer][] = [
      ['no sender', crlf(['To: kontor@test.example', 'Subject: Uden afsender', 'Message-ID: <nofrom@x.dk>', '', 'Hvem er jeg?'])],
      ['no date, no message-id', crlf(['From: a@jensens-vvs.dk', 'To: kontor@test.example', 'Subject: Ingen dato', '', 'Hej'])],
      ['broken multipart', crlf(['From: b@jensens-vvs.dk', 'To: kontor@test.example', 'Subject: Brudt', 'Message-ID: <broken@x.dk>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="abc"', '', '--abc', 'Content-Type: text/plain', '', 'Første del uden slut'])],
      ['unknown charset', crlf(['From: c@jensens-vvs.dk', 'To: kontor@test.example', 'Subject: =?x-unknown?B?SGVq?=', 'Message-ID: <charset@x.dk>', 'Content-Type: text/plain; charset=x-unknown', '', 'Tekst med \xe6\xf8\xe5'])],
      ['garbage address', crlf(['From: "Ingen" <@@@>', 'To: ,,,;;', 'Subject: Adresser', 'Message-ID: <addr@x.dk>', '', 'Mærkelige adresser'])],
      ['many recipients', crlf(['From: d@jensens-vvs.dk', `To: ${Array.from({ length: 300 }, (_, i) => `p${i}@firma${i}.dk`).join(', ')}`, 'Subject: Til alle', 'Message-ID: <many@x.dk>', '', 'Hej alle'])],
    ];
    for (const [what, raw] of cases) {
      const res = await deliver(raw);
      expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(202);
      expect(res.body.outcome, what).toBe('stored');
    }
    const junk = await deliver(Buffer.from([0x00, 0xff, 0x10, 0x80, 0x00, 0x00, 0x7f]));
    expect(junk.body).toMatchObject({ outcome: 'skipped', reason: 'not_an_email' });
    // A mail to 300 people makes at most maxPartiesPerMessage (10) contacts, not 300 leads.
    const contacts = (await host.request('GET', '/api/contacts?limit=200')).body.items as { email: string | null }[];
    expect(contacts.filter((c) => /^p\d+@firma\d+\.dk$/.test(c.email ?? '')).length).toBeLessThanOrEqual(10);
  });

  it('streams an import\'s progress as events: queued, progress, done', { timeout: T }, async () => {
    const raws = [1, 2].map((i) => rawMessage({ from: `sse${i}@jensens-vvs.dk`, to: `kontor@${OURS}`, subject: `Strøm ${i}`, text: 'Hej', messageId: `sse-${i}@jensens-vvs.dk` }));
    const mbox = Buffer.concat(raws.map((raw) => Buffer.concat([Buffer.from('From - Mon Dec  1 10:14:02 2026\n'), raw, Buffer.from('\n')])));
    const res = await host.fetch('/api/email/import?name=strøm.mbox', {
      method: 'POST', body: new Uint8Array(mbox), headers: { 'content-type': 'application/mbox', accept: 'text/event-stream', authorization: `Bearer ${host.adminKey}` },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reading = new Response(res.body).text();
    await host.runJobs();
    const events = [...(await reading).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe('queued');
    expect(events).toContain('progress');
    expect(events[events.length - 1]).toBe('done');
    expect(await reading).toMatch(/"status":"succeeded"/);
  });

  it("gives a key restricted to one company nothing of another's mail", { timeout: T }, async () => {
    const other = await deliver(rawMessage({ from: 'bager@bager-hansen.dk', to: `kontor@${OURS}`, subject: 'Brød til personalet', text: 'Hemmelig pris: 12 kr.', messageId: 'secret@bager-hansen.dk' }));
    const bager = (await thread(other.body.thread_id)).company_id;
    const mine = (await threadsOf(jensens))[0];
    const key = await host.key(['crm:read', 'crm:write'], [jensens]);
    const as = (method: string, url: string, body?: unknown) => host.request(method, url, { token: key, ...(body ? { body } : {}) });
    expect((await as('GET', `/api/email/threads/${mine.id}`)).status).toBe(200);
    expect((await as('GET', `/api/email/threads/${other.body.thread_id}`)).status).toBe(404);
    expect((await as('GET', `/api/email/messages/${other.body.message_id}`)).status).toBe(404);
    expect((await as('GET', `/api/email/messages/${other.body.message_id}/raw`)).status).toBe(404);
    expect((await as('GET', `/api/email/threads?company_id=${bager}`)).status).toBe(404);
    expect((await as('POST', `/api/email/threads/${other.body.thread_id}/reply`, { text: 'Hej' })).status).toBe(404);
    expect((await as('GET', '/api/email/accounts')).status).toBe(404);
    const waiting = (await as('GET', '/api/email/waiting')).body.items as any[];
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((w) => w.company_id === jensens)).toBe(true);
    // The raw source is a download for staff who may see it.
    const raw = await host.fetch(`/api/email/messages/${(await thread(mine.id)).messages[0].id}/raw`, { headers: { authorization: `Bearer ${key}` } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-disposition')).toMatch(/^attachment/);
  });
});

/** mboxrd: a body line starting with "From " (after any ">") gets one more ">". */
function escapeFrom(raw: Buffer): Buffer {
  return Buffer.from(raw.toString('latin1').replace(/^(>*From )/gm, '>$1'), 'latin1');
}
