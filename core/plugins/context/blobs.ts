import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { BlobService } from '../../../plugin-api.d.ts';
import { scope } from '../../db/scope/index.ts';
import { rowsOf } from '../../db/types.ts';
import { CrmError } from '../../errors/index.ts';
import type { HostServices } from './services.ts';

/** Largest blob: uploads bigger than this belong in object storage, not in a table row. */
export const MAX_BLOB_BYTES = 50 * 1024 * 1024;

/**
 * Files per company in the `blobs` table, namespaced by plugin, read and written in the
 * company's scope (row level security applies).
 *
 * @example
 * await blobService(services, 'documents').forCompany(id).put('tilbud.pdf', bytes, { contentType: 'application/pdf' });
 */
export function blobService(services: Pick<HostServices, 'db'>, owner: string): BlobService {
  return {
    forCompany(companyId) {
      const run = scope(services.db, [companyId]).run;
      const checkKey = (key: string) => {
        if (typeof key !== 'string' || key.length < 1 || key.length > 500 || key.includes('\u0000')) throw new CrmError('bad_request', 'Blob keys are 1–500 characters without NUL');
      };
      return {
        async put(key, data, options = {}) {
          checkKey(key);
          if (!(data instanceof Uint8Array)) throw new CrmError('bad_request', 'Blob data must be bytes (Uint8Array or Buffer)');
          if (data.byteLength > MAX_BLOB_BYTES) throw new CrmError('payload_too_large', `A blob may be at most ${MAX_BLOB_BYTES / 1024 / 1024} MB`);
          const sha256 = createHash('sha256').update(data).digest('hex');
          const contentType = options.contentType ?? 'application/octet-stream';
          // Hex text decoded by the database: one form that PGlite and postgres.js both pass as text.
          const hex = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex');
          await run((tx) =>
            tx.execute(sql`
              insert into blobs (company_id, owner, key, content_type, size, sha256, data)
              values (${companyId}, ${owner}, ${key}, ${contentType}, ${data.byteLength}, ${sha256}, decode(${hex}::text, 'hex'))
              on conflict (company_id, owner, key) do update
                set content_type = excluded.content_type, size = excluded.size, sha256 = excluded.sha256, data = excluded.data, created_at = now()`),
          );
          return { key, size: data.byteLength, sha256 };
        },
        async get(key) {
          checkKey(key);
          const [row] = await run(async (tx) =>
            rowsOf<{ hex: string; content_type: string; size: number }>(
              await tx.execute(sql`select encode(data, 'hex') as hex, content_type, size from blobs where company_id = ${companyId} and owner = ${owner} and key = ${key}`),
            ),
          );
          return row ? { data: new Uint8Array(Buffer.from(row.hex, 'hex')), contentType: row.content_type, size: row.size } : null;
        },
        async delete(key) {
          checkKey(key);
          const rows = await run(async (tx) =>
            rowsOf(await tx.execute(sql`delete from blobs where company_id = ${companyId} and owner = ${owner} and key = ${key} returning 1`)),
          );
          return rows.length > 0;
        },
        async list(prefix = '') {
          const rows = await run(async (tx) =>
            rowsOf<{ key: string; size: number; content_type: string }>(
              await tx.execute(sql`select key, size, content_type from blobs where company_id = ${companyId} and owner = ${owner}
                                   and left(key, ${prefix.length}) = ${prefix} order by key`),
            ),
          );
          return rows.map((r) => ({ key: r.key, size: r.size, contentType: r.content_type }));
        },
      };
    },
  };
}
