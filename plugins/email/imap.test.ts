/**
 * IMAP sync and SMTP replies against real servers: Dovecot on a loopback port
 * (scripts/dovecot.sh, installed by .ci/run) and an smtp-server. 500 messages, then 20 more
 * of which only the 20 are taken; the same message in two folders is one; a connection cut in
 * the middle of a sync leaves no gap and no double when the sync runs again; a renumbered folder
 * (UIDVALIDITY) is synced again without doubles; new mail arrives through IDLE within 5 s; a
 * reply goes out with In-Reply-To and References and lands in its thread; the account's state
 * is honest, its secret never shown.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../core/db/types.ts';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { type Dovecot, requireDovecot, startDovecot } from '../../test/support/dovecot.ts';
import { startSmtpServer, type TestSmtpServer } from '../../test/support/smtp.ts';
import { startTcpProxy, type TcpProxy } from '../../test/support/tcp-proxy.ts';
import documents from '../documents/index.ts';
import plugin from './index.ts';
import { rawMessage } from './parse/testing.ts';

const T = 180_000;
const KEY = 'a-secret-key-for-the-tests-only-0123456789';
const OURS = 'test.example';

describe('email over IMAP and SMTP (Dovecot, smtp-server)', () => {
  let dovecot: Dovecot;
  let smtp: TestSmtpServer;
  let proxy: TcpProxy;
  let host: TestHost;
  let folder: string;
  let accountId: string;

  const sync = async () => {
    const res = await host.request('POST', `/api/email/accounts/${accountId}/sync`);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await host.runJobs();
    return (await host.request('GET', `/api/email/accounts/${accountId}`)).body;
  };
  const messageCount = async () => {
    const rows = await host.db.orm.execute('select count(*)::int as n, count(distinct dedup_key)::int as keys from email_messages' as never);
    const row = ((rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]))[0] as { n: number; keys: number };
    return row;
  };
  const inboxMail = (i: number) => rawMessage({
    from: { name: `Kunde ${i}`, address: `kunde${i % 40}@firma${i % 40}.dk` }, to: `kontor@${OURS}`, subject: `Forespørgsel nr. ${i}`,
    text: `Hej, vi vil gerne have et tilbud (nr. ${i}).`, messageId: `inbox-${i}@firma${i % 40}.dk`, date: new Date(Date.UTC(2026, 10, 1) + i * 60_000),
  });

  beforeAll(async () => {
    requireDovecot();
    [dovecot, smtp] = await Promise.all([startDovecot(), startSmtpServer()]);
    proxy = await startTcpProxy(dovecot.port);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-imap-'));
    host = await createTestHost({ plugins: [documents, { plugin, config: { watch: false, secretKey: KEY } }], blobFolder: folder });
    await dovecot.appendMany('INBOX', Array.from({ length: 500 }, (_, i) => inboxMail(i)));
    const res = await host.request('POST', '/api/email/accounts', {
      body: {
        name: 'Kontoret', email: `kontor@${OURS}`, imap: { host: '127.0.0.1', port: proxy.port, tls: false },
        smtp: { host: '127.0.0.1', port: smtp.port, tls: false }, username: dovecot.user, secret: dovecot.password, interval_minutes: 5,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    accountId = res.body.id;
    expect(JSON.stringify(res.body)).not.toContain(dovecot.password);
  }, T);
  afterAll(async () => {
    await host?.close();
    await proxy?.close();
    await Promise.all([dovecot?.stop(), smtp?.close()]);
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('syncs 500 messages, then of 20 more only the 20, with honest counts per folder', { timeout: T }, async () => {
    await host.runJobs(); // the first sync, queued when the account was added
    let account = (await host.request('GET', `/api/email/accounts/${accountId}`)).body;
    expect(account).toMatchObject({ state: 'ok', last_error: null });
    const inbox = account.folders_status.find((f: any) => f.path === 'INBOX');
    expect(inbox).toMatchObject({ seen: 500, stored: 500, duplicates: 0, failed: 0, pending: 0, last_uid: 500, special_use: '\\Inbox' });
    expect(account.folders_status.map((f: any) => f.special_use).sort()).toEqual(['\\Inbox', '\\Sent']);

    await dovecot.appendMany('INBOX', Array.from({ length: 20 }, (_, i) => inboxMail(500 + i)));
    account = await sync();
    const after = account.folders_status.find((f: any) => f.path === 'INBOX');
    expect(after).toMatchObject({ seen: 520, stored: 520, duplicates: 0, last_uid: 520 });
    expect(await messageCount()).toEqual({ n: 520, keys: 520 });
    // The secret is never in an answer.
    expect(JSON.stringify(account)).not.toContain(dovecot.password);
  });

  it('takes the same message in INBOX and another folder once', { timeout: T }, async () => {
    const raw = rawMessage({ from: 'mette@jensens-vvs.dk', to: `kontor@${OURS}`, subject: 'Arkiveret tilbud', text: 'Både i indbakken og i arkivet.', messageId: 'twice@jensens-vvs.dk' });
    await dovecot.append('INBOX', raw);
    await dovecot.append('Archive', raw);
    const patched = await host.request('PATCH', `/api/email/accounts/${accountId}`, { body: { folders: ['INBOX', 'Sent', 'Archive'] } });
    expect(patched.status).toBe(200);
    const account = await sync();
    const archive = account.folders_status.find((f: any) => f.path === 'Archive');
    expect(archive).toMatchObject({ seen: 1, stored: 0, duplicates: 1 });
    expect(await messageCount()).toEqual({ n: 521, keys: 521 });
  });

  it('resumes a sync whose connection dropped half-way: no gap, no double', { timeout: T }, async () => {
    await dovecot.appendMany('INBOX', Array.from({ length: 120 }, (_, i) => inboxMail(1000 + i)));
    // Let the UID listing through, then cut the connection inside the batches of sources.
    proxy.cutAfterBytes(40_000);
    const res = await host.request('POST', `/api/email/accounts/${accountId}/sync`);
    expect(res.status).toBe(202);
    await host.runJobs();
    const broken = (await host.request('GET', `/api/email/accounts/${accountId}`)).body;
    expect(broken.state).toBe('error');
    expect(broken.last_error).toMatch(/dropped|connection/i);
    const partial = broken.folders_status.find((f: any) => f.path === 'INBOX');
    expect(partial.seen).toBeGreaterThan(521 - 1);
    expect(partial.seen).toBeLessThan(640);
    // The job retries with backoff; skip ahead so it runs now.
    host.clock.advance(10 * 60_000);
    await host.runJobs();
    const account = (await host.request('GET', `/api/email/accounts/${accountId}`)).body;
    expect(account).toMatchObject({ state: 'ok' });
    expect(account.folders_status.find((f: any) => f.path === 'INBOX')).toMatchObject({ last_uid: 641, pending: 0 });
    expect(await messageCount()).toEqual({ n: 641, keys: 641 });
  });

  it('syncs a renumbered folder (new UIDVALIDITY) again without doubles', { timeout: T }, async () => {
    const before = (await host.request('GET', `/api/email/accounts/${accountId}`)).body.folders_status.find((f: any) => f.path === 'Archive');
    await dovecot.recreateFolder('Archive');
    await dovecot.append('Archive', rawMessage({ from: 'mette@jensens-vvs.dk', to: `kontor@${OURS}`, subject: 'Arkiveret tilbud', text: 'Både i indbakken og i arkivet.', messageId: 'twice@jensens-vvs.dk' }));
    await dovecot.append('Archive', inboxMail(3));
    const account = await sync();
    const archive = account.folders_status.find((f: any) => f.path === 'Archive');
    expect(archive.uidvalidity).not.toBe(before.uidvalidity);
    expect(archive).toMatchObject({ resyncs: 1, last_uid: 2 });
    expect(await messageCount()).toEqual({ n: 641, keys: 641 });
  });

  it('sees new mail through IDLE within 5 seconds', { timeout: T }, async () => {
    const watching = await createTestHost({ plugins: [documents, { plugin, config: { watch: true, secretKey: KEY } }], database: host.db, blobFolder: folder });
    try {
      // The watcher connects and catches up; then a new message must appear within 5 s.
      const deadline = async (until: () => Promise<boolean>, ms: number) => {
        const end = Date.now() + ms;
        while (Date.now() < end) {
          await watching.runJobs();
          if (await until()) return true;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return false;
      };
      await deadline(async () => false, 2500);
      const start = Date.now();
      await dovecot.append('INBOX', rawMessage({ from: 'ny@kunde-idle.dk', to: `kontor@${OURS}`, subject: 'Lige nu', text: 'Ny mail via IDLE.', messageId: 'idle-1@kunde-idle.dk' }));
      const seen = await deadline(async () => {
        const rows = await host.db.orm.execute("select count(*)::int as n from email_messages where message_id = 'idle-1@kunde-idle.dk'" as never);
        return (((rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[]))[0] as { n: number }).n === 1;
      }, 5000);
      expect(seen, 'the message arrived through IDLE within 5 s').toBe(true);
      console.log(`IDLE: new message stored ${Date.now() - start} ms after APPEND`);
    } finally {
      await watching.close();
    }
  });

  it('syncs on its schedule without IDLE: a due account is synced by a watching process, once', { timeout: T }, async () => {
    await host.request('PATCH', `/api/email/accounts/${accountId}`, { body: { idle: false, interval_minutes: 60 } });
    await dovecot.append('INBOX', rawMessage({ from: 'plan@kunde-plan.dk', to: `kontor@${OURS}`, subject: 'Efter planen', text: 'Hentet af skemaet.', messageId: 'scheduled-1@kunde-plan.dk' }));
    // The last sync started two hours ago: with an interval of an hour it is due (and both processes see the same hour's key).
    await host.db.orm.execute(sql`update email_accounts set sync_started_at = now() - interval '2 hours' where id = ${accountId}`);
    const [a, b] = await Promise.all([0, 1].map(() => createTestHost({ plugins: [documents, { plugin, config: { watch: true, secretKey: KEY } }], database: host.db, blobFolder: folder })));
    try {
      const stored = async () => rowsOf<{ n: number }>(await host.db.orm.execute(sql`select count(*)::int as n from email_messages where message_id = 'scheduled-1@kunde-plan.dk'`))[0]!.n;
      const end = Date.now() + 15_000;
      while (Date.now() < end && (await stored()) === 0) {
        await a!.runJobs();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await stored()).toBe(1);
      // Two watching processes queued the due sync once (one key per interval).
      const queued = rowsOf<{ n: number }>(await host.db.orm.execute(sql`select count(*)::int as n from jobs where idempotency_key like ${`sync:${accountId}:schedule:%`}`))[0]!.n;
      expect(queued).toBe(1);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
      await host.request('PATCH', `/api/email/accounts/${accountId}`, { body: { idle: true, interval_minutes: 5 } });
    }
  });

  it('replies over SMTP with In-Reply-To and References, and files the sent message in the thread', { timeout: T }, async () => {
    const raw = rawMessage({ from: { name: 'Mette Jensen', address: 'mette@jensens-vvs.dk' }, to: `kontor@${OURS}`, subject: 'Tid til eftersyn', text: 'Hvornår kan I komme?', messageId: 'ask@jensens-vvs.dk', references: ['older@jensens-vvs.dk'] });
    await dovecot.append('INBOX', raw);
    await sync();
    const companyId = ((await host.request('GET', '/api/contacts?limit=200')).body.items as any[]).find((c) => c.email === 'mette@jensens-vvs.dk').company_id;
    const thread = (await host.request('GET', `/api/email/threads?company_id=${companyId}`)).body.items.find((t: any) => t.subject === 'Tid til eftersyn');
    expect(thread.awaiting_reply).toBe(true);
    const before = (await host.request('GET', `/api/email/threads/${thread.id}`)).body;
    expect(before.reply).toEqual({ to: [{ name: 'Mette Jensen', address: 'mette@jensens-vvs.dk' }], account: { id: accountId, name: 'Kontoret', email: `kontor@${OURS}` }, can_send: true });
    const res = await host.request('POST', `/api/email/threads/${thread.id}/reply`, { body: { text: 'Vi kommer torsdag kl. 9.' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await smtp.waitFor(1);
    const sent = smtp.messages[0]!;
    expect(sent.to).toEqual(['mette@jensens-vvs.dk']);
    const text = sent.raw.toString();
    expect(text).toMatch(/^In-Reply-To: <ask@jensens-vvs\.dk>/m);
    expect(text).toMatch(/^References: <older@jensens-vvs\.dk> <ask@jensens-vvs\.dk>/m);
    expect(text).toMatch(/^Subject: Re: Tid til eftersyn/m);
    const after = (await host.request('GET', `/api/email/threads/${thread.id}`)).body;
    expect(after).toMatchObject({ message_count: 2, last_direction: 'out', awaiting_reply: false });
    expect(after.messages[1]).toMatchObject({ direction: 'out', new_text: 'Vi kommer torsdag kl. 9.', thread_reason: 'header' });
    const timeline = (await host.request('GET', `/api/companies/${companyId}/timeline`)).body.items as any[];
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['email.received', 'email.sent']));
    // Filed in the mailbox's Sent folder for the mail client beside the CRM; the next sync knows it.
    const client = await dovecot.connect();
    try {
      const lock = await client.getMailboxLock('Sent');
      const found = await client.search({ header: { 'message-id': after.messages[1].message_id } }, { uid: true });
      lock.release();
      expect(found).toHaveLength(1);
    } finally {
      await client.logout();
    }
    const synced = await sync();
    expect(synced.folders_status.find((f: any) => f.path === 'Sent')).toMatchObject({ duplicates: 1, stored: 0 });
    expect((await host.request('GET', `/api/email/threads/${thread.id}`)).body.message_count).toBe(2);
  });

  it('says error with the reason when the login is refused, and keeps the last success', { timeout: T }, async () => {
    const wrong = await host.request('POST', '/api/email/accounts', {
      body: { name: 'Forkert', email: `forkert@${OURS}`, imap: { host: '127.0.0.1', port: dovecot.port, tls: false }, username: dovecot.user, secret: 'not-the-password' },
    });
    expect(wrong.status).toBe(201);
    await host.runJobs();
    host.clock.advance(60 * 60_000);
    await host.runJobs();
    const account = (await host.request('GET', `/api/email/accounts/${wrong.body.id}`)).body;
    expect(account.state).toBe('error');
    expect(account.last_error).toMatch(/refused the login/);
    expect(account.last_success_at).toBeNull();
    await host.request('DELETE', `/api/email/accounts/${wrong.body.id}`);
  });
});

