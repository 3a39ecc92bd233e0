import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/index.ts';
import { API_SCOPES } from '../db/schema/index.ts';
import type { Orm } from '../db/types.ts';
import type { AppEnv } from '../http/env.ts';
import { body, IdParam, json, problems, Timestamp, Uuid } from '../http/schemas.ts';
import { type ApiKey, createApiKey, listApiKeys, revokeApiKey } from './keys.ts';
import { assertScope, assertUnrestricted } from './principal.ts';

const tags = ['API keys'];

const KeyOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'First characters of the secret, to recognise it' }),
    scopes: z.array(z.enum(API_SCOPES)),
    company_ids: z.array(z.uuid()).nullable(),
    created_by: z.string().nullable(),
    created_at: Timestamp,
    last_used_at: Timestamp.nullable(),
    expires_at: Timestamp.nullable(),
    revoked_at: Timestamp.nullable(),
  })
  .openapi('ApiKey');

const KeyCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(200).openapi({ example: 'Intranet widgets' }),
    scopes: z.array(z.enum(API_SCOPES)).min(1),
    company_ids: z.array(Uuid).min(1, 'must name at least one company (leave it out for every company)').max(1000).optional(),
    expires_at: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('ApiKeyCreate');

const create = createRoute({
  method: 'post', operationId: 'createApiKey', path: '/', tags, summary: 'Create an API key (the secret is shown only in this answer)',
  request: body(KeyCreate),
  responses: { 201: json(z.object({ key: KeyOut, secret: z.string() }), 'The key and its secret'), ...problems(400, 413, 415, 422) },
});
const list = createRoute({
  method: 'get', operationId: 'listApiKeys', path: '/', tags, summary: 'List API keys (never their secrets)',
  responses: { 200: json(z.object({ items: z.array(KeyOut) }), 'All keys'), ...problems() },
});
const revoke = createRoute({
  method: 'delete', operationId: 'revokeApiKey', path: '/{id}', tags, summary: 'Revoke an API key at once',
  request: { params: IdParam },
  responses: { 200: json(KeyOut, 'The revoked key'), ...problems(404, 422) },
});

/** Key management for admins, mounted at /api/keys. Keys are system rows, outside any company scope. */
export function keyRoutes(orm: Orm): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use(async (c, next) => {
    assertScope(c.var.principal, 'admin');
    assertUnrestricted(c.var.principal, 'manage API keys');
    await next();
  });

  app.openapi(create, async (c) => {
    const input = c.req.valid('json');
    const { principal, requestId } = c.var;
    const created = await orm.transaction(async (tx) => {
      const result = await createApiKey(tx as unknown as Orm, {
        name: input.name,
        scopes: input.scopes,
        companyIds: input.company_ids ?? null,
        expiresAt: input.expires_at ? new Date(input.expires_at) : null,
        createdBy: principal.actor,
      });
      await audit(tx as unknown as Orm, { actor: principal.actor, action: 'api_key.create', targetType: 'api_key', targetId: result.key.id, requestId, details: { scopes: input.scopes } });
      return result;
    });
    return c.json({ key: keyOut(created.key), secret: created.secret }, 201);
  });

  app.openapi(list, async (c) => c.json({ items: (await listApiKeys(orm)).map(keyOut) }, 200));

  app.openapi(revoke, async (c) => {
    const { id } = c.req.valid('param');
    const key = await revokeApiKey(orm, id);
    await audit(orm, { actor: c.var.principal.actor, action: 'api_key.revoke', targetType: 'api_key', targetId: id, requestId: c.var.requestId });
    return c.json(keyOut(key), 200);
  });

  return app;
}

export function keyOut(key: ApiKey): z.infer<typeof KeyOut> {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    company_ids: key.companyIds,
    created_by: key.createdBy,
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    expires_at: key.expiresAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}
