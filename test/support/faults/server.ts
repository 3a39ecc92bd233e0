import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../net.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/crm.js');

/** Settings of the developer's shell that would change what the server does. */
const CLEARED = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'LLM_PROVIDER', 'EMBEDDING_PROVIDER', 'DATABASE_URL', 'HOST', 'CORS_ORIGINS', 'CRM_CONFIG'];

/** Where a crashable server keeps its data: a PGlite folder, or a Postgres database too. */
export interface ServerData {
  dataDir: string;
  databaseUrl?: string;
}

/** A real `crm start` in a child process, to be killed without warning. */
export interface CrashableServer {
  origin: string;
  adminKey: string;
  /** SIGKILL: no shutdown, no lock release, no flush. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM and wait: the clean stop. Resolves with the exit code. */
  stop(): Promise<number | null>;
  output(): string;
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
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED) delete childEnv[name];
  Object.assign(childEnv, { DATA_DIR: data.dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEMO: 'false' }, data.databaseUrl ? { DATABASE_URL: data.databaseUrl } : {}, env);
  const child = spawn(process.execPath, [BIN, 'start'], { cwd: data.dataDir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`crm start did not listen within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', (d) => {
      output += d;
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d) => (output += d));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`crm start exited with ${code}:\n${output}`));
    });
  });
  const adminKey = fs.readFileSync(path.join(data.dataDir, 'admin.key'), 'utf8').trim();
  return {
    origin: `http://127.0.0.1:${port}`,
    adminKey,
    output: () => output,
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
