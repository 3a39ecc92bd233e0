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
  const objectUrl = (location: string) => `${base}/${encodeURIComponent(options.bucket)}/${objectName(location).split('/').map(encodeURIComponent).join('/')}`;
  const redact = (text: string) => text.split(options.serviceKey).join('***');
  const fail = async (what: string, res: Response): Promise<never> => {
    const body = redact((await res.text().catch(() => '')).replace(/\s+/g, ' ').trim()).slice(0, 200);
    throw new CrmError('unavailable', `Supabase Storage refused to ${what} (HTTP ${res.status}${body ? `: ${body}` : ''})`);
  };
  // A network failure (DNS, refused connection, TLS) is as unavailable as a refusal; undici's
  // "fetch failed" says nothing, its cause says what.
  const send = async (what: string, url: string, init: RequestInit): Promise<Response> => {
    try {
      return await call(url, init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new CrmError('unavailable', `Supabase Storage could not be reached to ${what} (${redact(String(reason)).slice(0, 200)})`);
    }
  };
  return {
    kind: 'supabase',
    async save(location, tempFile, contentType) {
      const size = (await fs.promises.stat(tempFile)).size;
      const body = Readable.toWeb(fs.createReadStream(tempFile)) as ReadableStream<Uint8Array>;
      const res = await send('store a file', objectUrl(location), {
        method: 'POST', body, duplex: 'half',
        headers: { ...headers, 'content-type': contentType, 'content-length': String(size), 'x-upsert': 'true', 'cache-control': 'max-age=0' },
      } as RequestInit);
      if (!res.ok) await fail('store a file', res);
      await res.body?.cancel();
      await fs.promises.rm(tempFile, { force: true });
    },
    async open(location) {
      const res = await send('read a file', objectUrl(location), { headers });
      // Older Storage servers answer every error with HTTP 400 and the real status in the body:
      // only an object's "not found" means it is gone (a bad key, a refusal or a missing bucket
      // must not look like a missing file).
      if (res.status === 404 || res.status === 400) {
        const body = await res.text().catch(() => '');
        if (isObjectNotFound(res.status, body)) return null;
        return fail('read a file', new Response(body, { status: res.status }));
      }
      if (!res.ok || !res.body) return fail('read a file', res);
      return res.body;
    },
    async remove(location) {
      const res = await send('delete a file', `${base}/${encodeURIComponent(options.bucket)}`, {
        method: 'DELETE', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ prefixes: [objectName(location)] }),
      });
      if (!res.ok && res.status !== 404) await fail('delete a file', res);
      await res.body?.cancel();
    },
  };
}

/**
 * The object's name in the bucket for a location. Storage accepts only S3-safe characters in a
 * name (letters, digits, `/ ! - . * ' ( ) _` and `space & $ @ = ; : + , ?`; supabase/storage
 * `isValidKey`), so neither `%` nor `~` nor `æøå`: the location's `%XX` escapes are kept, written
 * `$XX` (a `$` never appears in a location, encodeURIComponent escapes it), and `~` is `$7E`.
 * One location, one name, and back: `0190…/documents/0191…/Tilbud$20p$C3$A5.pdf`.
 *
 * @example
 * objectName('0190…/documents/k/100%25.pdf'); // '0190…/documents/k/100$25.pdf'
 */
export function objectName(location: string): string {
  return location.replaceAll('%', '$').replaceAll('~', '$7E');
}

function isObjectNotFound(status: number, body: string): boolean {
  let parsed: { statusCode?: string | number; error?: string; message?: string } = {};
  try {
    parsed = JSON.parse(body) ?? {};
  } catch {
    return status === 404 && !/bucket/i.test(body);
  }
  if (/bucket/i.test(`${parsed.error ?? ''} ${parsed.message ?? ''}`)) return false;
  return status === 404 || String(parsed.statusCode) === '404' || /^not.?found$/i.test(parsed.error ?? '');
}
