/**
 * An account with `auth: 'xoauth2'` against a real Dovecot that checks OAuth2 access tokens
 * with its oauth2 passdb, which asks a local introspection endpoint (RFC 7662) about each token
 * (scripts/dovecot.sh, test/support/dovecot.ts). A valid token syncs; a wrong token and an
 * expired one are refused and the account says so; a fresh token patched in recovers it; the
 * token is never shown. Also where the server offers XOAUTH2 only, as Microsoft 365 does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { type Dovecot, requireDovecot, startDovecot, startTokenIntrospection, type TokenIntrospection } from '../../test/support/dovecot.ts';
import documents from '../documents/index.ts';
import plugin from './index.ts';
import { rawMessage } from './parse/testing.ts';

const T = 120_000;
const KEY = 'a-secret-key-for-the-tests-only-0123456789';
const USER = 'kontor@test.example';
const TOKEN = 'ya29.a0-valid-access-token-for-the-oauth-test';
const FRESH = 'ya29.a0-fresh-access-token-after-expiry';
const WRONG = 'ya29.a0-token-nobody-issued';

describe('email account with an OAuth2 access token (Dovecot oauth2 passdb)', () => {
  let tokens: TokenIntrospection;
  let dovecot: Dovecot;
  let host: TestHost;
  let folder: string;
  let accountId: string;

  const mail = (i: number) => rawMessage({
    from: { name: `Kunde ${i}`, address: `kunde${i}@firma${i}.dk` }, to: USER, subject: `Forespørgsel ${i}`,
    text: `Hej, vi vil gerne have et tilbud (${i}).`, messageId: `oauth-${i}@firma${i}.dk`, date: new Date(Date.UTC(2026, 10, 1) + i * 60_000),
  });
  const addAccount = async (name: string, secret: string, port: number) => {
    const res = await host.request('POST', '/api/email/accounts', {
      body: { name, email: USER, imap: { host: '127.0.0.1', port, tls: false }, username: USER, auth: 'xoauth2', secret },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.auth).toBe('xoauth2');
    expect(JSON.stringify(res.body)).not.toContain(secret);
    return res.body.id as string;
  };
  const account = async (id: string) => {
    const res = await host.request('GET', `/api/email/accounts/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const sync = async (id: string) => {
    const res = await host.request('POST', `/api/email/accounts/${id}/sync`);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await host.runJobs();
    return account(id);
  };
  const inbox = (a: any) => a.folders_status.find((f: any) => f.path === 'INBOX');
  const asked = (token: string) => tokens.requests.filter((r) => r.token === token);

  beforeAll(async () => {
    requireDovecot();
    tokens = await startTokenIntrospection({ [TOKEN]: USER });
    dovecot = await startDovecot({ user: USER, oauth2: { introspectionUrl: tokens.url } });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-oauth-'));
    host = await createTestHost({ plugins: [documents, { plugin, config: { watch: false, secretKey: KEY } }], blobFolder: folder });
    await dovecot.appendMany('INBOX', [1, 2, 3].map(mail));
  }, T);
  afterAll(async () => {
    await host?.close();
    await dovecot?.stop();
    await tokens?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('syncs an xoauth2 account whose token the provider vouches for, and never shows the token', { timeout: T }, async () => {
    accountId = await addAccount('OAuth', TOKEN, dovecot.port);
    await host.runJobs(); // the first sync, queued when the account was added
    const a = await account(accountId);
    expect(a).toMatchObject({ auth: 'xoauth2', state: 'ok', last_error: null });
    expect(inbox(a)).toMatchObject({ seen: 3, stored: 3, duplicates: 0, failed: 0, pending: 0, last_uid: 3 });
    expect(JSON.stringify(a)).not.toContain(TOKEN);
    expect(JSON.stringify((await host.request('GET', '/api/email/accounts')).body)).not.toContain(TOKEN);

    // The login really went through the token check: Dovecot asked the endpoint about this token.
    expect(asked(TOKEN).length).toBeGreaterThanOrEqual(1);
    expect(asked(TOKEN).every((r) => r.active && r.method === 'POST')).toBe(true);
    // Both token mechanisms are offered; imapflow takes OAUTHBEARER then (as with Gmail).
    expect(await dovecot.log()).toContain(`Login: user=<${USER}>, method=OAUTHBEARER`);
    // Stored sealed, not as the token itself.
    const rows = await host.db.orm.execute('select secret from email_accounts' as never);
    const stored = ((rows as unknown as { rows?: unknown[] }).rows ?? (rows as unknown as unknown[])) as { secret: string }[];
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) expect(row.secret).not.toContain(TOKEN);
  });

  it('says error, the login refused, for a token the provider does not know', { timeout: T }, async () => {
    const id = await addAccount('Forkert token', WRONG, dovecot.port);
    await host.runJobs();
    host.clock.advance(60 * 60_000);
    await host.runJobs(); // and its retry
    const a = await account(id);
    expect(a.state).toBe('error');
    expect(a.last_error).toMatch(/^The mail server refused the login/);
    expect(a.last_error).toMatch(/token/);
    expect(a.last_success_at).toBeNull();
    expect(inbox(a)?.stored ?? 0).toBe(0);
    expect(JSON.stringify(a)).not.toContain(WRONG);
    expect(asked(WRONG).length).toBeGreaterThanOrEqual(1);
    expect(asked(WRONG).some((r) => r.active)).toBe(false);
    expect(await dovecot.log()).toContain('oauth2 failed: Introspection failed: Provided token is not valid');
    await host.request('DELETE', `/api/email/accounts/${id}`);
  });

  it('says error once the token has expired, keeps the last success, and syncs again with a fresh token', { timeout: T }, async () => {
    const before = await account(accountId);
    tokens.expire(TOKEN);
    await dovecot.append('INBOX', mail(4));
    const expired = await sync(accountId);
    expect(expired.state).toBe('error');
    expect(expired.last_error).toMatch(/^The mail server refused the login/);
    expect(expired.last_success_at).toBe(before.last_success_at);
    expect(inbox(expired)).toMatchObject({ stored: 3, last_uid: 3 });
    expect(asked(TOKEN).at(-1)).toMatchObject({ active: false });

    tokens.grant(FRESH, USER);
    const patched = await host.request('PATCH', `/api/email/accounts/${accountId}`, { body: { secret: FRESH } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(JSON.stringify(patched.body)).not.toContain(FRESH);
    // The failed sync's retry waits out its backoff; skip ahead so it (or a new one) runs now.
    host.clock.advance(10 * 60_000);
    const again = await sync(accountId);
    expect(again).toMatchObject({ state: 'ok', last_error: null });
    expect(inbox(again)).toMatchObject({ seen: 4, stored: 4, duplicates: 0, last_uid: 4 });
    expect(asked(FRESH).at(-1)).toMatchObject({ active: true });
    expect(JSON.stringify(again)).not.toContain(FRESH);
  });

  it('syncs where the server offers XOAUTH2 only (as Microsoft 365), and is refused there with a wrong token', { timeout: T }, async () => {
    const only = await startDovecot({ user: USER, oauth2: { introspectionUrl: tokens.url, mechanisms: ['xoauth2'] } });
    try {
      await only.appendMany('INBOX', [11, 12].map(mail));
      const id = await addAccount('Kun XOAUTH2', FRESH, only.port);
      await host.runJobs();
      const a = await account(id);
      expect(a).toMatchObject({ state: 'ok', last_error: null });
      // Both messages are new to this account (the message ids differ from the first mailbox's).
      expect(inbox(a)).toMatchObject({ seen: 2, stored: 2, last_uid: 2 });

      const wrong = await addAccount('Kun XOAUTH2, forkert', WRONG, only.port);
      await host.runJobs();
      const refused = await account(wrong);
      expect(refused.state).toBe('error');
      expect(refused.last_error).toMatch(/^The mail server refused the login/);

      const log = await only.log();
      expect(log).toContain(`Login: user=<${USER}>, method=XOAUTH2`);
      expect(log).not.toContain('method=OAUTHBEARER');
      await host.request('DELETE', `/api/email/accounts/${id}`);
      await host.request('DELETE', `/api/email/accounts/${wrong}`);
    } finally {
      await only.stop();
    }
  });
});
