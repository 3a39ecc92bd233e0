import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { Ctx } from '../context.ts';
import { readLimited } from '../import.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyInbound } from '../inbound.ts';
import { ingest, ingestEnv } from '../ingest.ts';
import { json, problems } from '../schemas.ts';

const inbound = createRoute({
  method: 'post', path: '/inbound', operationId: 'emailInbound', tags: ['Email: inbound'],
  summary: `Inbound mail from a mail service (Mailgun, Postmark, SES, Cloudflare Email Workers…): the raw MIME message as the body, signed with the shared secret: ${TIMESTAMP_HEADER} (Unix seconds) and ${SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">. Unsigned, wrongly signed, stale and replayed requests get 401`,
  request: {
    headers: z.object({ [SIGNATURE_HEADER]: z.string().optional(), [TIMESTAMP_HEADER]: z.string().optional() }),
    body: { required: true, content: { 'message/rfc822': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: {
    202: json(z.object({ outcome: z.enum(['stored', 'duplicate', 'skipped']), message_id: z.uuid().nullable(), thread_id: z.uuid().nullable(), reason: z.string().nullable() }), 'Taken'),
    ...problems(401, 413, 422, 503),
  },
});

/** The inbound webhook: a public route (no API key), authenticated by its signature. */
export function inboundRoutes(ctx: Ctx): void {
  ctx.publicRoutes.openapi(inbound, async (c) => {
    const secret = ctx.config.inboundSecret;
    if (!secret) throw new CrmError('unavailable', 'Inbound mail is not set up on this server: set CRM_PLUGIN_EMAIL_INBOUND_SECRET');
    await ctx.limits.take(`inbound:${c.var.clientIp ?? 'unknown'}`, { limit: 600, windowMs: 60_000 });
    const raw = await readLimited(c.req.raw.body, ctx.config.maxMessageBytes);
    await verifyInbound(ctx.kv, { secret, toleranceSeconds: ctx.config.inboundToleranceSeconds }, { signature: c.req.header(SIGNATURE_HEADER), timestamp: c.req.header(TIMESTAMP_HEADER) }, raw);
    const result = await ingest(ctx, await ingestEnv(ctx), raw, { way: 'webhook', at: new Date().toISOString() });
    return c.json({
      outcome: result.outcome,
      message_id: result.outcome === 'stored' ? result.message.id : result.outcome === 'duplicate' ? result.messageId : null,
      thread_id: result.outcome === 'stored' ? result.thread.id : null,
      reason: result.outcome === 'skipped' ? result.reason : null,
    }, 202);
  });
}
