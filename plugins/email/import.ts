import { Readable } from 'node:stream';
import type { JobRun } from '../../plugin-api.d.ts';
import { CrmError } from '../../plugin-api.js';
import type { Ctx } from './context.ts';
import { ingestOne } from './imap/sync.ts';
import { ingestEnv } from './ingest.ts';
import { readMbox } from './mbox.ts';
import { advanceImport, finishImport, type FolderOutcome, getImport, type ImportProgress, type ImportRow, markImportRunning } from './store.ts';

/** Messages recorded at a time: a restart redoes at most these (they are then recognised as duplicates). */
const BATCH = 25;

/**
 * Imports a stored mailbox file (the `email.import` job): an `.mbox` read as a stream, one
 * message at a time (a 2 GB archive is never in memory), or one `.eml`; each message taken in
 * like synced mail (deduplicated, threaded, linked), with progress in bytes and a count of
 * what became of them. A restarted import skips to the byte offset it had reached; the file
 * is removed when the import is done.
 *
 * @example
 * ctx.jobs.define('import', (p: { importId: string }, job) => runImport(ctx, p.importId, job));
 */
export async function runImport(ctx: Ctx, importId: string, job: JobRun): Promise<ImportRow | { skipped: string }> {
  const self = await ctx.companies.self();
  const store = ctx.forCompany(self.id);
  const row = await getImport(store, importId);
  if (!row) return { skipped: 'the import was deleted' };
  if (row.status === 'done') return row;
  const blobs = ctx.blobs.forCompany(self.id);
  const file = await blobs.read(row.blob_key);
  if (!file) return finishImport(store, importId, 'The uploaded file is missing from the blob store');
  await markImportRunning(store, importId);
  const env = await ingestEnv(ctx);
  const source = (index: number) => ({ way: 'import' as const, file: row.name, uid: index, at: new Date().toISOString() });
  const resumeAt = Number(row.offset_done);
  const size = Number(row.size);
  let lastProgress = 0;
  try {
    const input = Readable.fromWeb(file.stream as never);
    const entries = row.format === 'eml'
      ? oneMessage(input, ctx.config.maxMessageBytes)
      : readMbox(input, { maxMessageBytes: ctx.config.maxMessageBytes, signal: job.signal });
    let batch = emptyBatch(resumeAt);
    const flush = async () => {
      if (batch.messages === 0) return;
      await advanceImport(store, importId, batch);
      batch = emptyBatch(batch.nextOffset);
    };
    for await (const entry of entries) {
      if (job.signal.aborted) throw new CrmError('unavailable', 'The import was stopped (timeout or shutdown); it goes on from here when run again');
      if (entry.offset < resumeAt) continue;
      const outcome = entry.raw
        ? await ingestOne(ctx, env, entry.raw, source(entry.index))
        : { outcome: 'skipped' as const, reason: entry.skipped?.reason ?? 'empty' };
      count(batch, entry.index, outcome);
      // Just past this message's start: a restart skips it and everything before (bytesRead may already be past the next ones).
      batch.nextOffset = entry.offset + 1;
      if (batch.messages >= BATCH) await flush();
      if (Date.now() - lastProgress > 500) {
        lastProgress = Date.now();
        await job.progress(entry.bytesRead, size, `${entry.index + 1} messages`);
      }
    }
    await flush();
    await job.progress(size, size, 'done');
    const done = await finishImport(store, importId, null);
    await blobs.delete(row.blob_key);
    return done;
  } catch (error) {
    if (job.attempt >= 3) await finishImport(store, importId, (error as Error).message);
    throw error;
  }
}

function emptyBatch(nextOffset: number): ImportProgress {
  return { nextOffset, messages: 0, stored: 0, duplicates: 0, skipped: {}, failures: [] };
}

function count(batch: ImportProgress, index: number, result: FolderOutcome): void {
  batch.messages++;
  if (result.outcome === 'skipped') batch.skipped[result.reason] = (batch.skipped[result.reason] ?? 0) + 1;
  else if (result.outcome === 'failed') batch.failures.push({ index, reason: result.reason });
  else if (result.outcome === 'stored') batch.stored++;
  else batch.duplicates++;
}

/** An `.eml` as the one entry of a mailbox. */
async function* oneMessage(input: Readable, maxBytes: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  yield size > maxBytes
    ? { index: 0, offset: 0, bytesRead: size, raw: null, skipped: { reason: 'too_large' as const, size } }
    : { index: 0, offset: 0, bytesRead: size, raw: Buffer.concat(chunks), skipped: null };
}

/**
 * The body of a request, read up to `maxBytes` (refused with 413 past that, while it arrives).
 *
 * @example
 * const raw = await readLimited(c.req.raw.body, 50 << 20);
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new CrmError('payload_too_large', `The message is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
