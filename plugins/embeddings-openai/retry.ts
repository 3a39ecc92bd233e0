import { CrmError } from '../../plugin-api.js';
import { classifyFailure as classify, type Failure } from '../openai-compatible/failure.ts';

export { retryDelayMs } from '../openai-compatible/failure.ts';

/**
 * A failed embedding request, classified as for every OpenAI-compatible server, with one
 * embedding-specific reading: unparseable JSON here almost always means a vector holding NaN
 * or Infinity (Python servers write them; no JSON parser accepts them).
 *
 * @example
 * const failure = classifyFailure(error, { where: 'https://api.openai.com/v1', model: 'text-embedding-3-small', apiKey, timeoutMs: 30_000, timedOut: false });
 */
export function classifyFailure(error: unknown, ctx: { where: string; model: string; apiKey: string; timeoutMs: number; timedOut: boolean }): Failure {
  if (error instanceof SyntaxError) {
    return {
      retryable: false,
      retryAfterMs: undefined,
      error: new CrmError('unavailable', `The embedding provider at ${ctx.where} returned invalid JSON (a NaN or Infinity in a vector?); nothing was embedded`, { cause: error }),
    };
  }
  return classify(error, { who: `The embedding model ${ctx.model} at ${ctx.where}`, apiKey: ctx.apiKey, timeoutMs: ctx.timeoutMs, timedOut: ctx.timedOut });
}
