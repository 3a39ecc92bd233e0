import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './support/net.ts';

/**
 * Issue 15, items 2, 3 and 6 against the real `crm start`: SIGTERM with an open event stream,
 * a second SIGTERM, a lock naming a reused pid, and data folders that cannot be opened.
 */
const BIN = path.resolve(import.meta.dirname, '../bin/crm.js');
const TIMEOUT_MS = 3000;
const running: ChildProcess[] = [];
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'crm-shutdown-'));
}

function crm(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function start(dataDir: string): Promise<{ child: ChildProcess; url: string; key: string; exited: Promise<number | null> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DEMO: 'false', SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS) },
  });
  running.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => ((out += d), out.includes('listening on') && resolve()));
    child.stderr.on('data', (d) => (out += d));
    void exited.then(() => reject(new Error(`server exited: ${out}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, key: fs.readFileSync(path.join(dataDir, 'admin.key'), 'utf8').trim(), exited };
}

/** Opens GET /api/stream (its headers come with the first bytes) and returns everything it sends until it ends. */
async function follow(url: string, key: string): Promise<{ text: Promise<string> }> {
  const body = fetch(`${url}/api/stream`, { headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' } })
    .then(async (res) => `${res.status}\n${await res.text()}`)
    .catch((error: Error) => `(stream failed: ${error.message})`);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // connected and waiting for events
  return { text: body }; // wrapped: an async function returning a promise would wait for it
}

function exitWithin(exited: Promise<number | null>, ms: number): Promise<number | null | 'timeout'> {
  return Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);
}

describe('shutdown, locks and unusable data folders', { timeout: 120_000 }, () => {
  it('on SIGTERM tells an open event stream to reconnect, exits 0 in time and releases the lock', async () => {
    const dir = tmp();
    const server = await start(dir);
    const { text: body } = await follow(server.url, server.key);
    const sent = Date.now();
    server.child.kill('SIGTERM');
    expect(await exitWithin(server.exited, TIMEOUT_MS + 5000)).toBe(0);
    expect(Date.now() - sent).toBeLessThan(TIMEOUT_MS + 5000);
    expect(await body).toMatch(/^200\n[^]*event: reconnect\nretry: \d+\ndata: .*"reason":"shutdown"/);
    expect(fs.existsSync(path.join(dir, 'crm.lock'))).toBe(false);
  });

  it('a second SIGTERM right after the first still leaves no lock behind', async () => {
    const dir = tmp();
    const server = await start(dir);
    const { text: body } = await follow(server.url, server.key);
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGTERM');
    expect(await exitWithin(server.exited, TIMEOUT_MS + 5000)).toBe(0);
    await body;
    expect(fs.existsSync(path.join(dir, 'crm.lock'))).toBe(false);
    // And the folder opens again at once.
    expect((await crm(['migrate'], dir)).code).toBe(0);
  });

  it('refuses a folder held by a running crm in one line naming the pid and the folder', async () => {
    const dir = tmp();
    const server = await start(dir);
    const run = await crm(['migrate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`crm: The data folder ${dir} is in use by another crm process (pid ${server.child.pid})`);
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it('takes over a lock whose pid now belongs to another process, and says so', async () => {
    const dir = tmp();
    // This test runner is alive, but it is not the process that wrote the lock (another start time).
    const stale = { pid: process.pid, startTime: '1', host: os.hostname() };
    fs.writeFileSync(path.join(dir, 'crm.lock'), JSON.stringify(stale));
    const run = await crm(['migrate'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`taking over the lock on ${dir}: pid ${process.pid} is now another process`);
    expect(fs.existsSync(path.join(dir, 'crm.lock'))).toBe(false);
  });

  it('still honours an old lock holding only the pid of a dead process', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'crm.lock'), '2147483646');
    expect((await crm(['migrate'], dir)).code).toBe(0);
  });

  it('names the folder and the fix when the data folder cannot be created (a file is in the way)', async () => {
    const file = path.join(tmp(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const dir = path.join(file, 'data');
    const run = await crm(['migrate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`^crm: The data folder ${dir} cannot be used: a file is in the way of a folder; fix it .*chmod.* or set DATA_DIR`));
  });

  it('names the folder and the fix when pglite/ is not a writable folder', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'pglite'), '');
    const run = await crm(['migrate'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`crm: The data folder ${dir} cannot be used`);
    expect(run.stderr).not.toContain('PGlite failed to initialize');
  });

  it('names the damaged file and how to recover when the catalog is truncated', async () => {
    const dir = tmp();
    expect((await crm(['migrate'], dir)).code).toBe(0);
    const catalog = path.join(dir, 'pglite', 'base', '5', '1255');
    fs.truncateSync(catalog, Math.floor(fs.statSync(catalog).size / 8));
    for (const command of [['migrate'], ['start']]) {
      const run = await crm(command, dir);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`^crm: The embedded database in ${path.join(dir, 'pglite')} cannot be opened: its file base/5/1255 is damaged .*restore it from a backup .*move .* away and run "crm start"`));
    }
  });
});
