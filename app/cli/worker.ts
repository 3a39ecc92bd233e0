import type { Config } from '../../core/config/index.ts';
import { CrmError } from '../../core/errors/index.ts';
import { createWorker } from '../../core/jobs/index.ts';
import { createLogger } from '../../core/log/index.ts';
import { startRuntime } from '../../core/server/runtime.ts';
import { within } from '../../core/server/shutdown.ts';
import { configuredPlugins } from '../plugins.ts';
import { parseOptions } from './index.ts';
import { onStopSignals } from './signals.ts';

/**
 * `crm worker [--concurrency <n>]`: runs background jobs without serving HTTP, until
 * SIGINT/SIGTERM, then lets running jobs finish within SHUTDOWN_TIMEOUT_MS (a second signal
 * stops waiting at once; abandoned jobs are taken over when their leases expire). The database
 * is closed either way, so the PGlite lock is released. Start as many as you like on as many
 * machines as share the DATABASE_URL; they never take the same job.
 *
 * Without DATABASE_URL the database is the embedded PGlite in DATA_DIR, which one process
 * at a time may open: the server already runs the jobs there, so this is for when the
 * server is not running.
 *
 * @example
 * process.exitCode = await workerCommand(loadConfig(), { out: console.log }, ['--concurrency', '8']);
 */
export async function workerCommand(config: Config, io: { out: (line: string) => void }, args: string[] = []): Promise<number> {
  const { values } = parseOptions({ args, options: { concurrency: { type: 'string' } }, strict: true, allowPositionals: false });
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 256)) {
    throw new CrmError('bad_request', '--concurrency must be a whole number from 1 to 256');
  }
  const logger = createLogger(config.logLevel);
  // A worker process serves no requests: its jobs' statements get the long bound (DB_LONG_STATEMENT_TIMEOUT_MS).
  const runtime = await startRuntime({ ...config, db: { ...config.db, statementMs: config.db.longStatementMs } }, { logger, env: process.env, ...(await configuredPlugins(config, { env: process.env, cwd: process.cwd() })) });
  const { db } = runtime;
  try {
    const handlers = runtime.jobHandlers;
    const worker = createWorker({ db, handlers, logger, ...(concurrency ? { concurrency } : {}) });
    runtime.setWake(() => worker.wake());
    const { stopped: signalled, force } = onStopSignals(); // before the line below: its reader may signal at once
    const names = Object.keys(handlers);
    io.out(`CRM worker ${worker.id} on ${db.driver === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}, handling ${names.length ? names.join(', ') : 'no job types yet'}`);
    worker.start();
    await signalled;
    io.out('Stopping: waiting for running jobs to finish…');
    runtime.beginShutdown();
    if (!(await within(worker.stop(), config.shutdownTimeoutMs, force))) {
      io.out('Stopped waiting: the jobs still running are taken over when their leases expire.');
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
