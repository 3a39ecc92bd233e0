import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { CrmError } from '../errors/index.ts';

/** What a verified Supabase access token says about a staff member. */
export interface StaffClaims {
  subject: string;
  email?: string;
  role: 'admin' | 'staff' | 'viewer';
  companyIds: string[] | 'all';
}

export interface JwtVerifier {
  /** Resolves the staff claims or throws CrmError `unauthorized` (bad token) / `forbidden` (no CRM access). */
  verify(token: string): Promise<StaffClaims>;
}

// Supabase signs with HS256 (legacy shared secret) or RS256/ES256 (asymmetric signing keys).
// Anything else, `none` above all, is refused before a key is even chosen.
const ASYMMETRIC = ['RS256', 'ES256'];

// Only app_metadata is trusted: it is writable by the service role alone, whereas users
// can set user_metadata themselves through the Auth API.
const appMetadata = z.object({
  crm_role: z.enum(['admin', 'staff', 'viewer']).optional(),
  company_ids: z.array(z.guid()).optional(),
});

/**
 * Builds a verifier for Supabase Auth access tokens; `undefined` when neither a secret nor a
 * JWKS URL is configured (staff tokens are then disabled). With both, the header `alg` picks
 * the key: HS256 goes to the secret, RS256/ES256 to the JWKS.
 *
 * @example
 * const jwt = createJwtVerifier({ jwtSecret: config.supabase.jwtSecret, jwksUrl: config.supabase.jwksUrl });
 * const claims = await jwt?.verify(token); // { subject: '…', role: 'staff', companyIds: 'all' }
 */
export function createJwtVerifier(
  options: { jwtSecret?: string; jwksUrl?: string; issuer?: string; now?: () => number },
): JwtVerifier | undefined {
  const { jwtSecret, jwksUrl, issuer, now = Date.now } = options;
  if (!jwtSecret && !jwksUrl) return undefined;
  // Supabase uses the secret string's bytes as the HMAC key, not a base64 decoding of it.
  const secret = jwtSecret ? new TextEncoder().encode(jwtSecret) : undefined;
  const jwks = jwksUrl ? remoteKeys(jwksUrl) : undefined;

  return {
    async verify(token) {
      let alg: unknown;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch {
        throw new CrmError('unauthorized', 'Malformed token');
      }
      const common = { audience: 'authenticated', issuer, requiredClaims: ['exp', 'sub'], currentDate: new Date(now()) };
      let payload: JWTPayload;
      try {
        // `algorithms` is passed too, so jose itself refuses a mismatch (defence in depth).
        if (alg === 'HS256' && secret) ({ payload } = await jwtVerify(token, secret, { ...common, algorithms: ['HS256'] }));
        else if (ASYMMETRIC.includes(alg as string) && jwks) ({ payload } = await jwtVerify(token, jwks, { ...common, algorithms: ASYMMETRIC }));
        else throw new CrmError('unauthorized', 'Token algorithm not allowed');
      } catch (error) {
        throw unauthorized(error);
      }
      return toClaims(payload);
    },
  };
}

/**
 * Cheap syntactic check the auth middleware uses to route a bearer token: three base64url
 * segments. The signature may be empty so unsigned (`alg: none`) tokens reach the verifier
 * and get a clear refusal instead of "unknown API key".
 *
 * @example
 * looksLikeJwt('eyJhbGciOi.eyJzdWIiOi.c2ln'); // true
 * looksLikeJwt('crm_3q2+7w'); // false
 */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/** A JWKS getter whose fetch failures are our outage (503), not the caller's bad token. */
function remoteKeys(jwksUrl: string): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl));
  return async (header, input) => {
    try {
      return await remote(header, input);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      throw new CrmError('unavailable', 'Could not load the token signing keys', { cause: error });
    }
  };
}

/** Maps jose errors to short messages; jose's own text can quote claim values, so it is not reused. */
function unauthorized(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const fail = (message: string) => new CrmError('unauthorized', message, { cause: error });
  if (error instanceof errors.JWTExpired) return fail('Token expired');
  if (error instanceof errors.JWSSignatureVerificationFailed) return fail('Invalid token signature');
  if (error instanceof errors.JOSEAlgNotAllowed) return fail('Token algorithm not allowed');
  // Multiple matches means a token without `kid` against several keys: not ours to guess.
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return fail('Token signing key not recognised');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return fail('Token not yet valid');
    if (error.claim === 'aud') return fail('Token audience not allowed');
    if (error.claim === 'iss') return fail('Token issuer not allowed');
    if (error.reason === 'missing') return fail(`Token has no ${error.claim} claim`);
    return fail(`Token ${error.claim} claim is invalid`);
  }
  return fail('Malformed token');
}

function toClaims(payload: JWTPayload): StaffClaims {
  if (!z.guid().safeParse(payload.sub).success) throw new CrmError('unauthorized', 'Token subject is not a user id');
  const meta = appMetadata.safeParse(payload['app_metadata'] ?? {});
  if (!meta.success) {
    const field = meta.error.issues[0]?.path[0];
    const problem =
      field === 'crm_role' ? '.crm_role must be admin, staff or viewer'
      : field === 'company_ids' ? '.company_ids must be an array of company UUIDs'
      : ' must be an object';
    throw new CrmError('forbidden', `This account's app_metadata${problem}`);
  }
  const { crm_role: role, company_ids: companyIds } = meta.data;
  if (!role) throw new CrmError('forbidden', 'This account has no CRM role (app_metadata.crm_role)');
  const email = typeof payload['email'] === 'string' && payload['email'] ? payload['email'] : undefined;
  return {
    subject: payload.sub!.toLowerCase(),
    ...(email ? { email } : {}),
    role,
    // An empty list restricts to no companies: failing closed beats silently granting 'all'.
    companyIds: companyIds ? [...new Set(companyIds.map((id) => id.toLowerCase()))] : 'all',
  };
}
