import { createRoute, CrmError, z } from '../../../plugin-api.js';
import type { CompanyStore } from '../../../plugin-api.d.ts';
import type { Ctx } from '../config.ts';
import type { Live } from '../live.ts';
import { Assign, body, ConversationOut, IdParam, json, MessageOut, Ok, Preview, PreviewOut, problems, WaitingOut } from '../schemas.ts';
import { replyTo } from '../reply.ts';
import { ownDomains } from '../safety.ts';
import { assignConversation, conversationById, insertMessage, lastVisitorMessage, listMessages, listSites, setConversationStatus, type Conversation } from '../store.ts';
import { conversationCompany } from '../tokens.ts';

const tags = ['Chat: staff'];

const waiting = createRoute({
  method: 'get', path: '/conversations', operationId: 'chatListConversations', tags,
  summary: 'Conversations waiting for a person: the visitor asked for one, or the bot was unsure',
  request: {
    query: z.object({
      status: z.enum(['handoff']).default('handoff'),
      assigned: z.enum(['anyone', 'me', 'unassigned']).default('anyone').openapi({ description: "me: taken by you; unassigned: nobody's yet" }),
    }),
  },
  responses: { 200: json(z.object({ items: z.array(WaitingOut) }), 'Oldest first'), ...problems(422) },
});
const read = createRoute({
  method: 'get', path: '/conversations/{id}/messages', operationId: 'chatGetConversation', tags, summary: 'A conversation and its messages',
  request: { params: IdParam },
  responses: { 200: json(z.object({ conversation: ConversationOut, items: z.array(MessageOut) }), 'The conversation'), ...problems(404, 422) },
});
const reply = createRoute({
  method: 'post', path: '/conversations/{id}/reply', operationId: 'chatReply', tags, summary: 'Answer the visitor; the reply reaches their open widget at once',
  request: { params: IdParam, ...body(z.strictObject({ text: z.string().trim().min(1, 'is empty').max(10_000) }).openapi('ChatStaffReply')) },
  responses: { 201: json(MessageOut, 'The reply'), ...problems(404, 422) },
});
const assign = createRoute({
  method: 'post', path: '/conversations/{id}/assign', operationId: 'chatAssignConversation', tags, summary: 'Take a conversation (to: "me"), give it to a colleague, or free it (null)',
  request: { params: IdParam, ...body(Assign) },
  responses: { 200: json(ConversationOut, 'The conversation'), ...problems(404, 422) },
});
const preview = createRoute({
  method: 'post', path: '/preview', operationId: 'chatPreviewAnswer', tags, summary: 'What the chatbot would answer a visitor now, with its citations (nothing is stored)',
  request: body(Preview),
  responses: { 200: json(PreviewOut, 'The answer'), ...problems(422) },
});
const close = createRoute({
  method: 'post', path: '/conversations/{id}/close', operationId: 'chatCloseConversation', tags, summary: "Close a conversation: it leaves the staff's queue",
  request: { params: IdParam },
  responses: { 200: json(Ok, 'Closed'), ...problems(404, 422) },
});

/** The staff's side of human handoff: the queue, reading, replying and closing. */
export function staffRoutes(ctx: Ctx, live: Live): void {
  ctx.routes.openapi(waiting, async (c) => {
    const { assigned } = c.req.valid('query');
    const queued = await ctx.kv.list<{ since: string; reason?: 'asked' | 'unsure' }>('handoff:', 1000);
    const items: z.infer<typeof WaitingOut>[] = [];
    for (const { key, value } of queued.sort((a, b) => a.value.since.localeCompare(b.value.since))) {
      const found = await staffConversation(ctx, key.slice('handoff:'.length), c.var.caller.sees);
      if (!found || found.conversation.status === 'closed') continue;
      const taker = found.conversation.assigned_to;
      if ((assigned === 'me' && taker !== c.var.caller.actor) || (assigned === 'unassigned' && taker)) continue;
      const [company, last] = await Promise.all([ctx.companies.get(found.conversation.company_id), lastVisitorMessage(found.store, found.conversation.id)]);
      items.push({
        ...conversationOut(found.conversation), reason: value.reason ?? 'asked', waiting_since: new Date(value.since).toISOString(),
        company_name: company?.name ?? '', preview: last ? last.text.slice(0, 200) : null,
      });
      if (items.length >= 200) break;
    }
    return c.json({ items }, 200);
  });

  ctx.routes.openapi(read, async (c) => {
    const found = await requireConversation(ctx, c.req.valid('param').id, c.var.caller.sees);
    return c.json({ conversation: conversationOut(found.conversation), items: (await listMessages(found.store, found.conversation.id)) as z.infer<typeof MessageOut>[] }, 200);
  });

  ctx.routes.openapi(reply, async (c) => {
    const found = await requireConversation(ctx, c.req.valid('param').id, c.var.caller.sees);
    const { text } = c.req.valid('json');
    const message = await found.store.transaction(async (tx) => {
      const row = await insertMessage(tx, found.conversation, { role: 'staff', text });
      await tx.timeline.record({ type: 'chat.reply', payload: { conversation_id: found.conversation.id, by: c.var.caller.actor } });
      return row;
    });
    live.notify(found.conversation.id);
    return c.json(message as z.infer<typeof MessageOut>, 201);
  });

  ctx.routes.openapi(assign, async (c) => {
    const found = await requireConversation(ctx, c.req.valid('param').id, c.var.caller.sees);
    const { to } = c.req.valid('json');
    const taker = to === 'me' ? c.var.caller.actor : to;
    await found.store.transaction(async (tx) => {
      await assignConversation(tx, found.conversation.id, taker);
      await tx.timeline.record({ type: 'chat.assigned', payload: { conversation_id: found.conversation.id, to: taker, by: c.var.caller.actor } });
    });
    return c.json(conversationOut({ ...found.conversation, assigned_to: taker }), 200);
  });

  ctx.routes.openapi(preview, async (c) => {
    const { question, lang } = c.req.valid('json');
    const self = await ctx.companies.self();
    const sites = c.var.caller.sees(self.id) ? await listSites(ctx.forCompany(self.id)) : [];
    const hits = await ctx.search({ query: question, companyIds: [self.id], visibility: 'public', k: 5 });
    const reply = await replyTo(ctx, { id: null, company_id: self.id, lang, llm_tokens: 0 }, question, hits, [], ownDomains(self, sites.flatMap((s) => s.allowed_origins)));
    for await (const _ of reply.pieces);
    const answer = await reply.answer;
    return c.json({ text: answer.text, citations: answer.citations, confident: answer.confident }, 200);
  });

  ctx.routes.openapi(close, async (c) => {
    const found = await requireConversation(ctx, c.req.valid('param').id, c.var.caller.sees);
    await setConversationStatus(found.store, found.conversation.id, 'closed');
    await ctx.kv.delete(`handoff:${found.conversation.id}`);
    return c.json({ ok: true as const }, 200);
  });
}

/** A conversation, with the store of the company it is in now, when the caller may see that company. */
async function staffConversation(ctx: Ctx, id: string, sees: (companyId: string) => boolean): Promise<{ conversation: Conversation; store: CompanyStore } | undefined> {
  const companyId = await conversationCompany(ctx, id);
  if (!companyId || !sees(companyId)) return undefined;
  const store = ctx.forCompany(companyId);
  const conversation = await conversationById(store, id);
  return conversation ? { conversation, store } : undefined;
}

async function requireConversation(ctx: Ctx, id: string, sees: (companyId: string) => boolean) {
  const found = await staffConversation(ctx, id, sees);
  if (!found) throw new CrmError('not_found', `Conversation ${id} not found`);
  return found;
}

function conversationOut(c: Conversation): z.infer<typeof ConversationOut> {
  return { id: c.id, company_id: c.company_id, status: c.status, lang: c.lang, intents: c.intents, assigned_to: c.assigned_to, created_at: c.created_at, last_message_at: c.last_message_at };
}
