/**
 * The top-level header block of a raw message, read before any MIME parsing: for the headers
 * mailparser reads badly (an unparseable Date becomes "now", raw 8-bit bytes become U+FFFD)
 * and for deciding whether the bytes are an email at all.
 */
import { decodeCharset, isUtf8 } from './encoding.ts';

/**
 * One unfolded header: the name lower-cased, the value as text (encoded words not decoded).
 *
 * @example
 * const f: HeaderField = { name: 'subject', value: '=?utf-8?Q?Tilbud_p=C3=A5_tag?=' };
 */
export interface HeaderField {
  name: string;
  value: string;
}

/**
 * A message's top-level header block, read by {@link readHeaderBlock}.
 *
 * @example
 * const { fields, message, bodyStart } = readHeaderBlock(raw);
 * message.subarray(bodyStart); // the body's bytes
 */
export interface HeaderBlock {
  fields: HeaderField[];
  /** The message again, with a non-UTF-8 header block re-encoded as UTF-8 (the body untouched). */
  message: Buffer;
  /** Where the body starts in `message` (its length when there is no body). */
  bodyStart: number;
  /** Whether the first line is a header, as in every mail (after an mbox `From ` line). */
  startsWithHeader: boolean;
}

/** Header names that only an email (or a MIME part) starts with: enough to tell one from other text. */
const MAIL_HEADERS = new Set([
  'from', 'to', 'cc', 'bcc', 'subject', 'date', 'message-id', 'received', 'return-path', 'mime-version',
  'content-type', 'content-transfer-encoding', 'sender', 'reply-to', 'in-reply-to', 'references',
  'delivered-to', 'x-mailer', 'user-agent', 'dkim-signature', 'authentication-results', 'arc-seal',
  'x-original-to', 'envelope-to', 'thread-index', 'thread-topic', 'x-ms-exchange-organization-authas',
  'list-id', 'list-unsubscribe', 'auto-submitted', 'precedence', 'x-received', 'x-google-smtp-source',
]);

/** Where the header block ends: the first empty line (CRLF or LF), or the end. */
function headerEnd(raw: Buffer): { end: number; bodyStart: number } {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a) return { end: i, bodyStart: i + 2 };
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return { end: i, bodyStart: i + 3 };
  }
  return { end: raw.length, bodyStart: raw.length };
}

/** The charset the body declares, the best guess at what raw 8-bit headers were written in. */
function declaredCharset(head: string): string | null {
  const match = /^content-type:[^\n]*?charset\s*=\s*"?([\w.:-]+)/im.exec(head);
  return match?.[1] ?? null;
}

/**
 * Raw 8-bit header text in UTF-8, line by line: a line that is UTF-8 already stays, any other is
 * read in the body's declared charset (or Windows-1252), which is what Outlook Express, old
 * webmails and scanners that write unencoded Latin-1 headers mean.
 */
function headerText(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const charset = declaredCharset(bytes.toString('latin1'));
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    lines.push(isUtf8(line) ? line.toString('utf8') : decodeCharset(line, charset && !/^utf-?8$/i.test(charset) ? charset : 'windows-1252'));
    start = i + 1;
  }
  return lines.join('\n');
}

/**
 * The message itself, without what archives put around it: a byte-order mark, blank lines (some
 * exports and pastes have them, and they would make the whole mail a body), and Apple Mail's
 * `.emlx` framing (a first line with the message's length in bytes, a property list after it).
 */
function unwrap(input: Buffer): Buffer {
  let start = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  while (start < input.length && (input[start] === 0x0d || input[start] === 0x0a)) start++;
  const emlx = /^(\d{1,10})[ \t]*\r?\n/.exec(input.subarray(start, start + 16).toString('latin1'));
  if (emlx) {
    const length = Number(emlx[1]);
    const from = start + emlx[0].length;
    if (length > 0 && from + length <= input.length) return input.subarray(from, from + length);
  }
  return start > 0 ? input.subarray(start) : input;
}

/**
 * The header block of a raw message: unfolded fields in order, and the message with its header
 * block in UTF-8 for mailparser (which reads header bytes as UTF-8). An mbox `From ` line in
 * front is skipped, and so are a byte-order mark, blank lines and `.emlx` framing.
 *
 * @example
 * const { fields } = readHeaderBlock(Buffer.from('Subject: Hej\r\n\r\nTekst'));
 * // fields: [{ name: 'subject', value: 'Hej' }]
 */
export function readHeaderBlock(input: Buffer): HeaderBlock {
  const raw = unwrap(input);
  const { end, bodyStart } = headerEnd(raw);
  const headBytes = raw.subarray(0, end);
  const text = headerText(headBytes);
  const message = isUtf8(headBytes) ? raw : Buffer.concat([Buffer.from(text, 'utf8'), raw.subarray(end)]);
  // Folded values are gathered in parts and joined once: growing one string per continuation
  // line was quadratic on a header of thousands of lines (a long References chain).
  const parts: { name: string; values: string[] }[] = [];
  const lines = text.split(/\r?\n/);
  let startsWithHeader = false;
  let first = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i === 0 && /^From /.test(line)) continue;
    if (first) startsWithHeader = /^[!-9;-~]+[ \t]*:/.test(line);
    first = false;
    if (/^[ \t]/.test(line) && parts.length > 0) {
      parts[parts.length - 1]!.values.push(line.trim());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // A header name is printable ASCII without spaces (RFC 5322 §2.2); anything else is not a header.
    if (!/^[!-9;-~]+$/.test(name)) continue;
    parts.push({ name, values: [line.slice(colon + 1).trim()] });
  }
  const fields = parts.map((p): HeaderField => ({ name: p.name, value: p.values.filter(Boolean).join(' ') }));
  return { fields, message, bodyStart: bodyStart + (message.length - raw.length), startsWithHeader };
}

/**
 * Whether a header block is a mail's: it starts with a header and has one that only mail has,
 * or (a damaged first line) it has two of them.
 *
 * @example
 * looksLikeMail(readHeaderBlock(Buffer.from('%PDF-1.7\n...'))); // false
 */
export function looksLikeMail(block: Pick<HeaderBlock, 'fields' | 'startsWithHeader'>): boolean {
  const known = new Set(block.fields.filter((f) => MAIL_HEADERS.has(f.name) || f.name.startsWith('x-') || f.name.startsWith('arc-') || f.name.startsWith('list-')).map((f) => f.name));
  return block.startsWithHeader ? known.size >= 1 : [...known].filter((name) => MAIL_HEADERS.has(name)).length >= 2;
}

/**
 * The first value of a header, or null.
 *
 * @example
 * header(fields, 'auto-submitted'); // 'auto-replied'
 */
export function header(fields: readonly HeaderField[], name: string): string | null {
  return fields.find((f) => f.name === name)?.value ?? null;
}
