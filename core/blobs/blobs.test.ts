import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { mergeCompanies } from '../companies/merge.ts';
import { createCompany } from '../companies/store.ts';
import { scope } from '../db/scope/index.ts';
import { rowsOf } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { blobService } from '../plugins/context/blobs.ts';
import { blobLocation, folderBackend } from './index.ts';

const CHUNK = 64 * 1024;

/** `total` deterministic bytes, produced one chunk at a time (never whole in memory), and their SHA-256 as they went by. */
function generated(total: number, seed = 1) {
  const hash = createHash('sha256');
  let produced = 0;
  async function* chunks() {
    let state = seed;
    while (produced < total) {
      const n = Math.min(CHUNK, total - produced);
      const chunk = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        state = (state * 1103515245 + 12345) >>> 0;
        chunk[i] = state >>> 24;
      }
      produced += n;
      hash.update(chunk);
      yield chunk;
    }
  }
  return { chunks: chunks(), digest: () => hash.digest('hex'), produced: () => produced };
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<{ sha256: string; size: number; chunks: number; bytes: Buffer[] }> {
  const hash = createHash('sha256');
  let size = 0;
  let chunks = 0;
  const bytes: Buffer[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.byteLength;
    chunks++;
    if (size <= 1 << 20) bytes.push(Buffer.from(chunk));
  }
  return { sha256: hash.digest('hex'), size, chunks, bytes };
}

/** Every file under `dir`, relative to it (folders left out). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const text = (data: Uint8Array | undefined) => (data ? Buffer.from(data).toString() : undefined);

describe.each(DRIVERS)('folder blob store through ctx.blobs on %s', (driver) => {
  let t: TestDatabase;
  let parent: string;
  let root: string;
  let blobs: ReturnType<typeof blobService>;
  let a: string;
  let b: string;
  const all = () => scope(t.db, 'all');
  const row = async (companyId: string, key: string) =>
    (await all().run(async (tx) => rowsOf<{ company_id: string; store: string; location: string | null; size: string | number }>(
      await tx.execute(sql`select company_id, store, location, size from blobs where company_id = ${companyId} and owner = 'documents' and key = ${key}`),
    )))[0];

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'blobs-test-'));
    root = path.join(parent, 'blobs');
    blobs = blobService({ db: t.db, blobs: { backend: folderBackend(root), incomingDir: path.join(root, '.incoming') } }, 'documents');
    [a, b] = await all().run(async (tx) => [(await createCompany(tx, { name: 'Blob A' })).id, (await createCompany(tx, { name: 'Blob B' })).id]);
  });
  // Each test starts from an empty store, whatever the one before left behind.
  afterEach(async () => {
    await all().run((tx) => tx.execute(sql`delete from blobs`));
    fs.rmSync(root, { recursive: true, force: true });
  });
  afterAll(async () => {
    await t.destroy();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('streams a 20 MB write in and out byte-exact, with the right size and SHA-256', async () => {
    const total = 20 * 1024 * 1024 + 123;
    const source = generated(total, 7);
    const written = await blobs.forCompany(a).write('big/archive.bin', source.chunks, { contentType: 'application/octet-stream', maxBytes: 25 * 1024 * 1024 });
    const sha256 = source.digest();
    expect(written).toMatchObject({ key: 'big/archive.bin', size: total, sha256 });
    expect(written.head.byteLength).toBeGreaterThan(0);
    expect(written.head.byteLength).toBeLessThanOrEqual(4100);

    const onDisk = path.join(root, blobLocation(a, 'documents', 'big/archive.bin'));
    expect(fs.statSync(onDisk).size).toBe(total);
    expect(createHash('sha256').update(fs.readFileSync(onDisk)).digest('hex')).toBe(sha256);
    expect(await row(a, 'big/archive.bin')).toMatchObject({ store: 'folder', location: blobLocation(a, 'documents', 'big/archive.bin') });
    expect(Number((await row(a, 'big/archive.bin'))!.size)).toBe(total);
    // Nothing is left in the spool folder.
    expect(filesUnder(path.join(root, '.incoming'))).toEqual([]);

    const read = await blobs.forCompany(a).read('big/archive.bin');
    expect(read).toMatchObject({ contentType: 'application/octet-stream', size: total, sha256 });
    const streamed = await drain(read!.stream);
    expect(streamed).toMatchObject({ size: total, sha256 });
    // A stream, not one buffer: the file comes in many chunks.
    expect(streamed.chunks).toBeGreaterThan(10);
    expect(Buffer.concat(streamed.bytes).subarray(0, written.head.byteLength).equals(Buffer.from(written.head))).toBe(true);

    const got = await blobs.forCompany(a).get('big/archive.bin');
    expect(got?.size).toBe(total);
    expect(createHash('sha256').update(got!.data).digest('hex')).toBe(sha256);
    expect(await blobs.forCompany(a).delete('big/archive.bin')).toBe(true);
  });

  it('refuses a write over maxBytes with payload_too_large, leaving no file and no row', async () => {
    const source = generated(3 * 1024 * 1024, 3);
    const error = await blobs.forCompany(a).write('too/big.bin', source.chunks, { maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect(error).toMatchObject({ code: 'payload_too_large' });
    // It stopped reading soon after the limit, not at the end of the stream.
    expect(source.produced()).toBeLessThan(2 * 1024 * 1024);
    expect(filesUnder(root)).toEqual([]);
    expect(await row(a, 'too/big.bin')).toBeUndefined();
    expect(await blobs.forCompany(a).get('too/big.bin')).toBeNull();

    // The same over put's default limit is refused too, and an exact fit is not.
    const exact = await blobs.forCompany(a).write('exact.bin', generated(4096).chunks, { maxBytes: 4096 });
    expect(exact.size).toBe(4096);
    await blobs.forCompany(a).delete('exact.bin');
  });

  const awkward = [
    '../../../escape.txt',
    '..',
    '.',
    'docs/../../../../escape2.txt',
    '../',
    '100% rabat.pdf',
    '%2E%2E/lookalike.txt',
    'Tilbud på æøå – 2026.pdf',
    'mappe med mellemrum/fil med mellemrum.txt',
    '.env',
    '.hidden/.also-hidden',
    '...',
    'a\\..\\..\\backslash.txt',
    '~user/file',
  ];

  it.each(awkward)('keeps the key %j inside the folder and round-trips it', async (key) => {
    const content = `content of ${key}`;
    await blobs.forCompany(a).put(key, bytes(content), { contentType: 'text/plain' });
    const location = blobLocation(a, 'documents', key);
    const onDisk = path.resolve(root, location);
    expect(path.relative(path.join(root, a, 'documents'), onDisk)).not.toMatch(/^\.\.(\/|$)/);
    expect(fs.readFileSync(onDisk, 'utf8')).toBe(content);
    // Nothing was written outside the folder, nor anywhere else in it.
    expect(fs.readdirSync(parent)).toEqual(['blobs']);
    expect(filesUnder(root)).toEqual([path.relative(root, onDisk)]);
    expect(text((await blobs.forCompany(a).get(key))?.data)).toBe(content);
    const read = await blobs.forCompany(a).read(key);
    expect(Buffer.concat((await drain(read!.stream)).bytes).toString()).toBe(content);
    expect(await blobs.forCompany(a).list()).toEqual([{ key, size: Buffer.byteLength(content), contentType: 'text/plain' }]);
    expect(await blobs.forCompany(a).delete(key)).toBe(true);
    expect(filesUnder(root)).toEqual([]);
  });

  it('keeps keys apart that differ only in ways a path would normalise away', async () => {
    const keys = ['x/y', 'x//y', '/x/y', 'x/./y', 'x/%2E/y', '../x', '%2E%2E/x', '../', 'w/', '/'];
    for (const key of keys) await blobs.forCompany(a).put(key, bytes(`bytes of ${key}`));
    for (const key of keys) expect(text((await blobs.forCompany(a).get(key))?.data)).toBe(`bytes of ${key}`);
    expect(new Set(keys.map((key) => path.resolve(root, blobLocation(a, 'documents', key)))).size).toBe(keys.length);
    for (const key of keys) expect(await blobs.forCompany(a).delete(key)).toBe(true);
    expect(filesUnder(root)).toEqual([]);
  });

  it('refuses, as a conflict, a key that would be both a file and a folder on disk, and writes nothing', async () => {
    await blobs.forCompany(a).put('report', bytes('the file'));
    await expect(blobs.forCompany(a).put('report/page1', bytes('under it'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await blobs.forCompany(a).get('report/page1')).toBeNull();
    await blobs.forCompany(a).put('folder/inside', bytes('inside'));
    await expect(blobs.forCompany(a).put('folder', bytes('over the folder'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await blobs.forCompany(a).get('folder')).toBeNull();
    expect(text((await blobs.forCompany(a).get('report'))?.data)).toBe('the file');
    expect(text((await blobs.forCompany(a).get('folder/inside'))?.data)).toBe('inside');
    expect(filesUnder(path.join(root, '.incoming'))).toEqual([]);
    await blobs.forCompany(a).delete('report');
    await blobs.forCompany(a).delete('folder/inside');
    expect(filesUnder(root)).toEqual([]);
  });

  it("hides one company's keys from another company", async () => {
    await blobs.forCompany(a).put('private/contract.pdf', bytes('A only'), { contentType: 'application/pdf' });
    expect(await blobs.forCompany(b).get('private/contract.pdf')).toBeNull();
    expect(await blobs.forCompany(b).read('private/contract.pdf')).toBeNull();
    expect(await blobs.forCompany(b).list()).toEqual([]);
    expect(await blobs.forCompany(b).list('private/')).toEqual([]);
    expect(await blobs.forCompany(b).delete('private/contract.pdf')).toBe(false);
    // B's delete touched neither A's row nor A's file.
    expect(text((await blobs.forCompany(a).get('private/contract.pdf'))?.data)).toBe('A only');
    expect(fs.existsSync(path.join(root, blobLocation(a, 'documents', 'private/contract.pdf')))).toBe(true);

    // B may have a blob under the same key: its own bytes, its own file.
    await blobs.forCompany(b).put('private/contract.pdf', bytes('B only'));
    expect(text((await blobs.forCompany(a).get('private/contract.pdf'))?.data)).toBe('A only');
    expect(text((await blobs.forCompany(b).get('private/contract.pdf'))?.data)).toBe('B only');
    // Another plugin of the same company sees neither.
    const other = blobService({ db: t.db, blobs: { backend: folderBackend(root), incomingDir: path.join(root, '.incoming') } }, 'other-plugin');
    expect(await other.forCompany(a).get('private/contract.pdf')).toBeNull();
    expect(await other.forCompany(a).list()).toEqual([]);

    // Row level security, not only the where clause: a scope of B sees no row of A at all.
    const seen = await scope(t.db, [b]).run(async (tx) => rowsOf<{ company_id: string }>(await tx.execute(sql`select company_id from blobs`)));
    expect(seen.map((r) => r.company_id)).toEqual([b]);

    await blobs.forCompany(a).delete('private/contract.pdf');
    await blobs.forCompany(b).delete('private/contract.pdf');
    expect(filesUnder(root)).toEqual([]);
  });

  it('replaces the bytes when a key is written again', async () => {
    await blobs.forCompany(a).put('notes/offer.txt', bytes('first version, rather long'), { contentType: 'text/plain' });
    const second = await blobs.forCompany(a).write('notes/offer.txt', generated(100_000, 9).chunks, { contentType: 'application/pdf' });
    const got = await blobs.forCompany(a).get('notes/offer.txt');
    expect(got).toMatchObject({ contentType: 'application/pdf', size: 100_000 });
    expect(createHash('sha256').update(got!.data).digest('hex')).toBe(second.sha256);
    expect((await blobs.forCompany(a).read('notes/offer.txt'))?.sha256).toBe(second.sha256);
    expect(filesUnder(root)).toEqual([path.join(a, 'documents', 'notes', 'offer.txt')]);
    await blobs.forCompany(a).put('notes/offer.txt', bytes('short'));
    expect(text((await blobs.forCompany(a).get('notes/offer.txt'))?.data)).toBe('short');
    expect(await blobs.forCompany(a).list('notes/')).toEqual([{ key: 'notes/offer.txt', size: 5, contentType: 'application/octet-stream' }]);
    await blobs.forCompany(a).delete('notes/offer.txt');
  });

  it('removes the file and the folders it leaves empty on delete, and keeps folders still in use', async () => {
    await blobs.forCompany(a).put('doc1/deep/er/file.txt', bytes('1'));
    await blobs.forCompany(a).put('doc1/sibling.txt', bytes('2'));
    expect(await blobs.forCompany(a).delete('doc1/deep/er/file.txt')).toBe(true);
    expect(fs.existsSync(path.join(root, a, 'documents', 'doc1', 'deep'))).toBe(false);
    expect(filesUnder(root)).toEqual([path.join(a, 'documents', 'doc1', 'sibling.txt')]);
    expect(await blobs.forCompany(a).delete('doc1/sibling.txt')).toBe(true);
    // Up to the company's folder, never the root.
    expect(fs.existsSync(path.join(root, a))).toBe(false);
    expect(fs.existsSync(root)).toBe(true);
    expect(await blobs.forCompany(a).delete('doc1/sibling.txt')).toBe(false);
    // A file already gone from the disk is not an error, and the row goes anyway.
    await blobs.forCompany(a).put('vanished.txt', bytes('x'));
    fs.rmSync(path.join(root, blobLocation(a, 'documents', 'vanished.txt')));
    expect(await blobs.forCompany(a).get('vanished.txt')).toBeNull();
    expect(await blobs.forCompany(a).read('vanished.txt')).toBeNull();
    expect(await blobs.forCompany(a).delete('vanished.txt')).toBe(true);
    expect(await row(a, 'vanished.txt')).toBeUndefined();
  });

  it('keeps a blob readable by the company it was merged into: the location does not move', async () => {
    const [from, into] = await all().run(async (tx) => [(await createCompany(tx, { name: 'Merged away' })).id, (await createCompany(tx, { name: 'Survivor' })).id]);
    await blobs.forCompany(from!).put('merged/file.txt', bytes('from the merged company'), { contentType: 'text/plain' });
    await blobs.forCompany(into!).put('own/file.txt', bytes('already here'));
    const location = blobLocation(from!, 'documents', 'merged/file.txt');

    await all().run((tx) => mergeCompanies(tx, from!, into!, 'test'));

    expect(await row(into!, 'merged/file.txt')).toMatchObject({ company_id: into, store: 'folder', location });
    expect(await blobs.forCompany(into!).get('merged/file.txt')).toEqual({ data: bytes('from the merged company'), contentType: 'text/plain', size: 23 });
    expect((await blobs.forCompany(into!).list()).map((r) => r.key)).toEqual(['merged/file.txt', 'own/file.txt']);
    expect(await blobs.forCompany(from!).get('merged/file.txt')).toBeNull();
    // Writing the key again moves it to the new company's folder and removes the old file.
    await blobs.forCompany(into!).put('merged/file.txt', bytes('rewritten'));
    expect(fs.existsSync(path.join(root, location))).toBe(false);
    expect(text((await blobs.forCompany(into!).get('merged/file.txt'))?.data)).toBe('rewritten');
    expect(await blobs.forCompany(into!).delete('merged/file.txt')).toBe(true);
    expect(await blobs.forCompany(into!).delete('own/file.txt')).toBe(true);
    expect(filesUnder(root)).toEqual([]);
  });

  it('also keeps the blob when only the row is re-tagged (what a merge does to it)', async () => {
    const [from, into] = await all().run(async (tx) => [(await createCompany(tx, { name: 'Old' })).id, (await createCompany(tx, { name: 'New' })).id]);
    await blobs.forCompany(from!).write('retag.bin', generated(200_000, 5).chunks);
    await all().run((tx) => tx.execute(sql`update blobs set company_id = ${into} where company_id = ${from}`));
    const read = await blobs.forCompany(into!).read('retag.bin');
    const streamed = await drain(read!.stream);
    expect(streamed.size).toBe(200_000);
    expect(streamed.sha256).toBe(read!.sha256);
    expect(await blobs.forCompany(into!).delete('retag.bin')).toBe(true);
    expect(filesUnder(root)).toEqual([]);
  });

  it('still reads rows written before the backends (bytes in the row), and moves them to the folder when rewritten', async () => {
    const legacy = Buffer.from('bytes kept in the row, æøå');
    const sha256 = createHash('sha256').update(legacy).digest('hex');
    await scope(t.db, [a]).run((tx) =>
      tx.execute(sql`insert into blobs (company_id, owner, key, content_type, size, sha256, data)
                     values (${a}, 'documents', 'old/row.txt', 'text/plain', ${legacy.byteLength}, ${sha256}, decode(${legacy.toString('hex')}, 'hex'))`),
    );
    expect(await row(a, 'old/row.txt')).toMatchObject({ store: 'database', location: null });
    expect(await blobs.forCompany(a).get('old/row.txt')).toEqual({ data: new Uint8Array(legacy), contentType: 'text/plain', size: legacy.byteLength });
    const read = await blobs.forCompany(a).read('old/row.txt');
    expect(read).toMatchObject({ size: legacy.byteLength, sha256, contentType: 'text/plain' });
    expect(Buffer.concat((await drain(read!.stream)).bytes).equals(legacy)).toBe(true);
    expect(await blobs.forCompany(b).get('old/row.txt')).toBeNull();
    expect(await blobs.forCompany(a).list('old/')).toEqual([{ key: 'old/row.txt', size: legacy.byteLength, contentType: 'text/plain' }]);

    await blobs.forCompany(a).put('old/row.txt', bytes('now in the folder'));
    expect(await row(a, 'old/row.txt')).toMatchObject({ store: 'folder', location: blobLocation(a, 'documents', 'old/row.txt') });
    const [data] = await all().run(async (tx) => rowsOf<{ empty: boolean }>(await tx.execute(sql`select data is null as empty from blobs where company_id = ${a} and key = 'old/row.txt'`)));
    expect(data!.empty).toBe(true);
    expect(text((await blobs.forCompany(a).get('old/row.txt'))?.data)).toBe('now in the folder');
    expect(await blobs.forCompany(a).delete('old/row.txt')).toBe(true);

    // A legacy row is deleted without touching the folder.
    await scope(t.db, [a]).run((tx) =>
      tx.execute(sql`insert into blobs (company_id, owner, key, content_type, size, sha256, data) values (${a}, 'documents', 'old/two.txt', 'text/plain', 1, 'x', '\\x41'::bytea)`),
    );
    expect(text((await blobs.forCompany(a).get('old/two.txt'))?.data)).toBe('A');
    expect(await blobs.forCompany(a).delete('old/two.txt')).toBe(true);
    expect(filesUnder(root)).toEqual([]);
  });
});
