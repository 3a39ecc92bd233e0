import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { damageCodes } from '../db/check/index.ts';
import type { Database } from '../db/types.ts';
import type { AppEnv } from './env.ts';
import { json, Problem } from './schemas.ts';

const Health = z.object({ status: z.enum(['ok', 'degraded']), db: z.object({ ok: z.boolean(), driver: z.string(), ms: z.number() }),
  damage: z.array(z.string()).optional().openapi({ description: 'Codes of what the data check at start found damaged (see docs/operations.md); status is then `degraded`. No details: this route is public.' }),
}).openapi('Health');

const Check = z.object({
  check: z.enum(['ready', 'live']).default('ready').openapi({
    description: '`ready` (default): the process and the database answer. `live`: the process answers, the database is not asked (for a supervisor that must not restart the CRM during a database outage).',
  }),
});

const health = createRoute({
  method: 'get', operationId: 'getHealth', path: '/healthz', tags: ['Health'], summary: 'Liveness and readiness check', security: [],
  request: { query: Check },
  responses: {
    200: json(Health, 'Up (and the database answering, for ready)'),
    422: { description: 'An unknown check', content: { 'application/problem+json': { schema: Problem } } },
    503: json(Health, 'Up, database not answering'),
  },
});

const PROBE_MS = 750;

/** `GET /healthz`: open to all, answers within a second even when the database hangs. */
export function healthRoutes(db: Database): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(health, async (c) => {
    if (c.req.valid('query').check === 'live') return c.json({ status: 'ok' as const, db: { ok: true, driver: db.driver, ms: 0 } }, 200);
    const started = performance.now();
    // The probe gets 750 ms, so the whole answer (routing, JSON) lands within the promised second.
    const ok = await Promise.race([
      db.orm.execute(sql`select 1`).then(() => true, () => false),
      new Promise<boolean>((resolve) => setTimeout(resolve, PROBE_MS, false).unref()),
    ]);
    // Damage found at start degrades but answers 200: restarting would not repair the data.
    const damage = damageCodes(db);
    const status = ok && damage.length === 0 ? ('ok' as const) : ('degraded' as const);
    const result = { status, db: { ok, driver: db.driver, ms: Math.round(performance.now() - started) }, ...(damage.length ? { damage } : {}) };
    return c.json(result, ok ? 200 : 503);
  });
  return app;
}
