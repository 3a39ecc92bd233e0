import { execFile, execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { chown, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { close, listen } from './http-server.ts';
import { freePort } from './net.ts';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/dovecot.sh', import.meta.url));
const DOVECOT = '/usr/sbin/dovecot';
const DOVEADM = '/usr/bin/doveadm';

/**
 * A running throw-away Dovecot IMAP server (see scripts/dovecot.sh) and what a test does to it.
 *
 * @example
 * const { uid } = await dovecot.append('INBOX', raw);
 * await dovecot.kickAll(); // the plugin's open connection drops
 */
export interface Dovecot {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The temp dir with its config, maildir (`mail/<user>`) and log (`dovecot.log`). */
  readonly dir: string;
  /** The OAuth2 token check it was started with (`startDovecot({ oauth2 })`), else null. */
  readonly oauth2: DovecotOAuth2 | null;
  /** Options for `new ImapFlow(...)` that log in as the user (imapflow's logger off). */
  imapOptions(overrides?: Partial<ImapFlowOptions>): ImapFlowOptions;
  /** A connected, logged-in ImapFlow client; the caller logs it out. */
  connect(overrides?: Partial<ImapFlowOptions>): Promise<ImapFlow>;
  /** APPENDs one message over IMAP (its own connection); the UID comes from UIDPLUS. */
  append(folder: string, raw: string | Buffer, options?: AppendOptions): Promise<{ uid: number }>;
  /** APPENDs many messages over one connection, in order. */
  appendMany(folder: string, raws: (string | Buffer)[], options?: AppendOptions): Promise<{ uids: number[] }>;
  /** Empties the folder under a new UIDVALIDITY (as if deleted and created again); returns it. */
  recreateFolder(folder: string): Promise<bigint>;
  /** The folder's UIDVALIDITY (a bigint, as imapflow reports it in `mailbox.uidValidity`). */
  uidValidity(folder: string): Promise<bigint>;
  /** Drops every open IMAP connection of the user (their `close` event fires). */
  kickAll(): Promise<void>;
  /** Its log (`dovecot.log`) so far: logins with their method, and why a login was refused. */
  log(): Promise<string>;
  /** Stops the server and removes its dir; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * How `append` stores a message besides its bytes.
 *
 * @example
 * await dovecot.append('Sent', raw, { flags: ['\\Seen'], date: new Date('2025-12-01T09:00:00Z') });
 */
export interface AppendOptions {
  /** IMAP flags such as `\\Seen`. */
  flags?: string[];
  /** The INTERNALDATE (arrival time) the server records. */
  date?: Date;
}

/**
 * OAuth2 logins for `startDovecot`: besides the password, the user may log in with an access
 * token (AUTHENTICATE XOAUTH2 or OAUTHBEARER), which Dovecot's oauth2 passdb checks by POSTing
 * `token=<token>` to `introspectionUrl` (RFC 7662; see `startTokenIntrospection`).
 *
 * @example
 * const tokens = await startTokenIntrospection({ 'token-1': 'test@example.com' });
 * const dovecot = await startDovecot({ oauth2: { introspectionUrl: tokens.url } });
 */
export interface DovecotOAuth2 {
  /** `http://127.0.0.1:<port>/<path>`; Dovecot reads `{ "active": true, "username": "<user>" }`. */
  introspectionUrl: string;
  /** The SASL mechanisms offered for tokens; both by default. `['xoauth2']` is what Microsoft 365 offers. */
  mechanisms?: ('xoauth2' | 'oauthbearer')[];
}

/**
 * Whether Dovecot is installed (Debian's dovecot-imapd).
 *
 * @example
 * if (!dovecotAvailable()) console.warn('no Dovecot here');
 */
export function dovecotAvailable(): boolean {
  return existsSync(DOVECOT) && existsSync(DOVEADM);
}

/**
 * Throws, with the install command, when Dovecot is missing. Tests call this rather than skip:
 * CI installs Dovecot (.ci/run), so a missing server is a broken machine, not a reason to pass.
 *
 * @example
 * beforeAll(() => requireDovecot());
 */
export function requireDovecot(): void {
  if (!dovecotAvailable()) {
    throw new Error(`Dovecot is not installed (${DOVECOT}, ${DOVEADM}); the email tests need a real IMAP server: apt-get install -y dovecot-imapd`);
  }
}

/**
 * Starts a throw-away Dovecot on a free loopback port with one user whose INBOX, Sent, Drafts,
 * Trash, Junk and Archive exist (with their special-use flags). Needs root. With `oauth2` the
 * user may also log in with an OAuth2 access token that the introspection endpoint vouches for.
 *
 * @example
 * const dovecot = await startDovecot();
 * await dovecot.append('INBOX', 'Subject: Hi\r\n\r\nHello\r\n');
 * const client = await dovecot.connect();
 * await client.logout();
 * await dovecot.stop();
 */
export async function startDovecot(options: { user?: string; password?: string; oauth2?: DovecotOAuth2 } = {}): Promise<Dovecot> {
  requireDovecot();
  const user = options.user ?? 'test@example.com';
  const password = options.password ?? 'test-password';
  const oauth2 = options.oauth2 ?? null;
  const oauth2Args = oauth2 ? oauth2ScriptArgs(oauth2) : [];
  const dir = await mkdtemp(join(tmpdir(), 'crm-dovecot-'));
  const port = await startOnFreePort(dir, user, password, oauth2Args);
  const conf = join(dir, 'dovecot.conf');

  // A test process that dies without afterAll must not leave a daemonized Dovecot behind.
  const stopSync = () => {
    try {
      execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // exiting anyway
    }
  };
  process.once('exit', stopSync);

  const imapOptions = (overrides: Partial<ImapFlowOptions> = {}): ImapFlowOptions => ({
    host: '127.0.0.1',
    port,
    secure: false,
    auth: { user, pass: password },
    logger: false,
    ...overrides,
  });
  const connect = async (overrides?: Partial<ImapFlowOptions>) => {
    const client = new ImapFlow(imapOptions(overrides));
    // imapflow emits 'error' on a dropped socket; without a listener that would crash the test.
    client.on('error', () => {});
    await client.connect();
    return client;
  };
  const withClient = async <T>(work: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = await connect();
    try {
      return await work(client);
    } finally {
      await client.logout().catch(() => client.close());
    }
  };
  const appendOne = async (client: ImapFlow, folder: string, raw: string | Buffer, opts: AppendOptions = {}) => {
    const result = await client.append(folder, raw, opts.flags, opts.date);
    if (!result || result.uid === undefined) throw new Error(`APPEND to ${folder} gave no UID (UIDPLUS)`);
    return result.uid;
  };
  const uidValidity = (folder: string) =>
    withClient(async (client) => {
      const status = await client.status(folder, { uidValidity: true });
      if (!status || status.uidValidity === undefined) throw new Error(`STATUS ${folder} gave no UIDVALIDITY`);
      return status.uidValidity;
    });
  const doveadm = (...args: string[]) => run(DOVEADM, ['-c', conf, ...args]);

  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    dir,
    oauth2,
    imapOptions,
    connect,
    append: async (folder, raw, opts) => ({ uid: await withClient((client) => appendOne(client, folder, raw, opts)) }),
    appendMany: (folder, raws, opts) =>
      // One after another on one connection: imapflow runs one command at a time anyway, and a
      // login per message would cost more than the APPENDs.
      withClient(async (client) => {
        const uids: number[] = [];
        for (const raw of raws) uids.push(await appendOne(client, folder, raw, opts));
        return { uids };
      }),
    recreateFolder: async (folder) => {
      const before = await uidValidity(folder);
      if (folder.toUpperCase() === 'INBOX') {
        // IMAP cannot DELETE the INBOX: empty it and start its UID list afresh instead.
        await doveadm('expunge', '-u', user, 'mailbox', 'INBOX', 'all');
        await resetInboxUidList(join(dir, 'mail', user), (before % 0xffffffffn) + 1n);
        // Dovecot reads the list again only when the maildir changes; make it do so now, so that
        // STATUS and SELECT report the new UIDVALIDITY at once.
        await doveadm('force-resync', '-u', user, 'INBOX');
      } else {
        // Dovecot hands out UIDVALIDITY from a counter of the mail root, so the new folder's
        // differs even when it is created within the same second.
        await withClient(async (client) => {
          await client.mailboxDelete(folder);
          await client.mailboxCreate(folder);
          await client.mailboxSubscribe(folder);
        });
      }
      const after = await uidValidity(folder);
      if (after === before) throw new Error(`recreateFolder(${folder}): UIDVALIDITY stayed ${before}`);
      return after;
    },
    uidValidity,
    kickAll: async () => {
      // anvil knows every imap process of the user; each is told to quit (BYE, then close).
      // With none open, doveadm says "No users kicked" and exits 68: nothing to drop is fine.
      await doveadm('kick', user).catch((error: { code?: unknown }) => {
        if (error.code !== 68) throw error;
      });
    },
    log: () => readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => ''),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.off('exit', stopSync);
      await run('bash', [SCRIPT, 'stop', dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Rewrites the maildir's `dovecot-uidlist` of an emptied INBOX to a new UIDVALIDITY with the next
 * UID back at 1, as a created folder has. Not `doveadm mailbox update --uid-validity`: that keeps
 * the UID counter, so new mail would get UIDs after the old ones and a client that ignores
 * UIDVALIDITY would not notice. At its next sync Dovecot sees "UIDVALIDITY changed", rebuilds the
 * index and drops a session that has INBOX selected ("view is now inconsistent"), as a real
 * server does. Written as Dovecot writes it: into `dovecot-uidlist.lock`, created
 * exclusively (the dotlock its own writers take), then renamed over the list.
 */
async function resetInboxUidList(maildir: string, uidValidity: bigint): Promise<void> {
  const list = join(maildir, 'dovecot-uidlist');
  const lock = `${list}.lock`;
  const [header = ''] = (await readFile(list, 'utf8')).split('\n');
  // "3 V<uidvalidity> N<next uid> G<mailbox guid>"; the entries go: the messages are expunged.
  const fresh = header.replace(/ V\d+/, ` V${uidValidity}`).replace(/ N\d+/, ' N1');
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lock, `${fresh}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  // The file belongs to the mail user, as every file of the maildir.
  const { uid, gid } = await stat(list);
  await chown(lock, uid, gid);
  await rename(lock, list);
}

/** scripts/dovecot.sh's optional arguments for OAuth2: the introspection URL and the mechanisms. */
function oauth2ScriptArgs(oauth2: DovecotOAuth2): string[] {
  const url = new URL(oauth2.introspectionUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`oauth2.introspectionUrl must be http(s): ${oauth2.introspectionUrl}`);
  const mechanisms = oauth2.mechanisms ?? ['xoauth2', 'oauthbearer'];
  if (!mechanisms.length) throw new Error('oauth2.mechanisms: name xoauth2, oauthbearer or both');
  return [url.href, mechanisms.join(' ')];
}

/** freePort() can lose the port to another process before Dovecot binds it; then try another. */
async function startOnFreePort(dir: string, user: string, password: string, extra: string[] = []): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await run('bash', [SCRIPT, 'start', dir, String(port), user, password, ...extra]);
      return port;
    } catch (error) {
      await run('bash', [SCRIPT, 'stop', dir]).catch(() => {});
      const stderr = String((error as { stderr?: unknown }).stderr ?? error);
      if (attempt < 3 && /in use/i.test(stderr)) continue;
      await rm(dir, { recursive: true, force: true });
      throw new Error(`Dovecot did not start: ${stderr.trim()}`);
    }
  }
}

/**
 * A stub OAuth2 token introspection endpoint (RFC 7662) for `startDovecot({ oauth2 })`: Dovecot
 * POSTs `token=<token>&client_id=&client_secret=` (form-encoded) and gets
 * `{ "active": true, "username": "<user>" }` for a token it was given, `{ "active": false }` for
 * any other and for one that `expire` ended, as a real provider answers an unknown, expired or
 * revoked token.
 *
 * @example
 * const tokens = await startTokenIntrospection({ 'ya29.valid': 'test@example.com' });
 * const dovecot = await startDovecot({ oauth2: { introspectionUrl: tokens.url } });
 * tokens.expire('ya29.valid'); // the next login with it is refused
 */
export interface TokenIntrospection {
  /** `http://127.0.0.1:<port>/introspect`. */
  readonly url: string;
  /** Every request so far, in order: what Dovecot sent. */
  readonly requests: readonly IntrospectionRequest[];
  /** Makes `token` valid for `user` from now on. */
  grant(token: string, user: string): void;
  /** `token` is inactive from now on (expired or revoked). */
  expire(token: string): void;
  close(): Promise<void>;
}

/** One request to the introspection stub as it arrived. */
export interface IntrospectionRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  /** The raw body, e.g. `token=ya29.valid&client_id=&client_secret=`. */
  body: string;
  /** The `token` form field, null when there is none. */
  token: string | null;
  /** Whether the answer was `active: true`. */
  active: boolean;
}

/**
 * Starts the introspection stub on a free port of 127.0.0.1 with `tokens` (token → user) valid.
 *
 * @example
 * const tokens = await startTokenIntrospection({ 'ya29.valid': 'test@example.com' });
 */
export async function startTokenIntrospection(tokens: Record<string, string> = {}): Promise<TokenIntrospection> {
  const valid = new Map(Object.entries(tokens));
  const requests: IntrospectionRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    const form = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    const token = form ? new URLSearchParams(body).get('token') : null;
    const user = req.method === 'POST' && path === '/introspect' && token !== null ? valid.get(token) : undefined;
    requests.push({ method: req.method ?? '', path, contentType: req.headers['content-type'], body, token, active: user !== undefined });
    if (req.method !== 'POST' || path !== '/introspect') {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found' }));
      return;
    }
    // RFC 7662 section 2.2: an inactive token is answered with "active": false and nothing else.
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(user !== undefined ? { active: true, username: user } : { active: false }));
  });
  const origin = await listen(server);
  return {
    url: `${origin}/introspect`,
    requests,
    grant: (token, user) => void valid.set(token, user),
    expire: (token) => void valid.delete(token),
    close: () => close(server),
  };
}
