import { streamSSE } from 'hono/streaming';
import { createRoute, z } from '../../../plugin-api.js';
import type { Ctx } from '../config.ts';
import { recordClaim } from '../identity.ts';
import type { ChatLimits } from '../limits.ts';
import type { Live } from '../live.ts';
import { body, eventStream, IdParam, json, LeadIn, Ok, problems } from '../schemas.ts';
import { setConversationStatus, staffMessagesSince } from '../store.ts';
import { TEXTS } from '../texts.ts';
import { conversationCompany } from '../tokens.ts';
import { openVisitor } from '../visitor.ts';

const tags = ['Chat: visitors'];

const lead = createRoute({
  method: 'post', path: '/sessions/{id}/lead', operationId: 'chatLeaveLead', tags,
  summary: 'The visitor leaves their contact details: kept as an unverified lead until staff confirm it',
  request: { params: IdParam, ...body(LeadIn) },
  responses: { 200: json(Ok, 'Thanked'), ...problems(401, 403, 404, 422, 429) },
});
const handoff = createRoute({
  method: 'post', path: '/sessions/{id}/handoff', operationId: 'chatRequestHandoff', tags, summary: 'The visitor asks for a person',
  request: { params: IdParam },
  responses: { 200: json(Ok, 'Staff were asked to take over'), ...problems(401, 403, 404, 422, 429) },
});
const events = createRoute({
  method: 'get', path: '/sessions/{id}/events', operationId: 'chatFollowSession', tags,
  summary: "Staff replies as they are written (Server-Sent Events)",
  description:
    'A `message` event per staff reply (a ChatMessage), comment lines to keep the connection open. The stream ends after ten minutes; ' +
    'the client reconnects with `since` (or Last-Event-ID). EventSource sends no headers: pass the visitor token as `token`.',
  request: {
    params: IdParam,
    query: z.object({
      token: z.string().max(200).optional().openapi({ description: 'The visitor token (for EventSource)' }),
      since: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Send replies written after this time (default: now)' }),
    }),
  },
  responses: { 200: eventStream('Staff replies'), ...problems(401, 403, 404, 422, 429) },
});

/** How long one event stream lives, and how often it looks for replies written by another server. */
const STREAM_MS = 10 * 60_000;
const POLL_MS = 3000;
const KEEP_ALIVE_MS = 15_000;

/** The visitor's lead form, handoff request and live staff replies. */
export function visitorRoutes(ctx: Ctx, limits: ChatLimits, live: Live): void {
  ctx.publicRoutes.openapi(lead, async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('json');
    await limits.lead(c.var.clientIp, id);
    const { conversation } = await openVisitor(ctx, c, id);
    if (form.website) {
      ctx.logger.info({ conversation: conversation.id }, 'lead form honeypot filled in; ignored');
    } else {
      await recordClaim(ctx, conversation, { email: form.email, name: form.name, phone: form.phone || undefined, company: form.company || undefined }, 'form');
    }
    return c.json({ ok: true as const, message: TEXTS[conversation.lang].leadThanks }, 200);
  });

  ctx.publicRoutes.openapi(handoff, async (c) => {
    const { id } = c.req.valid('param');
    await limits.handoff(id);
    const { conversation, store } = await openVisitor(ctx, c, id);
    await store.transaction(async (tx) => {
      await setConversationStatus(tx, conversation.id, 'handoff');
      await tx.timeline.record({ type: 'chat.handoff', payload: { conversation_id: conversation.id, reason: 'asked' } });
    });
    await ctx.kv.set(`handoff:${conversation.id}`, { since: new Date().toISOString(), reason: 'asked' });
    return c.json({ ok: true as const, message: TEXTS[conversation.lang].handoff }, 200);
  });

  ctx.publicRoutes.openapi(events, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    await limits.read(c.var.clientIp);
    const { conversation } = await openVisitor(ctx, c, id, query.token);
    const lastEventId = c.req.header('last-event-id');
    let since = query.since ?? (lastEventId && !Number.isNaN(Date.parse(lastEventId)) ? lastEventId : new Date().toISOString());
    since = new Date(since).toISOString();
    const slot = await limits.stream(c.var.clientIp, conversation.id);
    return streamSSE(
      c,
      async (stream) => {
        let wake: () => void = () => {};
        const unwatch = live.watch(conversation.id, () => wake());
        stream.onAbort(() => wake());
        try {
          const until = Date.now() + STREAM_MS;
          let lastWrite = Date.now();
          while (!stream.aborted && !stream.closed && Date.now() < until) {
            // The conversation may move to another company meanwhile (staff confirmed the lead).
            const companyId = (await conversationCompany(ctx, conversation.id)) ?? conversation.company_id;
            for (const message of await staffMessagesSince(ctx.forCompany(companyId), conversation.id, since)) {
              await stream.writeSSE({ event: 'message', id: message.created_at, data: JSON.stringify(message) });
              since = message.created_at;
              lastWrite = Date.now();
            }
            if (Date.now() - lastWrite >= KEEP_ALIVE_MS) {
              await stream.write(': keep-alive\n\n');
              lastWrite = Date.now();
            }
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, POLL_MS);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
          }
        } finally {
          unwatch();
          await slot.release();
        }
      },
      async (error) => {
        ctx.logger.error({ err: error, conversation: conversation.id }, 'the chat event stream failed');
        await slot.release();
      },
    ) as never;
  });
}

