import type { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Dovecot, requireDovecot, startDovecot, startTokenIntrospection, type TokenIntrospection } from './dovecot.ts';
import { type TestSmtpServer, startSmtpServer } from './smtp.ts';
import { type TcpProxy, startTcpProxy } from './tcp-proxy.ts';

// The email plugin's tests run against these servers; this file proves the servers themselves.
// Real processes, never skipped: a machine without Dovecot fails here with the install command.

const mail = (subject: string, body = 'Hello') =>
  `From: Alice <alice@example.com>\r\nTo: Bob <bob@example.com>\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.com>\r\nDate: Mon, 1 Dec 2025 10:00:00 +0100\r\n\r\n${body}\r\n`;

/** Resolves when `emitter` emits `event`, rejects after `ms`. */
function eventWithin<T>(emitter: ImapFlow, event: string, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' within ${ms} ms`)), ms);
    emitter.once(event, (value: T) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

describe('Dovecot (real IMAP server)', () => {
  let dovecot: Dovecot;
  const clients: ImapFlow[] = [];
  const connect = async (overrides?: Parameters<Dovecot['connect']>[0]) => {
    const client = await dovecot.connect(overrides);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    requireDovecot();
    dovecot = await startDovecot({ user: 'sales@example.com', password: 's3cret' });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await dovecot?.stop();
    await dovecot?.stop(); // twice is fine
  });

  it('starts, lets the user log in and offers IDLE and UIDPLUS', async () => {
    const client = await connect();
    expect(client.authenticated).toBeTruthy();
    expect(client.capabilities.has('IDLE')).toBe(true);
    expect(client.capabilities.has('UIDPLUS')).toBe(true);
    await client.logout();
  });

  it('refuses a wrong password', async () => {
    await expect(dovecot.connect({ auth: { user: dovecot.user, pass: 'wrong' } })).rejects.toThrow();
  });

  it('keeps APPENDed messages; a client finds Sent by its special-use flag and fetches raw sources by UID', async () => {
    const inbox = [];
    for (const subject of ['First', 'Second', 'Third']) inbox.push(await dovecot.append('INBOX', mail(subject)));
    const sent = await dovecot.append('Sent', mail('Reply'), { flags: ['\\Seen'], date: new Date('2025-12-01T09:00:00Z') });
    expect(inbox.map((m) => m.uid)).toEqual([1, 2, 3]);
    expect(sent.uid).toBe(1);

    const client = await connect();
    const folders = await client.list();
    const byUse = Object.fromEntries(folders.filter((f) => f.specialUse).map((f) => [f.specialUse, f.path]));
    expect(byUse).toMatchObject({ '\\Inbox': 'INBOX', '\\Sent': 'Sent', '\\Drafts': 'Drafts', '\\Trash': 'Trash', '\\Junk': 'Junk', '\\Archive': 'Archive' });
    // The flag comes from the server (SPECIAL-USE), not from imapflow guessing by the name.
    expect(folders.find((f) => f.specialUse === '\\Sent')?.specialUseSource).toBe('extension');

    const lock = await client.getMailboxLock('INBOX');
    try {
      const sources: string[] = [];
      for await (const message of client.fetch(`${inbox[1]!.uid}:${inbox[2]!.uid}`, { uid: true, source: true }, { uid: true })) {
        sources.push(message.source!.toString());
      }
      expect(sources).toEqual([mail('Second'), mail('Third')]);
    } finally {
      lock.release();
    }
    const sentMessage = await client.mailboxOpen('Sent').then(() => client.fetchOne(String(sent.uid), { source: true, flags: true, internalDate: true }, { uid: true }));
    expect(sentMessage && sentMessage.source?.toString()).toBe(mail('Reply'));
    expect(sentMessage && [...(sentMessage.flags ?? [])]).toContain('\\Seen');
    expect(sentMessage && new Date(sentMessage.internalDate!).toISOString()).toBe('2025-12-01T09:00:00.000Z');
    await client.logout();
  });

  it('tells a client idling on INBOX about a new message within 5 s', async () => {
    const idler = await connect();
    await idler.mailboxOpen('INBOX');
    const before = idler.mailbox ? idler.mailbox.exists : 0;
    const exists = eventWithin<{ count: number; prevCount: number }>(idler, 'exists', 5000);
    void idler.idle();
    await expect.poll(() => idler.idling).toBe(true);
    const started = Date.now();
    await dovecot.append('INBOX', mail('While idling'));
    const event = await exists;
    expect(event.count).toBe(before + 1);
    console.log(`IDLE: 'exists' ${Date.now() - started} ms after the APPEND`);
    await idler.logout();
  });

  it('recreateFolder gives a folder (INBOX too) a new UIDVALIDITY and empties it', async () => {
    await dovecot.append('Archive', mail('Old'));
    const archiveBefore = await dovecot.uidValidity('Archive');
    const archiveAfter = await dovecot.recreateFolder('Archive');
    expect(archiveAfter).not.toBe(archiveBefore);
    expect(await dovecot.uidValidity('Archive')).toBe(archiveAfter);

    // A session that has INBOX selected is dropped by Dovecot once it notices (at its next sync).
    const idler = await connect();
    await idler.mailboxOpen('INBOX');
    void idler.idle();
    const dropped = eventWithin<void>(idler, 'close', 5000);
    const inboxBefore = await dovecot.uidValidity('INBOX');
    const inboxAfter = await dovecot.recreateFolder('INBOX');
    expect(inboxAfter).not.toBe(inboxBefore);

    const client = await connect();
    expect(await client.status('Archive', { messages: true })).toMatchObject({ messages: 0 });
    expect(await client.status('INBOX', { messages: true })).toMatchObject({ messages: 0 });
    // Still found by its flag after the re-creation.
    expect((await client.list()).find((f) => f.path === 'Archive')?.specialUse).toBe('\\Archive');
    const box = await client.mailboxOpen('INBOX');
    expect(box.uidValidity).toBe(inboxAfter);
    // UIDs start again at 1, as in a created folder: a UID a client kept now means another message.
    expect((await dovecot.append('INBOX', mail('After'))).uid).toBe(1);
    await dropped;
    await client.logout();
  });

  it('kickAll drops an open connection', async () => {
    const client = await connect();
    await client.mailboxOpen('INBOX');
    const closed = eventWithin<void>(client, 'close', 5000);
    await dovecot.kickAll();
    await closed;
    expect(client.usable).toBe(false);
    await dovecot.kickAll(); // nobody left: still fine
  });

  describe('through a TCP proxy', () => {
    let proxy: TcpProxy;
    beforeAll(async () => {
      proxy = await startTcpProxy(dovecot.port);
      // 4 messages of ~250 kB: a FETCH of all of them is ~1 MB from the server.
      await dovecot.appendMany('Trash', [1, 2, 3, 4].map((n) => mail(`Big ${n}`, 'x'.repeat(76).concat('\r\n').repeat(3300))));
    });
    afterAll(() => proxy?.close());

    const fetchAll = async (client: ImapFlow) => {
      await client.mailboxOpen('Trash');
      let bytes = 0;
      for await (const message of client.fetch('1:*', { uid: true, source: true })) bytes += message.source!.length;
      return bytes;
    };

    it('cutAfterBytes breaks a big FETCH off on the client, and the next connection gets through', async () => {
      const client = await connect({ port: proxy.port });
      await client.mailboxOpen('Trash');
      const closed = eventWithin<void>(client, 'close', 5000);
      const sentBefore = proxy.bytesToClients;
      proxy.cutAfterBytes(100_000);
      await expect(fetchAll(client)).rejects.toThrow();
      await closed;
      expect(proxy.bytesToClients - sentBefore).toBe(100_000);

      const again = await connect({ port: proxy.port });
      expect(await fetchAll(again)).toBeGreaterThan(1_000_000);
      await again.logout();
    });

    it('cutAll drops every connection through it', async () => {
      const client = await connect({ port: proxy.port });
      const closed = eventWithin<void>(client, 'close', 5000);
      proxy.cutAll();
      await closed;
      await expect.poll(() => proxy.open).toBe(0);
    });
  });

  it('appendMany stores 500 small messages over one connection in a few seconds', async () => {
    const raws = Array.from({ length: 500 }, (_, i) => mail(`Bulk ${i}`));
    const started = performance.now();
    const { uids } = await dovecot.appendMany('Junk', raws);
    const ms = performance.now() - started;
    console.log(`appendMany: 500 messages in ${Math.round(ms)} ms`);
    expect(uids).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(ms).toBeLessThan(15_000);
    const client = await connect();
    expect(await client.status('Junk', { messages: true })).toMatchObject({ messages: 500 });
    await client.logout();
  });
});

describe('Dovecot with OAuth2 access tokens (oauth2 passdb, introspection stub)', () => {
  const user = 'sales@example.com';
  const TOKEN = 'ya29.test-access-token-valid';
  let tokens: TokenIntrospection;
  let dovecot: Dovecot;
  const clients: ImapFlow[] = [];
  const connect = async (dc: Dovecot, auth: { user: string; accessToken?: string; pass?: string }) => {
    const client = await dc.connect({ auth });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    requireDovecot();
    tokens = await startTokenIntrospection({ [TOKEN]: user });
    dovecot = await startDovecot({ user, password: 's3cret', oauth2: { introspectionUrl: tokens.url } });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await dovecot?.stop();
    await tokens?.close();
  });

  it('logs an imapflow client with accessToken in (OAUTHBEARER), the token checked by a form POST to the introspection endpoint', async () => {
    const client = await connect(dovecot, { user, accessToken: TOKEN });
    expect(client.authenticated).toBeTruthy();
    await client.mailboxOpen('INBOX');
    await client.logout();
    expect(tokens.requests.at(-1)).toMatchObject({ method: 'POST', path: '/introspect', contentType: 'application/x-www-form-urlencoded', token: TOKEN, active: true });
    expect(tokens.requests.at(-1)!.body).toBe(`token=${TOKEN}&client_id=&client_secret=`);
    // Both are offered; imapflow takes OAUTHBEARER (RFC 7628) over XOAUTH2 when it can.
    expect(await dovecot.log()).toContain(`Login: user=<${user}>, method=OAUTHBEARER`);
  });

  it('refuses a wrong token, an expired one and one of another user; a token is no password and the password still works', async () => {
    const refused = { authenticationFailed: true, serverResponseCode: 'AUTHENTICATIONFAILED' };
    await expect(dovecot.connect({ auth: { user, accessToken: 'ya29.wrong' } })).rejects.toMatchObject(refused);

    tokens.grant('ya29.short-lived', user);
    const before = await connect(dovecot, { user, accessToken: 'ya29.short-lived' });
    await before.logout();
    tokens.expire('ya29.short-lived');
    await expect(dovecot.connect({ auth: { user, accessToken: 'ya29.short-lived' } })).rejects.toMatchObject(refused);

    tokens.grant('ya29.someone-else', 'other@example.com');
    await expect(dovecot.connect({ auth: { user, accessToken: 'ya29.someone-else' } })).rejects.toMatchObject(refused);

    // The token mechanisms go only to the oauth2 passdb, the password ones only to the passwd file.
    const asked = tokens.requests.length;
    await expect(dovecot.connect({ auth: { user, pass: TOKEN } })).rejects.toMatchObject(refused);
    expect(tokens.requests.length).toBe(asked);
    const withPassword = await connect(dovecot, { user, pass: 's3cret' });
    expect(withPassword.authenticated).toBeTruthy();
    await withPassword.logout();

    // Dovecot refused each for the reason the endpoint gave, not for some failure of its own.
    const log = await dovecot.log();
    expect(log.match(/oauth2 failed: Introspection failed: Provided token is not valid/g)).toHaveLength(2);
    expect(log).toContain(`Username '${user}' did not match 'other@example.com'`);
    expect(log).not.toMatch(/Fatal|Panic|Temporary authentication failure/);
  });

  it('with only XOAUTH2 offered (as Microsoft 365 does), imapflow logs in with XOAUTH2 and a wrong token is refused', async () => {
    const xoauth2 = await startDovecot({ user, password: 's3cret', oauth2: { introspectionUrl: tokens.url, mechanisms: ['xoauth2'] } });
    try {
      const client = await connect(xoauth2, { user, accessToken: TOKEN });
      expect(client.authenticated).toBeTruthy();
      await client.logout();
      // XOAUTH2 answers a refusal with an error challenge first (Google's format, status 401), which imapflow reads and answers empty.
      await expect(xoauth2.connect({ auth: { user, accessToken: 'ya29.wrong' } })).rejects.toMatchObject({
        authenticationFailed: true, serverResponseCode: 'AUTHENTICATIONFAILED', oauthError: { status: '401', schemes: 'bearer' },
      });
      const log = await xoauth2.log();
      expect(log).toContain(`Login: user=<${user}>, method=XOAUTH2`);
      expect(log).not.toContain('method=OAUTHBEARER');
    } finally {
      await xoauth2.stop();
    }
  });
});

describe('SMTP server (smtp-server)', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer({ user: 'sales@example.com', password: 's3cret' });
  });
  afterAll(() => smtp?.close());

  const transport = (pass: string, authMethod = 'PLAIN') =>
    nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false, auth: { user: smtp.user, pass }, authMethod });

  it('delivers mail from an authenticated client (AUTH PLAIN and LOGIN) and keeps its raw bytes', async () => {
    await transport(smtp.password).sendMail({ from: 'sales@example.com', to: 'kunde@firma.dk', bcc: 'archive@example.com', subject: 'Tilbud nr. 42', text: 'Hej' });
    await transport(smtp.password, 'LOGIN').sendMail({ from: 'sales@example.com', to: 'other@firma.dk', subject: 'Second', text: 'Hi' });
    await smtp.waitFor(2);
    expect(smtp.messages[0]).toMatchObject({ from: 'sales@example.com', to: ['kunde@firma.dk', 'archive@example.com'] });
    expect(smtp.messages[0]!.raw.toString()).toContain('Subject: Tilbud nr. 42');
    expect(smtp.messages[0]!.raw.toString()).not.toContain('archive@example.com'); // Bcc is envelope only
    expect(smtp.messages[1]!.raw.toString()).toContain('Subject: Second');
  });

  it('refuses a wrong password and mail without AUTH', async () => {
    await expect(transport('wrong').sendMail({ from: 'sales@example.com', to: 'x@example.com', subject: 'No', text: 'No' })).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
    const anonymous = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: false });
    await expect(anonymous.sendMail({ from: 'sales@example.com', to: 'x@example.com', subject: 'No', text: 'No' })).rejects.toMatchObject({ responseCode: 530 });
    await expect(smtp.waitFor(3, 200)).rejects.toThrow('2 of 3');
  });
});
