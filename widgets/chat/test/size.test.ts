/** The size budgets, as `npm run build:widgets` enforces them (and the manifest it writes). */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../scripts/build-widgets.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];

async function build(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crm-widgets-'));
  dirs.push(dir);
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/build-widgets.ts', '--outdir', dir, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr, dir };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, dir };
  }
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('chat widget size', () => {
  it('stays within 10 KB gzipped before opening and 30 KB for the whole widget', { timeout: 20_000 }, async () => {
    const { code, stdout, stderr, dir } = await build();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.entry).toBe('chat.js');
    expect(manifest.budgets).toEqual({ initialGzip: 10_000, totalGzip: 30_000 });
    // The loader pulls in nothing else; the panel (with Lit) is a lazy chunk.
    expect(manifest.files.filter((f) => f.kind !== 'lazy').map((f) => f.file)).toEqual(['chat.js']);
    expect(manifest.files.some((f) => f.kind === 'lazy' && /^panel-\w+\.js$/.test(f.file))).toBe(true);
    expect(manifest.initialGzip).toBeLessThanOrEqual(10_000);
    expect(manifest.totalGzip).toBeLessThanOrEqual(30_000);
    for (const f of manifest.files) {
      expect(f.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
      expect(f.gzip).toBeLessThan(f.bytes);
    }
    expect(stdout).toContain('before open');
    // The integrity hash the README gives for the loader is the one this build makes.
    const readme = await readFile(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const documented = /<!-- integrity:chat\.js -->`([^`]+)`/.exec(readme)?.[1];
    expect(documented, 'widgets/chat/README.md lists the loader integrity of this build').toBe(manifest.files.find((f) => f.file === 'chat.js')!.integrity);
    // No eval, no Function constructor, no inline event handlers in the shipped code.
    for (const f of manifest.files) {
      const js = await readFile(path.join(dir, f.file), 'utf8');
      expect(js, f.file).not.toMatch(/\beval\(|new Function\(|\.setAttribute\(\s*["'](style|on\w+)["']/);
    }
  });

  it('builds each intranet widget on its own, all seven within 60 KB gzipped together, without eval or inline handlers', { timeout: 30_000 }, async () => {
    const { code, dir } = await build();
    expect(code).toBe(0);
    const { crm } = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    expect(Object.keys(crm.widgets).sort()).toEqual(['crm-companies', 'crm-company', 'crm-documents', 'crm-email-thread', 'crm-inbox', 'crm-knowledge', 'crm-search']);
    // The email thread, shown inside the inbox and the company page, has a budget of its own.
    expect(crm.widgets['crm-email-thread'].gzip).toBeLessThanOrEqual(22_000);
    expect(crm.budgetGzip).toBe(60_000);
    expect(crm.totalGzip).toBeLessThanOrEqual(60_000);
    for (const [tag, widget] of Object.entries(crm.widgets)) {
      expect(widget.entry, tag).toBe(`${tag.slice(4)}.js`);
      // One widget alone is well under the whole set: Lit and the kit are shared chunks.
      expect(widget.gzip, tag).toBeLessThan(crm.totalGzip);
    }
    for (const f of crm.files) {
      const js = await readFile(path.join(dir, f.file), 'utf8');
      expect(js, f.file).not.toMatch(/\beval\(|new Function\(|\.setAttribute\(\s*["'](style|on\w+)["']/);
    }
    const over = await build('--max-crm', '10000');
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/crm widgets \d+ B > 10000 B gzip/);
  });

  it('fails the build (exit 1) when a budget is exceeded', { timeout: 20_000 }, async () => {
    const { code, stderr } = await build('--max-initial', '1000');
    expect(code).toBe(1);
    expect(stderr).toMatch(/widget size budget exceeded: initial \d+ B > 1000 B gzip/);
  });
});
