import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/** A route that takes `multipart/form-data`: its method and a matcher for its full path. */
export interface UploadRoute {
  method: string;
  path: RegExp;
}

/**
 * The routes that declare a `multipart/form-data` body in their OpenAPI definition (file
 * uploads). Only those may be sent multipart, and they are exempt from the JSON body size limit:
 * the route streams the body and enforces its own limit while reading (a 50 MB upload must
 * not be buffered to be measured).
 *
 * @example
 * const uploads = uploadRoutes('/api/documents', documentsRouter.openAPIRegistry.definitions);
 * // [{ method: 'POST', path: /^\/api\/documents\/?$/ }]
 */
export function uploadRoutes(prefix: string, definitions: readonly { type: string; route?: unknown }[]): UploadRoute[] {
  const routes: UploadRoute[] = [];
  for (const def of definitions) {
    if (def.type !== 'route') continue;
    const route = def.route as { method: string; path: string; request?: { body?: { content?: Record<string, unknown> } } };
    if (!route.request?.body?.content?.['multipart/form-data']) continue;
    const pattern = `${prefix}${route.path === '/' ? '' : route.path}`
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    routes.push({ method: route.method.toUpperCase(), path: new RegExp(`^${pattern}/?$`) });
  }
  return routes;
}

/** True for a multipart request to one of `routes`. */
export function isUpload(routes: readonly UploadRoute[], method: string, pathname: string, contentType: string | undefined): boolean {
  return /^multipart\/form-data\s*;/i.test(contentType ?? '') && routes.some((r) => r.method === method && r.path.test(pathname));
}

/**
 * Runs `middleware` (a body check) except for uploads to the given routes, which check
 * their own body while streaming it.
 *
 * @example
 * app.use('/api/*', unlessUpload(uploads, bodyLimit({ maxSize: 1 << 20 })));
 */
export function unlessUpload(routes: readonly UploadRoute[], middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (isUpload(routes, c.req.method, c.req.path, c.req.header('content-type')) ? next() : middleware(c, next));
}
