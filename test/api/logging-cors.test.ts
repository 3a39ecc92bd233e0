import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../core/http/app.ts';
import { createLogger } from '../../core/log/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';

describe('request logs and CORS', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestApp('pglite');
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    app = createApp({
      db: t.db, logger: createLogger('info', sink), jwt: undefined,
      corsOrigins: ['https://intranet.firma.dk'], maxBodyBytes: 1 << 20, version: 'test', embedder: createOfflineEmbedder(),
    });
  });
  afterAll(() => t.destroy());

  const send = (method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json', ...init.headers },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });

  it('logs one structured line per request with a request id, and no secrets or bodies', async () => {
    const res = await send('POST', '/api/companies', { body: { name: 'Hemmelig Kunde ApS', attributes: { note: 'fortrolig-notat' } } });
    expect(res.status).toBe(201);
    const id = res.headers.get('x-request-id');
    const line = lines.find((l) => l.request_id === id);
    expect(line).toMatchObject({ method: 'POST', path: '/api/companies', status: 201, actor: expect.stringMatching(/^key:/) });
    const text = JSON.stringify(lines);
    expect(text).not.toContain(t.adminKey);
    expect(text).not.toContain('fortrolig-notat');
    expect(text).not.toContain('Hemmelig Kunde');
  });

  it('logs an err that is text (not an Error) as text, and does not throw', () => {
    const logger = createLogger('info', new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
    expect(() => logger.child({ plugin: 'x' }).warn({ err: 'The own company is missing' }, 'tick failed')).not.toThrow();
    expect(lines.at(-1)).toMatchObject({ err: 'The own company is missing', msg: 'tick failed' });
  });

  it('keeps a sane incoming X-Request-Id and replaces a hostile one', async () => {
    expect((await send('GET', '/healthz', { headers: { 'x-request-id': 'trace-42' } })).headers.get('x-request-id')).toBe('trace-42');
    const hostile = await send('GET', '/healthz', { headers: { 'x-request-id': 'a\u0007b'.repeat(200) } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const preflight = (origin: string) =>
      app.request('/api/companies', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const allowed = await preflight('https://intranet.firma.dk');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.firma.dk');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no-store, a restrictive CSP and a Permissions-Policy on API answers, and HSTS only behind https', async () => {
    const res = await send('GET', '/api/companies');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const problem = await send('GET', '/api/companies/not-an-id');
    expect(problem.headers.get('cache-control')).toBe('no-store');

    const secure = createApp({
      db: t.db, logger: createLogger('silent'), jwt: undefined, corsOrigins: [], maxBodyBytes: 1 << 20, version: 'test',
      embedder: createOfflineEmbedder(), publicUrl: 'https://crm.firma.dk',
    });
    const behindTls = await secure.request('/healthz');
    expect(behindTls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const doc = await (await secure.request('/openapi.json')).json();
    expect(doc.servers[0].url).toBe('https://crm.firma.dk');
  });
});
