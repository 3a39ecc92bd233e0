import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { audit } from '../audit/index.ts';
import type { Database } from '../db/types.ts';
import type { AppEnv } from '../http/env.ts';
import { json, Problem, Timestamp } from '../http/schemas.ts';
import type { Limiter } from '../limits/index.ts';
import type { TokenService } from './issued.ts';
import { StaffUserOut, staffUserOut } from './routes-users.ts';
import { signInWithPassword, useSigninCode } from './users.ts';

/** A staff sign-in lasts a working day; then the person signs in again. */
export const STAFF_TOKEN_SECONDS = 8 * 3600;

const SignIn = z
  .union([
    z.strictObject({ code: z.string().min(10).max(200).openapi({ description: 'The code of a one-time sign-in link' }) }),
    z.strictObject({ email: z.email().max(320), password: z.string().min(1).max(200) }),
  ])
  .openapi('SignIn');
const Session = z.object({ token: z.string(), expires_at: Timestamp, user: StaffUserOut }).openapi('StaffSession');
const Methods = z
  .object({
    password: z.boolean(), link: z.boolean(),
    supabase: z.object({ url: z.string(), anon_key: z.string() }).nullable().openapi({ description: 'Set when staff sign in with Supabase Auth instead' }),
  })
  .openapi('SignInMethods');

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });
const signin = createRoute({
  method: 'post', path: '/signin', operationId: 'signIn', tags: ['Staff'], security: [],
  summary: 'Sign a staff member in with a one-time link code or email and password; answers a token for 8 hours',
  request: { body: { required: true, content: { 'application/json': { schema: SignIn } } } },
  responses: { 200: json(Session, 'Signed in'), 401: problem('Wrong email or password, or a used or expired link'), 422: problem('Malformed'), 429: problem('Too many attempts (see Retry-After)') },
});
const methods = createRoute({
  method: 'get', path: '/methods', operationId: 'getSignInMethods', tags: ['Staff'], security: [],
  summary: 'How staff sign in here', responses: { 200: json(Methods, 'The sign-in methods'), 429: problem('Too many requests') },
});

/**
 * `/api/auth`: public (no credentials yet). Attempts are limited per address and per email, so
 * passwords and codes can't be guessed at speed; every sign-in is in the audit log.
 */
export function signinRoutes(deps: { db: Database; tokens: TokenService; limiter: Limiter; supabase: { url?: string; anonKey?: string } }): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(methods, (c) =>
    c.json({ password: !deps.supabase.anonKey, link: !deps.supabase.anonKey, supabase: deps.supabase.url && deps.supabase.anonKey ? { url: deps.supabase.url, anon_key: deps.supabase.anonKey } : null }, 200),
  );
  app.openapi(signin, async (c) => {
    const input = c.req.valid('json');
    const ip = (c.var as { clientIp?: string | null }).clientIp;
    if (ip) await deps.limiter.take(`signin:ip:${ip}`, { limit: 20, windowMs: 15 * 60_000 });
    if ('email' in input) await deps.limiter.take(`signin:email:${input.email.toLowerCase()}`, { limit: 10, windowMs: 15 * 60_000 });
    const user = 'code' in input ? await useSigninCode(deps.db.orm, input.code) : await signInWithPassword(deps.db.orm, input.email, input.password);
    const { token, expiresAt } = await deps.tokens.issue({ kind: 'staff', subject: user.id, name: user.name, scopes: ['crm:read'], companyIds: 'all' }, STAFF_TOKEN_SECONDS);
    await audit(deps.db.orm, { actor: `user:${user.id}`, action: 'staff_user.signin', targetType: 'staff_user', targetId: user.id, requestId: c.var.requestId, details: { with: 'code' in input ? 'link' : 'password' } });
    return c.json({ token, expires_at: expiresAt.toISOString(), user: staffUserOut(user) }, 200);
  });
  return app;
}
