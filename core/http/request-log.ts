import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { uuidv7 } from '../ids/index.ts';
import type { AppEnv } from './env.ts';

const INCOMING_ID = /^[\w.:-]{1,100}$/;

/**
 * Gives each request an id (the caller's `X-Request-Id` when it is sane), a child logger,
 * and one log line when it ends: method, path without query, status, duration, actor.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : uuidv7();
    const log = logger.child({ request_id: requestId });
    c.set('requestId', requestId);
    c.set('logger', log);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    const status = c.res.status;
    log[status >= 500 ? 'error' : 'info'](
      {
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        actor: c.get('principal')?.actor,
      },
      'request',
    );
  };
}
