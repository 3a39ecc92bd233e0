import { createHash } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isCrmError } from '../../core/errors/index.ts';
import { batches } from './batches.ts';
import { createOpenAIEmbedder, type OpenAIEmbedderOptions } from './embedder.ts';
import { close, listen } from '../../test/support/http-server.ts';

/** How the stub answers one call; calls without a scripted answer get `ok`. */
type Answer =
  | 'ok'
  | 'wrong-dimension'
  | 'nan'
  | 'null'
  | 'wrong-count'
  | 'duplicate-index'
  | 'drop'
  | 'slow-body'
  | { status: number; retryAfter?: string; message?: string }
  | { delayMs: number };

interface Call {
  method: string;
  url: string;
  authorization: string | undefined;
  body: { model: string; input: string[]; dimensions?: number; encoding_format?: string };
}

/** The stub's vector for a text: deterministic, distinct per text. */
function vectorOf(text: string, dimensions: number): number[] {
  const seed = createHash('sha256').update(text).digest();
  return Array.from({ length: dimensions }, (_, j) => (seed[j % 32]! - 127.5) / 128 + j / 10_000);
}

/** A local server speaking `POST /v1/embeddings`, scripted per call. */
function createStub() {
  const calls: Call[] = [];
  const script: Answer[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Call['body'];
      calls.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'no such route' } }));
        return;
      }
      const answer = script.shift() ?? 'ok';
      const dims = body.dimensions ?? 384;
      // Items come back in reverse order with their `index`, as a server may do.
      const items = body.input.map((text, index) => ({ object: 'embedding', index, embedding: vectorOf(text, dims) })).reverse();
      const send = (json: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(json);
      const list = (data: unknown[]) => JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } });
      if (answer === 'ok') return send(list(items));
      if (answer === 'wrong-dimension') return send(list(items.map((item) => ({ ...item, embedding: item.embedding.slice(1) }))));
      if (answer === 'null') return send(list(items.map((item, i) => (i === 0 ? { ...item, embedding: [null, ...item.embedding.slice(1)] } : item))));
      // What Python's json.dumps writes for float('nan'): not JSON at all.
      if (answer === 'nan') return send(list(items).replace(/\[(-?[0-9.e-]+),/, '[NaN,'));
      if (answer === 'wrong-count') return send(list(items.slice(1)));
      if (answer === 'duplicate-index') return send(list(items.map((item) => ({ ...item, index: 0 }))));
      if (answer === 'drop') return void req.socket.destroy();
      if (answer === 'slow-body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"object":"list","data":[');
        return later(2_000, () => res.end(']}'));
      }
      if ('delayMs' in answer) return later(answer.delayMs, () => send(list(items)));
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (answer.retryAfter) headers['retry-after'] = answer.retryAfter;
      res.writeHead(answer.status, headers).end(JSON.stringify({ error: { message: answer.message ?? `stub error ${answer.status}`, type: 'stub' } }));
    });
  });
  return {
    calls,
    script,
    url: '',
    async start() {
      this.url = `${await listen(server)}/v1`;
    },
    stop: () => close(server, timers),
  };
}

const stub = createStub();
const KEY = 'sk-test-0123456789abcdef';
const embedder = (options: Partial<OpenAIEmbedderOptions> = {}) =>
  createOpenAIEmbedder({ apiKey: KEY, baseUrl: stub.url, retryBaseDelayMs: 1, ...options });

/** The CrmError an embed call rejects with. */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCrmError(error)) throw new Error(`expected a CrmError, got ${String(error)}`);
  return error;
}

beforeAll(() => stub.start());
afterAll(() => stub.stop());
beforeEach(() => {
  stub.calls.length = 0;
  stub.script.length = 0;
});

describe('createOpenAIEmbedder', () => {
  it('posts model, dimensions and float encoding with the bearer key, and returns the vectors in order', async () => {
    const provider = embedder({ model: 'text-embedding-3-large', dimensions: 256 });
    expect(provider).toMatchObject({ id: 'openai', model: 'text-embedding-3-large', dimensions: 256 });
    const vectors = await provider.embed(['første', 'second', 'третий'], 'query');
    expect(vectors).toEqual([vectorOf('første', 256), vectorOf('second', 256), vectorOf('третий', 256)]);
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0]).toMatchObject({
      method: 'POST',
      url: '/v1/embeddings',
      authorization: `Bearer ${KEY}`,
      body: { model: 'text-embedding-3-large', dimensions: 256, encoding_format: 'float', input: ['første', 'second', 'третий'] },
    });
  });

  it('leaves dimensions out of the request when sendDimensions is false, and still checks the length', async () => {
    const vectors = await embedder({ model: 'nomic-embed-text', dimensions: 384, sendDimensions: false }).embed(['a']);
    expect(vectors[0]).toHaveLength(384);
    expect(stub.calls[0]!.body).not.toHaveProperty('dimensions');
    expect(stub.calls[0]!.body.model).toBe('nomic-embed-text');
  });

  it('batches by count: 250 inputs with batchSize 96 make 3 calls, order preserved across them', async () => {
    const texts = Array.from({ length: 250 }, (_, i) => `passage number ${i}`);
    const vectors = await embedder({ batchSize: 96, dimensions: 8 }).embed(texts, 'passage');
    expect(stub.calls.map((c) => c.body.input.length)).toEqual([96, 96, 58]);
    expect(stub.calls.flatMap((c) => c.body.input)).toEqual(texts);
    expect(vectors).toEqual(texts.map((t) => vectorOf(t, 8)));
  });

  it('batches by approximate size too', async () => {
    const texts = Array.from({ length: 5 }, (_, i) => `${i}`.padEnd(40, 'x'));
    await embedder({ maxBatchChars: 100, dimensions: 4 }).embed(texts);
    expect(stub.calls.map((c) => c.body.input.length)).toEqual([2, 2, 1]);
    expect(batches(['a'.repeat(500), 'b', 'c'], 10, 100)).toEqual([['a'.repeat(500)], ['b', 'c']]);
  });

  it('returns [] for no texts without calling, and refuses an empty text before calling', async () => {
    expect(await embedder().embed([])).toEqual([]);
    const error = await failure(embedder().embed(['fine', '']));
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/Text 1 .*empty/);
    expect(stub.calls).toHaveLength(0);
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    stub.script.push({ status: 429, retryAfter: '1' });
    const started = Date.now();
    const vectors = await embedder({ dimensions: 4 }).embed(['x']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(vectors).toEqual([vectorOf('x', 4)]);
    expect(stub.calls).toHaveLength(2);
  });

  it('retries 500 twice and a dropped connection, then succeeds', async () => {
    stub.script.push({ status: 500 }, { status: 503 }, 'drop');
    const vectors = await embedder({ dimensions: 4 }).embed(['x', 'y']);
    expect(vectors).toEqual([vectorOf('x', 4), vectorOf('y', 4)]);
    expect(stub.calls).toHaveLength(4);
  });

  it('gives up after maxRetries with a clear error', async () => {
    stub.script.push({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const error = await failure(embedder({ maxRetries: 2 }).embed(['x']));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/failed \(HTTP 500: stub error 500\).*gave up after 3 attempts/);
    expect(stub.calls).toHaveLength(3);
  });

  it('gives up at once when Retry-After asks for longer than maxRetryDelayMs', async () => {
    stub.script.push({ status: 429, retryAfter: '3600' });
    const error = await failure(embedder().embed(['x']));
    expect(error.code).toBe('rate_limited');
    expect(error.message).toMatch(/asks to wait 3600 s/);
    expect(stub.calls).toHaveLength(1);
  });

  it('refuses a 401 with a clear message about OPENAI_API_KEY, without retrying or echoing the key', async () => {
    stub.script.push({ status: 401, message: `Incorrect API key provided: ${KEY}.` });
    const error = await failure(embedder().embed(['x']));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/refused the OPENAI_API_KEY \(HTTP 401/);
    expect(error.message).toContain(stub.url);
    expect(error.message).not.toContain(KEY);
    expect(stub.calls).toHaveLength(1);
  });

  it('refuses a 403 the same way and another 4xx as bad_request, neither retried', async () => {
    stub.script.push({ status: 403 });
    expect(await failure(embedder().embed(['x']))).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/OPENAI_API_KEY/) });
    stub.script.push({ status: 400, message: 'This model does not support specifying dimensions.' });
    const error = await failure(embedder({ model: 'ada' }).embed(['x']));
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/model ada at .* refused the request \(HTTP 400: This model does not support specifying dimensions\.\)/);
    expect(stub.calls).toHaveLength(2);
  });

  it.each([
    ['wrong-dimension', /vector of 383 dimensions where 384 were expected/],
    ['null', /non-finite value \(null\)/],
    ['nan', /invalid JSON \(a NaN or Infinity/],
    ['wrong-count', /returned 2 embeddings for 3 inputs/],
    ['duplicate-index', /duplicate or out-of-range index/],
  ] as const)('refuses a response with %s, returning nothing and not retrying', async (answer, message) => {
    stub.script.push(answer);
    const error = await failure(embedder().embed(['a', 'b', 'c']));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(message);
    expect(stub.calls).toHaveLength(1);
  });

  it('refuses a bad vector in a later batch, returning nothing of the earlier ones', async () => {
    stub.script.push('ok', 'wrong-dimension');
    const error = await failure(embedder({ batchSize: 2 }).embed(['a', 'b', 'c']));
    expect(error.message).toMatch(/dimensions/);
    expect(stub.calls).toHaveLength(2);
  });

  it('times out a slow answer, retries it, and reports the deadline', async () => {
    stub.script.push({ delayMs: 1_000 }, { delayMs: 1_000 });
    const error = await failure(embedder({ timeoutMs: 100, maxRetries: 1 }).embed(['x']));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/did not answer within 100 ms.*gave up after 2 attempts/);
    expect(stub.calls).toHaveLength(2);
  });

  it('times out a body that stalls after the headers, then succeeds on retry', async () => {
    stub.script.push('slow-body');
    const vectors = await embedder({ timeoutMs: 500, dimensions: 4 }).embed(['x']);
    expect(vectors).toEqual([vectorOf('x', 4)]);
    expect(stub.calls).toHaveLength(2);
  });

  it('reports an unreachable server as unavailable', async () => {
    const error = await failure(embedder({ baseUrl: 'http://127.0.0.1:1/v1', maxRetries: 1 }).embed(['x']));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/The embedding model .* at http:\/\/127\.0\.0\.1:1\/v1 could not be reached/);
  });

  it('refuses bad options up front', () => {
    expect(() => createOpenAIEmbedder({ apiKey: '' })).toThrow(/OPENAI_API_KEY is empty/);
    expect(() => createOpenAIEmbedder({ apiKey: KEY, dimensions: 0 })).toThrow(/dimensions must be an integer/);
    expect(() => createOpenAIEmbedder({ apiKey: KEY, batchSize: 5000 })).toThrow(/batchSize/);
  });
});
