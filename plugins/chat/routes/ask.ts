import { streamSSE } from 'hono/streaming';
import { createRoute, CrmError, type z } from '../../../plugin-api.js';
import type { PricingApi } from '../../pricing/api.ts';
import type { Ctx } from '../config.ts';
import { leadIn, recordClaim } from '../identity.ts';
import { intentsOf } from '../intents.ts';
import type { ChatLimits } from '../limits.ts';
import { fixedReply, replyTo } from '../reply.ts';
import { ownDomains } from '../safety.ts';
import { AnswerOut, body, eventStream, IdParam, json, type MessageOut, problems, Question } from '../schemas.ts';
import { insertMessage, noteVisitorMessage, recentMessages, setConversationStatus } from '../store.ts';
import { TEXTS } from '../texts.ts';
import { openVisitor } from '../visitor.ts';

const ask = createRoute({
  method: 'post', path: '/sessions/{id}/messages', operationId: 'chatAsk', tags: ['Chat: visitors'],
  summary: 'Ask a question: the answer comes whole as JSON, or as it is written (Accept: text/event-stream)',
  description:
    'The question is stored first. With `Accept: text/event-stream` the answer streams as `delta` events ({ text }), then `citations` ' +
    '({ citations }) and `done` ({ message_id, handoff, ask_email }); an `error` event carries a problem if it fails midway.',
  request: { params: IdParam, ...body(Question) },
  responses: {
    200: { description: 'The question and the answer', content: { ...json(AnswerOut, '').content, ...eventStream('').content } },
    ...problems(401, 403, 404, 422, 429),
  },
});

/** How far back the conversation is given to the language model. */
const HISTORY = 6;

/**
 * `POST /api/chat/sessions/{id}/messages`: a visitor asks. A request for a person puts the
 * conversation in the staff's queue and says so; every other question is answered (also while
 * a person is on the way) from the own company's public knowledge, cited. An email, phone
 * number or company name typed in the message is kept as an unverified lead (identity.ts).
 */
export function askRoutes(ctx: Ctx, limits: ChatLimits): void {
  ctx.publicRoutes.openapi(ask, async (c) => {
    const { id } = c.req.valid('param');
    const { text } = c.req.valid('json');
    await limits.ask(c.var.clientIp, id);
    const { conversation, store, site } = await openVisitor(ctx, c, id);
    if (text.length > ctx.config.maxMessageChars) {
      throw new CrmError('validation_failed', `text is longer than ${ctx.config.maxMessageChars} characters`, { issues: [{ path: 'body.text', message: `at most ${ctx.config.maxMessageChars} characters` }] });
    }

    const intents = intentsOf(text, ctx.text);
    const wantsHuman = intents.includes('human');
    const self = await ctx.companies.self();
    const hits = wantsHuman ? [] : await ctx.search({ query: text, companyIds: [self.id], visibility: 'public', k: 5 });
    const history = await recentMessages(store, conversation.id, HISTORY);
    // The question is kept whatever happens to the answer.
    const question = await store.transaction(async (tx) => {
      const row = await insertMessage(tx, conversation, { role: 'visitor', text });
      await noteVisitorMessage(tx, conversation.id, { intents, handoff: wantsHuman });
      if (wantsHuman) await tx.timeline.record({ type: 'chat.handoff', payload: { conversation_id: conversation.id, reason: 'asked' } });
      return row;
    });
    if (wantsHuman) await ctx.kv.set(`handoff:${conversation.id}`, { since: question.created_at, reason: 'asked' });
    // A price question that names items of the price list gets an estimate (and staff a draft quote).
    const estimate = !wantsHuman && intents.includes('price_request') ? await priceEstimate(ctx, text, conversation) : null;
    const reply = wantsHuman
      ? fixedReply({ text: TEXTS[conversation.lang].handoff, citations: [], confident: true })
      : estimate
        ? fixedReply({ text: estimate.text, citations: [], confident: true })
        : await replyTo(ctx, conversation, text, hits, history, ownDomains(self, site.allowed_origins));

    const finish = async () => {
      const answer = await reply.answer;
      const botMessage = await store.transaction(async (tx) => {
        const row = await insertMessage(tx, conversation, { role: 'bot', text: answer.text, citations: answer.citations });
        await tx.timeline.record({ type: 'chat.message', payload: { conversation_id: conversation.id, text: text.slice(0, 500), answered: answer.confident } });
        // Indexing the transcript for staff search happens in the background, not in the
        // answer's time; queued with the answer, so a saved answer is always indexed.
        await tx.jobs.enqueue('index-transcript', { conversationId: conversation.id }, { idempotencyKey: `chat:transcript:${row.id}` });
        return row;
      });
      const claim = conversation.lead_email ? undefined : leadIn(text);
      if (claim) await recordClaim(ctx, conversation, claim, 'message').catch((error: unknown) => ctx.logger.error({ err: error, conversation: conversation.id }, 'keeping a lead from a chat message failed'));
      // An answer the bot was unsure of puts the conversation in the staff's queue too; the bot
      // keeps answering the visitor's next questions meanwhile.
      if (!answer.confident && !(await ctx.kv.get(`handoff:${conversation.id}`))) {
        await ctx.kv.set(`handoff:${conversation.id}`, { since: botMessage.created_at, reason: 'unsure' });
        if (conversation.status === 'closed') await setConversationStatus(store, conversation.id, 'open');
      }
      return { botMessage, answer, done: { message_id: botMessage.id, handoff: wantsHuman, ask_email: !answer.confident && !conversation.lead_email } };
    };

    if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
      for await (const _ of reply.pieces); // the JSON answer waits for the whole text
      const { botMessage, done } = await finish();
      return c.json({ message: question as z.infer<typeof MessageOut>, reply: botMessage as z.infer<typeof MessageOut>, ...done }, 200);
    }
    return streamSSE(
      c,
      async (stream) => {
        for await (const piece of reply.pieces) await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: piece }) });
        const { answer, done } = await finish();
        await stream.writeSSE({ event: 'citations', data: JSON.stringify({ citations: answer.citations }) });
        await stream.writeSSE({ event: 'done', data: JSON.stringify(done) });
      },
      async (error, stream) => {
        ctx.logger.error({ err: error, conversation: conversation.id }, 'answering a chat question failed');
        await stream.writeSSE({ event: 'error', data: JSON.stringify({ status: 500, title: 'Internal server error', detail: 'The answer could not be finished; please ask again' }) });
      },
    ) as never;
  });
}

/** The pricing plugin's estimate of a price question, when it runs; a failure there never costs the visitor an answer. */
async function priceEstimate(ctx: Ctx, text: string, conversation: { id: string; company_id: string; lang: 'da' | 'en' }) {
  const pricing = ctx.plugins.api<PricingApi>('pricing');
  if (!pricing) return null;
  try {
    return await pricing.estimate(text, { companyId: conversation.company_id, lang: conversation.lang, conversationId: conversation.id });
  } catch (error) {
    ctx.logger.error({ err: error, conversation: conversation.id }, 'the price estimate failed; answering from the knowledge base');
    return null;
  }
}
