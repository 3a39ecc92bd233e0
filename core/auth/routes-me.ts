import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Orm } from '../db/types.ts';
import type { AppEnv } from '../http/env.ts';
import { json, problems } from '../http/schemas.ts';
import { StaffUserOut, staffUserOut } from './routes-users.ts';
import { getStaffUser } from './users.ts';

const Me = z
  .object({
    actor: z.string().openapi({ description: 'How your actions are recorded: key:<id> or user:<id>' }),
    kind: z.enum(['api_key', 'user']),
    name: z.string(),
    scopes: z.array(z.enum(['admin', 'crm:read', 'crm:write'])),
    company_ids: z.array(z.uuid()).nullable().openapi({ description: 'The companies you may see; null for all' }),
    embedded: z.boolean().openapi({ description: 'An embed token lent by an API key' }),
    user: StaffUserOut.nullable().openapi({ description: 'The staff member, for a staff sign-in of the embedded default' }),
  })
  .openapi('Me');

const me = createRoute({
  method: 'get', path: '/', operationId: 'getMe', tags: ['Staff'], summary: 'Who this credential is, and what it may do',
  responses: { 200: json(Me, 'You'), ...problems() },
});

/** `GET /api/me`: what the widgets and the intranet show as the signed-in person. */
export function meRoutes(orm: Orm): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(me, async (c) => {
    const { principal } = c.var;
    const staff = principal.actor.startsWith('user:') ? await getStaffUser(orm, principal.actor.slice(5)).catch(() => undefined) : undefined;
    return c.json({
      actor: principal.actor, kind: principal.kind, name: principal.name, scopes: [...principal.scopes].sort(),
      company_ids: principal.companyIds === 'all' ? null : [...principal.companyIds], embedded: principal.embedded === true,
      user: staff ? staffUserOut(staff) : null,
    }, 200);
  });
  return app;
}
