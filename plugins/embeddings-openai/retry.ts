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
  /** Base URL, for messages. Never the key. */
  where: string;
  model: string;
  apiKey: string;
  timeoutMs: number;
  /** True when our own per-attempt deadline fired (the SDK's timeout does not cover the body). */
  timedOut: boolean;
}

/**
 * Turns whatever one attempt threw into a decision and a CrmError.
 *
 * Code choices: a refused key (401/403) is `unavailable`, not `unauthorized`/`forbidden`: those
 * would tell our API's caller that *their* credentials are wrong, while the fault is the server's
 * OPENAI_API_KEY, which only the operator can fix; until then embedding is unavailable (503).
 * Other 4xx are `bad_request`: the embedding request itself was refused (input too long, unknown
 * model, unsupported `dimensions`), and retrying it unchanged cannot help.
 */
export function classifyFailure(error: unknown, ctx: FailureContext): Failure {
  const final = (error: CrmError): Failure => ({ retryable: false, retryAfterMs: undefined, error });
  if (ctx.timedOut || error instanceof APIConnectionTimeoutError) {
    return {
      retryable: true,
      retryAfterMs: undefined,
      error: new CrmError('unavailable', `The embedding provider at ${ctx.where} did not answer within ${ctx.timeoutMs} ms`, { cause: error }),
    };
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return {
      retryable: true,
      retryAfterMs: undefined,
      error: new CrmError('unavailable', `Could not reach the embedding provider at ${ctx.where}${cause}`, { cause: error }),
    };
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const detail = redact(providerMessage(error), ctx.apiKey);
    if (status === 401 || status === 403) {
      return final(
        new CrmError(
          'unavailable',
          `The embedding provider at ${ctx.where} refused the OPENAI_API_KEY (HTTP ${status}${detail ? `: ${detail}` : ''}). ` +
            'Check OPENAI_API_KEY, and OPENAI_BASE_URL if the key belongs to another service',
          { cause: error },
        ),
      );
    }
    if (status === 429) {
      return {
        retryable: true,
        retryAfterMs: retryAfterMs(error.headers),
        error: new CrmError('rate_limited', `The embedding provider at ${ctx.where} is rate limiting requests (HTTP 429${detail ? `: ${detail}` : ''})`, { cause: error }),
      };
    }
    if (status >= 500 || status === 408 || status === 409) {
      return {
        retryable: true,
        retryAfterMs: retryAfterMs(error.headers),
        error: new CrmError('unavailable', `The embedding provider at ${ctx.where} failed (HTTP ${status}${detail ? `: ${detail}` : ''})`, { cause: error }),
      };
    }
    return final(
      new CrmError(
        'bad_request',
        `The embedding provider at ${ctx.where} refused the request for model ${ctx.model} (HTTP ${status}${detail ? `: ${detail}` : ''})`,
        { cause: error },
      ),
    );
  }
  if (error instanceof SyntaxError) {
    // Python servers write NaN/Infinity into JSON, which no JSON parser accepts.
    return final(
      new CrmError('unavailable', `The embedding provider at ${ctx.where} returned invalid JSON (a NaN or Infinity in a vector?); nothing was embedded`, {
        cause: error,
      }),
    );
  }
  throw error;
}

/**
 * The wait before attempt `attempt + 1` (0-based): the server's `Retry-After` when given,
 * else exponential backoff with jitter (between half and all of base·2^attempt, capped).
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

function providerMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const message = typeof body?.message === 'string' ? body.message : '';
  return message.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** A provider may echo the key back; never let it into an error message or a log. */
function redact(text: string, secret: string): string {
  return secret.length >= 4 ? text.replaceAll(secret, '[redacted]') : text;
}
