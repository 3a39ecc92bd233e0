import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

/** Every relative import of a file, resolved to a path inside the repository. */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => path.relative(ROOT, path.resolve(path.dirname(file), s)));
}

describe('layout', () => {
  it('core/ names no plugin and no application code: it can be read, tested and reused alone', () => {
    const offending = filesUnder(path.join(ROOT, 'core')).flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(plugins|app|widgets|host-app)\//.test(target))
        .map((target) => `${path.relative(ROOT, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('plugins reach the core only through the plugin API (plugin-api.js / .d.ts) and their own folder', () => {
    const offending = filesUnder(path.join(ROOT, 'plugins'))
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) => {
        const own = path.relative(ROOT, file).split(path.sep).slice(0, 2).join('/');
        return importsOf(file)
          .filter((target) => !target.startsWith(`${own}/`) && !/^plugin-api\.(js|d\.ts)$/.test(target) && !target.startsWith('plugins/openai-compatible/'))
          .map((target) => `${path.relative(ROOT, file)} → ${target}`);
      });
    expect(offending).toEqual([]);
  });
});
