import { z } from '@hono/zod-openapi';
import { MAX_LIMIT, DEFAULT_LIMIT } from '../pagination/index.ts';

/** Shared pieces of the OpenAPI schemas. */

export const Uuid = z.uuid({ message: 'must be a UUID' }).transform((id) => id.toLowerCase());

export const IdParam = z.object({
  id: Uuid.openapi({ param: { name: 'id', in: 'path' }, example: '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47' }),
});

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).openapi({ example: 50 }),
  cursor: z.string().max(500).optional().openapi({ description: 'next_cursor of the previous page' }),
};

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    request_id: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

/** The standard error responses of an authenticated route, as problem+json. */
export function problems(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503)[]) {
  const descriptions = {
    400: 'Malformed request', 401: 'Missing or invalid credentials', 403: 'Missing scope',
    404: 'Not found (or outside your companies)', 409: 'Conflict', 413: 'Body too large',
    415: 'Body is not JSON', 422: 'Validation failed', 429: 'Too many requests (see Retry-After)', 503: 'Not available on this server',
  } as const;
  return Object.fromEntries(
    [401, 403, ...statuses].map((status) => [
      status,
      { description: descriptions[status as keyof typeof descriptions], content: { 'application/problem+json': { schema: Problem } } },
    ]),
  );
}

const MAX_JSON_DEPTH = 32;

/** Nesting depth of a JSON value, counted without recursion (a hostile body can be deep). */
function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Free-form `attributes`: any JSON object up to 32 levels deep. */
export const Attributes = z
  .record(z.string(), z.unknown())
  .refine((value) => jsonDepth(value) <= MAX_JSON_DEPTH, { message: `is nested deeper than ${MAX_JSON_DEPTH} levels` })
  .openapi({ example: { segment: 'VVS', employees: 12 } });

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-11-25T09:30:00.000Z' });

/** A JSON response body of the given schema. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body. */
export function body<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}
