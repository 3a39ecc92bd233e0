import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './support/net.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/crm.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-cli-'));
const running: ChildProcess[] = [];

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function crm(args: string[], env: Record<string, string> = {}, cwd?: string, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env } });
    child.stdin.end(input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `crm start` and resolves once it listens. */
function startServer(port: number, env: Record<string, string> = {}, cwd?: string): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'start'], { cwd, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env } });
    running.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 45_000);
    child.stdout.on('data', (d) => {
      output += d;
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', () => reject(new Error(`server exited: ${output}`)));
  });
}


// Each command boots the embedded database from disk: give loaded CI machines room.
describe('crm command line', { timeout: 120_000 }, () => {
  it('stops on a bad setting with one line naming the variable', async () => {
    const run = await crm(['migrate'], { PORT: 'abc' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^crm: Invalid configuration: PORT .*"abc"/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('migrates, and migrating again is a no-op', async () => {
    const first = await crm(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/applied\s+core\/\d{14}_core_roles\.sql/);
    const second = await crm(['migrate']);
    expect(second.stdout.trim()).toBe('Database is up to date.');
  });

  it('creates, lists and revokes API keys, and refuses bad options in one line', async () => {
    const created = await crm(['keys', 'create', '--name', 'Intranet', '--scope', 'crm:read']);
    expect(created.code).toBe(0);
    const secret = created.stdout.trim().split('\n').at(-1)!;
    expect(secret).toMatch(/^crm_[\w-]{43}$/);
    const id = /API key ([0-9a-f-]{36})/.exec(created.stdout)![1]!;
    expect((await crm(['keys', 'list'])).stdout).toMatch(new RegExp(`${id} .*active .*crm:read .*Intranet`));
    expect((await crm(['keys', 'list'])).stdout).not.toContain(secret);
    expect((await crm(['keys', 'revoke', id])).code).toBe(0);
    expect((await crm(['keys', 'list'])).stdout).toMatch(new RegExp(`${id} .*revoked`));

    const bad = await crm(['keys', 'create', '--name', 'x', '--scope', 'root']);
    expect(bad).toMatchObject({ code: 1, stderr: 'crm: Unknown scope "root"; use admin, crm:read, crm:write\n' });
    const unknown = await crm(['keys', 'create', '--nmae', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^crm: .*--nmae/);
    expect((await crm(['frobnicate'])).stderr).toBe('crm: Unknown command "frobnicate"; run "crm help"\n');
  });

  it('adds staff (a password from standard input), lists them and prints a one-time sign-in link', async () => {
    const added = await crm(['users', 'add', '--email', 'Mette@Nordlys-Tag.dk', '--name', 'Mette Jensen', '--password-stdin'], {}, undefined, 'korrekt hest batteri\n');
    expect(added).toMatchObject({ code: 0, stdout: 'Added Mette Jensen <mette@nordlys-tag.dk> as staff, with a password.\n' });
    expect((await crm(['users', 'list'])).stdout).toMatch(/staff\s+active\s+mette@nordlys-tag\.dk\s+Mette Jensen/);
    const link = await crm(['users', 'link', 'mette@nordlys-tag.dk'], { PORT: '8123' });
    expect(link.stdout).toMatch(/^http:\/\/127\.0\.0\.1:8123\/app\/#signin=[\w-]{20,}\n/);
    expect(await crm(['users', 'add', '--email', 'mette@nordlys-tag.dk', '--name', 'Igen'])).toMatchObject({ code: 1, stderr: 'crm: A staff member with the email mette@nordlys-tag.dk exists\n' });
    expect((await crm(['users', 'add', '--email', 'x@y.dk', '--name', 'X', '--role', 'boss'])).stderr).toBe('crm: --role must be one of admin, staff, viewer\n');
    expect((await crm(['users', 'link', 'ingen@y.dk'])).stderr).toMatch(/^crm: No active staff member with the email ingen@y\.dk/);
  });

  it('serves /healthz, and a second server on the same data folder fails clearly', async () => {
    const port = await freePort();
    const { child, output } = await startServer(port);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', db: { ok: true, driver: 'pglite' } });

    // Keys existed before this first start (the test above), so no admin key is minted now.
    expect(output()).not.toContain('First start');
    const second = await crm(['start'], { PORT: String(await freePort()) });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^crm: The data folder .* is in use by another crm process \(pid \d+\)/);

    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'crm.lock'))).toBe(false);
  });

  it('prints the first admin key once and saves it with mode 0600', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-cli-'));
    const port = await freePort();
    // The demo workspace on a first start has its own test (test/cli-demo.test.ts).
    const child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, DATA_DIR: fresh, PORT: String(port), LOG_LEVEL: 'warn', DEMO: 'false' } });
    running.push(child);
    let out = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (d) => ((out += d), out.includes('listening on') && resolve())));
    const file = path.join(fresh, 'admin.key');
    const secret = fs.readFileSync(file, 'utf8').trim();
    expect(out).toContain(secret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const res = await fetch(`http://127.0.0.1:${port}/api/keys`, { headers: { authorization: `Bearer ${secret}` } });
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
  });

  it('indexes knowledge in the server, refuses a changed embedding provider at start, and re-embeds', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-cli-'));
    const env = { DATA_DIR: folder };
    const created = await crm(['keys', 'create', '--name', 'Admin', '--scope', 'admin'], env);
    const key = created.stdout.trim().split('\n').at(-1)!;
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'start'], { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' } });
    running.push(child);
    await new Promise<void>((resolve) => {
      let out = '';
      child.stdout.on('data', (d) => ((out += d), out.includes('listening on') && resolve()));
    });
    const api = (url: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}${url}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then((r) => r.json() as Promise<any>);
    const article = await api('/api/knowledge', { title: 'Stormskader', body: 'Ved stormskader rykker vi ud inden for fire timer, døgnet rundt.' });
    let job = await api(`/api/jobs/${article.job_id}`);
    for (let i = 0; i < 200 && job.status !== 'succeeded'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await api(`/api/jobs/${article.job_id}`);
    }
    expect(job.status).toBe('succeeded');
    expect((await api('/api/search', { query: 'storm skade udrykning' })).hits[0].title).toBe('Stormskader');
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));

    const refused = await crm(['start'], { ...env, EMBEDDING_DIMENSIONS: '512', PORT: String(await freePort()) });
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/^crm: The stored embeddings were made by offline-hash-v2 \(384 dimensions\).*512 dimensions.*crm reembed/);

    const reembedded = await crm(['reembed'], { ...env, EMBEDDING_DIMENSIONS: '512' });
    expect(reembedded.code).toBe(0);
    expect(reembedded.stdout).toMatch(/Done: 1 passages embedded; the vector column now has 512 dimensions/);

    const worker = spawn(process.execPath, [BIN, 'worker'], { env: { ...process.env, ...env, EMBEDDING_DIMENSIONS: '512', LOG_LEVEL: 'warn' } });
    running.push(worker);
    await new Promise<void>((resolve) => {
      let out = '';
      worker.stdout.on('data', (d) => ((out += d), out.includes('handling') && resolve()));
    });
    const exited = new Promise((resolve) => worker.on('exit', resolve));
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('runs a plugin from this repository that imports open-crm/plugin (its runtime half, not the declarations)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-cli-'));
    const example = path.resolve(import.meta.dirname, '../examples/plugin-csv-leads/src/index.ts');
    fs.writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }');
    fs.writeFileSync(path.join(folder, 'crm.config.ts'), `import csv from ${JSON.stringify(example)};\nexport default { plugins: [csv] };\n`);
    const port = await freePort();
    const server = await startServer(port, { DATA_DIR: path.join(folder, '.data'), DEMO: 'false' }, folder);
    const doc = await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toContain('/api/csv-leads/imports');
    server.child.kill('SIGTERM');
  });

  it('stops with one line naming the plugin and the field when crm.config.ts gives a bad config', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-cli-'));
    fs.writeFileSync(path.join(folder, 'package.json'), '{ "type": "module" }');
    fs.writeFileSync(path.join(folder, 'crm.config.ts'), "export default { plugins: [{ use: 'embeddings-offline', config: { dimensions: 5 } }] };\n");
    const env = { DATA_DIR: path.join(folder, '.data') };
    expect((await crm(['migrate'], env, folder)).code).toBe(0);
    const worker = await crm(['worker'], env, folder);
    expect(worker.code).toBe(1);
    expect(worker.stderr.trim().split('\n')).toHaveLength(1);
    expect(worker.stderr).toMatch(/^crm: Plugin embeddings-offline: config field dimensions .*CRM_PLUGIN_EMBEDDINGS_OFFLINE_DIMENSIONS\)$/m);
  });
});
