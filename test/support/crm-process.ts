import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/crm.js');

/** Settings of the developer's shell that would change what a test server does (an LLM, Postgres, …). */
export const CLEARED_ENV = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'LLM_PROVIDER', 'LLM_MODEL', 'EMBEDDING_PROVIDER', 'EMBEDDING_MODEL', 'EMBEDDING_DIMENSIONS', 'DATABASE_URL', 'HOST', 'CORS_ORIGINS', 'CRM_CONFIG'];

/** A `crm` command running in a child process. */
export interface CrmProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once it has ended. */
  exited: Promise<number | null>;
}

/**
 * Runs `node bin/crm.js <args>` with the shell's CRM settings cleared and `env` on top, and
 * resolves once `ready(output)` holds; rejects with the output when it exits first or after
 * `timeoutMs`.
 *
 * @example
 * const crm = await spawnCrm(['start'], { env: { DATA_DIR, PORT }, ready: (out) => out.includes('listening on') });
 */
export async function spawnCrm(args: string[], options: { env: Record<string, string>; cwd?: string; ready: (output: string) => boolean; timeoutMs?: number }): Promise<CrmProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED_ENV) delete env[name];
  Object.assign(env, options.env);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timeoutMs = options.timeoutMs ?? 60_000;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`crm ${args.join(' ')} was not ready within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    child.stdout!.on('data', (d) => {
      output += d;
      if (options.ready(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d) => (output += d));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`crm ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output, exited };
}

/**
 * Runs one `crm` command to its end (the shell's CRM settings cleared, `env` on top) and
 * returns its exit code and what it printed.
 *
 * @example
 * const { code, stdout } = await runCrm(['check'], { DATA_DIR: dataDir });
 */
export function runCrm(args: string[], env: Record<string, string>, options: { cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  for (const name of CLEARED_ENV) delete childEnv[name];
  Object.assign(childEnv, env);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
