import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CrmError } from '../errors/index.ts';

/** What a spooled upload measured on its way to disk. */
export interface Spooled {
  file: string;
  size: number;
  sha256: string;
  /** The first bytes (up to 4 KB), for sniffing the type without reading the file again. */
  head: Uint8Array;
}

const HEAD_BYTES = 4100;

/**
 * Writes a stream to a temporary file while hashing and counting it, and stops the moment it
 * passes `maxBytes` (the file is removed and `payload_too_large` thrown): an upload is never
 * whole in memory, and a too-large one costs at most `maxBytes` of disk for a moment.
 *
 * @example
 * const { file, size, sha256 } = await spool(request.body, { maxBytes: 50 << 20, dir: '/data/blobs/.incoming' });
 */
export async function spool(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | ReadableStream<Uint8Array>, options: { maxBytes: number; dir?: string; signal?: AbortSignal }): Promise<Spooled> {
  const dir = options.dir ?? os.tmpdir();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${randomUUID()}.partial`);
  const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Uint8Array>) {
      options.signal?.throwIfAborted();
      size += chunk.byteLength;
      if (size > options.maxBytes) {
        throw new CrmError('payload_too_large', `The file is larger than ${formatMb(options.maxBytes)}`, { extra: { max_bytes: options.maxBytes } });
      }
      hash.update(chunk);
      if (headBytes < HEAD_BYTES) {
        const part = Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.byteLength, HEAD_BYTES - headBytes));
        head.push(Buffer.from(part));
        headBytes += part.byteLength;
      }
      if (!out.write(chunk)) await drained(out);
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  } catch (error) {
    // The file is opened asynchronously: remove it only once the stream has closed, or an open
    // still under way would create it again after the removal.
    const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
    out.destroy();
    await closed;
    await fs.promises.rm(file, { force: true });
    throw error;
  }
  return { file, size, sha256: hash.digest('hex'), head: new Uint8Array(Buffer.concat(head)) };
}

/** Waits for a full write buffer to drain; the error listener goes once it has (no pile-up over a large file). */
function drained(out: fs.WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => reject(error);
    out.once('error', fail);
    out.once('drain', () => {
      out.off('error', fail);
      resolve();
    });
  });
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Removes uploads left half-written by a process that died while they streamed in (`.partial`
 * files older than `olderThanMs`). On the embedded database the folder's lock proves no other
 * process is writing, so everything left goes; servers sharing a database leave the recent ones
 * to whoever may still be writing them.
 *
 * @example
 * await sweepIncoming('/srv/crm/.data/blobs/.incoming', 0); // → 2 (files removed)
 */
export async function sweepIncoming(dir: string, olderThanMs: number): Promise<number> {
  let names: string[];
  try {
    names = await fs.promises.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.partial'))) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (!stat || Date.now() - stat.mtimeMs < olderThanMs) continue;
    await fs.promises.rm(file, { force: true });
    removed++;
  }
  return removed;
}
