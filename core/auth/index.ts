/**
 * Authentication and authorisation: API keys (hashed, scoped, optionally restricted to
 * companies), Supabase staff JWTs, the request middleware and the /api/keys routes.
 */
export { createJwtVerifier, looksLikeJwt, type JwtVerifier, type StaffClaims } from './jwt.ts';
export { authenticateApiKey, countApiKeys, createApiKey, listApiKeys, revokeApiKey, type ApiKey, type NewApiKey } from './keys.ts';
export { authenticate, requireScopeByMethod } from './middleware.ts';
export { assertScope, assertUnrestricted, type Principal } from './principal.ts';
export { keyRoutes } from './routes.ts';
