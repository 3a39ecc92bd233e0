import { CrmError } from '../../plugin-api.js';
import type { ChatMessage } from '../../plugin-api.d.ts';

/**
 * Tokens one call used. `estimated` is true when the server reported nothing (or the stream
 * ended before its usage chunk) and the numbers are our count of about 4 characters a token.
 *
 * @example
 * const usage: ChatUsage = { inputTokens: 812, outputTokens: 140, estimated: false };
 */
export interface ChatUsage {
  inputTokens: number;
  outputTokens: number;
  estimated: boolean;
}

/**
 * About 4 characters a token (English and Danish alike) plus the ~4 tokens of framing each
 * message costs. Good enough for a budget; the server's own count replaces it when sent.
 *
 * @example
 * estimateUsage([{ role: 'user', content: 'Hej' }], 'Hej med dig!'); // { inputTokens: 5, outputTokens: 3, estimated: true }
 */
export function estimateUsage(messages: ChatMessage[], output: string): ChatUsage {
  const input = messages.reduce((sum, m) => sum + 4 + Math.ceil(m.content.length / 4), 0);
  return { inputTokens: input, outputTokens: Math.ceil(output.length / 4), estimated: true };
}

/**
 * The server's usage object in our shape, or undefined when absent or not numbers.
 *
 * @example
 * readUsage({ prompt_tokens: 12, completion_tokens: 4 }); // { inputTokens: 12, outputTokens: 4, estimated: false }
 */
export function readUsage(usage: unknown): ChatUsage | undefined {
  const { prompt_tokens: input, completion_tokens: output } = (usage ?? {}) as { prompt_tokens?: unknown; completion_tokens?: unknown };
  if (!isCount(input) || !isCount(output)) return undefined;
  return { inputTokens: input, outputTokens: output, estimated: false };
}

/**
 * The text of a non-streaming chat completion. A `null` content (a refusal, a tool call) is an
 * empty answer; a response without choices is refused, since it is not a chat completion.
 *
 * @example
 * readCompletion({ choices: [{ message: { content: 'Hej' } }] }, who); // 'Hej'
 */
export function readCompletion(response: unknown, who: string): string {
  const choices = (response as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices) || choices.length === 0) throw new CrmError('unavailable', `${who} returned a response without choices`);
  const content = (choices[0] as { message?: { content?: unknown } } | null)?.message?.content;
  if (content === null || content === undefined) return '';
  if (typeof content !== 'string') throw new CrmError('unavailable', `${who} returned a message whose content is not text`);
  return content;
}

/**
 * The text delta and usage of one stream chunk. Lenient where servers differ (the usage chunk
 * has `choices: []`, Ollama may omit `choices` there, vLLM may put usage on every chunk);
 * strict where a chunk cannot be a chat completion chunk at all.
 *
 * @example
 * readChunk({ choices: [{ delta: { content: 'Hej' } }] }, who); // { delta: 'Hej', usage: undefined }
 */
export function readChunk(chunk: unknown, who: string): { delta: string; usage: ChatUsage | undefined } {
  const { choices, usage } = (chunk ?? {}) as { choices?: unknown; usage?: unknown };
  const read = readUsage(usage);
  if (choices === undefined && read) return { delta: '', usage: read };
  if (!Array.isArray(choices)) throw new CrmError('unavailable', `${who} sent a malformed chunk (no \`choices\` array)`);
  const content = (choices[0] as { delta?: { content?: unknown } } | undefined)?.delta?.content;
  if (content !== undefined && content !== null && typeof content !== 'string') {
    throw new CrmError('unavailable', `${who} sent a malformed chunk (delta content is not text)`);
  }
  return { delta: content ?? '', usage: read };
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
