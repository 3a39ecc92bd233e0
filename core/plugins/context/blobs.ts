import fs from 'node:fs';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { BlobService } from '../../../plugin-api.d.ts';
import { blobLocation, spool } from '../../blobs/index.ts';
import { scope } from '../../db/scope/index.ts';
import { rowsOf } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import type { HostServices } from './services.ts';

/** Largest blob by default: a plugin may ask for less (or, up to a gigabyte, more) per write. */
export const MAX_BLOB_BYTES = 50 * 1024 * 1024;
const MAX_ANY_BLOB = 1024 ** 3;

interface BlobRow {
  content_type: string;
  size: string | number;
  sha256: string;
  store: 'database' | 'folder' | 'supabase';
  location: string | null;
}

/**
 * Files per company, namespaced by plugin. The row (company, owner, key, size, SHA-256, where
 * the bytes are) is in the `blobs` table, read and written in the company's scope (row level
 * security applies); the bytes go to the configured backend (a folder, Supabase Storage) or,
 * without one, into the row. Writes stream through a temporary file, hashed and size-limited on
 * the way, so no upload is ever whole in memory.
 *
 * @example
 * await blobService(services, 'documents').forCompany(id).write('0191…/tilbud.pdf', request.body, { contentType: 'application/pdf' });
 */
export function blobService(services: Pick<HostServices, 'db' | 'blobs'>, owner: string): BlobService {
  const backend = services.blobs?.backend;
  const incoming = services.blobs?.incomingDir;
  return {
    forCompany(companyId) {
      const run = scope(services.db, [companyId]).run;
      const checkKey = (key: string) => {
        if (typeof key !== 'string' || key.length < 1 || key.length > 500 || key.includes('\u0000')) throw new CrmError('bad_request', 'Blob keys are 1–500 characters without NUL');
      };
      const find = async (key: string) => {
        const [row] = await run(async (tx) =>
          rowsOf<BlobRow>(await tx.execute(sql`select content_type, size, sha256, store, location from blobs where company_id = ${companyId} and owner = ${owner} and key = ${key}`)),
        );
        return row;
      };
      const bytesOf = async (key: string, row: BlobRow): Promise<ReadableStream<Uint8Array> | null> => {
        if (row.store === 'database') {
          const [data] = await run(async (tx) => rowsOf<{ hex: string }>(await tx.execute(sql`select encode(data, 'hex') as hex from blobs where company_id = ${companyId} and owner = ${owner} and key = ${key}`)));
          return data ? (Readable.toWeb(Readable.from([Buffer.from(data.hex, 'hex')])) as ReadableStream<Uint8Array>) : null;
        }
        if (!backend || backend.kind !== row.store || !row.location) {
          throw new CrmError('unavailable', `This file is kept in the ${row.store} blob store, but BLOB_STORE is ${backend?.kind ?? 'database'}`);
        }
        return backend.open(row.location);
      };
      const service = {
        async write(key: string, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | ReadableStream<Uint8Array>, options: { contentType?: string; maxBytes?: number; signal?: AbortSignal } = {}) {
          checkKey(key);
          const maxBytes = Math.min(options.maxBytes ?? MAX_BLOB_BYTES, MAX_ANY_BLOB);
          const spooled = await spool(source, { maxBytes, ...(incoming ? { dir: incoming } : {}), ...(options.signal ? { signal: options.signal } : {}) });
          const contentType = options.contentType ?? 'application/octet-stream';
          const location = backend ? blobLocation(companyId, owner, key) : null;
          try {
            // The bytes are in place before the row says so: a crash in between leaves an
            // unreferenced file, never a row whose file is missing.
            if (backend && location) await backend.save(location, spooled.file, contentType);
            const hex = backend ? null : (await fs.promises.readFile(spooled.file)).toString('hex');
            const previous = await find(key);
            await run((tx) =>
              tx.execute(sql`
                insert into blobs (company_id, owner, key, content_type, size, sha256, store, location, data)
                values (${companyId}, ${owner}, ${key}, ${contentType}, ${spooled.size}, ${spooled.sha256}, ${backend?.kind ?? 'database'}, ${location},
                        case when ${hex}::text is null then null else decode(${hex}::text, 'hex') end)
                on conflict (company_id, owner, key) do update
                  set content_type = excluded.content_type, size = excluded.size, sha256 = excluded.sha256, store = excluded.store,
                      location = excluded.location, data = excluded.data, created_at = now()`),
            );
            // A blob moved from another store (or written before the location scheme) leaves its old object behind otherwise.
            if (previous?.location && previous.location !== location && backend?.kind === previous.store) await backend.remove(previous.location);
          } finally {
            await fs.promises.rm(spooled.file, { force: true });
          }
          return { key, size: spooled.size, sha256: spooled.sha256, head: spooled.head };
        },
        async put(key: string, data: Uint8Array, options: { contentType?: string } = {}) {
          if (!(data instanceof Uint8Array)) throw new CrmError('bad_request', 'Blob data must be bytes (Uint8Array or Buffer)');
          const { head: _head, ...written } = await service.write(key, [data], options);
          return written;
        },
        async get(key: string) {
          checkKey(key);
          const row = await find(key);
          if (!row) return null;
          const stream = await bytesOf(key, row);
          if (!stream) return null;
          const parts: Uint8Array[] = [];
          for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
          const data = new Uint8Array(Buffer.concat(parts));
          return { data, contentType: row.content_type, size: Number(row.size) };
        },
        async read(key: string) {
          checkKey(key);
          const row = await find(key);
          if (!row) return null;
          const stream = await bytesOf(key, row);
          return stream ? { stream, contentType: row.content_type, size: Number(row.size), sha256: row.sha256 } : null;
        },
        async delete(key: string) {
          checkKey(key);
          const rows = await run(async (tx) =>
            rowsOf<{ store: string; location: string | null }>(await tx.execute(sql`delete from blobs where company_id = ${companyId} and owner = ${owner} and key = ${key} returning store, location`)),
          );
          const [gone] = rows;
          // After the row: a crash in between leaves an unreferenced file, not a dangling row.
          if (gone?.location && backend?.kind === gone.store) await backend.remove(gone.location);
          return rows.length > 0;
        },
        async list(prefix = '') {
          const rows = await run(async (tx) =>
            rowsOf<{ key: string; size: string | number; content_type: string }>(
              await tx.execute(sql`select key, size, content_type from blobs where company_id = ${companyId} and owner = ${owner}
                                   and left(key, ${prefix.length}) = ${prefix} order by key`),
            ),
          );
          return rows.map((r) => ({ key: r.key, size: Number(r.size), contentType: r.content_type }));
        },
      };
      return service;
    },
  };
}
