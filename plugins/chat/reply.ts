import type { SearchHit } from '../../plugin-api.d.ts';
import { type Answer, extractiveAnswer } from './answer.ts';
import type { Ctx } from './config.ts';
import { approxTokens, citationsOf, groundedPrompt, UNSURE_MARK } from './llm.ts';
import { type Lang, TEXTS } from './texts.ts';
import { safePassages } from './safety.ts';
import { addLlmTokens, type Conversation } from './store.ts';

/** Who asks: a conversation, or a preview (no id: its tokens count against the day's budget only). */
export type Asker = Pick<Conversation, 'lang' | 'llm_tokens' | 'company_id'> & { id: string | null };

/** A reply being produced: text pieces as they come, then the whole answer. */
export interface Reply {
  pieces: AsyncIterable<string>;
  answer: Promise<Answer>;
}

/**
 * The bot's reply to a question: with a language model (when one is configured and the
 * conversation's and the day's token budgets allow) a grounded, cited answer streamed as it is
 * written; otherwise, or when the model fails before writing, the extractive answer. Either
 * answers only from the passages' safe sentences (safety.ts): payment details and foreign links
 * never reach the visitor, and a question only they would answer gets the payment text and goes
 * to the staff's queue.
 *
 * @example
 * const reply = await replyTo(ctx, conversation, 'Hvad koster en tagrende?', hits, history, ['nordlys-tag.dk']);
 * for await (const piece of reply.pieces) send(piece);
 * const { text, citations, confident } = await reply.answer;
 */
export async function replyTo(
  ctx: Ctx,
  conversation: Asker,
  question: string,
  found: SearchHit[],
  history: { role: 'visitor' | 'bot' | 'staff'; text: string }[],
  domains: readonly string[],
): Promise<Reply> {
  const lang = conversation.lang;
  const { hits, withheld } = safePassages(found, ctx.text, domains);
  const extractive = () => {
    const answer = extractiveAnswer(question, hits, ctx.text, lang);
    return !answer.confident && withheld ? paymentAnswer(lang) : answer;
  };
  if (hits.length === 0 && withheld) return fixedReply(paymentAnswer(lang));
  if (!ctx.llm.available || hits.length === 0 || !(await withinBudget(ctx, conversation))) return fixedReply(extractive());
  const self = await ctx.companies.self();
  const messages = groundedPrompt(question, hits, history.map((m) => ({ role: m.role === 'visitor' ? 'user' : 'assistant', content: m.text })), lang, self.name);
  const prompt = messages.map((m) => m.content).join('\n');
  let written = '';
  let settle!: (answer: Answer) => void;
  const answer = new Promise<Answer>((resolve) => (settle = resolve));
  const pieces = (async function* () {
    let released = false;
    try {
      for await (const delta of ctx.llm.stream({ messages })) {
        written += delta;
        if (released) {
          yield delta;
          continue;
        }
        // Hold the start back while it could still be the UNSURE mark.
        const start = written.trimStart();
        if (start.length < UNSURE_MARK.length && UNSURE_MARK.startsWith(start)) continue;
        if (start.startsWith(UNSURE_MARK)) break;
        released = true;
        yield written;
      }
    } catch (error) {
      ctx.logger.warn({ err: error, conversation: conversation.id ?? 'preview' }, 'language model failed; answering without it');
      if (!released) {
        const fallback = extractive();
        yield fallback.text;
        settle(fallback);
        return;
      }
    }
    await spend(ctx, conversation, approxTokens(prompt) + approxTokens(written));
    if (!released) {
      const unsure = withheld ? paymentAnswer(lang) : unsureAnswer(lang);
      yield unsure.text;
      settle(unsure);
      return;
    }
    settle({ text: written.trim(), citations: citationsOf(written, hits), confident: true });
  })();
  return { pieces, answer };
}

/** A reply whose whole text is known: sent as word pieces, so the widget has one streaming path. */
export function fixedReply(answer: Answer): Reply {
  return { pieces: (async function* () { for (const piece of answer.text.match(/\S+\s*/g) ?? []) yield piece; })(), answer: Promise.resolve(answer) };
}

function unsureAnswer(lang: Lang): Answer {
  return { text: TEXTS[lang].unsure, citations: [], confident: false };
}

/** What the bot says when only payment details would answer: not confident, so staff take it up. */
function paymentAnswer(lang: Lang): Answer {
  return { text: TEXTS[lang].payment, citations: [], confident: false };
}

const today = () => new Date().toISOString().slice(0, 10);

async function withinBudget(ctx: Ctx, conversation: { llm_tokens: number }): Promise<boolean> {
  if (conversation.llm_tokens >= ctx.config.llmTokensPerConversation) return false;
  return ((await ctx.kv.get<number>(`llm-day:${today()}`)) ?? 0) < ctx.config.llmTokensPerDay;
}

async function spend(ctx: Ctx, conversation: Asker, tokens: number): Promise<void> {
  const key = `llm-day:${today()}`;
  await ctx.kv.set(key, ((await ctx.kv.get<number>(key)) ?? 0) + tokens);
  if (conversation.id) await addLlmTokens(ctx.forCompany(conversation.company_id), conversation.id, tokens);
}
