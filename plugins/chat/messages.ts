import { randomUUID } from 'node:crypto';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { CompanyStore } from '../../plugin-api.d.ts';
import type { Ctx } from './config.ts';
import { intentsOf } from './intents.ts';
import { identifyVisitor, leadIn } from './leads.ts';
import type { createLimits } from './limits.ts';
import { fixedReply, replyTo } from './reply.ts';
import { checkSiteOrigin, type Message } from './sessions.ts';
import { allowOrigin, pageOrigin, parse } from './sites.ts';
import { TEXTS } from './texts.ts';
import { type Conversation, visitorConversation } from './visitors.ts';

/**
 * `POST /api/chat/sessions/{id}/messages`: a visitor asks. The question is stored first; the
 * answer (or the handoff message) follows as Server-Sent Events (`delta`…, `citations`,
 * `done`) or, when the client asks for JSON, whole.
 */
export function messageRoutes(ctx: Ctx, limits: ReturnType<typeof createLimits>): void {
  ctx.publicRoutes.post('/sessions/:id/messages', async (c) => {
    limits.take('ip', c.var.clientIp);
    const { conversation, store } = await visitorConversation(ctx, c.req.header('authorization'), c.req.param('id'));
    await checkSiteOrigin(ctx, conversation, pageOrigin(c));
    allowOrigin(c, c.req.header('origin'));
    const { text } = parse(z.strictObject({ text: z.string().trim().min(1, 'is empty').max(ctx.config.maxMessageChars) }), await c.req.json().catch(() => null));

    limits.take('session', conversation.id);
    const intents = intentsOf(text, ctx.text);
    const wantsHuman = intents.includes('human') || conversation.status === 'handoff';
    const self = await ctx.companies.self();
    const hits = wantsHuman ? [] : await ctx.search({ query: text, companyIds: [self.id], visibility: 'public', k: 5 });
    // The question is kept whatever happens to the answer.
    const history = await store.sql<Message>`select role, text from chat_messages where conversation_id = ${conversation.id} order by created_at desc limit 6`;
    const question = await store.transaction(async (tx) => {
      const visitorMessage = await insertMessage(tx, conversation, 'visitor', text, []);
      await tx.sql`update chat_conversations set last_message_at = now(), status = ${wantsHuman ? 'handoff' : conversation.status},
                   intents = array(select distinct unnest(intents || ${`{${intents.join(',')}}`}::text[]) order by 1)
                   where id = ${conversation.id}`;
      return visitorMessage;
    });
    if (wantsHuman) await ctx.kv.set(`handoff:${conversation.id}`, { since: new Date().toISOString(), reason: 'asked' });
    const reply = wantsHuman
      ? fixedReply({ text: TEXTS[conversation.lang].handoff, citations: [], confident: true })
      : await replyTo(ctx, conversation, text, hits, history.reverse());
    const finish = async () => {
      const answer = await reply.answer;
      const botMessage = await store.transaction(async (tx) => {
        const row = await insertMessage(tx, conversation, 'bot', answer.text, answer.citations);
        await tx.timeline.record({ type: 'chat.message', payload: { conversation_id: conversation.id, text: text.slice(0, 500), answered: answer.confident } });
        return row;
      });
      // Indexing the transcript for staff search happens in the background, not in the answer's time.
      await ctx.jobs.enqueue('index-transcript', { conversationId: conversation.id }, { idempotencyKey: `chat:transcript:${botMessage.id}` });
      // An email, phone number or company name typed in the chat identifies the visitor as the lead form does.
      const lead = conversation.lead_email ? undefined : leadIn(text);
      if (lead) {
        await identifyVisitor(ctx, conversation, lead).catch((error: unknown) => ctx.logger.info({ err: error }, 'what the visitor wrote did not identify them'));
      }
      // An answer the bot was unsure of puts the conversation in the staff's queue too; the bot
      // keeps answering the visitor's next questions meanwhile.
      if (!answer.confident && !(await ctx.kv.get(`handoff:${conversation.id}`))) {
        await ctx.kv.set(`handoff:${conversation.id}`, { since: new Date().toISOString(), reason: 'unsure' });
      }
      return { botMessage, answer, done: { message_id: botMessage.id, handoff: wantsHuman, ask_email: !answer.confident } };
    };

    if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
      for await (const _ of reply.pieces); // the JSON answer waits for the whole text
      const { botMessage, done } = await finish();
      return c.json({ message: question, reply: botMessage, ...done });
    }
    return streamSSE(c, async (stream) => {
      for await (const piece of reply.pieces) await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: piece }) });
      const { answer, done } = await finish();
      await stream.writeSSE({ event: 'citations', data: JSON.stringify({ citations: answer.citations }) });
      await stream.writeSSE({ event: 'done', data: JSON.stringify(done) });
    });
  });
}

/**
 * The conversation as internal passages of its company (source type `chat`), so staff search
 * and later analysis find it; never public, so the bot never quotes one visitor to another.
 */
export async function indexTranscript(store: CompanyStore, conversationId: string): Promise<void> {
  const messages = await store.sql<Message>`select role, text from chat_messages where conversation_id = ${conversationId} order by created_at`;
  const transcript = messages.map((m) => `${m.role === 'visitor' ? 'Besøgende/Visitor' : m.role === 'bot' ? 'Bot' : 'Medarbejder/Staff'}: ${m.text}`).join('\n\n');
  await store.passages.index({ sourceType: 'chat', sourceId: conversationId, visibility: 'internal', title: 'Chat', text: transcript });
}

async function insertMessage(
  store: { sql: <R>(s: TemplateStringsArray, ...v: unknown[]) => Promise<R[]> },
  conversation: Conversation,
  role: Message['role'],
  text: string,
  citations: unknown[],
): Promise<Message> {
  const [row] = await store.sql<Message>`
    insert into chat_messages (id, company_id, conversation_id, role, text, citations)
    values (${randomUUID()}, ${conversation.company_id}, ${conversation.id}, ${role}, ${text}, ${JSON.stringify(citations)}::jsonb)
    returning id, role, text, citations, created_at`;
  return row!;
}
