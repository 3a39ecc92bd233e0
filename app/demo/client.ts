import { audit } from '../../core/audit/index.ts';
import { createApiKey, revokeApiKey } from '../../core/auth/keys.ts';
import type { Database } from '../../core/db/types.ts';
import { CrmError } from '../../core/errors/index.ts';

/**
 * What the demo needs of a CRM: its database (for the seeding key and the timeline notes),
 * its HTTP app in process, and a way to run the jobs that requests queue. The server gives
 * these before it listens, `crm demo` from a runtime without listening, and the test kit's
 * `createTestHost` as it is.
 */
export interface DemoHost {
  db: Database;
  fetch(path: string, init?: RequestInit): Response | Promise<Response>;
  runJobs(): Promise<number>;
}

/** An in-process client of the CRM's API with a short-lived admin key of its own. */
export interface DemoApi {
  /** `key:<id>`: who the timeline and the audit log say did it. */
  actor: string;
  /**
   * Sends a request as the admin (or with `token`; `null` for none) and answers the parsed
   * body; any status but `expect` (default 200, 201, 202, 204) fails with the problem's detail.
   */
  call<T = any>(method: string, path: string, options?: { body?: unknown; token?: string | null; headers?: Record<string, string>; expect?: number[] }): Promise<T>;
  /** Revokes the key; the client is done. */
  close(): Promise<void>;
}

/** Long enough for any seeding on a slow machine; the key is revoked when the work is done anyway. */
const KEY_LIFETIME_MS = 30 * 60_000;

/**
 * Opens a client: mints an admin key named "Demo workspace" (audited, expiring in 30 minutes)
 * so that everything the demo does goes through the same routes, checks and audit log as a
 * user's requests.
 *
 * @example
 * const api = await openDemoApi(host);
 * const company = await api.call('POST', '/api/companies', { body: { name: 'Jensens VVS ApS' } });
 * await api.close();
 */
export async function openDemoApi(host: DemoHost): Promise<DemoApi> {
  const { key, secret } = await createApiKey(host.db.orm, {
    name: 'Demo workspace', scopes: ['admin'], createdBy: 'system', expiresAt: new Date(Date.now() + KEY_LIFETIME_MS),
  });
  await audit(host.db.orm, { actor: 'system', action: 'api_key.create', targetType: 'api_key', targetId: key.id, details: { reason: 'demo workspace' } });
  return {
    actor: `key:${key.id}`,
    async call<T>(method: string, path: string, options: Parameters<DemoApi['call']>[2] = {}): Promise<T> {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const token = options.token === undefined ? secret : options.token;
      if (token) headers.authorization = `Bearer ${token}`;
      const init: RequestInit = { method, headers };
      if (options.body instanceof FormData) {
        init.body = options.body; // an upload: fetch writes the multipart boundary
      } else if (options.body instanceof Uint8Array) {
        init.body = options.body as Uint8Array<ArrayBuffer>; // a raw file (a mailbox): its content-type comes with the headers
      } else if (options.body !== undefined) {
        init.body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
      const res = await host.fetch(path, init);
      const text = await res.text();
      const body = text ? parse(text) : null;
      if (!(options.expect ?? [200, 201, 202, 204]).includes(res.status)) {
        const detail = body && typeof body === 'object' && 'detail' in body ? String(body.detail) : text.slice(0, 200);
        throw new CrmError(res.status >= 500 ? 'internal' : 'bad_request', `Demo workspace: ${method} ${path.split('?')[0]} answered ${res.status}: ${detail}`);
      }
      return body as T;
    },
    async close() {
      await revokeApiKey(host.db.orm, key.id);
      await audit(host.db.orm, { actor: 'system', action: 'api_key.revoke', targetType: 'api_key', targetId: key.id, details: { reason: 'demo workspace done' } });
    },
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
