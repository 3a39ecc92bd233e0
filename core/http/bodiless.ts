import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * Runs `middleware` only for requests that can carry a body: GET and HEAD requests go
 * straight on. Body checks (size limit, content type) look at `c.req.raw.body`, and on
 * @hono/node-server reading that property turns the lightweight request into a full Fetch
 * `Request` with a stream and an AbortController, for every request — a GET's body is always
 * null there, so the check could never refuse one. In the load benchmark this was about a
 * sixth of the server's CPU per `GET /api/companies/{id}` (2.35–2.63 instead of 2.76–3.30 ms
 * in A/B runs of `npm run bench -- load`).
 *
 * @example
 * app.use('/api/*', unlessBodiless(bodyLimit({ maxSize: 1 << 20 })));
 */
export function unlessBodiless(middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : middleware(c, next));
}
