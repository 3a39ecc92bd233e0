/**
 * Streaming mbox reader: splits a mailbox file (mboxo, mboxrd, Thunderbird, Apple Mail's inner
 * `mbox` file, Google Takeout, mutt) into raw RFC 822 messages without holding more than one
 * message plus one chunk in memory, so a 2 GB archive reads in constant memory.
 *
 * Splitting searches the bytes for `\nFrom ` with `Buffer.indexOf` (memchr-speed) and only looks
 * closer at those candidates; no per-line string work is done on message bodies.
 */

/**
 * One message of the mailbox, or the record that one was skipped.
 *
 * @example
 * { index: 3, offset: 18211, bytesRead: 65536, raw: <Buffer 52 65 ...>, skipped: null }
 * { index: 4, offset: 20110, bytesRead: 131072, raw: null, skipped: { reason: 'too_large', size: 61234567 } }
 */
export type MboxEntry = {
  /** Position in the mailbox, 0-based, counting skipped entries too. */
  index: number;
  /** Byte offset of the message's From_ line (of its first byte for a single message without one). */
  offset: number;
  /**
   * Bytes consumed from the input so far, for a progress bar. It runs ahead of the entry (up to a
   * chunk): to resume, keep the last `offset` handled and skip entries at or before it.
   */
  bytesRead: number;
  /** The message as RFC 822 bytes, unescaped; null when skipped. */
  raw: Buffer | null;
  /** Why the message was not returned; `size` is its byte length in the file. */
  skipped: null | { reason: 'too_large' | 'empty'; size: number };
};

/**
 * @example
 * readMbox(stream, { maxMessageBytes: 25 << 20, signal: AbortSignal.timeout(600_000) });
 */
export type ReadMboxOptions = {
  /** Larger messages are skipped (reported, not returned). Default 50 MB. */
  maxMessageBytes?: number;
  /** Stops reading; the generator throws the signal's reason and closes the input. */
  signal?: AbortSignal;
};

/**
 * Gmail's own limit is 25 MB; 50 MB leaves room for base64 overhead of anything a server accepted.
 *
 * @example
 * readMbox(stream, { maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES * 2 });
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 50 * 1024 * 1024;

const SEPARATOR = Buffer.from('\nFrom ');
/** Real From_ lines are well under 300 bytes; a longer candidate is body text, and bounding it bounds what we buffer. */
const MAX_FROM_LINE = 1000;
const LF = 0x0a;
const CR = 0x0d;
const EMPTY = Buffer.alloc(0);

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*';
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2})?';
const ZONE = '(?:[+-]\\d{4}|[A-Z]{1,5}(?:[+-]\\d{1,4})?)';
/** asctime as mboxo/mboxrd/Thunderbird write it, with Takeout's zone before the year: `Dec  1 10:14:02 +0000 2026`. */
const CTIME = `${MONTH}\\s+\\d{1,2},?\\s+${TIME}(?:\\s+${ZONE})*\\s+\\d{4}`;
/** RFC 5322 style, which a few exporters put there: `1 Dec 2026 10:14:02`. */
const RFC_DATE = `\\d{1,2}\\s+${MONTH}\\s+\\d{4}\\s+${TIME}`;
/** `From <sender> <date>`; the sender may be empty, `-` (Thunderbird), `???@???` (Eudora) or quoted. */
const FROM_LINE = new RegExp(`^From (?:"[^"]*"\\S*|\\S*)\\s+(?:${DAY},?\\s+)?(?:${CTIME}|${RFC_DATE})`, 'i');

/**
 * Whether these first bytes of a file are an mbox: after an optional UTF-8 BOM and blank lines,
 * the first line starts with `From ` (and is not an obsolete `From :` header). At the start of a
 * file no body line can be mistaken for a separator, so any `From ` line counts there, even one
 * without a date; later separators must also carry a date.
 *
 * @example
 * isMbox(Buffer.from('From - Mon Dec  1 10:14:02 2026\nSubject: x\n')); // true
 * isMbox(Buffer.from('From: mette@tagfirma.dk\r\n'));                     // false: an .eml
 */
export function isMbox(head: Uint8Array): boolean {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const start = contentStart(bytes);
  const nl = bytes.indexOf(LF, start);
  return isFirstFromLine(bytes.toString('latin1', start, nl < 0 ? bytes.length : nl));
}

/**
 * Reads an mbox as a stream of messages. Messages are split at `From ` lines that look like real
 * From_ lines (sender and date), so an unescaped body line such as "From here on…" does not split.
 * One level of `>` before `From ` is removed from every line (right for mboxrd, and for mboxo the
 * only recoverable reading); line endings inside a message are kept as they are, and the one
 * blank line that separates messages is dropped. Input that does not start with a From_ line is
 * taken as a single message (an .eml), byte for byte after any BOM and leading blank lines.
 * Chunk boundaries never change the output.
 *
 * Oversized messages are discarded as they stream and reported with `skipped.reason
 * 'too_large'`; a From_ line with nothing after it is reported as `'empty'`. Chunks must be bytes:
 * a stream with `setEncoding` set throws, since decoded text can no longer be split losslessly.
 *
 * @example
 * import { createReadStream } from 'node:fs';
 * for await (const entry of readMbox(createReadStream('All mail.mbox'), { signal })) {
 *   progress(entry.bytesRead);
 *   if (entry.raw) await importMessage(entry.raw);
 *   else log.warn({ index: entry.index, ...entry.skipped }, 'message skipped');
 * }
 */
export async function* readMbox(
  input: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
  options: ReadMboxOptions = {},
): AsyncGenerator<MboxEntry> {
  const { signal } = options;
  signal?.throwIfAborted();
  const splitter = new Splitter(options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES);
  const source = (input as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  let pending = false;
  try {
    for (;;) {
      pending = true;
      const step = await nextOrAbort(source, signal);
      pending = false;
      if (step.done) break;
      for (const entry of splitter.push(toBuffer(step.value))) {
        signal?.throwIfAborted();
        yield entry;
      }
    }
    for (const entry of splitter.end()) {
      signal?.throwIfAborted();
      yield entry;
    }
  } finally {
    // Closing releases the file; but a source stuck in a read it was aborted from may never settle
    // its return(), so only wait for it when no read is outstanding.
    const closing = source.return?.();
    if (pending) closing?.catch(() => {});
    else await closing;
  }
}

/** The splitting state machine, fed chunk by chunk; a sync generator so entries are made lazily. */
class Splitter {
  private mode: 'detect' | 'mbox' | 'single' = 'detect';
  /** Bytes kept back from the last chunk: a possible start of a separator or an unfinished From_ line. */
  private tail: Buffer = EMPTY;
  /** Absolute offset of `tail[0]`. */
  private tailOffset = 0;
  private parts: Buffer[] = [];
  private size = 0;
  private skipping = false;
  /** Offset of the open message's From_ line; -1 while none is open. */
  private start = -1;
  private index = 0;
  private bytesRead = 0;

  constructor(private readonly max: number) {}

  *push(chunk: Buffer): Generator<MboxEntry> {
    this.bytesRead += chunk.length;
    // Always a copy: the caller may reuse its chunk buffer, and our parts outlive this call.
    const data = Buffer.concat([this.tail, chunk]);
    yield* this.consume(data, false);
  }

  *end(): Generator<MboxEntry> {
    const data = this.tail;
    this.tail = EMPTY;
    yield* this.consume(data, true);
    yield* this.finish();
  }

  private *consume(data: Buffer, final: boolean): Generator<MboxEntry> {
    const base = this.tailOffset;
    if (this.mode === 'single') return this.takeAll(data, base);
    if (this.mode === 'mbox') return yield* this.scan(data, base, 0, 0, final);
    const start = contentStart(data, base === 0);
    const nl = data.indexOf(LF, start);
    // Leading blank lines are dropped while we wait for the first line, so they cannot pile up.
    if (nl < 0 && !final && data.length - start <= MAX_FROM_LINE) return this.keep(data, Math.min(start, data.length), base);
    if (start >= data.length) return; // nothing but blank lines: an empty file
    const lineEnd = nl < 0 ? data.length : nl;
    if (isFirstFromLine(data.toString('latin1', start, lineEnd))) {
      this.mode = 'mbox';
      this.open(base + start);
      yield* this.scan(data, base, Math.min(lineEnd + 1, data.length), lineEnd, final);
    } else {
      this.mode = 'single';
      this.open(base + start);
      this.takeAll(data.subarray(start), base + start);
    }
  }

  /** Gives `data[pos..]` to messages, splitting at From_ lines found from `from` on. */
  private *scan(data: Buffer, base: number, pos: number, from: number, final: boolean): Generator<MboxEntry> {
    for (;;) {
      const p = from < data.length ? data.indexOf(SEPARATOR, from) : -1;
      if (p < 0) {
        // The last bytes may be the start of a separator the next chunk completes.
        const keep = final ? 0 : Math.max(0, Math.min(data.length - pos, SEPARATOR.length - 1));
        this.take(data.subarray(pos, data.length - keep));
        return this.keep(data, data.length - keep, base);
      }
      const lineStart = p + 1;
      let lineEnd = data.indexOf(LF, lineStart);
      if (lineEnd < 0) {
        if (!final && data.length - lineStart <= MAX_FROM_LINE) {
          this.take(data.subarray(pos, p));
          return this.keep(data, p, base); // the candidate line is not complete yet
        }
        lineEnd = data.length;
      }
      if (lineEnd - lineStart > MAX_FROM_LINE || !FROM_LINE.test(trimCr(data.toString('latin1', lineStart, lineEnd)))) {
        from = lineStart;
        continue;
      }
      this.take(data.subarray(pos, lineStart)); // up to and including the line break before From_
      yield* this.finish();
      this.open(base + lineStart);
      pos = Math.min(lineEnd + 1, data.length);
      from = lineEnd; // the From_ line's own line break may begin the next separator
    }
  }

  /** A single message has no separators to look for: everything is its content. */
  private takeAll(data: Buffer, base: number) {
    this.take(data);
    this.keep(data, data.length, base);
  }

  private keep(data: Buffer, at: number, base: number) {
    this.tail = data.subarray(at);
    this.tailOffset = base + at;
  }

  private open(offset: number) {
    this.start = offset;
    this.parts = [];
    this.size = 0;
    this.skipping = false;
  }

  private take(bytes: Buffer) {
    if (bytes.length === 0 || this.start < 0) return;
    this.size += bytes.length;
    if (this.skipping) return;
    // +2: the separating blank line (LF or CRLF) is counted here but removed before the limit applies.
    if (this.size > this.max + 2) {
      this.parts = [];
      this.skipping = true;
      return;
    }
    this.parts.push(bytes);
  }

  private *finish(): Generator<MboxEntry> {
    if (this.start < 0) return;
    const entry = { index: this.index++, offset: this.start, bytesRead: this.bytesRead };
    const size = this.size;
    this.start = -1;
    if (this.skipping) {
      this.parts = [];
      yield { ...entry, raw: null, skipped: { reason: 'too_large', size } };
      return;
    }
    let raw: Buffer = Buffer.concat(this.parts, size);
    this.parts = [];
    if (this.mode === 'mbox') raw = unescapeFromLines(stripSeparator(raw));
    if (raw.length > this.max) yield { ...entry, raw: null, skipped: { reason: 'too_large', size } };
    else if (isBlank(raw)) {
      if (this.mode === 'mbox') yield { ...entry, raw: null, skipped: { reason: 'empty', size } };
    } else yield { ...entry, raw, skipped: null };
  }
}

/** Drops the blank line that separates a message from the next From_ line (or ends the file). */
function stripSeparator(raw: Buffer): Buffer {
  const n = raw.length;
  if (n >= 2 && raw[n - 1] === LF && raw[n - 2] === LF) return raw.subarray(0, n - 1);
  if (n >= 3 && raw[n - 1] === LF && raw[n - 2] === CR && raw[n - 3] === LF) return raw.subarray(0, n - 2);
  return raw;
}

const ESCAPED_FROM = Buffer.from('>From ');

/** `>From ` → `From `, `>>From ` → `>From ` at line starts; copies only when there is an escape. */
function unescapeFromLines(raw: Buffer): Buffer {
  let hit = raw.indexOf(ESCAPED_FROM);
  if (hit < 0) return raw;
  const pieces: Buffer[] = [];
  let last = 0;
  while (hit >= 0) {
    let lineStart = hit;
    while (lineStart > 0 && raw[lineStart - 1] === 0x3e) lineStart--;
    if (lineStart === 0 || raw[lineStart - 1] === LF) {
      pieces.push(raw.subarray(last, lineStart));
      last = lineStart + 1;
    }
    hit = raw.indexOf(ESCAPED_FROM, hit + 1);
  }
  if (pieces.length === 0) return raw;
  pieces.push(raw.subarray(last));
  return Buffer.concat(pieces);
}

/** Skips a UTF-8 byte order mark and leading blank lines, which some exporters leave. */
function contentStart(bytes: Buffer, atFileStart = true): number {
  let i = atFileStart && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === LF || bytes[i] === CR)) i++;
  return i;
}

function isFirstFromLine(line: string): boolean {
  return line.startsWith('From ') && !/^From\s*:/.test(line);
}

function isBlank(raw: Buffer): boolean {
  for (const byte of raw) if (byte !== LF && byte !== CR && byte !== 0x20 && byte !== 0x09) return false;
  return true;
}

function trimCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('readMbox needs byte chunks; do not call setEncoding on the stream (decoded text cannot be split losslessly)');
}

function nextOrAbort<T>(source: AsyncIterator<T>, signal: AbortSignal | undefined): Promise<IteratorResult<T>> {
  if (!signal) return source.next();
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    source.next().then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
