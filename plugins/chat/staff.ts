import { randomUUID } from 'node:crypto';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { CrmError } from '../../plugin-api.js';
import type { Ctx } from './config.ts';
import type { Message } from './sessions.ts';
import { allowOrigin, parse } from './sites.ts';
import { type Conversation, conversationCompany, visitorConversation } from './visitors.ts';

/**
 * Human handoff. The visitor asks for a person (`POST /sessions/{id}/handoff`, or words like
 * "menneske"/"human" in a message); staff list those conversations
 * (`GET /api/chat/conversations?status=handoff`), read and answer them
 * (`POST /api/chat/conversations/{id}/reply`) and close them; the visitor's widget gets the
 * reply live from `GET /sessions/{id}/events` (Server-Sent Events) and from the history.
 */
export function handoffRoutes(ctx: Ctx): void {
  ctx.publicRoutes.post('/sessions/:id/handoff', async (c) => {
    const { conversation, store } = await visitorConversation(ctx, c.req.header('authorization'), c.req.param('id'));
    allowOrigin(c, c.req.header('origin'));
    await store.transaction(async (tx) => {
      await tx.sql`update chat_conversations set status = 'handoff' where id = ${conversation.id}`;
      await tx.timeline.record({ type: 'chat.handoff', payload: { conversation_id: conversation.id } });
    });
    await ctx.kv.set(`handoff:${conversation.id}`, { since: new Date().toISOString(), reason: 'asked' });
    return c.json({ ok: true });
  });

  ctx.publicRoutes.get('/sessions/:id/events', async (c) => {
    const token = c.req.query('token');
    const { conversation, store } = await visitorConversation(ctx, c.req.header('authorization') ?? (token ? `Bearer ${token}` : undefined), c.req.param('id'));
    allowOrigin(c, c.req.header('origin'));
    let since = c.req.query('since') ?? new Date().toISOString();
    if (Number.isNaN(Date.parse(since))) throw new CrmError('validation_failed', 'since must be an ISO 8601 time');
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      const until = Date.now() + 10 * 60_000; // the widget reconnects; no stream lives forever
      let quiet = 0;
      while (open && Date.now() < until) {
        // The conversation may move to another company meanwhile (the visitor left an email).
        const companyId = (await conversationCompany(ctx, conversation.id)) ?? conversation.company_id;
        const fresh = await (companyId === conversation.company_id ? store : ctx.forCompany(companyId)).sql<Message>`
          select id, role, text, citations, created_at from chat_messages
          where conversation_id = ${conversation.id} and role = 'staff' and created_at > ${since}::timestamptz order by created_at`;
        for (const message of fresh) {
          await stream.writeSSE({ event: 'message', data: JSON.stringify(message) });
          since = new Date(message.created_at).toISOString();
        }
        if (fresh.length === 0 && ++quiet % 15 === 0) await stream.write(': keep-alive\n\n');
        await stream.sleep(1000);
      }
    });
  });

  ctx.routes.get('/conversations', async (c) => {
    // handoff: waiting for a person, because the visitor asked for one or the bot was unsure.
    parse(z.enum(['handoff']), c.req.query('status') ?? 'handoff');
    const waiting = await ctx.kv.list<{ since: string; reason?: 'asked' | 'unsure' }>('handoff:', 200);
    const items = [];
    for (const { key, value } of waiting) {
      const found = await staffConversation(ctx, key.slice('handoff:'.length), (id) => c.var.caller.sees(id));
      if (found && found.conversation.status !== 'closed') {
        items.push({ ...summary(found.conversation), reason: value.reason ?? 'asked', waiting_since: value.since, company_id: found.conversation.company_id });
      }
    }
    return c.json({ items });
  });

  ctx.routes.get('/conversations/:id/messages', async (c) => {
    const found = await requireStaffConversation(ctx, c.req.param('id'), (id) => c.var.caller.sees(id));
    const items = await found.store.sql<Message>`select id, role, text, citations, created_at from chat_messages where conversation_id = ${found.conversation.id} order by created_at`;
    return c.json({ conversation: summary(found.conversation), items });
  });

  ctx.routes.post('/conversations/:id/reply', async (c) => {
    const found = await requireStaffConversation(ctx, c.req.param('id'), (id) => c.var.caller.sees(id));
    const { text } = parse(z.strictObject({ text: z.string().trim().min(1, 'is empty').max(10_000) }), await c.req.json().catch(() => null));
    const [message] = await found.store.transaction(async (tx) => {
      const rows = await tx.sql<Message>`
        insert into chat_messages (id, company_id, conversation_id, role, text) values (${randomUUID()}, ${found.conversation.company_id}, ${found.conversation.id}, 'staff', ${text})
        returning id, role, text, citations, created_at`;
      await tx.timeline.record({ type: 'chat.reply', payload: { conversation_id: found.conversation.id, by: c.var.caller.actor } });
      return rows;
    });
    return c.json(message, 201);
  });

  ctx.routes.post('/conversations/:id/close', async (c) => {
    const found = await requireStaffConversation(ctx, c.req.param('id'), (id) => c.var.caller.sees(id));
    await found.store.sql`update chat_conversations set status = 'closed' where id = ${found.conversation.id}`;
    await ctx.kv.delete(`handoff:${found.conversation.id}`);
    return c.json({ ok: true });
  });
}

async function staffConversation(ctx: Ctx, id: string, sees: (companyId: string) => boolean) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const companyId = await conversationCompany(ctx, id);
  if (!companyId || !sees(companyId)) return undefined;
  const store = ctx.forCompany(companyId);
  const [conversation] = await store.sql<Conversation>`select * from chat_conversations where id = ${id}`;
  return conversation ? { conversation, store } : undefined;
}

async function requireStaffConversation(ctx: Ctx, id: string, sees: (companyId: string) => boolean) {
  const found = await staffConversation(ctx, id, sees);
  if (!found) throw new CrmError('not_found', `Conversation ${id} not found`);
  return found;
}

function summary(conversation: Conversation) {
  return { id: conversation.id, status: conversation.status, lang: conversation.lang, intents: conversation.intents, company_id: conversation.company_id };
}
