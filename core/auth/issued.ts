import { eq } from 'drizzle-orm';
import { apiKeys } from '../db/schema/index.ts';
import type { Database } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import type { Principal } from './principal.ts';
import { serverSecret } from './secrets.ts';
import { type IssuedClaims, issueToken, verifyToken } from './tokens.ts';
import { getStaffUser } from './users.ts';

const ROLE_SCOPES = { admin: ['admin', 'crm:read', 'crm:write'], staff: ['crm:read', 'crm:write'], viewer: ['crm:read'] } as const;

/** How long a looked-up staff member or key is trusted before it is read again: a disabled user or revoked key stops within this. */
const RECHECK_MS = 1000;

/** Issues and checks the CRM's own tokens: staff sign-ins and embed tokens. */
export interface TokenService {
  issue(claims: IssuedClaims, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }>;
  /** The principal of an issued token, or 401. */
  principal(token: string): Promise<Principal>;
}

/**
 * Tokens signed with the servers' shared secret. A staff token names its user, whose current
 * role and companies (from the database, re-read every second at most) decide what it may do,
 * so demoting or disabling someone takes effect at once; an embed token carries the scopes and
 * companies its key lent it, and stops working when that key is revoked or expires.
 *
 * @example
 * const tokens = createTokenService(db);
 * const { token } = await tokens.issue({ kind: 'staff', subject: user.id, name: user.name, scopes: ['crm:read'], companyIds: 'all' }, 8 * 3600);
 */
export function createTokenService(db: Database): TokenService {
  let secret: Promise<Uint8Array> | undefined;
  const key = () => (secret ??= serverSecret(db, 'token-signing').catch((error: unknown) => {
    secret = undefined;
    throw error;
  }));
  const seen = new Map<string, { at: number; value: unknown }>();
  const recent = async <T>(id: string, load: () => Promise<T>): Promise<T> => {
    const hit = seen.get(id);
    if (hit && Date.now() - hit.at < RECHECK_MS) return hit.value as T;
    const value = await load();
    if (seen.size > 10_000) seen.clear();
    seen.set(id, { at: Date.now(), value });
    return value;
  };

  return {
    issue: async (claims, ttlSeconds) => issueToken(await key(), claims, ttlSeconds),
    async principal(token) {
      const claims = await verifyToken(await key(), token);
      if (claims.kind === 'staff') {
        const user = await recent(`user:${claims.subject}`, () => getStaffUser(db.orm, claims.subject));
        if (!user || user.disabledAt) throw new CrmError('unauthorized', 'This staff account is disabled; ask an admin');
        return { actor: `user:${user.id}`, kind: 'user', name: user.name, scopes: new Set(ROLE_SCOPES[user.role]), companyIds: user.companyIds ?? 'all' };
      }
      const lender = await recent(`key:${claims.subject}`, async () => (await db.orm.select().from(apiKeys).where(eq(apiKeys.id, claims.subject)))[0]);
      if (!lender || lender.revokedAt || (lender.expiresAt && lender.expiresAt.getTime() <= Date.now())) {
        throw new CrmError('unauthorized', 'The API key that issued this embed token is revoked or expired');
      }
      return { actor: `key:${lender.id}`, kind: 'api_key', name: claims.name, scopes: new Set(claims.scopes), companyIds: claims.companyIds, embedded: true };
    },
  };
}

/** The scopes of a staff role. */
export function roleScopes(role: keyof typeof ROLE_SCOPES): readonly (typeof ROLE_SCOPES)[keyof typeof ROLE_SCOPES][number][] {
  return ROLE_SCOPES[role];
}
