import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/** A route that takes a body other than JSON: its method, a matcher for its full path, and the media types it declares. */
export interface UploadRoute {
  method: string;
  path: RegExp;
  types: string[];
}

/**
 * The routes that declare a body other than JSON in their OpenAPI definition: file uploads
 * (`multipart/form-data`) and raw files (`message/rfc822`, `application/mbox`,
 * `application/octet-stream`, …). Only those may be sent such a body, with one of the types they
 * declare, and they are exempt from the JSON body size limit: the route streams the body and
 * enforces its own limit while reading (a 50 MB upload must not be buffered to be measured).
 *
 * @example
 * const uploads = uploadRoutes('/api/documents', documentsRouter.openAPIRegistry.definitions);
 * // [{ method: 'POST', path: /^\/api\/documents\/?$/, types: ['multipart/form-data'] }]
 */
export function uploadRoutes(prefix: string, definitions: readonly { type: string; route?: unknown }[]): UploadRoute[] {
  const routes: UploadRoute[] = [];
  for (const def of definitions) {
    if (def.type !== 'route') continue;
    const route = def.route as { method: string; path: string; request?: { body?: { content?: Record<string, unknown> } } };
    const types = Object.keys(route.request?.body?.content ?? {}).map((t) => t.toLowerCase()).filter((t) => t !== 'application/json');
    if (types.length === 0) continue;
    const pattern = `${prefix}${route.path === '/' ? '' : route.path}`
      .split(/(\{[^}]+\})/)
      .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    routes.push({ method: route.method.toUpperCase(), path: new RegExp(`^${pattern}/?$`), types });
  }
  return routes;
}

/** True for a request to one of `routes` with a body of a type it declares. */
export function isUpload(routes: readonly UploadRoute[], method: string, pathname: string, contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  // A multipart body without its boundary parameter can't be read: it gets the JSON checks' answer.
  if (type === 'multipart/form-data' && !/;\s*boundary=/i.test(contentType ?? '')) return false;
  return type !== '' && routes.some((r) => r.method === method && r.path.test(pathname) && r.types.includes(type));
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
