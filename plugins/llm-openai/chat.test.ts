import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isCrmError } from '../../core/errors/index.ts';
import { createOpenAIChat, type ChatUsage, type OpenAIChatOptions } from './chat.ts';
import { close, listen } from '../../test/support/http-server.ts';

/** How the stub answers one call; calls without a scripted answer get `ok`. */
type Answer =
  | 'ok'
  | 'no-usage'
  | 'drop'
  | 'stall'
  | 'slow'
  | 'malformed'
  | 'error-event'
  | { status: number; retryAfter?: string; message?: string }
  | { delayMs: number };

interface Call {
  url: string;
  authorization: string | undefined;
  body: { model: string; messages: unknown[]; stream?: boolean; stream_options?: unknown; max_tokens?: number; temperature?: number };
  /** True when the client hung up before the stub finished its answer. */
  cutOff: boolean;
}

const DELTAS = ['Hej', ' med', ' dig', '!'];
const USAGE = { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 };

/** A local server speaking `POST /v1/chat/completions`, JSON or SSE, scripted per call. */
function createStub() {
  const calls: Call[] = [];
  const script: Answer[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => (timers.delete(t), fn()), ms);
    timers.add(t);
  };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const call: Call = { url: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(raw || '{}') as Call['body'], cutOff: false };
      calls.push(call);
      res.on('close', () => (call.cutOff = !res.writableFinished));
      const answer = script.shift() ?? 'ok';
      const chunk = (content: string) => `data: ${JSON.stringify({ object: 'chat.completion.chunk', model: call.body.model, choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
      const usage = `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [], usage: USAGE })}\n\n`;
      const sse = () => res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (answer === 'drop') return void req.socket.destroy();
      if (typeof answer === 'object' && 'status' in answer) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (answer.retryAfter) headers['retry-after'] = answer.retryAfter;
        return void res.writeHead(answer.status, headers).end(JSON.stringify({ error: { message: answer.message ?? `stub error ${answer.status}`, type: 'stub' } }));
      }
      const ok = () => {
        if (!call.body.stream) {
          const message = { role: 'assistant', content: DELTAS.join('') };
          const json = { object: 'chat.completion', model: call.body.model, choices: [{ index: 0, message, finish_reason: 'stop' }], ...(answer === 'no-usage' ? {} : { usage: USAGE }) };
          return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(json));
        }
        sse();
        res.end(DELTAS.map(chunk).join('') + (answer === 'no-usage' ? '' : usage) + 'data: [DONE]\n\n');
      };
      if (answer === 'ok' || answer === 'no-usage') return ok();
      if (typeof answer === 'object') return later(answer.delayMs, ok);
      sse();
      res.write(chunk(DELTAS[0]!));
      if (answer === 'malformed') return void res.end('data: {"choices": [{"delta": {"content": "x"\n\ndata: [DONE]\n\n');
      if (answer === 'error-event') return void res.end(`data: ${JSON.stringify({ error: { message: 'model overloaded', type: 'server_error' } })}\n\n`);
      if (answer === 'slow') {
        const tick = (i: number) => later(50, () => (res.destroyed ? undefined : i < 40 ? (res.write(chunk(` ${i}`)), tick(i + 1)) : res.end('data: [DONE]\n\n')));
        tick(0);
      }
      // 'stall': the first delta, then silence until the client hangs up.
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
const messages = [
  { role: 'system' as const, content: 'Du er en hjælpsom assistent.' },
  { role: 'user' as const, content: 'Sig hej' },
];
const chat = (options: Partial<OpenAIChatOptions> = {}) => createOpenAIChat({ apiKey: KEY, baseUrl: stub.url, retryBaseDelayMs: 1, ...options });

/** The CrmError a promise rejects with. */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!isCrmError(error)) throw new Error(`expected a CrmError, got ${String(error)}`);
  return error;
}

/** Reads a stream to the end, keeping the deltas it yielded before any failure. */
async function drain(stream: AsyncIterable<string>, deltas: string[] = []) {
  for await (const delta of stream) deltas.push(delta);
  return deltas;
}

beforeAll(() => stub.start());
afterAll(() => stub.stop());
beforeEach(() => {
  stub.calls.length = 0;
  stub.script.length = 0;
});

describe('createOpenAIChat', () => {
  it('completes with the bearer key, model and defaults, and returns text and usage', async () => {
    const llm = chat({ model: 'llama3.1:8b' });
    expect(llm).toMatchObject({ id: 'openai', model: 'llama3.1:8b' });
    expect(await llm.complete({ messages })).toEqual({ text: 'Hej med dig!', usage: { inputTokens: 12, outputTokens: 4, estimated: false } });
    expect(stub.calls[0]).toMatchObject({ url: '/v1/chat/completions', authorization: `Bearer ${KEY}`, body: { model: 'llama3.1:8b', messages, max_tokens: 600, temperature: 0.2 } });
    expect(stub.calls[0]!.body.stream).toBeFalsy();
  });

  it('estimates usage at about 4 characters a token when the server sends none', async () => {
    stub.script.push('no-usage');
    const { usage } = await chat().complete({ messages, maxTokens: 50, temperature: 0 });
    expect(usage).toEqual({ inputTokens: 4 + 7 + 4 + 2, outputTokens: 3, estimated: true });
    expect(stub.calls[0]!.body).toMatchObject({ max_tokens: 50, temperature: 0 });
  });

  it('streams the deltas in order, asks for usage, and reports it once at the end', async () => {
    const usages: ChatUsage[] = [];
    const deltas = await drain(chat().stream({ messages, onUsage: (u) => usages.push(u) }));
    expect(deltas).toEqual(DELTAS);
    expect(stub.calls[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(usages).toEqual([{ inputTokens: 12, outputTokens: 4, estimated: false }]);
  });

  it('reports an estimate when a stream brings no usage chunk', async () => {
    stub.script.push('no-usage');
    const usages: ChatUsage[] = [];
    expect(await drain(chat().stream({ messages, onUsage: (u) => usages.push(u) }))).toEqual(DELTAS);
    expect(usages).toEqual([{ inputTokens: 17, outputTokens: 3, estimated: true }]);
  });

  it('honours Retry-After on 429 and then streams', async () => {
    stub.script.push({ status: 429, retryAfter: '1' });
    const started = Date.now();
    expect(await drain(chat().stream({ messages }))).toEqual(DELTAS);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(stub.calls).toHaveLength(2);
  });

  it('retries 500, 503 and a dropped connection, then answers', async () => {
    stub.script.push({ status: 500 }, { status: 503 }, 'drop');
    expect((await chat({ maxRetries: 3 }).complete({ messages })).text).toBe('Hej med dig!');
    expect(stub.calls).toHaveLength(4);
  });

  it('gives up after maxRetries, and at once when Retry-After is longer than maxRetryDelayMs', async () => {
    stub.script.push({ status: 500 }, { status: 500 }, { status: 500 });
    const error = await failure(drain(chat().stream({ messages })));
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^The chat model gpt-4o-mini at http:\/\/127.+ failed \(HTTP 500: stub error 500\) \(gave up after 3 attempts\)$/) });
    stub.script.push({ status: 429, retryAfter: '3600' });
    expect(await failure(chat().complete({ messages }))).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/asks to wait 3600 s/) });
    expect(stub.calls).toHaveLength(4);
  });

  it('refuses a 401 clearly, naming server and model, without retrying or echoing the key', async () => {
    stub.script.push({ status: 401, message: `Incorrect API key provided: ${KEY}.` });
    const error = await failure(drain(chat().stream({ messages })));
    expect(error.code).toBe('unavailable');
    expect(error.message).toMatch(/^The chat model gpt-4o-mini at .+ refused the OPENAI_API_KEY \(HTTP 401/);
    expect(error.message).toContain(stub.url);
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain('\n');
    stub.script.push({ status: 404, message: 'model "nope" not found' });
    expect(await failure(chat({ model: 'nope' }).complete({ messages }))).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/model nope .*HTTP 404: model "nope" not found/) });
    expect(stub.calls).toHaveLength(2);
  });

  it('times out a slow answer, retried, and a stream that goes silent mid-answer, not retried', async () => {
    stub.script.push({ delayMs: 1_000 }, { delayMs: 1_000 });
    const slow = await failure(chat({ timeoutMs: 100, maxRetries: 1 }).complete({ messages }));
    expect(slow.message).toMatch(/did not answer within 100 ms \(gave up after 2 attempts\)/);
    stub.script.push('stall');
    const deltas: string[] = [];
    const usages: ChatUsage[] = [];
    const silent = await failure(drain(chat({ timeoutMs: 200 }).stream({ messages, onUsage: (u) => usages.push(u) }), deltas));
    expect(silent).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/sent nothing for 200 ms and was cut off/) });
    expect(deltas).toEqual(['Hej']);
    expect(usages).toEqual([{ inputTokens: 17, outputTokens: 1, estimated: true }]);
    expect(stub.calls).toHaveLength(3);
  });

  it('does not count a slow consumer against the server: the silence deadline pauses while a delta is out', async () => {
    const deltas: string[] = [];
    for await (const delta of chat({ timeoutMs: 100 }).stream({ messages })) {
      deltas.push(delta);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(deltas).toEqual(DELTAS);
  });

  it('ends the iteration quietly when aborted mid-stream, and the server sees the hang-up', async () => {
    stub.script.push('slow');
    const controller = new AbortController();
    const usages: ChatUsage[] = [];
    const deltas: string[] = [];
    for await (const delta of chat().stream({ messages, signal: controller.signal, onUsage: (u) => usages.push(u) })) {
      deltas.push(delta);
      if (deltas.length === 3) controller.abort();
    }
    expect(deltas.length).toBeLessThanOrEqual(4);
    await expect.poll(() => stub.calls[0]!.cutOff).toBe(true);
    expect(usages).toHaveLength(1);
    expect(usages[0]!.estimated).toBe(true);
  });

  it('stops reading when the consumer breaks, and never sends when already aborted', async () => {
    stub.script.push('slow');
    for await (const delta of chat().stream({ messages })) if (delta) break;
    await expect.poll(() => stub.calls[0]!.cutOff).toBe(true);
    const aborted = AbortSignal.abort();
    expect(await drain(chat().stream({ messages, signal: aborted }))).toEqual([]);
    await expect(chat().complete({ messages, signal: aborted })).rejects.toMatchObject({ name: 'AbortError' });
    expect(stub.calls).toHaveLength(1);
  });

  it('aborts a backoff wait at once', async () => {
    stub.script.push({ status: 429, retryAfter: '5' });
    const controller = new AbortController();
    const started = Date.now();
    const pending = chat().complete({ messages, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['malformed', /sent malformed JSON/],
    ['error-event', /reported an error mid-answer \(model overloaded\)/],
  ] as const)('refuses a %s chunk with a clear error after the deltas before it, not retrying', async (answer, message) => {
    stub.script.push(answer);
    const deltas: string[] = [];
    const error = await failure(drain(chat().stream({ messages }), deltas));
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(message) });
    expect(error.message).toMatch(/^The chat model gpt-4o-mini at http/);
    expect(deltas).toEqual(['Hej']);
    expect(stub.calls).toHaveLength(1);
  });

  it('reports an unreachable server, and refuses bad requests and options before calling', async () => {
    const error = await failure(chat({ baseUrl: 'http://127.0.0.1:1/v1', maxRetries: 1 }).complete({ messages }));
    expect(error.message).toMatch(/^The chat model gpt-4o-mini at http:\/\/127\.0\.0\.1:1\/v1 could not be reached/);
    await expect(drain(chat().stream({ messages: [] }))).rejects.toThrow(/at least one message/);
    await expect(chat().complete({ messages, maxTokens: 0 })).rejects.toThrow(/maxTokens/);
    expect(() => createOpenAIChat({ apiKey: '' })).toThrow(/OPENAI_API_KEY is empty/);
    expect(() => createOpenAIChat({ apiKey: KEY, baseUrl: 'http://user:pw@127.0.0.1:1/v1' })).toThrow(/^The chat base URL must not hold credentials; put the key in apiKey$/);
    expect(stub.calls).toHaveLength(0);
  });
});
