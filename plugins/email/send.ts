import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { CrmError } from '../../plugin-api.js';
import type { Ctx } from './context.ts';
import { fileInSent } from './imap/append.ts';
import { type IngestEnv, ingest } from './ingest.ts';
import { isReplySubject } from './parse/index.ts';
import { openSecret } from './secrets.ts';
import type { IsOwn } from './parties.ts';
import { type AccountRow, getAccount, listAccounts, type MessageRow, type Party, type ThreadRow } from './store.ts';

export interface ReplyInput {
  text: string;
  cc: string[];
  replyAll: boolean;
}

/**
 * Answers a thread through the account's SMTP server (nodemailer): to the sender of the last
 * message that came in (its Reply-To if it has one; everyone else on it too with `replyAll`),
 * `Re:` before the subject unless it is a reply already, In-Reply-To and References so every
 * mail client files it in the same conversation, the message answered quoted below in the
 * thread's language. The sent bytes are then taken in like any mail (the thread, the
 * timeline's `email.sent`) and filed in the mailbox's sent folder (imap/append.ts); the next
 * sync recognises that copy by its Message-ID.
 *
 * @example
 * const message = await sendReply(ctx, env, account, thread, messages, { text: 'Tak, vi kommer torsdag.', cc: [], replyAll: false });
 */
export async function sendReply(ctx: Ctx, env: IngestEnv, account: AccountRow, thread: ThreadRow, messages: MessageRow[], input: ReplyInput): Promise<MessageRow> {
  if (!account.smtp_host || !account.smtp_port) throw new CrmError('conflict', `The account ${account.name} has no SMTP server, so it cannot send; add one to the account`);
  const answered = answeredMessage(messages);
  if (!answered) throw new CrmError('conflict', 'The thread has no message to answer');
  const to = replyRecipients(env.isOwn, answered, input.replyAll);
  if (to.length === 0) throw new CrmError('conflict', 'The message has no address to answer to');
  const domain = account.email.slice(account.email.lastIndexOf('@') + 1);
  const messageId = `<${randomUUID()}@${domain}>`;
  const subject = answered.subject ?? thread.subject ?? '';
  const references = [...answered.refs, ...(answered.message_id ? [answered.message_id] : [])].slice(-20);
  const lang = ctx.text.detectLanguage(`${answered.new_text} ${input.text}`);

  const raw = await new MailComposer({
    from: { name: account.name, address: account.email },
    to: to.map((p) => ({ name: p.name ?? '', address: p.address })),
    ...(input.cc.length ? { cc: input.cc } : {}),
    subject: isReplySubject(subject) ? subject : `Re: ${subject}`.trim(),
    messageId,
    ...(answered.message_id ? { inReplyTo: `<${answered.message_id}>`, references: references.map((r) => `<${r}>`).join(' ') } : {}),
    date: new Date(),
    text: `${input.text.trim()}\n\n${quote(answered, lang)}`,
    headers: { 'X-Mailer': 'open-crm' },
  }).compile().build();

  const secret = openSecret(ctx.config.secretKey, account.id, account.secret);
  const transport = nodemailer.createTransport({
    host: account.smtp_host, port: account.smtp_port, secure: Boolean(account.smtp_tls),
    auth: account.auth === 'xoauth2' ? { type: 'OAuth2', user: account.username, accessToken: secret } : { user: account.username, pass: secret },
    connectionTimeout: ctx.config.timeoutMs, greetingTimeout: Math.min(ctx.config.timeoutMs, 30_000), socketTimeout: ctx.config.timeoutMs,
  });
  try {
    await transport.sendMail({ envelope: { from: account.email, to: [...to.map((p) => p.address), ...input.cc] }, raw });
  } catch (error) {
    const e = error as Error & { responseCode?: number; code?: string };
    throw new CrmError('unavailable', `The mail server did not take the reply${e.responseCode ? ` (${e.responseCode})` : ''}: ${e.message}`.slice(0, 500), { cause: error });
  } finally {
    transport.close();
  }
  const stored = await ingest(ctx, env, raw, { way: 'sent', account_id: account.id, at: new Date().toISOString() });
  if (stored.outcome !== 'stored') throw new CrmError('internal', `The reply was sent, but storing it gave ${stored.outcome}`);
  await fileInSent(ctx, account, raw);
  return stored.message;
}

/** The message a reply answers: the last that came in, else the last. */
export function answeredMessage(messages: MessageRow[]): MessageRow | undefined {
  return [...messages].reverse().find((m) => m.direction === 'in') ?? messages[messages.length - 1];
}

/**
 * Who a reply to `m` goes to: its Reply-To or sender when it came in (the recipients when it
 * was ours), with `all` everyone else on it too, never our own addresses twice.
 *
 * @example
 * replyRecipients(env.isOwn, answeredMessage(messages)!, false); // [{ name: 'Mette Jensen', address: 'mette@jensens-vvs.dk' }]
 */
export function replyRecipients(isOwn: IsOwn, m: MessageRow, all: boolean): Party[] {
  const first = m.direction === 'in' ? (m.reply_to.length ? m.reply_to : m.from_address ? [{ name: m.from_name, address: m.from_address }] : []) : m.to_addresses;
  const others = all ? [...m.to_addresses, ...m.cc_addresses] : [];
  const seen = new Set<string>();
  return [...first, ...others].filter((p) => {
    const a = p.address.toLowerCase();
    if (seen.has(a) || (isOwn(a) && m.direction === 'in')) return false;
    seen.add(a);
    return true;
  });
}

/**
 * The account a reply is sent from: the one asked for (404 when there is none), else the one
 * the thread came in through when it can send, else the first enabled one that can.
 *
 * @example
 * const account = await sendingAccount(ctx, messages, input.account_id);
 */
export async function sendingAccount(ctx: Ctx, messages: MessageRow[], accountId?: string): Promise<AccountRow | undefined> {
  const own = ctx.forCompany((await ctx.companies.self()).id);
  if (accountId) {
    const asked = await getAccount(own, accountId);
    if (!asked) throw new CrmError('not_found', `Email account ${accountId} not found`);
    return asked;
  }
  const cameThrough = [...messages].reverse().flatMap((m) => m.sources).find((s) => s.account_id)?.account_id;
  const via = cameThrough ? await getAccount(own, cameThrough) : undefined;
  return via?.smtp_host && via.enabled ? via : (await listAccounts(own)).find((a) => a.smtp_host && a.enabled);
}

/** The answered message quoted the way mail clients do it in the reader's language. */
function quote(m: MessageRow, lang: 'da' | 'en'): string {
  const who = m.from_name ? `${m.from_name} <${m.from_address}>` : (m.from_address ?? '');
  const when = m.sent_at ? new Date(m.sent_at) : null;
  const header = lang === 'da'
    ? `Den ${when ? when.toLocaleString('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }) : ''} skrev ${who}:`
    : `On ${when ? when.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }) : ''}, ${who} wrote:`;
  return `${header.replace(/\s+/g, ' ')}\n${m.new_text.split('\n').map((line) => `> ${line}`).join('\n')}`;
}
