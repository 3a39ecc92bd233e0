import fs from 'node:fs';
import path from 'node:path';
import { type Context, Hono } from 'hono';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from './env.ts';

/** A folder of built files served at a path: the intranet app at /app/, the demo website at /site/. */
export interface StaticSite {
  /** Where it is served, e.g. `/app`. */
  path: string;
  dir: string;
  /** A single-page app: paths without a file answer with index.html (the app routes them). */
  spa?: boolean;
  /** The page's Content-Security-Policy. */
  csp: string;
  /** Changes index.html as it is served (to put in what only the server knows, e.g. a site key). */
  page?: (html: string) => string | Promise<string>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves a built site: its files (only those in its folder, never above it), with hashed assets
 * cached for a year and pages revalidated; under its own CSP.
 *
 * @example
 * app.route('/app', staticRoutes({ path: '/app', dir: 'dist/host-app', spa: true, csp: "default-src 'self'" }));
 */
export function staticRoutes(site: StaticSite): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const root = path.resolve(site.dir);
  const send = async (file: string, c: Context<AppEnv>) => {
    const ext = path.extname(file);
    const isPage = ext === '.html';
    let body: string | Buffer = fs.readFileSync(file);
    if (isPage && site.page) body = await site.page(body.toString('utf8'));
    c.header('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', isPage ? 'no-cache' : /[.-][A-Za-z0-9_-]{8,}\.\w+$/.test(file) ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    if (isPage) {
      c.header('Content-Security-Policy', site.csp);
      c.header('Referrer-Policy', 'same-origin');
    }
    return c.body(body as never, 200);
  };
  app.get('/*', async (c) => {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      throw new CrmError('not_found', `${site.path}/ is not built: run npm run build:app (npm start does it)`);
    }
    const rel = decodeURIComponent(c.req.path.slice(site.path.length)).replace(/^\/+/, '');
    const file = path.resolve(root, rel || 'index.html');
    if (file !== root && !file.startsWith(`${root}${path.sep}`)) throw new CrmError('not_found', 'Not found');
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return send(file, c);
    if (site.spa && !path.extname(rel)) return send(path.join(root, 'index.html'), c);
    throw new CrmError('not_found', `No file ${c.req.path}`);
  });
  return app;
}
