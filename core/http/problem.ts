import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PG, pgError } from '../db/errors.ts';
import { databaseUnavailable } from '../db/unavailable.ts';
import { CrmError, type FieldIssue, toProblem } from '../errors/index.ts';
import type { AppEnv } from './env.ts';

/**
 * Turns anything a handler threw into `application/problem+json`. Unexpected errors are
 * logged with the request id and answered with a bare 500: no message, no stack.
 */
export function onError(error: Error, c: Context<AppEnv>): Response {
  const crm = asCrmError(error);
  if (crm.code === 'internal') c.var.logger?.error({ err: error }, 'unhandled error');
  else if (crm.code === 'unavailable' && crm.cause !== undefined) c.var.logger?.warn({ err: error }, 'database unavailable');
  return problemResponse(c, crm);
}

export function problemResponse(c: Context, error: CrmError): Response {
  const problem = toProblem(error, new URL(c.req.url).pathname);
  if (c.get('requestId')) problem.request_id = c.get('requestId');
  if (error.code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer');
  // A rate limit says when to come back (RFC 9110 Retry-After, in seconds).
  // So does an unreachable database (core/db/unavailable.ts).
  const retryAfter = error.extra?.retryAfter;
  if ((error.code === 'rate_limited' || error.code === 'unavailable') && typeof retryAfter === 'number') c.header('Retry-After', String(Math.ceil(retryAfter)));
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
  });
}

/** Known failure shapes from Hono and Postgres, mapped to the closed set of codes. */
function asCrmError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new CrmError('payload_too_large', 'The request body is too large');
    if (error.status === 400) return new CrmError('bad_request', error.message || 'Malformed request');
    if (error.status === 401) return new CrmError('unauthorized', 'Missing or invalid credentials');
    return new CrmError(error.status === 404 ? 'not_found' : 'bad_request', error.message);
  }
  // Checked before pgError: a lost connection is an outage, not a bad statement.
  const down = databaseUnavailable(error);
  if (down) return down;
  const pg = pgError(error);
  // RLS refusing a write means the target is outside the caller's scope: answer as if absent.
  if (pg?.code === PG.insufficientPrivilege) return new CrmError('not_found', 'Not found');
  if (pg?.code === PG.foreignKeyViolation) return new CrmError('not_found', 'A referenced record does not exist');
  if (pg?.code === PG.checkViolation) return new CrmError('validation_failed', 'A value is out of its allowed range');
  if (pg?.code === PG.invalidText) return new CrmError('bad_request', 'A value has the wrong format');
  if (pg?.code === PG.characterNotInRepertoire || pg?.code === PG.untranslatableCharacter) {
    return new CrmError('validation_failed', 'Text may not contain NUL (\\u0000) characters');
  }
  if (pg?.code === PG.stackDepthExceeded) return new CrmError('validation_failed', 'A value is nested too deeply');
  return new CrmError('internal', 'An unexpected error occurred', { cause: error });
}

/** zod-openapi's hook: invalid input becomes a 422 listing every field issue. */
export function validationHook(
  result: { success: boolean; target: string; error?: { issues: { path: PropertyKey[]; message: string }[] } },
): void {
  if (result.success) return;
  const target = result.target === 'json' ? 'body' : result.target;
  const issues: FieldIssue[] = (result.error?.issues ?? []).map((issue) => ({
    path: [target, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  throw new CrmError('validation_failed', first ? `${first.path}: ${first.message}` : 'Invalid request', { issues });
}
