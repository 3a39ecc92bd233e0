import fs from 'node:fs';
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/types.ts';
import type { AppDeps } from '../http/app.ts';
import type { AppEnv } from '../http/env.ts';
import { createWorker, drainJobs } from '../jobs/index.ts';
import { consoleToLogger, createLogger, type Logger } from '../log/index.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { serverApp } from './app.ts';
import { adminKeyNotice, bootstrap } from './bootstrap.ts';
import { type RuntimeOptions, startRuntime } from './runtime.ts';
import { endStreamOnShutdown, within } from './shutdown.ts';
import { checkAtStart } from '../db/check/at-start.ts';

export { serverApp } from './app.ts';
export { adminKeyNotice, bootstrap } from './bootstrap.ts';

export const VERSION: string = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The server just before it listens: what first-start work of the application may use. */
export interface StartingServer {
  /** The HTTP app as it will be served (routes, checks, audit), for in-process requests (`app.request`); it logs only warnings and errors. */
  app: OpenAPIHono<AppEnv>;
  db: Database;
  /** True on the very first start: bootstrap created the first admin key just now. */
  firstStart: boolean;
  /** Runs every due job (core and plugins) in this process until none is left, logging only warnings and errors; returns how many ran. */
  runJobs(): Promise<number>;
}

export interface RunningServer {
  url: string;
  db: Database;
  logger: Logger;
  /**
   * Shuts down: open event streams get `event: reconnect` and end, new connections are refused,
   * in-flight requests and running jobs get `config.shutdownTimeoutMs`, then the database closes
   * (releasing the PGlite lock). `force` (a second signal) skips what is left of the wait.
   */
  close(force?: AbortSignal): Promise<void>;
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
  options: Pick<RuntimeOptions, 'plugins' | 'embeddingProvider'> & Pick<AppDeps, 'sites' | 'signinUrl'> & {
    print?: (line: string) => void;
    env?: Record<string, string | undefined>;
    /** The application's work before the server listens (e.g. seeding a demo on the first start), through the app it will serve. */
    beforeListen?: (server: StartingServer) => Promise<void>;
  },
): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  // Libraries that print (Hono's default stream error handler, drivers) go through the logger.
  const restoreConsole = consoleToLogger(logger);
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  let runtime: Awaited<ReturnType<typeof startRuntime>>;
  let firstStart = false;
  try {
    runtime = await startRuntime(config, {
      logger,
      env: options.env ?? process.env,
      plugins: options.plugins,
      embeddingProvider: options.embeddingProvider,
      beforePlugins: async (db) => {
        const notice = adminKeyNotice(await bootstrap(db, { dataDir: config.dataDir, selfCompany: config.selfCompany }));
        firstStart = notice !== undefined;
        if (notice) print(notice);
      },
    });
  } catch (error) {
    restoreConsole();
    throw error;
  }
  const { db, embedder } = runtime;
  try {
    await checkAtStart(db, logger);
    const worker = createWorker({ db, handlers: runtime.jobHandlers, logger });
    runtime.setWake(() => worker.wake());
    const app = serverApp(config, runtime, { logger, version: VERSION, onJobQueued: () => worker.wake(), sites: options.sites, signinUrl: options.signinUrl });
    if (options.beforeListen) {
      // The application's own requests are not a user's: their log lines would bury the
      // first-start notices (the admin key) under hundreds of request lines. Warnings and errors stay.
      const quiet = logger.levelVal >= logger.levels.values.warn! ? logger : logger.child({}, { level: 'warn' });
      const inProcess = serverApp(config, runtime, { logger: quiet, version: VERSION, onJobQueued: () => worker.wake(), sites: options.sites, signinUrl: options.signinUrl });
      await options.beforeListen({ app: inProcess, db, firstStart, runJobs: () => drainJobs({ db, handlers: runtime.jobHandlers, logger: quiet }) });
    }
    const server = await listen(async (request) => endStreamOnShutdown(await app.fetch(request), runtime.shutdown), config.host, config.port);
    worker.start();
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    const plugins = runtime.host.statuses().map((p) => `${p.id}${p.status === 'running' ? '' : ` (${p.status})`}`);
    logger.info({ url, driver: db.driver, embeddings: `${embedder.id}/${embedder.model}`, plugins }, 'listening');
    return {
      url,
      db,
      logger,
      close: async (force?: AbortSignal) => {
        const started = Date.now();
        runtime.beginShutdown();
        const left = () => Math.max(0, config.shutdownTimeoutMs - (Date.now() - started));
        const drained = within(new Promise<void>((resolve) => server.close(() => resolve())), left(), force);
        const jobs = within(worker.stop(), config.shutdownTimeoutMs, force);
        if (!(await drained)) {
          logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown: requests still open after the timeout; closing them');
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }
        // An ended stream's handler still releases its stream slot in the database after its
        // connection is gone: give those a moment (within the bound) before the database closes.
        await within(new Promise((resolve) => setTimeout(resolve, Math.min(250, left()))), left(), force);
        if (!(await jobs)) logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown: jobs still running after the timeout; their leases are taken over later');
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
