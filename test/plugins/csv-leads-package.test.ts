import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { leadsCsv } from '../../examples/plugin-csv-leads/test/fixtures.ts';
import { freePort } from '../support/net.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const running: ChildProcess[] = [];
afterAll(() => running.forEach((child) => child.kill('SIGKILL')));

/**
 * An app folder as a user has it after `npm install open-crm crm-plugin-csv-leads`: the CRM
 * and zod in node_modules (linked to this checkout), and the example plugin packed with
 * `npm pack` from its folder and unpacked as npm would, listed in crm.config.ts.
 */
function appWithPlugin(): string {
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-app-'));
  fs.mkdirSync(path.join(app, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(app, 'node_modules', 'open-crm'));
  fs.symlinkSync(path.join(ROOT, 'node_modules', 'zod'), path.join(app, 'node_modules', 'zod'));
  const tarball = execFileSync('npm', ['pack', '--pack-destination', app, '--silent'], { cwd: path.join(ROOT, 'examples/plugin-csv-leads'), encoding: 'utf8' }).trim().split('\n').at(-1)!;
  const target = path.join(app, 'node_modules', 'crm-plugin-csv-leads');
  fs.mkdirSync(target);
  execFileSync('tar', ['-xzf', path.join(app, tarball), '-C', target, '--strip-components=1']);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'my-crm', private: true, type: 'module' }));
  fs.writeFileSync(path.join(app, 'crm.config.ts'), "export default { plugins: [{ use: 'crm-plugin-csv-leads', config: { maxProblems: 10 } }] };\n");
  return app;
}


describe('the example plugin as an installed package', { timeout: 240_000 }, () => {
  it("loads from crm.config.ts and imports a 2,000-row CSV, reporting the 3 bad rows by line (the 10,000-row import is in the example plugin's tests)", async () => {
    const app = appWithPlugin();
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/crm.js'), 'start'], {
      cwd: app,
      env: { ...process.env, DATA_DIR: path.join(app, '.data'), PORT: String(port), LOG_LEVEL: 'warn', MAX_BODY_BYTES: String(10 * 1024 * 1024), DEMO: 'false' },
    });
    running.push(child);
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => ((output += d), output.includes('listening on') && resolve()));
      child.stderr.on('data', (d) => (output += d));
      child.on('exit', () => reject(new Error(`server exited: ${output}`)));
    });
    const key = fs.readFileSync(path.join(app, '.data', 'admin.key'), 'utf8').trim();
    const api = (url: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${port}${url}`, {
        method: body ? 'POST' : 'GET',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });

    const plugins = await (await api('/api/plugins')).json();
    expect(plugins.items.find((p: { id: string }) => p.id === 'csv-leads')).toMatchObject({ origin: 'crm-plugin-csv-leads', status: 'running', jobs: ['csv-leads.import'] });

    const { csv, badLines } = leadsCsv(2_000, { bad: true });
    const upload = await (await api('/api/csv-leads/imports', { file_name: 'leads.csv', csv })).json();
    const events = await (await api(`/api/jobs/${upload.job_id}/events`)).text();
    const last = JSON.parse(events.trim().split('\n\n').at(-1)!.split('\n').find((l) => l.startsWith('data: '))!.slice(6));
    expect(last).toMatchObject({ status: 'succeeded' });
    expect(events.match(/^event: progress$/gm)?.length).toBeGreaterThan(1);

    const result = await (await api(`/api/csv-leads/imports/${upload.id}`)).json();
    expect(result).toMatchObject({ status: 'done', rows: 2_000, imported: 1_997, bad_rows: 3 });
    expect(result.problems.map((p: { line: number }) => p.line)).toEqual(badLines);

    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
