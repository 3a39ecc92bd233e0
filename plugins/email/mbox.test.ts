import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMbox, readMbox, type MboxEntry, type ReadMboxOptions } from './mbox.ts';
import { writeMbox } from './testing/mbox-file.ts';

async function* chunked(bytes: Buffer, size: number | (() => number)): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length;) {
    const n = typeof size === 'number' ? size : size();
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

/** Entries without bytesRead (which depends on chunking), raws as text for readable failures. */
async function read(file: string | Buffer, size: number | (() => number) = 64 * 1024, options?: ReadMboxOptions) {
  const out: Array<Omit<MboxEntry, 'bytesRead' | 'raw'> & { raw: string | null }> = [];
  for await (const { bytesRead: _, raw, ...entry } of readMbox(chunked(typeof file === 'string' ? Buffer.from(file, 'latin1') : file, size), options)) {
    out.push({ ...entry, raw: raw ? raw.toString('latin1') : null });
  }
  return out;
}
const raws = async (file: string | Buffer, size?: number) => (await read(file, size)).map((e) => e.raw);

const message = (subject: string, body: string, eol = '\n') => `Subject: ${subject}${eol}From: a@b.dk${eol}${eol}${body}${eol}`;

describe('readMbox splits at From_ lines', () => {
  it('takes the From_ lines of every common writer, drops them and the separating blank line', async () => {
    const lines = [
      'From MAILER-DAEMON Fri Jul  8 12:08:34 2011',
      'From 1684923756103948572@xxx Mon Dec 01 10:14:02 +0000 2026',
      'From - Mon Dec  1 10:14:02 2026',
      'From mette@tagfirma.dk  Tue Dec  2 09:00:00 2026',
      'From ???@??? Wed Dec 03 08:00:00 2026',
      'From jens@jensens-vvs.dk Thu, 4 Dec 2026 10:14:02 +0100',
      'From bounce@x.dk Fri Dec  5 10:14 CET 2026 remote from x',
    ];
    const file = lines.map((line, k) => `${line}\n${message(`m${k}`, `body ${k}`)}\n`).join('');
    const entries = await read(file);
    expect(entries.map((e) => e.raw)).toEqual(lines.map((_, k) => message(`m${k}`, `body ${k}`)));
    expect(entries.map((e) => e.index)).toEqual(lines.map((_, k) => k));
    for (const [k, e] of entries.entries()) expect(file.slice(e.offset, e.offset + (lines[k] as string).length)).toBe(lines[k]);
  });

  it('does not split at body lines that start with "From " but are no From_ line, blank line before or not', async () => {
    const body = 'Hej\n\nFrom here on, the crew works from 7:00.\nFrom Monday we start.\n\nFrom Jan 5 to Jan 9 2026 we are closed.\nFrom: quoted header\nFrom';
    const file = `From - Mon Dec  1 10:14:02 2026\n${message('one', body)}\nFrom - Tue Dec  2 10:14:02 2026\n${message('two', 'x')}`;
    expect(await raws(file)).toEqual([message('one', body), message('two', 'x')]);
  });

  it('unescapes one level of ">" before "From " at line starts (mboxrd and mboxo)', async () => {
    const escaped = '>From me\n>>From you\n>>>From them\n> From spaced\nx>From inline\n>Fromage\n>From';
    const file = `From - Mon Dec  1 10:14:02 2026\n${message('esc', escaped)}\n`;
    expect(await raws(file)).toEqual([message('esc', 'From me\n>From you\n>>From them\n> From spaced\nx>From inline\n>Fromage\n>From')]);
  });

  it('keeps CRLF inside messages and strips one blank separator line, CRLF or LF', async () => {
    const crlf = (s: string, b: string) => message(s, b, '\r\n');
    const file = `From - Mon Dec  1 10:14:02 2026\r\n${crlf('a', 'one\r\n>From x')}\r\nFrom - Mon Dec  1 10:14:03 2026\r\n${crlf('b', 'two')}\nFrom - Mon Dec  1 10:14:04 2026\n${message('c', 'three')}\r\nFrom - Mon Dec  1 10:14:05 2026\n${message('d', 'four\n\n')}\n`;
    expect(await raws(file)).toEqual([crlf('a', 'one\r\nFrom x'), crlf('b', 'two'), message('c', 'three'), message('d', 'four\n\n')]);
  });

  it('keeps a message that is followed by the next From_ line without a blank line', async () => {
    const file = `From - Mon Dec  1 10:14:02 2026\n${message('a', 'x')}From - Mon Dec  1 10:14:03 2026\n${message('b', 'y')}`;
    expect(await raws(file)).toEqual([message('a', 'x'), message('b', 'y')]);
  });

  it('reports a From_ line with nothing after it as empty, also at the end of the file', async () => {
    const file = `From - Mon Dec  1 10:14:02 2026\nFrom - Mon Dec  1 10:14:03 2026\n\nFrom - Mon Dec  1 10:14:04 2026\n${message('a', 'x')}\nFrom - Mon Dec  1 10:14:05 2026`;
    const entries = await read(file);
    expect(entries.map((e) => [e.index, e.raw, e.skipped])).toEqual([
      [0, null, { reason: 'empty', size: 0 }],
      [1, null, { reason: 'empty', size: 1 }],
      [2, message('a', 'x'), null],
      [3, null, { reason: 'empty', size: 0 }],
    ]);
  });

  it('reads an mbox that starts with a UTF-8 byte order mark or blank lines', async () => {
    const body = `From - Mon Dec  1 10:14:02 2026\n${message('a', 'x')}`;
    expect(await raws(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]))).toEqual([message('a', 'x')]);
    expect(await raws(`\r\n\n${body}`)).toEqual([message('a', 'x')]);
  });
});

describe('readMbox streams', () => {
  // Every rule at once, with chunk boundaries inside "\nFrom ", inside From_ lines, inside CRLF.
  const crlf = (s: string, b: string) => message(s, b, '\r\n');
  const big = 'x'.repeat(70) + '\n';
  const fixture = [
    `From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n${message('one', 'Hej\n>From escaped\n\nFrom here on nothing splits')}\n`,
    `From 1684@xxx Mon Dec 01 10:14:02 +0000 2026\r\n${crlf('two', 'line\r\n>>From double')}\r\n`,
    `From - Mon Dec  1 10:14:02 2026\n${message('too big', big.repeat(40))}\n`,
    `From - Mon Dec  1 10:14:03 2026\n\n`,
    `From someone@x.dk Mon Dec  1 10:14:04 2026\n${message('last', 'From Monday')}`,
  ].join('');

  it('gives the same entries for 1-byte, 7-byte, random and whole-file chunks', async () => {
    const options = { maxMessageBytes: 1000 };
    const whole = await read(fixture, fixture.length, options);
    expect(whole.map((e) => e.skipped?.reason ?? 'ok')).toEqual(['ok', 'ok', 'too_large', 'empty', 'ok']);
    let state = 42;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) % 23 + 1;
    for (const size of [1, 7, random]) expect(await read(fixture, size, options)).toEqual(whole);
  });

  it('counts bytesRead up to the file size', async () => {
    const seen: number[] = [];
    for await (const e of readMbox(chunked(Buffer.from(fixture), 7))) seen.push(e.bytesRead);
    expect(seen.every((n, k) => k === 0 || n >= (seen[k - 1] as number))).toBe(true);
    expect(seen.at(-1)).toBe(Buffer.byteLength(fixture));
  });

  it('skips a message over maxMessageBytes as it streams, in bounded memory, and reads the next one', async () => {
    const huge = 'y'.repeat(1023) + '\n';
    const size = 384 * 1024 * 1024;
    let peak = 0;
    async function* source() {
      yield Buffer.from(`From - Mon Dec  1 10:14:02 2026\n${message('small', 'a')}\nFrom - Mon Dec  1 10:14:03 2026\nSubject: huge\n\n`);
      const block = Buffer.from(huge.repeat(1024)); // 1 MiB; the reader must drop these as they come
      for (let k = 0; k < size / block.length; k++) {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers);
        yield block;
      }
      yield Buffer.from(`\nFrom - Mon Dec  1 10:14:04 2026\n${message('after', 'b')}`);
    }
    const before = process.memoryUsage().arrayBuffers;
    const entries: MboxEntry[] = [];
    for await (const e of readMbox(source(), { maxMessageBytes: 1024 * 1024 })) entries.push(e);
    expect(entries.map((e) => e.raw?.toString() ?? e.skipped)).toEqual([
      message('small', 'a'),
      { reason: 'too_large', size: 'Subject: huge\n\n'.length + size + 1 },
      message('after', 'b'),
    ]);
    // Holding the skipped message would take 384 MiB; garbage not yet collected stays far below that.
    expect(peak - before).toBeLessThan(192 * 1024 * 1024);
  });

  it('applies the limit to the message, not to its separator line', async () => {
    const body = message('fits', 'z'.repeat(50));
    const file = `From - Mon Dec  1 10:14:02 2026\r\n${body}\r\nFrom - Mon Dec  1 10:14:03 2026\n${body}z\n`;
    const entries = await read(file, 3, { maxMessageBytes: body.length });
    expect(entries.map((e) => e.skipped?.reason ?? 'ok')).toEqual(['ok', 'too_large']);
  });

  it('reads Node streams, web streams and files', async () => {
    const file = `From - Mon Dec  1 10:14:02 2026\n${message('a', 'x')}\n`;
    const viaNode: unknown[] = [];
    for await (const e of readMbox(Readable.from([Buffer.from(file)]))) viaNode.push(e.raw?.toString());
    const viaWeb: unknown[] = [];
    for await (const e of readMbox(Readable.toWeb(Readable.from([Buffer.from(file)])) as unknown as AsyncIterable<Uint8Array>)) viaWeb.push(e.raw?.toString());
    expect(viaNode).toEqual([message('a', 'x')]);
    expect(viaWeb).toEqual([message('a', 'x')]);
  });

  it('refuses text chunks (setEncoding) instead of mangling non-UTF-8 mail', async () => {
    const stream = Readable.from([Buffer.from('From - Mon Dec  1 10:14:02 2026\n')]).setEncoding('utf8');
    await expect(async () => {
      for await (const _ of readMbox(stream)) void _;
    }).rejects.toThrow(/byte chunks/);
  });
});

describe('readMbox on input that is not an mbox', () => {
  it('takes a file that does not start with From_ as one message, byte for byte, without unescaping', async () => {
    const eml = 'Return-Path: <a@b.dk>\r\nSubject: eml\r\n\r\nHej\r\n>From quoted\r\n\r\nFrom - Mon Dec  1 10:14:02 2026\r\nstill the same message\r\n\r\n';
    for (const size of [1, 7, 4096]) {
      const entries = await read(eml, size);
      expect(entries).toEqual([{ index: 0, offset: 0, raw: eml, skipped: null }]);
    }
  });

  it('yields nothing for an empty or blank file', async () => {
    expect(await read('')).toEqual([]);
    expect(await read('\n\r\n\n', 1)).toEqual([]);
  });

  it('tells an mbox from an .eml by its first line', () => {
    const yes = ['From - Mon Dec  1 10:14:02 2026\n', 'From MAILER-DAEMON Fri Jul  8 12:08:34 2011', '\uFEFFFrom x Mon Dec  1 10:14:02 2026\n', '\n\nFrom someone\n'];
    const no = ['From: mette@tagfirma.dk\r\n', 'From : old@style.dk\n', 'Received: from x\n', 'Subject: From - Mon Dec  1 10:14:02 2026\n', ''];
    for (const head of yes) expect([head, isMbox(Buffer.from(head))]).toEqual([head, true]);
    for (const head of no) expect([head, isMbox(Buffer.from(head))]).toEqual([head, false]);
  });
});

describe('readMbox stops when aborted', () => {
  const file = Buffer.from(`From - Mon Dec  1 10:14:02 2026\n${message('a', 'x')}\nFrom - Mon Dec  1 10:14:03 2026\n${message('b', 'y')}`);

  it('throws the abort reason before the next entry', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(async () => {
      for await (const e of readMbox(chunked(file, 5), { signal: controller.signal })) {
        seen.push(e.raw?.toString() ?? '');
        controller.abort();
      }
    }).rejects.toThrow(/abort/i);
    expect(seen).toHaveLength(1);
  });

  it('throws at once when already aborted', async () => {
    const generator = readMbox(chunked(file, 5), { signal: AbortSignal.abort() });
    await expect(generator.next()).rejects.toThrow(/abort/i);
  });

  it('stops waiting for a stalled source and closes it', async () => {
    let closed = false;
    const stalled: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<Uint8Array>>(() => {}),
        return: async () => {
          closed = true;
          return { done: true, value: undefined };
        },
      }),
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(readMbox(stalled, { signal: controller.signal }).next()).rejects.toThrow(/abort/i);
    expect(closed).toBe(true);
  });
});

describe('readMbox speed', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mbox-speed-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a 200 MB mbox (timing printed, not asserted)', async () => {
    const sample = join(dir, 'sample.mbox');
    await writeMbox(sample, 2000);
    const unit = await readFile(sample);
    const unitCount = (await raws(unit)).length;
    const repeat = Math.ceil((200 * 1024 * 1024) / unit.length);
    const big = join(dir, 'big.mbox');
    await writeFile(big, Buffer.concat(Array.from({ length: repeat }, () => unit)));
    const total = unit.length * repeat;

    const timed = async (label: string, source: () => AsyncIterable<Uint8Array> | NodeJS.ReadableStream) => {
      const started = performance.now();
      let count = 0;
      for await (const e of readMbox(source())) if (e.raw) count++;
      const seconds = (performance.now() - started) / 1000;
      console.log(`readMbox ${label}: ${(total / 1e6).toFixed(0)} MB, ${count} messages in ${seconds.toFixed(2)} s = ${(total / 1e6 / seconds).toFixed(0)} MB/s`);
      expect(count).toBe(unitCount * repeat);
    };
    const memory = Buffer.concat(Array.from({ length: repeat }, () => unit));
    await timed('from memory, 1 MiB chunks', () => chunked(memory, 1024 * 1024));
    await timed('from disk, createReadStream 1 MiB', () => createReadStream(big, { highWaterMark: 1024 * 1024 }));
  }, 120_000);
});
