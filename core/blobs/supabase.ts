import fs from 'node:fs';
import { Readable } from 'node:stream';
import { CrmError } from '../errors/index.ts';
import type { BlobBackend } from './types.ts';

/** What the Supabase backend needs: the project URL, a service-role key (server side only) and the bucket. */
export interface SupabaseStorageOptions {
  url: string;
  serviceKey: string;
  bucket: string;
  fetch?: typeof fetch;
}

/**
 * Bytes in a Supabase Storage bucket, through its REST API (the one `@supabase/supabase-js`
 * calls: `POST/GET /storage/v1/object/{bucket}/{path}`, `DELETE /storage/v1/object/{bucket}`).
 * Called directly because uploads and downloads then stream both ways; supabase-js' download
 * reads the whole object into a Blob first. The location begins with the company id, which the
 * bucket's policies (supabase/migrations/…_blob_storage_policies.sql) check for staff reading
 * the bucket with their own session.
 *
 * @example
 * const store = supabaseBackend({ url: 'https://abc.supabase.co', serviceKey, bucket: 'crm-documents' });
 */
export function supabaseBackend(options: SupabaseStorageOptions): BlobBackend {
  const call = options.fetch ?? fetch;
  const base = `${options.url.replace(/\/$/, '')}/storage/v1/object`;
  const headers = { authorization: `Bearer ${options.serviceKey}`, apikey: options.serviceKey };
  const objectUrl = (location: string) => `${base}/${encodeURIComponent(options.bucket)}/${location}`;
  const fail = async (what: string, res: Response): Promise<never> => {
    const body = (await res.text().catch(() => '')).slice(0, 200);
    throw new CrmError('unavailable', `Supabase Storage refused to ${what} (HTTP ${res.status}${body ? `: ${body}` : ''})`);
  };
  return {
    kind: 'supabase',
    async save(location, tempFile, contentType) {
      const size = (await fs.promises.stat(tempFile)).size;
      const body = Readable.toWeb(fs.createReadStream(tempFile)) as ReadableStream<Uint8Array>;
      const res = await call(objectUrl(location), {
        method: 'POST', body, duplex: 'half',
        headers: { ...headers, 'content-type': contentType, 'content-length': String(size), 'x-upsert': 'true', 'cache-control': 'max-age=0' },
      } as RequestInit);
      if (!res.ok) await fail('store a file', res);
      await res.body?.cancel();
      await fs.promises.rm(tempFile, { force: true });
    },
    async open(location) {
      const res = await call(objectUrl(location), { headers });
      if (res.status === 404 || res.status === 400) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok || !res.body) return fail('read a file', res);
      return res.body;
    },
    async remove(location) {
      const res = await call(`${base}/${encodeURIComponent(options.bucket)}`, {
        method: 'DELETE', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ prefixes: [decodeURIComponent(location)] }),
      });
      if (!res.ok && res.status !== 404) await fail('delete a file', res);
      await res.body?.cancel();
    },
  };
}
