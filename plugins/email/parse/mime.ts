/**
 * A raw message (RFC 5322 / MIME) as the fields the email plugin stores: normalised ids and
 * addresses, a date that is a real instant or null, the body as text and as sanitised HTML,
 * the attachments that are documents (not signature logos). mailparser reads the MIME tree;
 * the top-level headers are read here (see headers.ts for why). Malformed mail gives what can be
 * read, never an exception: only bytes that are no mail at all throw {@link MailParseError}.
 */
import { simpleParser, type Attachment as MailAttachment, type ParsedMail } from 'mailparser';
import { parseAddresses, type Address } from './address.ts';
import { parseMailDate } from './date.ts';
import { decodeCharset, decodeQuotedPrintable, decodeWords, isUtf8, isWindows1252 } from './encoding.ts';
import { header, looksLikeMail, readHeaderBlock, type HeaderBlock, type HeaderField } from './headers.ts';
import { flatText, htmlToText } from './html-text.ts';
import { messageIds } from './message-id.ts';
import { embedInlineImages } from './inline.ts';
import { sanitizeHtml } from './sanitize.ts';

export type { Address } from './address.ts';

/**
 * The headers the rules (classify.ts) decide by, as sent (encoded words decoded), null when absent.
 *
 * @example
 * if (m.headers.listUnsubscribe) showUnsubscribeLink(m.headers.listUnsubscribe);
 */
export interface MessageHeaders {
  autoSubmitted: string | null;
  precedence: string | null;
  listId: string | null;
  listUnsubscribe: string | null;
  xAutoResponseSuppress: string | null;
  /** The envelope sender without brackets; `''` for the null sender `<>` of bounces and auto-replies. */
  returnPath: string | null;
  contentLanguage: string | null;
  /** The top-level Content-Type with its parameters (`multipart/report; report-type=delivery-status; ...`). */
  contentType: string | null;
  xAutoreply: string | null;
  xAutorespond: string | null;
}

/**
 * An attachment that is a document (signature logos and social icons are left out).
 *
 * @example
 * for (const a of m.attachments) await blobs.put(`${companyId}/${docId}/${a.name}`, a.content);
 */
export interface MessageAttachment {
  name: string;
  /** Lower-cased; for `application/octet-stream` mailparser guesses from the file name. */
  contentType: string;
  size: number;
  content: Buffer;
  /** Shown in the body rather than attached (a pasted screenshot). */
  inline: boolean;
  /** The Content-ID without brackets, what `cid:` URLs in the HTML name. */
  contentId: string | null;
}

/**
 * Codes for what could not be read as it should (`m.warnings.includes('date_invalid')`):
 * `mime_unreadable` (mailparser gave up; the body was read as one part, or not at all),
 * `charset_repaired` (a single-part body whose charset label lied was read in the charset its
 * bytes are in, Windows-1252 or UTF-8), `date_invalid` (a Date header unreadable or absurd).
 */
export type ParseWarning = 'mime_unreadable' | 'charset_repaired' | 'date_invalid';

/**
 * A parsed message, as {@link parseMessage} gives it.
 *
 * @example
 * const { messageId, from, subject, text, html, attachments } = await parseMessage(raw);
 */
export interface ParsedMessage {
  /** Normalised (see message-id.ts): no brackets, domain part lower-cased; null when missing or garbage. */
  messageId: string | null;
  inReplyTo: string | null;
  /** In header order, each id once; at most 200 (the thread's root and the 199 latest, as mailers trim). */
  references: string[];
  from: Address | null;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  subject: string | null;
  /** ISO 8601 UTC from the Date header; null when missing, unreadable, before 1990 or more than a day ahead. */
  date: string | null;
  /** The text part, or the HTML as plain text when there is none; `\n` line ends. */
  text: string;
  /** Sanitised (sanitize.ts): safe to show, remote images held back in `data-remote-src`. */
  html: string | null;
  hasRemoteImages: boolean;
  headers: MessageHeaders;
  attachments: MessageAttachment[];
  /** The raw message's size in bytes. */
  size: number;
  warnings: ParseWarning[];
}

/**
 * Thrown only for bytes that are not an email at all (no header block).
 *
 * @example
 * try { await parseMessage(bytes); } catch (e) { if (e instanceof MailParseError && e.code === 'not_email') skip(); }
 */
export class MailParseError extends Error {
  readonly code: 'not_email';

  constructor(code: 'not_email', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MailParseError';
    this.code = code;
  }
}

/** Most References kept: a hostile or runaway chain of thousands of ids threads no better than this. */
const MAX_REFERENCES = 200;

/** The thread's root and the latest ids when a chain is too long (RFC 5322 §3.6.4 suggests the same trim). */
function trimReferences(ids: string[]): string[] {
  return ids.length <= MAX_REFERENCES ? ids : [ids[0]!, ...ids.slice(ids.length - (MAX_REFERENCES - 1))];
}

/** Inline images smaller than this are signature logos and social icons, not documents (as in the documents plugin). */
const DECORATION_BYTES = 10 * 1024;

const PARSER_OPTIONS = { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true } as const;

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf', 'text/plain': 'txt', 'text/html': 'html', 'text/csv': 'csv', 'message/rfc822': 'eml',
  'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'application/xml': 'xml', 'text/xml': 'xml', 'text/calendar': 'ics',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** Signatures of signed mail (S/MIME, PGP): proof for mail clients, not documents for people. */
const SIGNATURE_TYPES = new Set(['application/pkcs7-signature', 'application/x-pkcs7-signature', 'application/pgp-signature']);

/** Whether a part is no document: a signature logo or social icon, or a signed mail's signature. */
function isDecoration(a: MailAttachment): boolean {
  const type = a.contentType.toLowerCase();
  if (SIGNATURE_TYPES.has(type)) return true;
  const inline = a.related === true || a.contentDisposition === 'inline' || Boolean(a.cid);
  return inline && type.startsWith('image/') && a.size < DECORATION_BYTES;
}

/** A file name safe to store: no directories (`../../x`), no control characters, not empty. */
function fileName(name: string | undefined, index: number, contentType: string): string {
  const base = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').split(/[/\\]/).pop()!.trim().slice(0, 255);
  return base && base !== '.' && base !== '..' ? base : `attachment-${index + 1}.${EXTENSIONS[contentType] ?? 'bin'}`;
}

function attachments(list: readonly MailAttachment[]): MessageAttachment[] {
  return list
    .filter((a) => !isDecoration(a))
    .map((a, i) => {
      const contentType = (a.contentType || 'application/octet-stream').toLowerCase();
      // mailparser's buffers may be views into a shared pool; a stored attachment owns its bytes.
      const content = a.content.byteOffset === 0 && a.content.byteLength === a.content.buffer.byteLength ? a.content : Buffer.from(a.content);
      return {
        name: fileName(a.filename, i, contentType),
        contentType,
        size: content.length,
        content,
        inline: a.contentDisposition === 'inline' || a.related === true,
        contentId: a.cid?.trim() || null,
      };
    });
}

function inlineParts(list: readonly MailAttachment[]): { contentId: string | null; contentType: string; content: Buffer }[] {
  return list.filter((a) => a.cid).map((a) => ({ contentId: a.cid!, contentType: (a.contentType || '').toLowerCase(), content: a.content }));
}

function all(fields: readonly HeaderField[], name: string): string[] {
  return fields.filter((f) => f.name === name).map((f) => f.value);
}

function decoded(fields: readonly HeaderField[], name: string): string | null {
  const value = header(fields, name);
  if (value === null) return null;
  return decodeWords(value).replace(/\s+/g, ' ').trim();
}

function messageHeaders(fields: readonly HeaderField[]): MessageHeaders {
  const returnPath = header(fields, 'return-path');
  return {
    autoSubmitted: decoded(fields, 'auto-submitted'),
    precedence: decoded(fields, 'precedence'),
    listId: decoded(fields, 'list-id'),
    listUnsubscribe: decoded(fields, 'list-unsubscribe'),
    xAutoResponseSuppress: decoded(fields, 'x-auto-response-suppress'),
    returnPath: returnPath === null ? null : returnPath.replace(/[<>\s]/g, '').toLowerCase(),
    contentLanguage: decoded(fields, 'content-language'),
    contentType: header(fields, 'content-type'),
    xAutoreply: decoded(fields, 'x-autoreply'),
    xAutorespond: decoded(fields, 'x-autorespond'),
  };
}

/** The type and charset of a Content-Type value. */
function contentTypeOf(value: string | null): { type: string; charset: string | null } {
  const type = (value ?? 'text/plain').split(';')[0]!.trim().toLowerCase() || 'text/plain';
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(value ?? '')?.[1] ?? null;
  return { type, charset };
}

/** The body of a single-part message read here: transfer encoding undone, charset decoded (guessed when it lies). */
function singlePartBody(block: HeaderBlock): { text: string; bytes: Buffer } {
  const body = block.message.subarray(block.bodyStart);
  const encoding = (header(block.fields, 'content-transfer-encoding') ?? '').trim().toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64') : encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
  const { charset } = contentTypeOf(header(block.fields, 'content-type'));
  return { text: decodeCharset(bytes, charset), bytes };
}

function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

function safeHtmlToText(html: string): string {
  try {
    return htmlToText(html);
  } catch {
    // Markup the DOM walk cannot take: its text without the tags is still better than nothing.
    return flatText(html);
  }
}

/**
 * Parses a raw message. Never throws on malformed mail (broken MIME, missing boundaries,
 * unknown or lying charsets, raw 8-bit headers): it returns what can be read, with
 * `warnings` saying what could not. Throws {@link MailParseError} `not_email` only when the
 * bytes have no mail header block at all. `now` bounds the Date header (tests pass one).
 *
 * @example
 * const m = await parseMessage(fs.readFileSync('svar.eml'));
 * m.from; // { name: 'Mette Jensen', address: 'mette@kunde.dk' }
 * m.subject; // 'SV: Tilbud på tagrenovering'
 * m.inReplyTo; // 'tilbud-4711@nordlys-tag.dk'
 */
export async function parseMessage(raw: Buffer | Uint8Array, options: { now?: Date } = {}): Promise<ParsedMessage> {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const block = readHeaderBlock(bytes);
  if (!looksLikeMail(block)) throw new MailParseError('not_email', 'The bytes are not an email: they do not start with mail headers');
  const { fields } = block;
  const warnings: ParseWarning[] = [];

  let mail: ParsedMail | null = null;
  try {
    mail = await simpleParser(block.message, PARSER_OPTIONS);
  } catch {
    warnings.push('mime_unreadable');
  }

  const { type, charset } = contentTypeOf(header(fields, 'content-type'));
  const singleText = !type.startsWith('multipart/') && (type === 'text/plain' || type === 'text/html');
  let text = mail?.text ?? '';
  let html = typeof mail?.html === 'string' && mail.html.trim() ? mail.html : null;
  if (!mail && singleText) {
    const body = singlePartBody(block).text;
    if (type === 'text/html') html = body;
    else text = body;
  } else if (mail && singleText && (!charset || /^(?:utf-?8|us-ascii)$/i.test(charset)) && (text.includes('\uFFFD') || html?.includes('\uFFFD'))) {
    // The part says UTF-8 (or nothing) but its bytes are not: old mailers send Latin-1 like that.
    const body = singlePartBody(block);
    if (!isUtf8(body.bytes)) {
      const repaired = decodeCharset(body.bytes, 'windows-1252');
      if (type === 'text/html') html = repaired;
      else text = repaired;
      warnings.push('charset_repaired');
    }
  } else if (mail && singleText && isWindows1252(charset)) {
    // The reverse lie: UTF-8 labelled Latin-1 ("blÃ¥bÃ¦r"). Latin-1 text is next to never valid
    // UTF-8 once it has non-ASCII bytes, so valid UTF-8 means the label is wrong.
    const body = singlePartBody(block);
    if (body.bytes.some((b) => b >= 0x80) && isUtf8(body.bytes)) {
      const repaired = body.bytes.toString('utf8');
      if (type === 'text/html') html = repaired;
      else text = repaired;
      warnings.push('charset_repaired');
    }
  }
  if (!text.trim() && html) text = safeHtmlToText(html);
  const safe = html ? sanitizeHtml(html) : null;

  const dateHeader = header(fields, 'date');
  const date = parseMailDate(dateHeader, options.now);
  if (dateHeader && !date) warnings.push('date_invalid');
  const subject = decoded(fields, 'subject');

  return {
    messageId: messageIds(header(fields, 'message-id'))[0] ?? null,
    inReplyTo: messageIds(header(fields, 'in-reply-to'))[0] ?? null,
    references: trimReferences(messageIds(all(fields, 'references').join(' '))),
    from: parseAddresses(all(fields, 'from'))[0] ?? null,
    to: parseAddresses(all(fields, 'to')),
    cc: parseAddresses(all(fields, 'cc')),
    bcc: parseAddresses(all(fields, 'bcc')),
    replyTo: parseAddresses(all(fields, 'reply-to')),
    subject: subject || null,
    date,
    text: normaliseText(text),
    // Inline images the HTML names by cid: (logos included, which are no attachments) shown in place.
    html: safe?.html.trim() ? embedInlineImages(safe.html, inlineParts(mail?.attachments ?? [])) : null,
    hasRemoteImages: safe?.hasRemoteImages ?? false,
    headers: messageHeaders(fields),
    attachments: mail ? attachments(mail.attachments) : [],
    size: bytes.length,
    warnings,
  };
}
