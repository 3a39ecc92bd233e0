import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../core/config/index.ts';
import { CrmError } from '../../core/errors/index.ts';

/** fetch against a running CRM with an API key. */
export type Api = (pathname: string, init?: RequestInit & { duplex?: 'half' }) => Promise<Response>;

/**
 * The address of this machine's server, from the config (0.0.0.0 and :: as loopback).
 *
 * @example
 * defaultOrigin(config); // 'http://127.0.0.1:3000'
 */
export function defaultOrigin(config: Config): string {
  const host = ['0.0.0.0', '::'].includes(config.host) ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

/**
 * The admin key the server wrote into its data folder, for commands run beside it.
 *
 * @example
 * const key = options.key ?? env.CRM_API_KEY ?? readAdminKey(config.dataDir, 'Uploading needs an API key with crm:write');
 */
export function readAdminKey(dataDir: string, why: string): string {
  try {
    return fs.readFileSync(path.join(dataDir, 'admin.key'), 'utf8').trim();
  } catch {
    throw new CrmError('unauthorized', `${why}: pass --key, set CRM_API_KEY, or run this where the server's data folder is (${path.join(dataDir, 'admin.key')} is not there)`);
  }
}

/**
 * fetch against the CRM with the key; an unreachable server is one line naming the address.
 *
 * @example
 * const api = serverClient('http://127.0.0.1:3000', key);
 * const res = await api('/api/plugins');
 */
export function serverClient(origin: string, key: string): Api {
  return async (pathname, init = {}) => {
    try {
      return await fetch(`${origin}${pathname}`, { ...init, headers: { authorization: `Bearer ${key}`, accept: 'application/json', ...(init.headers as Record<string, string> | undefined) } });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CrmError('unavailable', `The CRM at ${origin} does not answer (${cause?.code ?? cause?.message ?? (error as Error).message}): start it with crm start, or pass its address with --url`, { cause: error });
    }
  };
}

/**
 * The problem's detail (or the status text) of a refused request.
 *
 * @example
 * if (!res.ok) throw new CrmError('bad_request', await problemOf(res));
 */
export async function problemOf(res: Response): Promise<string> {
  const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
  return problem.detail ?? problem.title ?? (res.statusText || `HTTP ${res.status}`);
}

/**
 * Danish when the locale says so (LC_ALL, LC_MESSAGES, LANG), else English.
 *
 * @example
 * langFromEnv({ LANG: 'da_DK.UTF-8' }); // 'da'
 */
export function langFromEnv(env: Record<string, string | undefined>): 'da' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^da/i.test(locale) ? 'da' : 'en';
}
