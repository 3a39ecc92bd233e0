/**
 * Test helpers: raw messages built byte by byte (headers, charsets, transfer encodings, MIME
 * structure) the way real mailers write them, and ready-made ParsedMessage values. For this
 * folder's tests and the email plugin's; not used by production code.
 */
import { encodeWindows1252 } from './encoding.ts';
import type { ParsedMessage } from './mime.ts';

/**
 * An address for {@link rawMessage}: `'Name <a@b.dk>'`, `'a@b.dk'` or `{ name, address }`.
 *
 * @example
 * const to: RawAddress[] = ['Mette Jensen <mette@kunde.dk>', { name: 'Søren', address: 'soren@kunde.dk' }];
 */
export type RawAddress = string | { name?: string | null; address: string };
/**
 * The charsets {@link rawMessage} writes.
 *
 * @example
 * rawMessage({ ...mail, charset: 'windows-1252' });
 */
export type RawCharset = 'utf-8' | 'iso-8859-1' | 'windows-1252';
/**
 * The body transfer encodings {@link rawMessage} writes.
 *
 * @example
 * rawMessage({ ...mail, encoding: 'base64' });
 */
export type RawTransferEncoding = 'quoted-printable' | 'base64' | '8bit';

/**
 * An attachment for {@link rawMessage}.
 *
 * @example
 * const pdf: RawAttachment = { name: 'tilbud.pdf', contentType: 'application/pdf', content: bytes };
 */
export interface RawAttachment {
  name: string;
  contentType: string;
  content: Buffer;
  /** Makes it an inline part of `multipart/related` (an image the HTML shows as `cid:`). */
  contentId?: string;
}

/**
 * What {@link rawMessage} builds a message from.
 *
 * @example
 * const options: RawMessageOptions = { from: 'a@kunde.dk', to: 'b@firma.dk', subject: 'Hej', text: 'Tekst' };
 */
export interface RawMessageOptions {
  from: RawAddress | RawAddress[] | null;
  to: RawAddress | RawAddress[];
  cc?: RawAddress | RawAddress[];
  bcc?: RawAddress | RawAddress[];
  replyTo?: RawAddress | RawAddress[];
  subject: string | null;
  /** A Date, or the header's text as is; `null` leaves the header out. Default: a fixed date in 2025. */
  date?: string | Date | null;
  /** Without brackets; `null` leaves the header out. Default: a new unique id. */
  messageId?: string | null;
  inReplyTo?: string | null;
  references?: string[] | null;
  text?: string;
  html?: string;
  /** The body's (and, with `headerEncoding: '8bit'`, the headers') charset. Default UTF-8. */
  charset?: RawCharset;
  /** The body's transfer encoding. Default quoted-printable. */
  encoding?: RawTransferEncoding;
  /**
   * How non-ASCII header text is written: RFC 2047 encoded words, `B` (base64, the default) or
   * `Q`, or `8bit`: raw bytes in `charset` without encoding, as old mailers and scanners do.
   */
  headerEncoding?: 'B' | 'Q' | '8bit';
  /** More headers, in order; non-ASCII values are encoded like the others. */
  headers?: Record<string, string>;
  attachments?: RawAttachment[];
}

const CRLF = '\r\n';
let counter = 0;

function bytesIn(text: string, charset: RawCharset): Buffer {
  return charset === 'utf-8' ? Buffer.from(text, 'utf8') : encodeWindows1252(text);
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * RFC 2047 encoded words for a text, split so no word passes 75 characters or a character's bytes.
 *
 * @example
 * encodedWords('Søren', 'iso-8859-1', 'Q'); // '=?ISO-8859-1?Q?S=F8ren?='
 */
export function encodedWords(text: string, charset: RawCharset = 'utf-8', mode: 'B' | 'Q' = 'B'): string {
  const label = charset.toUpperCase();
  const room = 75 - `=?${label}?${mode}??=`.length;
  const words: string[] = [];
  let chunk = '';
  const encode = (s: string) => {
    const bytes = bytesIn(s, charset);
    if (mode === 'B') return bytes.toString('base64');
    return [...bytes].map((b) => (b === 0x20 ? '_' : /[A-Za-z0-9!*+\-/]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  };
  for (const char of text) {
    if (encode(chunk + char).length > room) {
      words.push(`=?${label}?${mode}?${encode(chunk)}?=`);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(`=?${label}?${mode}?${encode(chunk)}?=`);
  // Folded: each word on a line of its own, as mailers write long subjects.
  return words.join(`${CRLF} `);
}

interface Options {
  charset: RawCharset;
  headerEncoding: 'B' | 'Q' | '8bit';
}

/** Header text: ASCII as is, the rest encoded (or raw in 8-bit mode, encoded to bytes at the end). */
function headerText(text: string, o: Options): string {
  if (ASCII.test(text) || o.headerEncoding === '8bit') return text;
  return encodedWords(text, o.charset, o.headerEncoding);
}

function mailbox(value: RawAddress, o: Options): string {
  const parsed = typeof value === 'string' ? /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(value) : null;
  const name = typeof value === 'string' ? (parsed?.[1]?.replace(/^"|"$/g, '') ?? '') : (value.name ?? '');
  const address = typeof value === 'string' ? (parsed?.[2] ?? value.trim()) : value.address;
  if (!name) return address;
  if (!ASCII.test(name) && o.headerEncoding !== '8bit') return `${encodedWords(name, o.charset, o.headerEncoding)} <${address}>`;
  return /[^\w !#$%&'*+\-/=?^`{|}~\u0080-\uffff]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>` : `${name} <${address}>`;
}

function addressList(value: RawAddress | RawAddress[], o: Options): string {
  return (Array.isArray(value) ? value : [value]).map((v) => mailbox(v, o)).join(`,${CRLF} `);
}

/** An RFC 5322 date in UTC. */
function formatDate(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/**
 * Quoted-printable (RFC 2045 §6.7): lines of at most 76 characters, soft breaks never inside an escape.
 *
 * @example
 * quotedPrintable(Buffer.from('blåbær')); // 'bl=C3=A5b=C3=A6r'
 */
export function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  const text = bytes.toString('latin1').split(/\r?\n/);
  for (const line of text) {
    let out = '';
    let length = 0;
    const chars = [...line];
    chars.forEach((c, i) => {
      const code = c.charCodeAt(0);
      const last = i === chars.length - 1;
      const literal = (code >= 33 && code <= 126 && c !== '=') || ((c === ' ' || c === '\t') && !last);
      const piece = literal ? c : `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
      if (length + piece.length > 75) {
        out += `=${CRLF}`;
        length = 0;
      }
      out += piece;
      length += piece.length;
    });
    lines.push(out);
  }
  return lines.join(CRLF);
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

interface Part {
  headers: string[];
  body: Buffer;
}

function textPart(type: 'text/plain' | 'text/html', text: string, charset: RawCharset, encoding: RawTransferEncoding): Part {
  const bytes = bytesIn(text.replace(/\r?\n/g, CRLF), charset);
  const body = encoding === 'base64' ? Buffer.from(base64Lines(bytes), 'latin1') : encoding === 'quoted-printable' ? Buffer.from(quotedPrintable(bytes), 'latin1') : bytes;
  return { headers: [`Content-Type: ${type}; charset="${charset}"`, `Content-Transfer-Encoding: ${encoding}`], body };
}

function attachmentPart(a: RawAttachment): Part {
  const ascii = ASCII.test(a.name) && !/["\\]/.test(a.name);
  const name = ascii ? `"${a.name}"` : `"${encodedWords(a.name)}"`;
  // RFC 2231 for the file name too: what current mailers write next to the encoded-word form.
  const filename = ascii ? `filename="${a.name}"` : `filename*=UTF-8''${encodeURIComponent(a.name)}`;
  const headers = [
    `Content-Type: ${a.contentType}; name=${name}`,
    `Content-Disposition: ${a.contentId ? 'inline' : 'attachment'}; ${filename}`,
    'Content-Transfer-Encoding: base64',
  ];
  if (a.contentId) headers.push(`Content-ID: <${a.contentId}>`);
  return { headers, body: Buffer.from(base64Lines(a.content), 'latin1') };
}

function multipart(subtype: string, parts: Part[]): Part {
  const boundary = `----=_Part_${++counter}_crm.test`;
  const chunks: Buffer[] = [Buffer.from(`This is a multi-part message in MIME format.${CRLF}`)];
  for (const part of parts) chunks.push(Buffer.from(`--${boundary}${CRLF}${part.headers.join(CRLF)}${CRLF}${CRLF}`), part.body, Buffer.from(CRLF));
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`));
  return { headers: [`Content-Type: multipart/${subtype}; boundary="${boundary}"`], body: Buffer.concat(chunks) };
}

/**
 * A raw message as a mailer would send it: From/To/Cc/Subject/Date/Message-ID/References
 * headers (non-ASCII as RFC 2047 encoded words, or raw 8-bit), a text and/or HTML body in the
 * given charset and transfer encoding (`multipart/alternative` when both), inline images in
 * `multipart/related`, attachments in `multipart/mixed`.
 *
 * @example
 * const raw = rawMessage({ from: 'Mette Jensen <mette@kunde.dk>', to: 'salg@firma.dk', subject: 'Tilbud på tag', text: 'Hej\n\nMvh Mette', charset: 'iso-8859-1' });
 * const m = await parseMessage(raw); // m.subject === 'Tilbud på tag'
 */
export function rawMessage(options: RawMessageOptions): Buffer {
  const o: Options = { charset: options.charset ?? 'utf-8', headerEncoding: options.headerEncoding ?? 'B' };
  const encoding = options.encoding ?? 'quoted-printable';
  const lines: string[] = [];
  if (options.from !== null) lines.push(`From: ${addressList(options.from, o)}`);
  const to = Array.isArray(options.to) ? options.to : [options.to];
  if (to.length > 0) lines.push(`To: ${addressList(to, o)}`);
  if (options.cc) lines.push(`Cc: ${addressList(options.cc, o)}`);
  if (options.bcc) lines.push(`Bcc: ${addressList(options.bcc, o)}`);
  if (options.replyTo) lines.push(`Reply-To: ${addressList(options.replyTo, o)}`);
  if (options.subject !== null) lines.push(`Subject: ${headerText(options.subject, o)}`);
  const date = options.date === undefined ? 'Tue, 2 Dec 2025 10:14:00 +0100' : options.date;
  if (date !== null) lines.push(`Date: ${date instanceof Date ? formatDate(date) : date}`);
  const messageId = options.messageId === undefined ? `test-${++counter}@crm.test` : options.messageId;
  if (messageId !== null) lines.push(`Message-ID: <${messageId}>`);
  if (options.inReplyTo) lines.push(`In-Reply-To: <${options.inReplyTo}>`);
  if (options.references?.length) lines.push(`References: ${options.references.map((r) => `<${r}>`).join(`${CRLF} `)}`);
  for (const [name, value] of Object.entries(options.headers ?? {})) lines.push(`${name}: ${headerText(value, o)}`);
  lines.push('MIME-Version: 1.0');

  const charset = o.charset;
  const text = options.text !== undefined ? textPart('text/plain', options.text, charset, encoding) : null;
  const html = options.html !== undefined ? textPart('text/html', options.html, charset, encoding) : null;
  let body: Part = text && html ? multipart('alternative', [text, html]) : (text ?? html ?? textPart('text/plain', '', charset, encoding));
  const inline = (options.attachments ?? []).filter((a) => a.contentId);
  const attached = (options.attachments ?? []).filter((a) => !a.contentId);
  if (inline.length > 0) body = multipart('related', [body, ...inline.map(attachmentPart)]);
  if (attached.length > 0) body = multipart('mixed', [body, ...attached.map(attachmentPart)]);

  const head = [...lines, ...body.headers].join(CRLF) + CRLF + CRLF;
  return Buffer.concat([o.headerEncoding === '8bit' ? bytesIn(head, charset) : Buffer.from(head, 'latin1'), body.body]);
}

/**
 * A ParsedMessage with defaults (a plain message from a customer), for rules that take one.
 *
 * @example
 * classifyMessage(parsedMessage({ headers: { ...parsedMessage().headers, precedence: 'bulk' } })); // { kind: 'bulk', ... }
 */
export function parsedMessage(overrides: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: 'test@crm.test',
    inReplyTo: null,
    references: [],
    from: { name: 'Mette Jensen', address: 'mette@kunde.dk' },
    to: [{ name: null, address: 'salg@firma.dk' }],
    cc: [],
    bcc: [],
    replyTo: [],
    subject: 'Tilbud på tagrenovering',
    date: '2025-12-02T09:14:00.000Z',
    text: 'Hej\n\nKan I give et tilbud?\n\nMvh Mette',
    html: null,
    hasRemoteImages: false,
    headers: {
      autoSubmitted: null, precedence: null, listId: null, listUnsubscribe: null, xAutoResponseSuppress: null,
      returnPath: null, contentLanguage: null, contentType: null, xAutoreply: null, xAutorespond: null,
    },
    attachments: [],
    size: 1000,
    warnings: [],
    ...overrides,
  };
}
