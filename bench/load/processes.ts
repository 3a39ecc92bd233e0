/**
 * The load benchmark's servers, each a child process so that load generation (autocannon, in
 * the bench process) never shares their event loop: the real server (`bin/crm.js start`,
 * exactly what `npm start` runs) and the bare Hono yardstick.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../test/support/net.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  pid: number;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/**
 * Starts `node bin/crm.js start` on a free port with the given environment on top of this
 * process's (DATABASE_URL or none for PGlite in DATA_DIR), its output appended to `logFile`,
 * and waits until /healthz answers 200.
 *
 * @example
 * const server = await startCrm({ DATA_DIR: dir, LOG_LEVEL: 'info' }, path.join(dir, 'server.log'));
 */
export async function startCrm(env: Record<string, string>, logFile: string, nodeArgs: string[] = []): Promise<ChildServer> {
  const port = await freePort();
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'bin/crm.js'), 'start'], {
    cwd: env.DATA_DIR ?? ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  return ready(child, `http://127.0.0.1:${port}`, '/healthz', logFile);
}

/** Starts the bare Hono app of bare-server.ts on a free port. */
export async function startBare(): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bare-server.ts'), String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return ready(child, `http://127.0.0.1:${port}`, '/api/companies/x');
}

async function ready(child: ChildProcess, url: string, probe: string, logFile?: string): Promise<ChildServer> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (gone) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server exited before it answered${logFile ? `; see ${logFile}` : ''}`);
    const ok = await fetch(url + probe).then((r) => r.ok, () => false);
    if (ok) return { url, pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`The server at ${url} did not answer ${probe} within 120 s`);
}
