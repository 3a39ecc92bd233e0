import fs from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createJwtVerifier } from '../auth/jwt.ts';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/types.ts';
import { type AppDeps, createApp } from '../http/app.ts';
import { createWorker } from '../jobs/index.ts';
import { consoleToLogger, createLogger, type Logger } from '../log/index.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { bootstrap } from './bootstrap.ts';
import { type RuntimeOptions, startRuntime } from './runtime.ts';

export const VERSION: string = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface RunningServer {
  url: string;
  db: Database;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * Starts the core: opens the database (locking an embedded data dir), migrates, runs
 * first-start work, checks that the embedding provider matches the stored vectors, starts
 * the in-process job worker and serves HTTP until `close()`.
 *
 * @example
 * const server = await startServer(loadConfig(), { plugins, embeddingProvider: 'embeddings-offline' });
 * // … later
 * await server.close();
 */
export async function startServer(
  config: Config,
  options: Pick<RuntimeOptions, 'plugins' | 'embeddingProvider'> & Pick<AppDeps, 'sites' | 'signinUrl'> & { print?: (line: string) => void; env?: Record<string, string | undefined> },
): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  // Libraries that print (Hono's default stream error handler, drivers) go through the logger.
  const restoreConsole = consoleToLogger(logger);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  let runtime: Awaited<ReturnType<typeof startRuntime>>;
  try {
    runtime = await startRuntime(config, {
      logger,
      env: options.env ?? process.env,
      plugins: options.plugins,
      embeddingProvider: options.embeddingProvider,
      beforePlugins: async (db) => {
        const boot = await bootstrap(db, { dataDir: config.dataDir, selfCompany: config.selfCompany });
        if (boot.adminSecret) {
          print(`\nFirst start: created an admin API key. It is shown once, and saved to ${boot.adminKeyFile} (mode 0600):\n\n  ${boot.adminSecret}\n`);
        }
      },
    });
  } catch (error) {
    restoreConsole();
    throw error;
  }
  const { db, embedder } = runtime;
  try {
    const { jwtSecret, jwksUrl, issuer } = config.supabase;
    const jwt = createJwtVerifier({ jwtSecret, jwksUrl, issuer });
    const worker = createWorker({ db, handlers: runtime.jobHandlers, logger });
    runtime.setWake(() => worker.wake());
    const app = createApp({
      db, logger, jwt, embedder, corsOrigins: config.corsOrigins, maxBodyBytes: config.maxBodyBytes, version: VERSION,
      publicUrl: config.publicUrl, trustProxy: config.trustProxy, sites: options.sites, signinUrl: options.signinUrl,
      supabase: { ...(config.supabase.url ? { url: config.supabase.url } : {}), ...(config.supabase.anonKey ? { anonKey: config.supabase.anonKey } : {}) },
      bus: runtime.bus, plugins: { host: runtime.host, services: runtime.services }, onJobQueued: () => worker.wake(),
    });
    const server = await listen(app.fetch, config.host, config.port);
    worker.start();
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    const plugins = runtime.host.statuses().map((p) => `${p.id}${p.status === 'running' ? '' : ` (${p.status})`}`);
    logger.info({ url, driver: db.driver, embeddings: `${embedder.id}/${embedder.model}`, plugins }, 'listening');
    return {
      url,
      db,
      logger,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await worker.stop();
        await runtime.close();
        restoreConsole();
      },
    };
  } catch (error) {
    await runtime.close();
    restoreConsole();
    throw error;
  }
}

function listen(fetch: (request: Request) => Response | Promise<Response>, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use; set PORT to another port`) : error),
    );
  });
}
