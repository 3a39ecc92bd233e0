import fs from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createJwtVerifier } from '../auth/jwt.ts';
import type { Config } from '../config/index.ts';
import { migrate } from '../db/migrator/index.ts';
import { openDatabase } from '../db/open.ts';
import type { Database } from '../db/types.ts';
import { createApp } from '../http/app.ts';
import { createWorker } from '../jobs/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import { createEmbedder, ensureEmbeddingSettings } from '../search/embeddings/index.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { bootstrap } from './bootstrap.ts';
import { coreJobHandlers } from './jobs.ts';

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
 * const server = await startServer(loadConfig());
 * // … later
 * await server.close();
 */
export async function startServer(config: Config, options: { print?: (line: string) => void } = {}): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { applied, adopted } = await migrate(db);
    if (applied.length || adopted.length) logger.info({ applied, adopted }, 'migrations applied');
    const boot = await bootstrap(db, { dataDir: config.dataDir, selfCompany: config.selfCompany });
    if (boot.adminSecret) {
      print(`\nFirst start: created an admin API key. It is shown once, and saved to ${boot.adminKeyFile} (mode 0600):\n\n  ${boot.adminSecret}\n`);
    }
    const embedder = createEmbedder(config, db);
    await ensureEmbeddingSettings(db, embedder);
    const { jwtSecret, jwksUrl, issuer } = config.supabase;
    const jwt = createJwtVerifier({ jwtSecret, jwksUrl, issuer });
    const worker = createWorker({ db, handlers: coreJobHandlers({ embedder }), logger });
    const app = createApp({
      db, logger, jwt, embedder, corsOrigins: config.corsOrigins, maxBodyBytes: config.maxBodyBytes, version: VERSION,
      onJobQueued: () => worker.wake(),
    });
    const server = await listen(app.fetch, config.host, config.port);
    worker.start();
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    logger.info({ url, driver: db.driver, embeddings: `${embedder.id}/${embedder.model}` }, 'listening');
    return {
      url,
      db,
      logger,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await worker.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
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
