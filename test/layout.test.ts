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

/** Every relative import of a file, resolved to a path inside the repository (`typeOnly` for `import type`). */
function importsOf(file: string): string[];
function importsOf(file: string, withKind: true): { target: string; typeOnly: boolean }[];
function importsOf(file: string, withKind?: true): (string | { target: string; typeOnly: boolean })[] {
  const source = fs.readFileSync(file, 'utf8');
  const found = [...source.matchAll(/(import\s+type\s[^;]*?from\s+|from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => ({
    target: path.relative(ROOT, path.resolve(path.dirname(file), m[2]!)), typeOnly: m[1]!.startsWith('import type'),
  }));
  return withKind ? found : found.map((f) => f.target);
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

  // Another plugin is reached at run time only through ctx.plugins.api(id); its api.ts may be imported for the types of that api.
  it('plugins reach the core only through the plugin API (plugin-api.js / .d.ts), their own folder, and the types of the api.ts of plugins they use', () => {
    const offending = filesUnder(path.join(ROOT, 'plugins'))
      .filter((file) => !file.endsWith('.test.ts'))
      .flatMap((file) => {
        const own = path.relative(ROOT, file).split(path.sep).slice(0, 2).join('/');
        return importsOf(file, true)
          .filter(({ target, typeOnly }) => !(typeOnly && /^plugins\/[a-z0-9-]+\/api\.ts$/.test(target)))
          .map(({ target }) => target)
          .filter((target) => !target.startsWith(`${own}/`) && !/^plugin-api\.(js|d\.ts)$/.test(target) && !target.startsWith('plugins/openai-compatible/'))
          .map((target) => `${path.relative(ROOT, file)} → ${target}`);
      });
    expect(offending).toEqual([]);
  });
});
