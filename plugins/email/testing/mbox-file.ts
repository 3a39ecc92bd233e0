import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { corpus, type CorpusMessage, type CorpusOptions } from './corpus.ts';

/**
 * @example
 * await writeMbox('/tmp/windows.mbox', 300, { seed: 4, eol: '\r\n' });
 */
export type WriteMboxOptions = CorpusOptions & {
  /** Line ending of the From_ lines and of the blank line after each message. Default '\n' (Unix mbox writers). */
  eol?: '\n' | '\r\n';
};

/**
 * Writes the first `count` corpus messages as an mboxrd file, streamed: one message in memory at
 * a time, and the writer waits for the disk when its buffer is full. From_ lines alternate
 * between Google Takeout's form (`From 1700…@xxx Mon Dec 01 10:14:02 +0000 2026`) and
 * Thunderbird's (`From - Mon Dec  1 10:14:02 2026`); every line matching `>*From ` gets one more
 * `>` (mboxrd), so `readMbox` gives back each `corpusMessage(i).raw` byte for byte.
 *
 * @example
 * const { bytes, messages } = await writeMbox('/tmp/inbox.mbox', 10_000, { seed: 3 });
 */
export async function writeMbox(path: string, count: number, options: WriteMboxOptions = {}): Promise<{ bytes: number; messages: number }> {
  const eol = options.eol ?? '\n';
  const out = createWriteStream(path);
  let bytes = 0;
  let messages = 0;
  try {
    for (const message of corpus(count, options)) {
      const raw = escapeFromLines(message.raw);
      const ending = raw[raw.length - 1] === 0x0a ? '' : eol; // a message always ends its last line before the separator
      const chunk = Buffer.concat([Buffer.from(`${fromLine(message)}${eol}`, 'latin1'), raw, Buffer.from(`${ending}${eol}`, 'latin1')]);
      bytes += chunk.length;
      messages++;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return { bytes, messages };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The envelope line, in UTC as both writers put it. */
function fromLine(message: CorpusMessage): string {
  const d = message.date;
  const time = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  const day = DAYS[d.getUTCDay()];
  const month = MONTHS[d.getUTCMonth()];
  if (message.index % 2 === 0) {
    // Takeout names the Gmail thread by a 19-digit number; derive one from the thread key.
    const thread = 1_700_000_000_000_000_000n + BigInt(message.threadKey.slice(1)) * 7_919_000_003n;
    return `From ${thread}@xxx ${day} ${month} ${String(d.getUTCDate()).padStart(2, '0')} ${time} +0000 ${d.getUTCFullYear()}`;
  }
  return `From - ${day} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()}`;
}

const FROM = Buffer.from('From ');
const GT = Buffer.from('>');

/** mboxrd: `From ` → `>From `, `>From ` → `>>From ` at line starts, so unescaping one `>` restores the message. */
function escapeFromLines(raw: Buffer): Buffer {
  const pieces: Buffer[] = [];
  let last = 0;
  for (let hit = raw.indexOf(FROM); hit >= 0; hit = raw.indexOf(FROM, hit + 1)) {
    let lineStart = hit;
    while (lineStart > 0 && raw[lineStart - 1] === 0x3e) lineStart--;
    if (lineStart > 0 && raw[lineStart - 1] !== 0x0a) continue;
    pieces.push(raw.subarray(last, lineStart), GT);
    last = lineStart;
  }
  if (pieces.length === 0) return raw;
  pieces.push(raw.subarray(last));
  return Buffer.concat(pieces);
}
