/**
 * Failure handling shared by the plugins that talk to OpenAI-compatible servers
 * (`embeddings-openai`, `llm-openai`): which failures to retry, how long to wait, and one-line
 * CrmErrors that name the server and model and never contain the key. A library, not a plugin.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { CrmError } from '../../plugin-api.js';

/** What to do about one failed attempt. */
export interface Failure {
  /** Worth another attempt: 408/409/429, 5xx, network errors and timeouts. */
  retryable: boolean;
  /** The server's own wait (`retry-after-ms` or `Retry-After`), when it gave one. */
  retryAfterMs: number | undefined;
  /** The error to throw when no attempt is left (or the failure is final). */
  error: CrmError;
}

export interface FailureContext {
  /** `The chat model <model> at <base URL>` (or embedding model): every message starts with it. Never the key. */
  who: string;
  apiKey: string;
  timeoutMs: number;
  /** True when our own per-attempt deadline fired (the SDK's timeout does not cover the body). */
  timedOut: boolean;
}

/**
 * Turns whatever the initial request threw into a decision and a one-line CrmError.
 *
 * Code choices: a refused key (401/403) is `unavailable`, not
 * `unauthorized`: the fault is the server's OPENAI_API_KEY, which only the operator can fix, not
 * the credentials of our API's caller. Other 4xx are `bad_request` (unknown model, context too
 * long): retrying the same request cannot help.
 *
 * @example
 * const failure = classifyFailure(error, { who: 'The chat model gpt-4o-mini at https://api.openai.com/v1', apiKey, timeoutMs: 60_000, timedOut: false });
 * if (!failure.retryable) throw failure.error;
 */
export function classifyFailure(error: unknown, ctx: FailureContext): Failure {
  const retry = (error: CrmError, retryAfterMs?: number): Failure => ({ retryable: true, retryAfterMs, error });
  const final = (error: CrmError): Failure => ({ retryable: false, retryAfterMs: undefined, error });
  if (ctx.timedOut || error instanceof APIConnectionTimeoutError) {
    return retry(new CrmError('unavailable', `${ctx.who} did not answer within ${ctx.timeoutMs} ms`, { cause: error }));
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return retry(new CrmError('unavailable', `${ctx.who} could not be reached${cause}`, { cause: error }));
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const { status } = error;
    const detail = describe(error, status, ctx.apiKey);
    if (status === 401 || status === 403) {
      return final(
        new CrmError('unavailable', `${ctx.who} refused the OPENAI_API_KEY (${detail}). Check OPENAI_API_KEY, and the base URL if the key belongs to another service`, { cause: error }),
      );
    }
    if (status === 429) return retry(new CrmError('rate_limited', `${ctx.who} is rate limiting requests (${detail})`, { cause: error }), retryAfterMs(error.headers));
    if (status >= 500 || status === 408 || status === 409) {
      return retry(new CrmError('unavailable', `${ctx.who} failed (${detail})`, { cause: error }), retryAfterMs(error.headers));
    }
    return final(new CrmError('bad_request', `${ctx.who} refused the request (${detail})`, { cause: error }));
  }
  return final(streamFailure(error, ctx));
}

/**
 * A failure once the answer is flowing (or in its body): never retried, since deltas may already
 * be on their way to a visitor and a second attempt would repeat or contradict them.
 *
 * @example
 * throw streamFailure(new SyntaxError('Unexpected token'), ctx); // "…sent malformed JSON (…)"
 */
export function streamFailure(error: unknown, ctx: FailureContext): CrmError {
  if (error instanceof CrmError) return error;
  if (ctx.timedOut) return new CrmError('unavailable', `${ctx.who} sent nothing for ${ctx.timeoutMs} ms and was cut off`, { cause: error });
  // Python servers write NaN into JSON; a proxy may answer with an HTML page.
  if (error instanceof SyntaxError) return new CrmError('unavailable', `${ctx.who} sent malformed JSON (${redact(oneLine(error.message), ctx.apiKey).slice(0, 120)})`, { cause: error });
  // An `error` object inside the SSE stream (the SDK raises it as an APIError without a status).
  if (error instanceof APIError) return new CrmError('unavailable', `${ctx.who} reported an error mid-answer (${describe(error, undefined, ctx.apiKey)})`, { cause: error });
  const message = error instanceof Error ? redact(oneLine(error.message), ctx.apiKey) : String(error);
  return new CrmError('unavailable', `${ctx.who} broke off the answer (${message})`, { cause: error });
}

/**
 * The wait before attempt `attempt + 1` (0-based): the server's `Retry-After` when given,
 * else exponential backoff with jitter (between half and all of base·2^attempt, capped).
 *
 * @example
 * await sleep(retryDelayMs(0, undefined, 500, 10_000)); // 250–500 ms
 */
export function retryDelayMs(attempt: number, retryAfter: number | undefined, baseMs: number, capMs: number): number {
  if (retryAfter !== undefined) return retryAfter;
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** `retry-after-ms` (OpenAI's) or `Retry-After` in seconds or as an HTTP date, in ms. */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** `HTTP 500: message`, the provider's message on one line, shortened and without the key. */
function describe(error: APIError, status: number | undefined, apiKey: string): string {
  const body = error.error as { message?: unknown } | undefined;
  const message = redact(oneLine(typeof body?.message === 'string' ? body.message : ''), apiKey).slice(0, 300);
  if (status === undefined) return message || 'no message';
  return message ? `HTTP ${status}: ${message}` : `HTTP ${status}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A provider may echo the key back; never let it into an error message or a log. */
function redact(text: string, secret: string): string {
  return secret.length >= 4 ? text.replaceAll(secret, '[redacted]') : text;
}
