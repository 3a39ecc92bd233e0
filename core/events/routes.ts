import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../http/env.ts';
import { json, problems } from '../http/schemas.ts';
import type { Limiter } from '../limits/index.ts';
import { eventsSince, eventWrittenAt } from './store.ts';
import type { EventTypes } from './types.ts';

const Types = z
  .object({
    items: z.array(z.object({
      type: z.string(), source: z.string().openapi({ description: 'core or the plugin id' }),
      title: z.object({ da: z.string(), en: z.string() }), icon: z.string(), summary: z.array(z.string()).openapi({ description: 'Payload fields (dotted paths) that summarise an event' }),
    })),
  })
  .openapi('TimelineTypes');

const types = createRoute({
  method: 'get', path: '/timeline/types', operationId: 'listTimelineTypes', tags: ['Companies'],
  summary: 'How each kind of timeline event is shown: the core’s and every plugin’s',
  responses: { 200: json(Types, 'Every described event type'), ...problems() },
});
const stream = createRoute({
  method: 'get', path: '/stream', operationId: 'followTimeline', tags: ['Companies'],
  summary: 'Timeline events of the companies you may see, as they are written (Server-Sent Events)',
  description:
    'Each event is `event: timeline`, `id: <event id>`, data: the event with its `company_name`. Reconnect with `Last-Event-ID` to go on after ' +
    'the last event you got. The stream ends after 15 minutes (reconnect), and sends a comment line every 15 s. At most five streams per credential.',
  request: { query: z.object({ types: z.string().max(500).optional().openapi({ description: 'Comma-separated event types or sources (chat, email, note.added, …)' }) }) },
  responses: { 200: { description: 'The stream', content: { 'text/event-stream': { schema: z.string() } } }, ...problems(422, 429) },
});

const POLL_MS = 1000;
/** How far back each poll looks again: an event's created_at is its transaction's start, and it may commit a little later. */
const OVERLAP_MS = 5000;
const STREAM_MS = 15 * 60_000;
const KEEP_ALIVE_MS = 15_000;
const PER_CREDENTIAL = 5;

/**
 * `GET /api/stream` and `GET /api/timeline/types`: what the CRM widgets update from without a
 * reload. The stream reads the timeline in the caller's scope (row level security decides what
 * it sees, as for every other read), so a key restricted to one company gets that company's
 * events only.
 */
export function streamRoutes(deps: { eventTypes: EventTypes; limiter: Limiter }): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(types, (c) => c.json({ items: deps.eventTypes.list() }, 200));

  app.openapi(stream, async (c) => {
    const { scope, principal, logger } = c.var;
    const wanted = c.req.valid('query').types?.split(',').map((t) => t.trim()).filter(Boolean) ?? [];
    const matches = (type: string) => wanted.length === 0 || wanted.some((w) => type === w || type.startsWith(`${w}.`));
    const slot = await deps.limiter.hold(`stream:${principal.actor}:${principal.name}`, PER_CREDENTIAL, 'open live streams for this credential');
    const lastId = c.req.header('last-event-id');
    const resumeAt = lastId && /^[0-9a-f-]{36}$/i.test(lastId) ? await scope.run((tx) => eventWrittenAt(tx, lastId.toLowerCase())).catch(() => undefined) : undefined;
    return streamSSE(
      c,
      async (sse) => {
        const sent = new Map<string, number>();
        let since = resumeAt ?? new Date();
        // What was written before the stream began (or up to the event it resumes after) was seen.
        // Resuming, events of the same instant as the last one got (one transaction's) still come, but that one not again.
        const begun = resumeAt ? since.getTime() - 1 : since.getTime();
        if (resumeAt && lastId) sent.set(lastId.toLowerCase(), since.getTime());
        const until = Date.now() + STREAM_MS;
        let lastWrite = Date.now();
        try {
          while (!sse.aborted && !sse.closed && Date.now() < until) {
            const fresh = await scope.run((tx) => eventsSince(tx, new Date(since.getTime() - OVERLAP_MS), 500));
            for (const event of fresh) {
              const at = Date.parse(event.created_at);
              if (at > since.getTime()) since = new Date(at);
              if (sent.has(event.id)) continue;
              sent.set(event.id, at);
              if (at <= begun || !matches(event.type)) continue;
              await sse.writeSSE({ event: 'timeline', id: event.id, data: JSON.stringify(event) });
              lastWrite = Date.now();
            }
            // Only ids inside the overlap window can come again.
            for (const [id, at] of sent) if (at < since.getTime() - 2 * OVERLAP_MS) sent.delete(id);
            if (Date.now() - lastWrite >= KEEP_ALIVE_MS) {
              await sse.write(': keep-alive\n\n');
              lastWrite = Date.now();
            }
            await sse.sleep(POLL_MS);
          }
        } finally {
          await slot.release();
        }
      },
      async (error, sse) => {
        logger.error({ err: error }, 'timeline stream failed');
        await slot.release();
        await sse.writeSSE({ event: 'error', data: JSON.stringify({ status: 500, title: 'Internal server error', detail: 'The stream failed; reconnect' }) });
      },
    ) as never;
  });
  return app;
}
