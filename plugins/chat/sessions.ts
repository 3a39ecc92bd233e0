import { randomUUID } from 'node:crypto';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { CompanyStore } from '../../plugin-api.d.ts';
import { identifyVisitor, leadIn } from './leads.ts';
import { fixedReply, replyTo } from './reply.ts';
import { intentsOf } from './intents.ts';
import type { createLimits } from './limits.ts';
import type { Ctx } from './config.ts';
import { allowOrigin, pageOrigin, parse, requireOrigin, siteFor, type Site } from './sites.ts';
import { type Lang, TEXTS } from './texts.ts';
import { type Conversation, newVisitorToken, visitorConversation } from './visitors.ts';

const Start = z.strictObject({
  site_key: z.string().min(1).max(100),
  visitor_token: z.string().max(200).optional(),
  lang: z.enum(['da', 'en']).optional(),
});

type Limits = ReturnType<typeof createLimits>;

export interface Message {
  id: string;
  role: 'visitor' | 'bot' | 'staff';
  text: string;
  citations: unknown[];
  created_at: string;
}

/**
 * The visitor side, public (no credentials): start or resume a session with a site key, read
 * its messages, and ask, answered as Server-Sent Events (`delta`…, `citations`, `done`) or JSON.
 */
export function sessionRoutes(ctx: Ctx, limits: Limits): void {
  // Browsers call these from the sites' pages: every answer, errors included, may be read by
  // the calling page (the requests themselves are checked against the site's origins and
  // the visitor's token), and the widget may read Retry-After.
  ctx.publicRoutes.use('*', async (c, next) => {
    allowOrigin(c, c.req.header('origin'));
    await next();
  });
  // CORS preflight: the real request is checked against its site's origins.
  ctx.publicRoutes.options('/sessions/*', (c) => preflight(c));
  ctx.publicRoutes.options('/sessions', (c) => preflight(c));

  ctx.publicRoutes.post('/sessions', async (c) => {
    const origin = pageOrigin(c);
    limits.take('ip', c.var.clientIp);
    const input = parse(Start, await c.req.json().catch(() => null));
    const site = await siteFor(ctx, input.site_key, origin);
    limits.take('site', site.id);
    allowOrigin(c, origin);
    const resumed = input.visitor_token ? await resume(ctx, input.visitor_token, site) : undefined;
    if (resumed) return c.json(sessionOut(resumed, input.visitor_token!), 200);

    const lang: Lang = input.lang ?? 'da';
    const visitor = await ctx.companies.createVisitor({ attributes: { site: site.name } });
    const { conversationId, token, secretHash } = newVisitorToken();
    const expires = new Date(Date.now() + ctx.config.sessionDays * 86_400_000);
    await ctx.kv.set(`conv:${conversationId}`, visitor.id);
    const [conversation] = await ctx.forCompany(visitor.id).sql<Conversation>`
      insert into chat_conversations (id, company_id, site_id, secret_hash, lang, expires_at)
      values (${conversationId}, ${visitor.id}, ${site.id}, ${secretHash}, ${lang}, ${expires.toISOString()}) returning *`;
    return c.json(sessionOut(conversation!, token), 201);
  });

  ctx.publicRoutes.get('/sessions/:id/messages', async (c) => {
    const { conversation, store } = await visitorConversation(ctx, c.req.header('authorization'), c.req.param('id'));
    await checkSiteOrigin(ctx, conversation, pageOrigin(c));
    allowOrigin(c, c.req.header('origin'));
    const items = await store.sql<Message>`
      select id, role, text, citations, created_at from chat_messages where conversation_id = ${conversation.id} order by created_at, id`;
    return c.json({ items });
  });

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

async function resume(ctx: Ctx, token: string, site: Site): Promise<Conversation | undefined> {
  const conversationId = token.split('.')[0] ?? '';
  try {
    const { conversation } = await visitorConversation(ctx, `Bearer ${token}`, conversationId);
    return conversation.site_id === site.id ? conversation : undefined;
  } catch {
    return undefined; // an expired or foreign token starts a new conversation
  }
}

async function checkSiteOrigin(ctx: Ctx, conversation: Conversation, origin: string | undefined): Promise<void> {
  const self = await ctx.companies.self();
  const [site] = await ctx.forCompany(self.id).sql<Site>`select * from chat_sites where id = ${conversation.site_id}`;
  requireOrigin(site ?? { allowed_origins: [] }, origin);
}

function sessionOut(conversation: Conversation, token: string) {
  return { session_id: conversation.id, visitor_token: token, expires_at: new Date(conversation.expires_at).toISOString(), greeting: TEXTS[conversation.lang].greeting };
}

function preflight(c: import('hono').Context) {
  const origin = c.req.header('origin');
  if (origin) {
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
  }
  c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  c.header('Access-Control-Allow-Headers', 'Authorization, Content-Type');
  c.header('Access-Control-Max-Age', '600');
  return c.body(null, 204);
}

