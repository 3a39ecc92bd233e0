import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './support/net.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/crm.js');
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** Settings from the developer's shell that would change what a first start does. */
const CLEARED = ['DEMO', 'DATABASE_URL', 'CRM_CONFIG', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'LLM_PROVIDER', 'EMBEDDING_PROVIDER', 'EMBEDDING_DIMENSIONS', 'HOST', 'SELF_COMPANY_NAME', 'SELF_COMPANY_DOMAIN'];

/** A fresh working folder (no crm.config.ts: the embedded defaults) and its empty data folder. */
function freshFolder(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-demo-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(cwd, '.data'), LOG_LEVEL: 'warn' };
  for (const name of CLEARED) delete env[name];
  return { cwd, env };
}

function crm(args: string[], folder: { cwd: string; env: NodeJS.ProcessEnv }, extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: folder.cwd, env: { ...folder.env, ...extra } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `crm start` until it listens: its output, an admin API client, and stop(). */
async function start(folder: { cwd: string; env: NodeJS.ProcessEnv }, extra: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start'], { cwd: folder.cwd, env: { ...folder.env, PORT: String(port), ...extra } });
  running.push(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`crm start did not listen within 90 s:\n${output}`)), 90_000);
    child.stdout.on('data', (d) => {
      output += d;
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (d) => (output += d));
    void exited.then((code) => reject(new Error(`crm start exited with ${code}:\n${output}`)));
  });
  const key = fs.readFileSync(path.join(folder.env.DATA_DIR!, 'admin.key'), 'utf8').trim();
  const api = async (url: string) => (await fetch(`http://127.0.0.1:${port}${url}`, { headers: { authorization: `Bearer ${key}` } })).json() as Promise<any>;
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { output, api, stop };
}

// Each command boots the embedded database from disk, and the first start seeds the demo.
describe('the demo workspace from the command line', { timeout: 240_000 }, () => {
  it('is created by the first start on an empty folder, refused twice, and removed by crm demo --remove', async () => {
    const folder = freshFolder();
    const server = await start(folder);
    expect(server.output).toContain('First start: created an admin API key');
    expect(server.output).toContain(
      'Demo workspace: Storå Tag & Tømrer ApS with 20 knowledge articles, 30 customers, 43 contacts, 4 documents, 6 emails, 8 website chats (4 waiting for a person).',
    );
    expect(server.output).toContain('Remove it with "crm demo --remove"');
    expect((await server.api('/api/chat/conversations')).items).toHaveLength(4);
    const [site] = (await server.api('/api/chat/sites')).items;
    expect(site.allowed_origins).toEqual(expect.arrayContaining([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), expect.stringMatching(/^http:\/\/localhost:\d+$/)]));
    expect(await server.stop()).toBe(0);

    const again = await crm(['demo'], folder);
    expect(again).toMatchObject({ code: 1, stderr: 'crm: The demo workspace is already there; remove it first with "crm demo --remove"\n' });

    const removed = await crm(['demo', '--remove'], folder);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe('Removed the demo workspace: 30 customers and 8 chat visitors with all their data, 20 knowledge articles and the demo website.\n');
    expect(await crm(['demo', '--remove'], folder)).toMatchObject({ code: 1, stderr: 'crm: There is no demo workspace to remove\n' });

    // The next start is not a first start: the CRM stays empty of demo data.
    const restarted = await start(folder);
    expect(restarted.output).not.toContain('Demo workspace');
    expect((await restarted.api('/api/companies')).items.map((c: { kind: string; name: string }) => [c.kind, c.name])).toEqual([['self', 'Our company']]);
    expect(await restarted.stop()).toBe(0);
  });

  it('starts empty with DEMO=false, and refuses a bad DEMO or option in one line', async () => {
    const folder = freshFolder();
    const server = await start(folder, { DEMO: 'false' });
    expect(server.output).toContain('First start');
    expect(server.output).not.toMatch(/Creating the demo workspace|Demo workspace/);
    expect((await server.api('/api/companies')).items).toHaveLength(1);
    expect((await server.api('/api/knowledge')).items).toEqual([]);
    expect(await server.stop()).toBe(0);

    const bad = await crm(['migrate'], folder, { DEMO: 'maybe' });
    expect(bad).toMatchObject({ code: 1, stderr: 'crm: Invalid configuration: DEMO must be true or false (got "maybe")\n' });
    const option = await crm(['demo', '--remov'], folder);
    expect(option.code).toBe(1);
    expect(option.stderr).toMatch(/^crm: .*--remov.*\n$/);
  });
});
