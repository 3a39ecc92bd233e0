import OpenAI from 'openai';
import { CrmError } from '../../plugin-api.js';
import type { EmbeddingProvider } from '../../plugin-api.d.ts';
import { batches, wellFormed } from './batches.ts';
import { readEmbeddings } from './response.ts';
import { classifyFailure, retryDelayMs } from './retry.ts';

export interface OpenAIEmbedderOptions {
  /** OPENAI_API_KEY. Servers that need none (Ollama, vLLM) accept any placeholder. */
  apiKey: string;
  /** OPENAI_BASE_URL, e.g. `http://localhost:11434/v1`; default `https://api.openai.com/v1`. */
  baseUrl?: string;
  model?: string;
  /** Length of every vector; a response of another length is refused. */
  dimensions?: number;
  /** Send `dimensions` in the request (text-embedding-3-* shorten to it); off for fixed-size models. */
  sendDimensions?: boolean;
  /** Most inputs in one request (OpenAI allows 2048). */
  batchSize?: number;
  /** Most characters in one request, ~4 chars a token: keeps a batch under the per-request token cap. */
  maxBatchChars?: number;
  /** Retries after the first attempt, on 408/409/429, 5xx, network errors and timeouts. */
  maxRetries?: number;
  /** Deadline of one attempt, response body included. */
  timeoutMs?: number;
  /** First backoff step; doubles each retry, with jitter. */
  retryBaseDelayMs?: number;
  /** Longest wait between attempts; a `Retry-After` asking for longer gives up at once. */
  maxRetryDelayMs?: number;
  fetch?: typeof globalThis.fetch;
}

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * An embedding provider for any OpenAI-compatible `/embeddings` endpoint (OpenAI, Azure's
 * v1 API, Ollama, vLLM, LiteLLM). Inputs go in batches, in order; each batch is retried on
 * rate limits and upstream failures with our own backoff (the SDK's retries are off), and
 * every response is checked before a vector is returned.
 *
 * @example
 * const embedder = createOpenAIEmbedder({ apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl });
 * const [vector] = await embedder.embed(['Hvad koster en bil?'], 'query');
 */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): EmbeddingProvider {
  const {
    apiKey,
    baseUrl = DEFAULT_BASE_URL,
    model = 'text-embedding-3-small',
    dimensions = 384,
    sendDimensions = true,
    batchSize = 96,
    maxBatchChars = 400_000,
    maxRetries = 5,
    timeoutMs = 30_000,
    retryBaseDelayMs = 500,
    maxRetryDelayMs = 60_000,
  } = options;
  if (!apiKey) throw new CrmError('bad_request', 'OPENAI_API_KEY is empty (servers that need no key accept any placeholder)');
  checkInteger('dimensions', dimensions, 1, 16_000);
  checkInteger('batchSize', batchSize, 1, 2048);
  checkInteger('maxBatchChars', maxBatchChars, 1, Number.MAX_SAFE_INTEGER);
  checkInteger('maxRetries', maxRetries, 0, 100);
  checkInteger('timeoutMs', timeoutMs, 1, 3_600_000);
  if (!model) throw new CrmError('bad_request', 'The embedding model name is empty');

  // Every setting explicit, so the SDK reads nothing from the environment behind our back.
  const client = new OpenAI({
    apiKey,
    baseURL: baseUrl,
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: timeoutMs,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const where = baseUrl.replace(/\/+$/, '');

  async function embedBatch(input: string[]): Promise<number[][]> {
    for (let attempt = 0; ; attempt++) {
      const deadline = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        deadline.abort();
      }, timeoutMs);
      try {
        const response = await client.embeddings.create(
          { model, input, encoding_format: 'float', ...(sendDimensions ? { dimensions } : {}) },
          { signal: deadline.signal },
        );
        return readEmbeddings(response, input.length, dimensions, where);
      } catch (error) {
        if (error instanceof CrmError) throw error;
        const failure = classifyFailure(error, { where, model, apiKey, timeoutMs, timedOut });
        if (!failure.retryable) throw failure.error;
        if (attempt >= maxRetries) throw withAttempts(failure.error, attempt + 1);
        if (failure.retryAfterMs !== undefined && failure.retryAfterMs > maxRetryDelayMs) {
          throw withAttempts(failure.error, attempt + 1, `it asks to wait ${Math.ceil(failure.retryAfterMs / 1000)} s`);
        }
        await sleep(retryDelayMs(attempt, failure.retryAfterMs, retryBaseDelayMs, maxRetryDelayMs));
      } finally {
        clearTimeout(timer);
      }
    }
  }

  return {
    id: 'openai',
    model,
    dimensions,
    // OpenAI-style models embed queries and passages alike, so `kind` changes nothing here.
    async embed(texts) {
      texts.forEach((text, i) => {
        if (typeof text !== 'string' || text.length === 0) {
          throw new CrmError('bad_request', `Text ${i} to embed is empty; embedding providers refuse empty input`);
        }
      });
      const out: number[][] = [];
      for (const batch of batches(texts.map(wellFormed), batchSize, maxBatchChars)) {
        out.push(...(await embedBatch(batch)));
      }
      return out;
    },
  };
}

function withAttempts(error: CrmError, attempts: number, reason?: string): CrmError {
  const suffix = ` (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}${reason ? `: ${reason}` : ''})`;
  return new CrmError(error.code, error.message + suffix, { cause: error.cause });
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CrmError('bad_request', `Embedding option ${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
