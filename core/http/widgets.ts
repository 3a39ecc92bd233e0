import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from './env.ts';

interface Manifest {
  files: { file: string; kind: 'loader' | 'initial' | 'lazy'; integrity: string }[];
  /** The intranet widgets: an entry per widget, hashed shared chunks. */
  crm?: { widgets: Record<string, { entry: string }>; files: { file: string; integrity: string }[] };
}

/**
 * `GET /widgets/<file>`: the built web components (`npm run build:widgets` writes them and a
 * manifest to `dist/widgets/`). Only files in the manifest are served, as JavaScript any site
 * may load (module scripts are CORS requests). Content-hashed chunks are cached for a year;
 * the loader keeps its name across releases, so it is cached for five minutes with an ETag.
 *
 * @example
 * app.route('/widgets', widgetRoutes(path.join(PACKAGE_ROOT, 'dist/widgets')));
 */
export function widgetRoutes(dir: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let manifest: Manifest | undefined;
  const load = (): Manifest => {
    if (manifest) return manifest;
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
      return manifest;
    } catch {
      throw new CrmError('not_found', 'The widgets are not built: run npm run build:widgets (npm start does it)');
    }
  };
  const lookup = (file: string): { integrity: string; stable: boolean } | undefined => {
    const manifest = load();
    const chat = manifest.files.find((f) => f.file === file);
    if (chat) return { integrity: chat.integrity, stable: chat.kind === 'loader' };
    const crm = manifest.crm?.files.find((f) => f.file === file);
    // A widget's entry keeps its name across releases; the chunks are content-hashed.
    if (crm) return { integrity: crm.integrity, stable: Object.values(manifest.crm!.widgets).some((w) => w.entry === file) };
    return undefined;
  };
  app.get('/:file', (c) => {
    const entry = lookup(c.req.param('file'));
    if (!entry) throw new CrmError('not_found', `No widget file ${c.req.param('file')}`);
    const etag = `"${entry.integrity}"`;
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', entry.stable ? 'public, max-age=300' : 'public, max-age=31536000, immutable');
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.body(fs.readFileSync(path.join(dir, c.req.param('file'))), 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  return app;
}
