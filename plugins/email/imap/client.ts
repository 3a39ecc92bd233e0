import { ImapFlow, type ListResponse } from 'imapflow';
import type { Ctx } from '../context.ts';
import { openSecret } from '../secrets.ts';
import type { AccountRow } from '../store.ts';

const IDLE_RENEW_MS = 5 * 60_000;

/**
 * An IMAP connection for an account (imapflow), its secret decrypted only here: a password,
 * or an OAuth2 access token sent with XOAUTH2. Connected and logged in; the caller logs out.
 *
 * @example
 * const client = await connect(ctx, account);
 * try { … } finally { await client.logout().catch(() => client.close()); }
 */
export async function connect(ctx: Ctx, account: AccountRow, options: { idle?: boolean } = {}): Promise<ImapFlow> {
  const secret = openSecret(ctx.config.secretKey, account.id, account.secret);
  const client = new ImapFlow({
    host: account.imap_host,
    port: account.imap_port,
    secure: account.imap_tls,
    auth: account.auth === 'xoauth2' ? { user: account.username, accessToken: secret } : { user: account.username, pass: secret },
    logger: false,
    // Nobody idles by accident: a sync issues its own commands, a watcher calls idle() itself,
    // renewed every few minutes (RFC 2177: servers may end an IDLE after 30 minutes).
    disableAutoIdle: true,
    ...(options.idle ? { maxIdleTime: IDLE_RENEW_MS } : {}),
    connectionTimeout: ctx.config.timeoutMs,
    greetingTimeout: Math.min(ctx.config.timeoutMs, 30_000),
    socketTimeout: Math.max(ctx.config.timeoutMs, 5 * 60_000),
    clientInfo: { name: 'open-crm', version: ctx.plugin.version },
  });
  // An error event without a listener would take the process down; the awaited calls see it.
  client.on('error', (error: Error) => ctx.logger.warn({ account: account.id, err: error }, 'IMAP connection error'));
  await client.connect();
  return client;
}

/** Closes a connection however it is (logged in, broken, half-open). */
export async function disconnect(client: ImapFlow): Promise<void> {
  try {
    await Promise.race([client.logout(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  } catch {
    // A connection that already dropped has nothing to log out from.
  }
  client.close();
}

/**
 * The folders to follow: the paths the account names, or else the inbox and the sent folder,
 * found by their special-use flags (`\Inbox`, `\Sent`: "Sendt post", "Sent Items" and
 * "[Gmail]/Sent Mail" alike). A server without SPECIAL-USE gets imapflow's guess by name.
 * A named folder the server does not have is reported, not silently dropped.
 *
 * @example
 * pickFolders(await client.list(), null); // [{ path: 'INBOX', specialUse: '\\Inbox' }, { path: 'Sent', specialUse: '\\Sent' }]
 */
export function pickFolders(listed: ListResponse[], wanted: string[] | null): { folders: { path: string; specialUse: string | null }[]; missing: string[] } {
  const selectable = listed.filter((f) => !f.flags.has('\\Noselect') && !f.flags.has('\\NonExistent'));
  if (wanted) {
    const byPath = new Map(selectable.map((f) => [f.path.toLowerCase(), f]));
    const folders = wanted.flatMap((w) => {
      const f = byPath.get(w.toLowerCase()) ?? (w.toUpperCase() === 'INBOX' ? byPath.get('inbox') : undefined);
      return f ? [{ path: f.path, specialUse: f.specialUse ?? null }] : [];
    });
    return { folders, missing: wanted.filter((w) => !byPath.has(w.toLowerCase())) };
  }
  const inbox = selectable.find((f) => f.specialUse === '\\Inbox') ?? selectable.find((f) => f.path.toUpperCase() === 'INBOX');
  const flagged = selectable.filter((f) => f.specialUse === '\\Sent' && f.specialUseSource !== 'name');
  const sent = flagged[0] ?? selectable.find((f) => f.specialUse === '\\Sent');
  const folders = [inbox, sent].filter((f): f is ListResponse => Boolean(f)).map((f) => ({ path: f.path, specialUse: f.specialUse ?? null }));
  return { folders, missing: inbox ? [] : ['INBOX'] };
}
