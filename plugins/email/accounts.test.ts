import type { ListResponse } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { accountOut, accountState } from './accounts.ts';
import { pickFolders } from './imap/client.ts';
import { openSecret, sealSecret } from './secrets.ts';
import type { AccountRow } from './store.ts';

const KEY = 'a-key-of-at-least-thirty-two-characters!';
const NOW = Date.parse('2026-12-03T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

function account(fields: Partial<AccountRow> = {}): AccountRow {
  return {
    id: '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47', company_id: '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e48', name: 'Kontoret', email: 'kontor@tagfirma.dk',
    imap_host: 'imap.example', imap_port: 993, imap_tls: true, smtp_host: null, smtp_port: null, smtp_tls: null, username: 'kontor', auth: 'password',
    secret: 'v1.x.y.z', folders: null, policy: {}, idle: true, interval_minutes: 5, enabled: true, sync_job_id: null,
    sync_started_at: null, sync_finished_at: null, last_progress_at: null, last_success_at: null, last_error: null, last_error_at: null,
    created_at: ago(1), updated_at: ago(1), ...fields,
  };
}

describe('account state', () => {
  it('is syncing only while a sync makes progress, and stalled when it has made none for the threshold', () => {
    expect(accountState(account(), NOW, 15)).toBe('never_synced');
    expect(accountState(account({ sync_started_at: ago(2), last_progress_at: ago(1) }), NOW, 15)).toBe('syncing');
    expect(accountState(account({ sync_started_at: ago(40), last_progress_at: ago(20) }), NOW, 15)).toBe('stalled');
  });

  it('is stalled when no sync started for the threshold past the interval (the schedule is not running), even after a success', () => {
    const done = { sync_started_at: ago(3), sync_finished_at: ago(2), last_success_at: ago(2) };
    expect(accountState(account(done), NOW, 15)).toBe('ok');
    expect(accountState(account({ sync_started_at: ago(30), sync_finished_at: ago(29), last_success_at: ago(29) }), NOW, 15)).toBe('stalled');
    expect(accountState(account({ created_at: ago(60) }), NOW, 15)).toBe('stalled');
  });

  it('is error when the last sync failed, ok again after a success, and disabled when switched off', () => {
    const failed = { sync_started_at: ago(3), sync_finished_at: ago(2), last_success_at: ago(10), last_error: 'The mail server refused the login', last_error_at: ago(2) };
    expect(accountState(account(failed), NOW, 15)).toBe('error');
    expect(accountState(account({ ...failed, last_success_at: ago(1) }), NOW, 15)).toBe('ok');
    expect(accountState(account({ ...failed, enabled: false }), NOW, 15)).toBe('disabled');
  });

  it('never shows the secret', () => {
    const out = accountOut(account({ secret: sealSecret(KEY, 'a', 'hunter2-secret') }), [], null, 15, NOW);
    expect(JSON.stringify(out)).not.toMatch(/secret|hunter2|v1\./);
  });
});

describe('secrets at rest', () => {
  it('seals with AES-GCM bound to the account: the right key opens it, a wrong key, another account or a changed byte does not', () => {
    const sealed = sealSecret(KEY, 'account-1', 'app-password-123');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('app-password');
    expect(sealSecret(KEY, 'account-1', 'app-password-123')).not.toBe(sealed); // a fresh IV each time
    expect(openSecret(KEY, 'account-1', sealed)).toBe('app-password-123');
    expect(() => openSecret(`${KEY}x`, 'account-1', sealed)).toThrow(/not the key it was stored with/);
    expect(() => openSecret(KEY, 'account-2', sealed)).toThrow(/not the key it was stored with/);
    const parts = sealed.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    expect(() => openSecret(KEY, 'account-1', parts.join('.'))).toThrow();
  });

  it('refuses to store a secret without a key, naming the variable', () => {
    expect(() => sealSecret(undefined, 'a', 'x')).toThrow(/CRM_PLUGIN_EMAIL_SECRET_KEY/);
  });
});

describe('folders to follow', () => {
  const folder = (path: string, specialUse?: string, source?: 'user' | 'extension' | 'name', flags: string[] = []): ListResponse =>
    ({ path, pathAsListed: path, name: path, delimiter: '/', parent: [], parentPath: '', flags: new Set(flags), specialUse, specialUseSource: source, listed: true, subscribed: true }) as ListResponse;

  it('finds the inbox and the sent folder by their special-use flags, not by their names', () => {
    const listed = [folder('INBOX', '\\Inbox', 'name'), folder('Sent', '\\Sent', 'name'), folder('Sendt post', '\\Sent', 'extension'), folder('Arkiv', '\\Archive', 'extension')];
    expect(pickFolders(listed, null)).toEqual({ folders: [{ path: 'INBOX', specialUse: '\\Inbox' }, { path: 'Sendt post', specialUse: '\\Sent' }], missing: [] });
  });

  it('follows the folders an account names, and reports the ones the server does not have', () => {
    const listed = [folder('INBOX', '\\Inbox', 'name'), folder('Kunder/Jensens'), folder('[Gmail]', undefined, undefined, ['\\Noselect'])];
    expect(pickFolders(listed, ['inbox', 'Kunder/Jensens', 'Findes ikke', '[Gmail]'])).toEqual({
      folders: [{ path: 'INBOX', specialUse: '\\Inbox' }, { path: 'Kunder/Jensens', specialUse: null }],
      missing: ['Findes ikke', '[Gmail]'],
    });
  });
});
