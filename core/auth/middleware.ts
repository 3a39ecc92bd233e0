import type { MiddlewareHandler } from 'hono';
import { scope } from '../db/scope/index.ts';
import type { Database } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from '../http/env.ts';
import type { JwtVerifier, StaffClaims } from './jwt.ts';
import { looksLikeJwt } from './jwt.ts';
import { createKeyCache } from './cache.ts';
import { authenticateApiKey } from './keys.ts';
import type { TokenService } from './issued.ts';
import { ISSUED_PREFIX } from './tokens.ts';
import { assertScope, type Principal } from './principal.ts';

const ROLE_SCOPES = {
  admin: ['admin', 'crm:read', 'crm:write'],
  staff: ['crm:read', 'crm:write'],
  viewer: ['crm:read'],
} as const;

/**
 * Requires `Authorization: Bearer <API key | Supabase JWT>` and puts the caller's
 * principal and company scope on `c.var`. Everything under /api passes through here.
 *
 * @example
 * app.use('/api/*', authenticate({ db, jwt: createJwtVerifier(config.supabase) }));
 */
export function authenticate(deps: { db: Database; jwt: JwtVerifier | undefined; tokens: TokenService }): MiddlewareHandler<AppEnv> {
  // Key rows for at most 500 ms: one read per key and TTL instead of one per request (cache.ts).
  const keys = createKeyCache();
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer[ ]+(\S{1,4096})$/i.exec(header.trim());
    if (!match) throw new CrmError('unauthorized', 'Send an API key or staff token as Authorization: Bearer <token>');
    const token = match[1]!;
    let principal: Principal;
    if (token.startsWith(ISSUED_PREFIX)) {
      principal = await deps.tokens.principal(token);
    } else if (looksLikeJwt(token)) {
      if (!deps.jwt) throw new CrmError('unauthorized', 'Staff tokens are not enabled on this server (set SUPABASE_JWT_SECRET or SUPABASE_URL)');
      principal = fromClaims(await deps.jwt.verify(token));
    } else {
      principal = await authenticateApiKey(deps.db.orm, token, keys);
    }
    c.set('principal', principal);
    c.set('scope', scope(deps.db, principal.companyIds));
    await next();
  };
}

/** Reads need `crm:read`; every other method needs `crm:write`. */
export const requireScopeByMethod: MiddlewareHandler<AppEnv> = async (c, next) => {
  assertScope(c.var.principal, c.req.method === 'GET' || c.req.method === 'HEAD' ? 'crm:read' : 'crm:write');
  await next();
};

function fromClaims(claims: StaffClaims): Principal {
  return {
    actor: `user:${claims.subject}`,
    kind: 'user',
    name: claims.email ?? claims.subject,
    scopes: new Set(ROLE_SCOPES[claims.role]),
    companyIds: claims.companyIds,
  };
}
