import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { loadConfig } from '../config/index.ts';
import { createCompany } from '../companies/store.ts';
import { scope } from '../db/scope/index.ts';
import { rowsOf } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { blobService } from '../plugins/context/blobs.ts';
import { blobLocation } from './folder.ts';
import { objectName, supabaseBackend } from './supabase.ts';

const SERVICE_KEY = 'eyJhbGciOiJIUzI1NiJ9.service-role-secret-for-tests.c2lnbmF0dXJl';
const BUCKET = 'crm-blobs';

/** Supabase Storage's own check of object names (supabase/storage, src/storage/limits.ts `isValidKey`). */
const isValidKey = (key: string) => key.length > 0 && /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/.test(key);

interface Upload {
  name: string;
  chunks: number;
  bytes: number;
  contentLength: string | undefined;
  contentType: string | undefined;
  upsert: string | undefined;
}

/**
 * A stand-in for Supabase Storage's object API, as the backend calls it: `POST` and `GET
 * /storage/v1/object/{bucket}/{name}` and `DELETE /storage/v1/object/{bucket}` with
 * `{ prefixes }`, the service key as bearer token and apikey, names checked as Storage checks
 * them, errors as `{ statusCode, error, message }`. `legacy` answers every error with HTTP 400
 * and the real status in the body, as older Storage servers do.
 */
async function storageStub() {
  const objects = new Map<string, { data: Buffer; contentType: string }>();
  const uploads: Upload[] = [];
  const stub = {
    objects,
    uploads,
    legacy: false,
    /** Answers the next requests with this instead (a broken or refusing server). */
    fail: undefined as undefined | ((req: http.IncomingMessage) => { status: number; body: string } | undefined),
    url: '',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const body = async (req: http.IncomingMessage) => {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    return parts;
  };
  const server = http.createServer(async (req, res) => {
    const send = (status: number, payload: unknown) => {
      res.writeHead(stub.legacy && status >= 400 ? 400 : status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const error = async (status: number, name: string, message: string) => {
      await body(req); // read what was sent, as a server does, before answering
      send(status, { statusCode: String(status), error: name, message });
    };
    const url = new URL(req.url ?? '/', 'http://stub');
    const prefix = '/storage/v1/object/';
    if (!url.pathname.startsWith(prefix)) return error(404, 'not_found', 'Route not found');
    if (req.headers.authorization !== `Bearer ${SERVICE_KEY}` || req.headers.apikey !== SERVICE_KEY) {
      return error(403, 'Unauthorized', 'invalid signature');
    }
    const injected = stub.fail?.(req);
    if (injected) {
      await body(req);
      res.writeHead(injected.status, { 'content-type': 'application/json' });
      return res.end(injected.body);
    }
    const rest = url.pathname.slice(prefix.length);
    const slash = rest.indexOf('/');
    const bucket = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
    const name = slash < 0 ? '' : decodeURIComponent(rest.slice(slash + 1));
    if (bucket !== BUCKET) return error(404, 'Bucket not found', 'Bucket not found');

    if (req.method === 'DELETE' && !name) {
      if (!String(req.headers['content-type']).startsWith('application/json')) return error(400, 'Invalid JSON', 'body must be JSON');
      const parsed = JSON.parse(Buffer.concat(await body(req)).toString() || '{}') as { prefixes?: unknown };
      if (!Array.isArray(parsed.prefixes) || parsed.prefixes.length < 1 || !parsed.prefixes.every((p) => typeof p === 'string')) {
        return send(400, { statusCode: '400', error: 'Bad Request', message: "body must have required property 'prefixes'" });
      }
      const deleted = (parsed.prefixes as string[]).filter((p) => objects.delete(p)).map((p) => ({ name: p, bucket_id: BUCKET, id: randomUUID() }));
      return send(200, deleted);
    }
    if (!name || !isValidKey(name)) return error(400, 'InvalidKey', `Invalid key: ${name}`);

    if (req.method === 'POST') {
      if (objects.has(name) && req.headers['x-upsert'] !== 'true') return error(409, 'Duplicate', 'The resource already exists');
      const parts = await body(req);
      const data = Buffer.concat(parts);
      const contentLength = req.headers['content-length'];
      if (contentLength !== undefined && Number(contentLength) !== data.byteLength) return send(400, { statusCode: '400', error: 'Bad Request', message: 'content-length mismatch' });
      uploads.push({ name, chunks: parts.length, bytes: data.byteLength, contentLength, contentType: req.headers['content-type'], upsert: req.headers['x-upsert'] as string | undefined });
      objects.set(name, { data, contentType: req.headers['content-type'] ?? 'application/octet-stream' });
      return send(200, { Key: `${BUCKET}/${name}`, Id: randomUUID() });
    }
    if (req.method === 'GET') {
      const object = objects.get(name);
      if (!object) return error(404, 'not_found', 'Object not found');
      res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.data.byteLength });
      // In slices, as a server streams a file.
      for (let at = 0; at < object.data.byteLength; at += 256 * 1024) {
        if (!res.write(object.data.subarray(at, at + 256 * 1024))) await new Promise((resolve) => res.once('drain', resolve));
      }
      return res.end();
    }
    return error(405, 'Method Not Allowed', `${req.method} is not allowed`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}

async function* generated(total: number, seed: number) {
  let state = seed;
  for (let produced = 0; produced < total; ) {
    const n = Math.min(64 * 1024, total - produced);
    const chunk = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      chunk[i] = state >>> 24;
    }
    produced += n;
    yield chunk;
  }
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const text = (data: Uint8Array | undefined) => (data ? Buffer.from(data).toString() : undefined);

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}

describe.each(DRIVERS)('Supabase Storage blob store through ctx.blobs on %s', (driver) => {
  let t: TestDatabase;
  let stub: Awaited<ReturnType<typeof storageStub>>;
  let incoming: string;
  let blobs: ReturnType<typeof blobService>;
  let a: string;
  let b: string;
  const all = () => scope(t.db, 'all');
  const serviceWith = (options: Partial<Parameters<typeof supabaseBackend>[0]>) =>
    blobService({ db: t.db, blobs: { backend: supabaseBackend({ url: stub.url, serviceKey: SERVICE_KEY, bucket: BUCKET, ...options }), incomingDir: incoming } }, 'documents');
  const rowOf = async (companyId: string, key: string) =>
    (await all().run(async (tx) => rowsOf<{ store: string; location: string | null; data: unknown }>(
      await tx.execute(sql`select store, location, data from blobs where company_id = ${companyId} and owner = 'documents' and key = ${key}`),
    )))[0];

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    stub = await storageStub();
    incoming = fs.mkdtempSync(path.join(os.tmpdir(), 'supabase-blobs-'));
    blobs = serviceWith({});
    [a, b] = await all().run(async (tx) => [(await createCompany(tx, { name: 'Storage A' })).id, (await createCompany(tx, { name: 'Storage B' })).id]);
  });
  afterEach(async () => {
    stub.fail = undefined;
    stub.legacy = false;
    stub.objects.clear();
    stub.uploads.length = 0;
    await all().run((tx) => tx.execute(sql`delete from blobs`));
  });
  afterAll(async () => {
    await stub.close();
    await t.destroy();
    fs.rmSync(incoming, { recursive: true, force: true });
  });

  it('round-trips a file: the bytes in the bucket under the company, the row in the database', async () => {
    const written = await blobs.forCompany(a).put('0191/tilbud.pdf', bytes('%PDF-1.7 offer'), { contentType: 'application/pdf' });
    expect(written).toMatchObject({ key: '0191/tilbud.pdf', size: 14, sha256: createHash('sha256').update('%PDF-1.7 offer').digest('hex') });
    const location = blobLocation(a, 'documents', '0191/tilbud.pdf');
    expect(await rowOf(a, '0191/tilbud.pdf')).toEqual({ store: 'supabase', location, data: null });
    // The bucket's policies read the company from the first segment of the name.
    expect([...stub.objects.keys()]).toEqual([`${a}/documents/0191/tilbud.pdf`]);
    expect(stub.uploads[0]).toMatchObject({ contentType: 'application/pdf', upsert: 'true', contentLength: '14' });
    expect(await blobs.forCompany(a).get('0191/tilbud.pdf')).toEqual({ data: bytes('%PDF-1.7 offer'), contentType: 'application/pdf', size: 14 });
    expect(await blobs.forCompany(a).list()).toEqual([{ key: '0191/tilbud.pdf', size: 14, contentType: 'application/pdf' }]);
    expect(await blobs.forCompany(b).get('0191/tilbud.pdf')).toBeNull();
    expect(await blobs.forCompany(b).delete('0191/tilbud.pdf')).toBe(false);
    expect(stub.objects.size).toBe(1);
    // Nothing left in the spool folder: the temporary file went once the upload was done.
    expect(fs.readdirSync(incoming)).toEqual([]);
  });

  it.each(['Tilbud på æøå – 2026.pdf', '100% rabat.pdf', '~user/file', '../../escape', '.env', 'a//b', 'mappe med mellemrum/fil.txt', "it's (1) & more!.txt"])(
    'stores the key %j under a name Storage accepts, and reads it back',
    async (key) => {
      await blobs.forCompany(a).put(key, bytes(`bytes of ${key}`), { contentType: 'text/plain' });
      const [name] = [...stub.objects.keys()];
      expect(isValidKey(name!)).toBe(true);
      expect(name).toBe(objectName(blobLocation(a, 'documents', key)));
      expect(name!.startsWith(`${a}/documents/`)).toBe(true);
      expect(name).not.toContain('..');
      expect(text((await blobs.forCompany(a).get(key))?.data)).toBe(`bytes of ${key}`);
      expect(await blobs.forCompany(a).delete(key)).toBe(true);
      expect(stub.objects.size).toBe(0);
    },
  );

  it('gives distinct keys distinct object names', () => {
    const keys = ['a/b', 'a//b', '/a/b', '%2E%2E/x', '../x', '~', '%7E', '$', '%24', 'æ', '%C3%A6'];
    const names = keys.map((key) => objectName(blobLocation(a, 'documents', key)));
    expect(new Set(names).size).toBe(keys.length);
    for (const name of names) expect(isValidKey(name)).toBe(true);
  });

  it('streams a large file up and down byte-exact', async () => {
    const total = 20 * 1024 * 1024 + 7;
    const written = await blobs.forCompany(a).write('big/video.bin', generated(total, 11), { maxBytes: 25 * 1024 * 1024 });
    expect(written.size).toBe(total);
    // It arrived as a stream of many chunks with its length declared, not as one buffer.
    expect(stub.uploads[0]).toMatchObject({ bytes: total, contentLength: String(total) });
    expect(stub.uploads[0]!.chunks).toBeGreaterThan(1);
    expect(createHash('sha256').update(stub.objects.values().next().value!.data).digest('hex')).toBe(written.sha256);

    const read = await blobs.forCompany(a).read('big/video.bin');
    expect(read).toMatchObject({ size: total, sha256: written.sha256 });
    const hash = createHash('sha256');
    let size = 0;
    let chunks = 0;
    for await (const chunk of read!.stream as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.byteLength;
      chunks++;
    }
    expect({ size, sha256: hash.digest('hex') }).toEqual({ size: total, sha256: written.sha256 });
    expect(chunks).toBeGreaterThan(1);
    expect(fs.readdirSync(incoming)).toEqual([]);
  });

  it('refuses a file over maxBytes before it reaches the bucket', async () => {
    await expect(blobs.forCompany(a).write('too/big.bin', generated(2 * 1024 * 1024, 2), { maxBytes: 1024 * 1024 })).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(stub.uploads).toEqual([]);
    expect(await rowOf(a, 'too/big.bin')).toBeUndefined();
    expect(fs.readdirSync(incoming)).toEqual([]);
  });

  it('replaces the object when a key is written again, and deletes it', async () => {
    await blobs.forCompany(a).put('doc/x.txt', bytes('first'));
    await blobs.forCompany(a).put('doc/x.txt', bytes('second, longer'), { contentType: 'text/plain' });
    expect(stub.objects.size).toBe(1);
    expect(await blobs.forCompany(a).get('doc/x.txt')).toEqual({ data: bytes('second, longer'), contentType: 'text/plain', size: 14 });
    expect(await blobs.forCompany(a).delete('doc/x.txt')).toBe(true);
    expect(stub.objects.size).toBe(0);
    expect(await blobs.forCompany(a).delete('doc/x.txt')).toBe(false);
    expect(await blobs.forCompany(a).get('doc/x.txt')).toBeNull();
  });

  it.each([false, true])('reads an object missing from the bucket as null (legacy 400 answers: %s)', async (legacy) => {
    await blobs.forCompany(a).put('gone.txt', bytes('soon gone'));
    stub.objects.clear();
    stub.legacy = legacy;
    expect(await blobs.forCompany(a).get('gone.txt')).toBeNull();
    expect(await blobs.forCompany(a).read('gone.txt')).toBeNull();
    // Deleting the row of an object already gone is fine.
    expect(await blobs.forCompany(a).delete('gone.txt')).toBe(true);
  });

  it.each([false, true])('does not take a refusal or a missing bucket for a missing object (legacy 400 answers: %s)', async (legacy) => {
    await blobs.forCompany(a).put('here.txt', bytes('here'));
    stub.legacy = legacy;
    const wrongKey = serviceWith({ serviceKey: 'not-the-service-role-key-0123456789' });
    const refused = await failure(wrongKey.forCompany(a).get('here.txt'));
    expect(refused.code).toBe('unavailable');
    expect(refused.message).toMatch(/Supabase Storage refused to read a file \(HTTP (403|400).*invalid signature/);
    const wrongBucket = serviceWith({ bucket: 'no-such-bucket' });
    expect((await failure(wrongBucket.forCompany(a).read('here.txt'))).message).toMatch(/Bucket not found/);
  });

  it.each([
    [500, JSON.stringify({ statusCode: '500', error: 'internal', message: 'Internal Server Error' })],
    [403, JSON.stringify({ statusCode: '403', error: 'Unauthorized', message: 'new row violates row-level security policy' })],
    [502, '<html>Bad gateway</html>'],
  ])('turns HTTP %i into a clear unavailable error, writing no row', async (status, body) => {
    stub.fail = () => ({ status, body });
    const error = await failure(blobs.forCompany(a).put('refused.txt', bytes('x')));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(new RegExp(`^Supabase Storage refused to store a file \\(HTTP ${status}: `));
    expect(error.message).not.toContain(SERVICE_KEY);
    expect(error.message).not.toContain('\n');
    expect(await rowOf(a, 'refused.txt')).toBeUndefined();
    expect(fs.readdirSync(incoming)).toEqual([]);

    stub.fail = undefined;
    await blobs.forCompany(a).put('stored.txt', bytes('y'));
    stub.fail = () => ({ status, body });
    expect(await failure(blobs.forCompany(a).get('stored.txt'))).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/refused to read a file/) });
    expect(await failure(blobs.forCompany(a).delete('stored.txt'))).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/refused to delete a file/) });
  });

  it('never puts the service key in an error, even when the server echoes it', async () => {
    stub.fail = (req) => ({ status: 500, body: JSON.stringify({ statusCode: '500', error: 'internal', message: `bad header ${req.headers.authorization} / ${req.headers.apikey}` }) });
    const error = await failure(blobs.forCompany(a).put('echo.txt', bytes('x')));
    expect(error.code).toBe('unavailable');
    expect(error.message).not.toContain(SERVICE_KEY);
    expect(error.message).not.toContain(SERVICE_KEY.slice(0, 40));
    expect(JSON.stringify(error)).not.toContain(SERVICE_KEY);
  });

  it('turns an unreachable server into unavailable too', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = serviceWith({ url: `http://127.0.0.1:${port}` });
    const error = await failure(unreachable.forCompany(a).put('nowhere.txt', bytes('x')));
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/could not be reached to store a file \(ECONNREFUSED\)/) });
    expect(error.message).not.toContain(SERVICE_KEY);
    expect(await rowOf(a, 'nowhere.txt')).toBeUndefined();
    expect(fs.readdirSync(incoming)).toEqual([]);
  });

  it('says so when a row is in another store than BLOB_STORE', async () => {
    await scope(t.db, [a]).run((tx) =>
      tx.execute(sql`insert into blobs (company_id, owner, key, content_type, size, sha256, store, location) values (${a}, 'documents', 'on-disk.txt', 'text/plain', 1, 'x', 'folder', ${`${a}/documents/on-disk.txt`})`),
    );
    expect(await failure(blobs.forCompany(a).get('on-disk.txt'))).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/kept in the folder blob store, but BLOB_STORE is supabase/) });
  });
});

describe('loadConfig with BLOB_STORE=supabase', () => {
  const base = { SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY: SERVICE_KEY };

  it('uses the bucket of the project with the service key', () => {
    expect(loadConfig({ BLOB_STORE: 'supabase', ...base }).blobs).toEqual({ store: 'supabase', url: 'https://abc.supabase.co', serviceKey: SERVICE_KEY, bucket: 'crm-blobs' });
    expect(loadConfig({ BLOB_STORE: 'supabase', BLOB_BUCKET: 'acme.files', ...base }).blobs).toMatchObject({ bucket: 'acme.files' });
    expect(loadConfig({}, '/srv/app').blobs).toEqual({ store: 'folder', folder: '/srv/app/.data/blobs' });
  });

  it.each([
    [{ BLOB_STORE: 'supabase' }],
    [{ BLOB_STORE: 'supabase', SUPABASE_URL: 'https://abc.supabase.co' }],
    [{ BLOB_STORE: 'supabase', SUPABASE_SERVICE_ROLE_KEY: SERVICE_KEY }],
    [{ BLOB_STORE: 'supabase', SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY: '  ' }],
  ])('refuses %o in one line', (env) => {
    expect(() => loadConfig(env)).toThrow(/^Invalid configuration: BLOB_STORE is supabase but SUPABASE_URL or SUPABASE_SERVICE_ROLE_KEY is unset$/);
  });

  it.each([
    [{ BLOB_STORE: 's3', ...base }, /^Invalid configuration: BLOB_STORE must be folder or supabase/],
    [{ BLOB_STORE: 'supabase', BLOB_BUCKET: 'Bad Bucket', ...base }, /^Invalid configuration: BLOB_BUCKET must be a bucket name/],
    [{ BLOB_STORE: 'supabase', SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'short-secret' }, /^Invalid configuration: SUPABASE_SERVICE_ROLE_KEY must be the project's service_role key$/],
  ])('refuses %o naming the variable, without echoing the key', (env, message) => {
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).not.toContain('short-secret');
      expect((error as Error).message).not.toContain(SERVICE_KEY);
    }
  });

  it('keeps the folder store without Supabase settings, and ignores the key then', () => {
    expect(loadConfig({ BLOB_STORE: 'folder', SUPABASE_SERVICE_ROLE_KEY: SERVICE_KEY }, '/x').blobs).toEqual({ store: 'folder', folder: '/x/.data/blobs' });
  });
});
