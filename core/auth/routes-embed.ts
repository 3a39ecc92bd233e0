import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from '../http/env.ts';
import { body, json, problems, Timestamp, Uuid } from '../http/schemas.ts';
import type { TokenService } from './issued.ts';

const EmbedRequest = z
  .strictObject({
    scopes: z.array(z.enum(['crm:read', 'crm:write'])).min(1).openapi({ example: ['crm:read'] }),
    company_ids: z.array(Uuid).min(1, 'must name at least one company (leave it out for all the key may see)').max(1000).optional(),
    subject: z.string().trim().min(1).max(200).optional().openapi({ description: 'Who uses the page (shown as the actor), e.g. the intranet user', example: 'Mette Jensen' }),
    ttl_seconds: z.number().int().min(60).max(3600).default(600).openapi({ description: 'Lifetime, 1–60 minutes (default 10)' }),
  })
  .openapi('EmbedTokenRequest');
const EmbedToken = z
  .object({ token: z.string(), expires_at: Timestamp, scopes: z.array(z.string()), company_ids: z.array(z.uuid()).nullable() })
  .openapi('EmbedToken');

const mint = createRoute({
  method: 'post', path: '/', operationId: 'createEmbedToken', tags: ['API keys'],
  summary: 'Lend part of this API key to a page: a short-lived token for the widgets in the browser',
  description:
    "An intranet's backend calls this with its API key and hands the token to the page, so no long-lived secret is in the page and no " +
    'third-party cookie is needed. The token sees at most the companies and scopes the key may, stops working when it expires or the key is revoked, and cannot mint tokens itself.',
  request: body(EmbedRequest),
  responses: { 201: json(EmbedToken, 'The token'), ...problems(400, 413, 415, 422) },
});

/** `POST /api/embed-tokens`, for API keys (not staff sign-ins, not embed tokens themselves). */
export function embedTokenRoutes(tokens: TokenService): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(mint, async (c) => {
    const { principal } = c.var;
    if (principal.kind !== 'api_key' || principal.embedded) throw new CrmError('forbidden', 'Only an API key can issue embed tokens');
    const input = c.req.valid('json');
    const holds = (scope: 'crm:read' | 'crm:write') => principal.scopes.has(scope) || principal.scopes.has('admin');
    const missing = input.scopes.find((scope) => !holds(scope));
    if (missing) throw new CrmError('forbidden', `This key lacks the ${missing} scope, so it cannot lend it`);
    let companyIds: string[] | 'all' = input.company_ids ?? (principal.companyIds === 'all' ? 'all' : [...principal.companyIds]);
    if (principal.companyIds !== 'all' && companyIds !== 'all') {
      const allowed = new Set(principal.companyIds);
      // Companies outside the key's own can't be lent; they are not named either (no oracle).
      if (companyIds.some((id) => !allowed.has(id))) throw new CrmError('forbidden', 'An embed token can only name companies its key may see');
    }
    if (companyIds !== 'all') companyIds = [...new Set(companyIds)];
    const keyId = principal.actor.slice('key:'.length);
    const { token, expiresAt } = await tokens.issue({ kind: 'embed', subject: keyId, name: input.subject ?? principal.name, scopes: input.scopes, companyIds }, input.ttl_seconds);
    return c.json({ token, expires_at: expiresAt.toISOString(), scopes: input.scopes, company_ids: companyIds === 'all' ? null : companyIds }, 201);
  });
  return app;
}
