import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { spawnCrm } from '../crm-process.ts';
import { freePort } from '../net.ts';

/** Where a crashable server keeps its data: a PGlite folder, or a Postgres database too. */
export interface ServerData {
  dataDir: string;
  databaseUrl?: string;
}

/** A real `crm` process (a worker) in a child process, to be killed without warning. */
export interface CrashableProcess {
  /** SIGKILL: no shutdown, no lock release, no flush. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM and wait: the clean stop. Resolves with the exit code. */
  stop(): Promise<number | null>;
  output(): string;
}

/** A real `crm start` in a child process, to be killed without warning. */
export interface CrashableServer extends CrashableProcess {
  origin: string;
  adminKey: string;
}

/**
 * Starts `node bin/crm.js start` on `data` (DEMO=false, warnings only) and resolves when it
 * listens. Start it again on the same data after a kill to test recovery.
 *
 * @example
 * const data = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'crm-faults-')) };
 * const server = await startCrashable(data);
 * await server.kill9();
 * const again = await startCrashable(data); // takes over the lock and the running jobs
 */
export async function startCrashable(data: ServerData, env: Record<string, string> = {}): Promise<CrashableServer> {
  const port = await freePort();
  const { child, output, exited } = await spawnCrm(['start'], {
    cwd: data.dataDir,
    env: { DATA_DIR: data.dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEMO: 'false', ...(data.databaseUrl ? { DATABASE_URL: data.databaseUrl } : {}), ...env },
    ready: (out) => out.includes('listening on'),
  });
  const adminKey = fs.readFileSync(path.join(data.dataDir, 'admin.key'), 'utf8').trim();
  return { origin: `http://127.0.0.1:${port}`, adminKey, ...killable(child, exited, output) };
}

/**
 * Starts `node bin/crm.js worker` on a Postgres `data` (a worker shares the queue with the
 * servers) and resolves once it says it is running, to kill it halfway through jobs.
 *
 * @example
 * const worker = await startCrashableWorker(data);
 * await worker.kill9(); // its running jobs are taken over when their leases expire
 */
export async function startCrashableWorker(data: ServerData, env: Record<string, string> = {}): Promise<CrashableProcess> {
  if (!data.databaseUrl) throw new Error('a separate crm worker needs Postgres (DATABASE_URL): on PGlite the server is the only process');
  const { child, output, exited } = await spawnCrm(['worker'], {
    cwd: data.dataDir,
    env: { DATA_DIR: data.dataDir, DATABASE_URL: data.databaseUrl, LOG_LEVEL: 'warn', ...env },
    ready: (out) => out.includes('CRM worker '),
  });
  return killable(child, exited, output);
}

function killable(child: ChildProcess, exited: Promise<number | null>, output: () => string): CrashableProcess {
  return {
    output,
    async kill9() {
      if (alive(child)) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (alive(child)) child.kill('SIGTERM');
      return exited;
    },
  };
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
