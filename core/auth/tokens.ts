import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { ApiScope } from '../db/schema/index.ts';
import { CrmError } from '../errors/index.ts';
import { uuidv7 } from '../ids/index.ts';

/** Tokens this CRM issues start with this, so they are never mistaken for a Supabase JWT or an API key. */
export const ISSUED_PREFIX = 'crmt_';
const ISSUER = 'open-crm';

/** What an issued token says: a staff member signed in, or an intranet's key lending part of its access to a page. */
export interface IssuedClaims {
  kind: 'staff' | 'embed';
  /** The staff user's id, or the API key's id that minted an embed token. */
  subject: string;
  /** Who is shown as acting (a staff member's name, or the person an intranet names). */
  name: string;
  scopes: ApiScope[];
  companyIds: string[] | 'all';
}

const Claims = z.object({
  typ: z.enum(['staff', 'embed']),
  sub: z.string().min(1),
  name: z.string(),
  scopes: z.array(z.enum(['admin', 'crm:read', 'crm:write'])).min(1),
  cids: z.array(z.string()).min(1).nullable(),
});

/**
 * Signs a short-lived token (HS256 with the servers' shared secret). The token is `crmt_` and a
 * JWT: it carries who, which scopes and which companies, so checking it needs no lookup, and
 * `ttlSeconds` bounds how long a copy of it is worth anything.
 *
 * @example
 * const { token, expiresAt } = await issueToken(secret, { kind: 'embed', subject: keyId, name: 'Mette', scopes: ['crm:read'], companyIds: [id] }, 600);
 */
export async function issueToken(secret: Uint8Array, claims: IssuedClaims, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = await new SignJWT({ typ: claims.kind, name: claims.name, scopes: claims.scopes, cids: claims.companyIds === 'all' ? null : claims.companyIds })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(claims.subject)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .setJti(uuidv7())
    .sign(secret);
  return { token: `${ISSUED_PREFIX}${jwt}`, expiresAt: new Date((now + ttlSeconds) * 1000) };
}

/**
 * Checks an issued token's signature, issuer and expiry and returns what it says, or throws 401.
 *
 * @example
 * const claims = await verifyToken(secret, 'crmt_eyJ…'); // { kind: 'staff', subject, scopes, companyIds }
 */
export async function verifyToken(secret: Uint8Array, token: string): Promise<IssuedClaims> {
  try {
    const { payload } = await jwtVerify(token.slice(ISSUED_PREFIX.length), secret, { issuer: ISSUER, algorithms: ['HS256'] });
    const claims = Claims.parse({ ...payload });
    return { kind: claims.typ, subject: claims.sub, name: claims.name, scopes: claims.scopes, companyIds: claims.cids ?? 'all' };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new CrmError('unauthorized', 'This sign-in has expired; sign in again', { cause: error });
    throw new CrmError('unauthorized', 'Invalid token', { cause: error });
  }
}
