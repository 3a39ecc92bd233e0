import type { OpenAPIHono } from '@hono/zod-openapi';
import { createJwtVerifier } from '../auth/jwt.ts';
import type { Config } from '../config/index.ts';
import { type AppDeps, createApp } from '../http/app.ts';
import type { AppEnv } from '../http/env.ts';
import type { Logger } from '../log/index.ts';
import type { Runtime } from './runtime.ts';

/**
 * The HTTP app of a runtime, exactly as the server serves it: staff logins from the Supabase
 * settings, CORS, body limit, the running plugins' routes. The server listens with it; a CLI
 * command that works through the API (`crm demo`) calls it in process without listening.
 *
 * @example
 * const app = serverApp(config, runtime, { logger, version: VERSION });
 * const res = await app.request('/api/companies', { headers: { authorization: `Bearer ${key}` } });
 */
export function serverApp(
  config: Config,
  runtime: Runtime,
  options: { logger: Logger; version: string; onJobQueued?: () => void } & Pick<AppDeps, 'sites' | 'signinUrl'>,
): OpenAPIHono<AppEnv> {
  const { jwtSecret, jwksUrl, issuer } = config.supabase;
  return createApp({
    db: runtime.db, shutdown: runtime.shutdown, logger: options.logger, jwt: createJwtVerifier({ jwtSecret, jwksUrl, issuer }), embedder: runtime.embedder,
    corsOrigins: config.corsOrigins, maxBodyBytes: config.maxBodyBytes, version: options.version,
    publicUrl: config.publicUrl, trustProxy: config.trustProxy, sites: options.sites, signinUrl: options.signinUrl,
    supabase: { ...(config.supabase.url ? { url: config.supabase.url } : {}), ...(config.supabase.anonKey ? { anonKey: config.supabase.anonKey } : {}) },
    bus: runtime.bus, plugins: { host: runtime.host, services: runtime.services }, onJobQueued: options.onJobQueued,
  });
}
