import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { assertScope } from '../auth/principal.ts';
import type { Database } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from '../http/env.ts';
import { IdParam, json, problems, Timestamp } from '../http/schemas.ts';
import { getJob } from './store/get.ts';
import { JOB_STATUSES, type Job } from './types.ts';

const tags = ['Jobs'];

const JobOut = z
  .object({
    id: z.uuid(),
    name: z.string().openapi({ example: 'knowledge.index' }),
    company_id: z.uuid().nullable().openapi({ description: 'Whose work it is; null for system work (visible to admins only)' }),
    status: z.enum(JOB_STATUSES).openapi({
      description: 'queued; running; failed (the last attempt failed, the next waits for run_at); succeeded; dead (gave up: see last_error)',
    }),
    attempts: z.number().int().openapi({ description: 'Attempts started so far, a running one included' }),
    max_attempts: z.number().int(),
    progress: z.object({
      done: z.number().int().nullable(),
      total: z.number().int().nullable(),
      message: z.string().nullable(),
    }),
    last_error: z.string().nullable().openapi({ description: 'The error of the latest failed attempt; for a dead job, why it gave up' }),
    result: z.unknown().openapi({ description: 'What the job returned, once succeeded' }),
    run_at: Timestamp.openapi({ description: 'When it runs (next)' }),
    created_at: Timestamp,
    updated_at: Timestamp,
    finished_at: Timestamp.nullable(),
  })
  .openapi('Job');

const get = createRoute({
  method: 'get', operationId: 'getJob', path: '/{id}', tags, summary: 'Status and progress of a background job',
  request: { params: IdParam },
  responses: { 200: json(JobOut, 'The job'), ...problems(404, 422) },
});

const events = createRoute({
  method: 'get', operationId: 'followJob', path: '/{id}/events', tags, summary: 'Follow a job: Server-Sent Events until it has finished',
  description:
    'A `progress` event with the job (as GET /api/jobs/{id} shows it) at once and on every change, then one `done` event ' +
    'when it has succeeded or died, and the stream ends. A comment line keeps idle connections open. Works with EventSource ' +
    '(send the key as a bearer token through a fetch-based client, as EventSource sends no headers).',
  request: { params: IdParam },
  responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'The event stream' }, ...problems(404, 422) },
});

/** How often a followed job is read again, and how long a quiet stream waits before a keep-alive. */
const POLL_MS = 250;
const KEEPALIVE_MS = 15_000;

/**
 * `/api/jobs`: read-only status of background jobs. Jobs are system rows (read as the
 * connecting role), so visibility is checked here: unrestricted admins see every job, others need
 * `crm:read` and a scope that includes the job's company. Anything else is a 404, the
 * same as a job that doesn't exist, so ids of other companies' jobs can't be probed.
 *
 * @example
 * app.route('/api/jobs', jobRoutes(db));
 */
export function jobRoutes(db: Database): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  /** The job if this caller may see it, else the same 404 as for a job that doesn't exist. */
  const visibleJob = async (c: Context<AppEnv>, id: string): Promise<Job> => {
    const { principal, scope } = c.var;
    assertScope(principal, 'crm:read');
    const job = await getJob(db, id);
    // An admin restricted to some companies (a staff token with company_ids) is not "every job".
    const seesAll = principal.scopes.has('admin') && principal.companyIds === 'all';
    const visible = job && (seesAll || (job.companyId !== null && scope.allows(job.companyId)));
    if (!visible) throw new CrmError('not_found', `Job ${id} not found`);
    return job;
  };

  app.openapi(get, async (c) => c.json(jobOut(await visibleJob(c, c.req.valid('param').id)), 200));

  app.openapi(events, async (c) => {
    const { id } = c.req.valid('param');
    let job = await visibleJob(c, id);
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      let sent = '';
      let quietSince = Date.now();
      while (open) {
        const stamp = `${job.status}|${job.updatedAt.getTime()}|${JSON.stringify(job.progress)}`;
        if (stamp !== sent) {
          sent = stamp;
          quietSince = Date.now();
          const finished = job.status === 'succeeded' || job.status === 'dead';
          await stream.writeSSE({ event: finished ? 'done' : 'progress', data: JSON.stringify(jobOut(job)) });
          if (finished) break;
        } else if (Date.now() - quietSince > KEEPALIVE_MS) {
          quietSince = Date.now();
          await stream.write(': keep-alive\n\n');
        }
        await stream.sleep(POLL_MS);
        job = (await getJob(db, id)) ?? job;
      }
    }, async (error, stream) => {
      // Through the logger (redacted, one JSON line), never Hono's console.error.
      c.var.logger.error({ err: error, job: id }, 'job event stream failed');
      await stream.writeSSE({ event: 'error', data: JSON.stringify({ status: 500, title: 'Internal server error', detail: 'The job could not be followed; reconnect' }) });
    });
  });

  return app;
}

/** A job as the API shows it: no payload (it may hold internal references), no lease details. */
export function jobOut(job: Job): z.infer<typeof JobOut> {
  return {
    id: job.id,
    name: job.name,
    company_id: job.companyId,
    status: job.status,
    attempts: job.attempts,
    max_attempts: job.maxAttempts,
    progress: job.progress,
    last_error: job.lastError,
    result: job.result ?? null,
    run_at: job.runAt.toISOString(),
    created_at: job.createdAt.toISOString(),
    updated_at: job.updatedAt.toISOString(),
    finished_at: job.finishedAt?.toISOString() ?? null,
  };
}
