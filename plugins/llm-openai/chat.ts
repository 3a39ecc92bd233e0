import OpenAI from 'openai';
import { CrmError } from '../../plugin-api.js';
import type { ChatMessage, LlmProvider } from '../../plugin-api.d.ts';
import { openDeadline, sleep, type Deadline } from './deadline.ts';
import { classifyFailure, retryDelayMs, streamFailure } from '../openai-compatible/failure.ts';
import { estimateUsage, readChunk, readCompletion, readUsage, type ChatUsage } from './reply.ts';

export type { ChatUsage } from './reply.ts';

export interface OpenAIChatOptions {
  /** OPENAI_API_KEY. Servers that need none (Ollama, vLLM) accept any placeholder. */
  apiKey: string;
  /** e.g. `http://localhost:11434/v1`; default `https://api.openai.com/v1` (never read from the environment). */
  baseUrl?: string;
  model?: string;
  /** Defaults for requests that set none. */
  temperature?: number;
  maxTokens?: number;
  /** `complete`: deadline of one attempt, body included. `stream`: longest silence from the server. */
  timeoutMs?: number;
  /** Retries of the initial request on 408/409/429, 5xx, network errors and timeouts. */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  /** Longest wait between attempts; a `Retry-After` asking for longer gives up at once (a visitor is waiting). */
  maxRetryDelayMs?: number;
  fetch?: typeof globalThis.fetch;
}

/**
 * A request as `LlmProvider` takes it, plus `onUsage`. This is how a caller keeps a token budget
 * for streams: `onUsage` is called once when a stream ends for any reason (done, `break`, abort,
 * failure mid-answer), with the server's count (`stream_options.include_usage`) or, when none
 * arrived, an estimate flagged `estimated: true`. Not called when no answer started (the initial
 * request failed). Other providers ignore the field; a throwing `onUsage` is ignored too.
 */
export interface OpenAIChatRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
  onUsage?: (usage: ChatUsage) => void;
}

/** `LlmProvider` with the wider request; `complete`'s usage says whether it was estimated. */
export interface OpenAIChatProvider extends LlmProvider {
  complete(request: OpenAIChatRequest): Promise<{ text: string; usage: ChatUsage }>;
  stream(request: OpenAIChatRequest): AsyncIterable<string>;
}

/**
 * A chat model behind any OpenAI-compatible `/chat/completions` endpoint (OpenAI, Azure's v1
 * API, Ollama, vLLM, LiteLLM). The initial request is retried with our own backoff (the SDK's
 * retries are off); every failure is a one-line `CrmError` naming the model and the server.
 * Aborting `signal` makes `complete` reject with the signal's reason and makes `stream` end
 * quietly (the caller knows why it stopped).
 *
 * @example
 * const llm = createOpenAIChat({ apiKey: process.env.OPENAI_API_KEY!, model: 'gpt-4o-mini' });
 * for await (const delta of llm.stream({ messages, signal, onUsage: (u) => budget.spend(u) })) send(delta);
 */
export function createOpenAIChat(options: OpenAIChatOptions): OpenAIChatProvider {
  const { apiKey, baseUrl = 'https://api.openai.com/v1', model = 'gpt-4o-mini', temperature = 0.2, maxTokens = 600 } = options;
  const { timeoutMs = 60_000, maxRetries = 2, retryBaseDelayMs = 500, maxRetryDelayMs = 10_000 } = options;
  if (!apiKey) throw new CrmError('bad_request', 'OPENAI_API_KEY is empty (servers that need no key accept any placeholder)');
  if (!model) throw new CrmError('bad_request', 'The chat model name is empty');
  // Every setting explicit, so the SDK reads nothing from the environment; its logging is off
  // because it would print stream chunks to the console, and our errors say it all.
  const client = new OpenAI({ apiKey, baseURL: baseUrl, organization: null, project: null, maxRetries: 0, timeout: timeoutMs, logLevel: 'off', ...(options.fetch ? { fetch: options.fetch } : {}) });
  // fetch refuses user:pass@ URLs with an error quoting them; refuse first, without quoting.
  if (/^[a-z]+:\/\/[^/]*@/i.test(baseUrl)) throw new CrmError('bad_request', 'The chat base URL must not hold credentials; put the key in apiKey');
  // A query (`?api-key=`) must not reach a message either; the rest names the server.
  const who = `The chat model ${model} at ${baseUrl.replace(/[?#].*$/, '').replace(/\/+$/, '')}`;
  const context = (deadline: Deadline | undefined) => ({ who, apiKey, timeoutMs, timedOut: deadline?.timedOut ?? false });

  const body = (request: OpenAIChatRequest) => {
    check(request);
    // `max_tokens`, not `max_completion_tokens`: the one every compatible server understands.
    return { model, messages: request.messages.map(({ role, content }) => ({ role, content })), max_tokens: request.maxTokens ?? maxTokens, temperature: request.temperature ?? temperature };
  };

  /** Sends until an attempt gets an answer; the caller closes the returned deadline. */
  async function send<T>(signal: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<{ value: T; deadline: Deadline }> {
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const deadline = openDeadline(timeoutMs, signal);
      try {
        return { value: await call(deadline.signal), deadline };
      } catch (error) {
        deadline.close();
        signal?.throwIfAborted();
        const failure = classifyFailure(error, context(deadline));
        if (!failure.retryable) throw failure.error;
        const wait = retryDelayMs(attempt, failure.retryAfterMs, retryBaseDelayMs, maxRetryDelayMs);
        if (attempt >= maxRetries) throw withAttempts(failure.error, attempt + 1);
        if (wait > maxRetryDelayMs) throw withAttempts(failure.error, attempt + 1, `it asks to wait ${Math.ceil(wait / 1000)} s`);
        await sleep(wait, signal);
      }
    }
  }

  return {
    id: 'openai',
    model,
    async complete(request) {
      const payload = body(request);
      const { value, deadline } = await send(request.signal, (signal) => client.chat.completions.create(payload, { signal }));
      deadline.close();
      const text = readCompletion(value, who);
      return { text, usage: readUsage(value.usage) ?? estimateUsage(request.messages, text) };
    },
    async *stream(request) {
      let deadline: Deadline | undefined;
      let text = '';
      let usage: ChatUsage | undefined;
      try {
        const payload = { ...body(request), stream: true as const, stream_options: { include_usage: true } };
        const opened = await send(request.signal, (signal) => client.chat.completions.create(payload, { signal }));
        deadline = opened.deadline;
        for await (const chunk of opened.value) {
          deadline.touch();
          const read = readChunk(chunk, who);
          usage = read.usage ?? usage;
          if (!read.delta) continue;
          text += read.delta;
          deadline.pause();
          yield read.delta;
          deadline.touch();
        }
        // The SDK ends a stream quietly when its signal aborts, so a timeout looks like the end.
        if (deadline.timedOut && !request.signal?.aborted) throw streamFailure(undefined, context(deadline));
      } catch (error) {
        if (request.signal?.aborted) return;
        throw deadline ? streamFailure(error, context(deadline)) : error;
      } finally {
        deadline?.close();
        if (deadline) report(request.onUsage, usage ?? estimateUsage(request.messages, text));
      }
    },
  };
}

function check({ messages, maxTokens, temperature }: OpenAIChatRequest): void {
  if (!Array.isArray(messages) || messages.length === 0) throw new CrmError('bad_request', 'A chat request needs at least one message');
  const bad = messages.findIndex((m) => !['system', 'user', 'assistant'].includes(m?.role) || typeof m.content !== 'string');
  if (bad >= 0) throw new CrmError('bad_request', `Chat message ${bad} needs a role of system, user or assistant and a text content`);
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && maxTokens >= 1)) throw new CrmError('bad_request', `maxTokens must be a positive integer, got ${maxTokens}`);
  if (temperature !== undefined && !(temperature >= 0 && temperature <= 2)) throw new CrmError('bad_request', `temperature must be from 0 to 2, got ${temperature}`);
}

function report(onUsage: OpenAIChatRequest['onUsage'], usage: ChatUsage): void {
  try {
    onUsage?.(usage);
  } catch {
    // A budget hook's own bug must not turn a delivered answer into a failure.
  }
}

function withAttempts(error: CrmError, attempts: number, reason?: string): CrmError {
  const suffix = ` (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}${reason ? `: ${reason}` : ''})`;
  return new CrmError(error.code, error.message + suffix, { cause: error.cause });
}
