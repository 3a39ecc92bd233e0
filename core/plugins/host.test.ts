import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { createRoute, definePlugin } from '../../plugin-api.js';
import type { PluginContext } from '../../plugin-api.d.ts';
import { createTestHost, type TestHost } from './testing/index.ts';

const seen: string[] = [];

/** A route declared for the OpenAPI document, answering any JSON (these tests check behaviour, not shapes). */
function route<M extends 'get' | 'post', P extends string>(method: M, path: P, operationId: string) {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return createRoute({
    method, path, operationId,
    ...(params.length ? { request: { params: z.object(Object.fromEntries(params.map((name) => [name, z.string()]))) } } : {}),
    responses: { 200: { description: 'Anything' }, 201: { description: 'Created' }, 404: { description: 'Not found' } },
  });
}

const noStorage = definePlugin({
  id: 'no-storage', kind: 'engine', version: '1.0.0', apiVersion: '2.0', capabilities: ['events'],
  setup(ctx) {
    // @ts-expect-error a plugin without the storage capability has no forCompany
    seen.push(`forCompany:${typeof ctx.forCompany}`);
    expectTypeOf(ctx.events.on).toBeFunction();
    ctx.events.on('company.created', ({ name }) => void seen.push(`created:${name}`));
  },
});

const throwsInSetup = definePlugin({
  id: 'broken', kind: 'source', version: '0.1.0', apiVersion: '2.0', capabilities: [],
  setup() {
    throw new Error('cannot reach the mail server');
  },
});

const misbehaves = definePlugin({
  id: 'misbehaves', kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: ['events', 'routes', 'jobs'],
  setup(ctx) {
    ctx.events.on('company.created', () => {
      throw new Error('handler bug');
    });
    ctx.routes.openapi(route('get', '/boom', 'misbehavesBoom'), () => {
      throw new Error('route bug');
    });
    ctx.jobs.define('hang', () => new Promise(() => {}), { timeoutMs: 50, maxAttempts: 1 });
  },
});

const contactsPlugin = definePlugin({
  id: 'contact-list', kind: 'source', version: '1.2.3', apiVersion: '2.0', capabilities: ['storage', 'routes'],
  config: z.object({ limit: z.number().int().min(1).max(100).default(10) }),
  setup(ctx) {
    ctx.routes.openapi(route('get', '/{companyId}', 'contactListGet'), async (c) => {
      const store = c.var.forCompany(c.req.param('companyId'));
      return c.json({ caller: c.var.caller.name, contacts: await store.contacts.list({ limit: ctx.config.limit }) });
    });
    ctx.routes.openapi(route('post', '/{companyId}', 'contactListAdd'), async (c) => {
      const body = await c.req.json<{ email: string; name: string }>();
      const { contact, created } = await c.var.forCompany(c.req.param('companyId')).contacts.upsert(body);
      return c.json({ contact, created }, created ? 201 : 200);
    });
  },
});

const mixed = definePlugin({
  id: 'mixed', kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: ['routes', 'public-routes'],
  setup(ctx) {
    ctx.publicRoutes.openapi(route('get', '/hello', 'mixedHello'), (c) => c.json({ hello: 'visitor', ip: c.var.clientIp }));
    ctx.publicRoutes.openapi(route('get', '/oops', 'mixedOops'), () => {
      throw new Error('public bug');
    });
    ctx.routes.openapi(route('get', '/secret', 'mixedSecret'), (c) => c.json({ for: c.var.caller.name }));
  },
});

describe('plugin host', () => {
  let host: TestHost;
  let alpha: string;
  let beta: string;
  beforeAll(async () => {
    host = await createTestHost({ plugins: [noStorage, throwsInSetup, misbehaves, { plugin: contactsPlugin, config: { limit: 5 } }, mixed] });
    alpha = await host.company('Alfa ApS');
    beta = await host.company('Beta ApS');
  });
  afterAll(() => host.close());

  it('gives a plugin only the services of its capabilities', () => {
    expect(seen).toContain('forCompany:undefined');
    expectTypeOf<PluginContext<unknown, 'storage'>>().toHaveProperty('forCompany');
    expectTypeOf<PluginContext<unknown, 'events'>>().not.toHaveProperty('forCompany');
    expectTypeOf<PluginContext<unknown, 'events'>>().not.toHaveProperty('jobs');
  });

  it('marks a plugin that throws in setup as failed, and starts the others and the server anyway', async () => {
    expect(host.status('broken')).toMatchObject({ status: 'failed', reason: 'setup threw: cannot reach the mail server' });
    expect(host.status('contact-list')).toMatchObject({ status: 'running', version: '1.2.3' });
    const list = await host.request('GET', '/api/plugins');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string; status: string }) => `${p.id}:${p.status}`)).toEqual([
      'no-storage:running', 'broken:failed', 'misbehaves:running', 'contact-list:running', 'mixed:running',
    ]);
    expect(list.body.items.find((p: { id: string }) => p.id === 'misbehaves').jobs).toEqual(['misbehaves.hang']);
  });

  it("answers a plugin route with the caller's companies only", async () => {
    const onlyAlpha = await host.key(['crm:read', 'crm:write'], [alpha]);
    const added = await host.request('POST', `/api/contact-list/${alpha}`, { token: onlyAlpha, body: { email: 'ole@alfa.dk', name: 'Ole' } });
    expect(added).toMatchObject({ status: 201, body: { created: true, contact: { email: 'ole@alfa.dk', company_id: alpha } } });
    const mine = await host.request('GET', `/api/contact-list/${alpha}`, { token: onlyAlpha });
    expect(mine.body.contacts.map((c: { email: string }) => c.email)).toEqual(['ole@alfa.dk']);
    const other = await host.request('GET', `/api/contact-list/${beta}`, { token: onlyAlpha });
    expect(other).toMatchObject({ status: 404, body: { type: 'urn:crm:problem:not-found' } });
    const write = await host.request('POST', `/api/contact-list/${beta}`, { token: onlyAlpha, body: { email: 'x@beta.dk', name: 'X' } });
    expect(write.status).toBe(404);
    const reader = await host.key(['crm:read'], [alpha]);
    expect((await host.request('POST', `/api/contact-list/${alpha}`, { token: reader, body: { email: 'y@alfa.dk', name: 'Y' } })).status).toBe(403);
    expect((await host.request('GET', `/api/contact-list/${alpha}`, { token: null })).status).toBe(401);
  });

  it('serves public routes without credentials, and the rest only with them', async () => {
    expect(await host.request('GET', '/api/mixed/hello', { token: null })).toMatchObject({ status: 200, body: { hello: 'visitor', ip: null } });
    expect((await host.request('GET', '/api/mixed/secret', { token: null })).status).toBe(401);
    expect(await host.request('GET', '/api/mixed/secret')).toMatchObject({ status: 200, body: { for: 'test admin' } });
    const before = host.status('mixed')!.failures;
    const oops = await host.request('GET', '/api/mixed/oops', { token: null });
    expect(oops.status).toBe(500);
    expect(oops.headers.get('content-type')).toBe('application/problem+json');
    expect(host.status('mixed')!.failures).toBe(before + 1);
    expect((await host.request('GET', '/api/mixed/nothing-here', { token: null })).status).toBe(401);
  });

  it('validates what a plugin writes as strictly as the API does', async () => {
    const res = await host.request('POST', `/api/contact-list/${alpha}`, { body: { email: 'not an email', name: 'Z' } });
    expect(res).toMatchObject({ status: 422, body: { type: 'urn:crm:problem:validation-failed' } });
  });

  it('survives a plugin whose event handler, route and job fail, and counts it', async () => {
    const created = await host.request('POST', '/api/companies', { body: { name: 'Gamma ApS' } });
    expect(created.status).toBe(201);
    await host.emit('company.created', { companyId: created.body.id, name: 'Gamma ApS' });
    expect(seen.filter((s) => s === 'created:Gamma ApS').length).toBeGreaterThanOrEqual(1);

    const boom = await host.request('GET', '/api/misbehaves/boom');
    expect(boom.status).toBe(500);
    expect(boom.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.stringify(boom.body)).not.toContain('route bug');

    const ctx = await host.request('GET', '/api/plugins');
    const before = ctx.body.items.find((p: { id: string }) => p.id === 'misbehaves').failures;
    expect(before).toBeGreaterThanOrEqual(2);
    expect((await host.request('GET', '/healthz')).status).toBe(200);
  });

  it('bounds a hanging plugin job by its timeout and dead-letters it', async () => {
    const { enqueue } = await import('../jobs/index.ts');
    const job = await enqueue(host.db, 'misbehaves.hang', {}, { maxAttempts: 1 });
    expect(await host.runJobs()).toBe(1);
    const res = await host.request('GET', `/api/jobs/${job.id}`);
    expect(res.body).toMatchObject({ status: 'dead', last_error: expect.stringContaining('did not finish within 50 ms') });
  });

  it('lists plugins to unrestricted admins only', async () => {
    const staff = await host.key(['crm:read', 'crm:write']);
    expect((await host.request('GET', '/api/plugins', { token: staff })).status).toBe(403);
  });
});

describe('plugin start-up errors', () => {
  const plain = (id: string, extra: Record<string, unknown> = {}) =>
    definePlugin({ id, kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: [], setup() {}, ...extra });

  // Each starts several in-memory CRMs: slow on a busy machine.
  it('stops on a bad config with one line naming the plugin and the field', { timeout: 120_000 }, async () => {
    const typed = definePlugin({
      id: 'csv-import', kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: [],
      config: z.object({ delimiter: z.string().length(1), maxRows: z.number().int().positive() }),
      setup() {},
    });
    await expect(createTestHost({ plugins: [{ plugin: typed, config: { delimiter: ';;', maxRows: 10 } }] })).rejects.toThrow(
      /^Plugin csv-import: config field delimiter .*\(set it in crm\.config\.ts or CRM_PLUGIN_CSV_IMPORT_DELIMITER\)$/,
    );
    await expect(createTestHost({ plugins: [{ plugin: typed, config: { delimiter: ';' } }], env: { CRM_PLUGIN_CSV_IMPORT_MAX_ROWS: '-3' } })).rejects.toThrow(
      /Plugin csv-import: config field maxRows/,
    );
    const ok = await createTestHost({ plugins: [{ plugin: typed, config: { delimiter: ';' } }], env: { CRM_PLUGIN_CSV_IMPORT_MAX_ROWS: '5000' } });
    expect(ok.status('csv-import')?.status).toBe('running');
    await ok.close();
  });

  // Each starts several in-memory CRMs: slow on a busy machine.
  it('refuses a plugin for another API version, an unknown capability, a reserved id', { timeout: 120_000 }, async () => {
    await expect(createTestHost({ plugins: [plain('old-one', { apiVersion: '1.0' })] })).rejects.toThrow(/^Plugin old-one: built for plugin API "1\.0", but this CRM runs plugin API 2\.0/);
    await expect(createTestHost({ plugins: [plain('greedy', { capabilities: ['root'] })] })).rejects.toThrow(/^Plugin greedy: unknown capability "root"/);
    await expect(createTestHost({ plugins: [plain('companies')] })).rejects.toThrow(/id "companies" is reserved/);
  });

  // Each starts several in-memory CRMs: slow on a busy machine.
  it('starts dependencies first, and refuses missing or circular ones', { timeout: 120_000 }, async () => {
    const order: string[] = [];
    const a = definePlugin({ id: 'dep-a', kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: [], dependsOn: ['dep-b'], setup: () => void order.push('a') });
    const b = definePlugin({ id: 'dep-b', kind: 'provider', version: '1.0.0', apiVersion: '2.0', capabilities: [], setup: () => void order.push('b') });
    const host = await createTestHost({ plugins: [a, b] });
    expect(order).toEqual(['b', 'a']);
    await host.close();
    await expect(createTestHost({ plugins: [a] })).rejects.toThrow('Plugin dep-a depends on dep-b, which is not installed or not enabled');
    const c1 = plain('cyc-a', { dependsOn: ['cyc-b'] });
    const c2 = plain('cyc-b', { dependsOn: ['cyc-a'] });
    await expect(createTestHost({ plugins: [c1, c2] })).rejects.toThrow('Plugins depend on each other in a circle: cyc-a → cyc-b → cyc-a');
  });

  // Each starts several in-memory CRMs: slow on a busy machine.
  it('gives a plugin the api of a plugin it uses, starts that one first, and runs without it when it is absent', { timeout: 120_000 }, async () => {
    const seenApi: unknown[] = [];
    const offers = definePlugin({ id: 'offers-api', kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: [],
      setup: () => ({ api: { double: (n: number) => n * 2 } }) });
    const user = definePlugin({ id: 'uses-api', kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: [], uses: ['offers-api'],
      setup(ctx) {
        seenApi.push(ctx.plugins.api<{ double(n: number): number }>('offers-api')?.double(21) ?? 'absent');
        expect(() => ctx.plugins.api('no-storage')).toThrow('did not declare no-storage');
      } });
    let host = await createTestHost({ plugins: [user, offers] });
    expect(host.status('uses-api')).toMatchObject({ status: 'running' });
    await host.close();
    host = await createTestHost({ plugins: [user] });
    expect(host.status('uses-api')).toMatchObject({ status: 'running' });
    await host.close();
    expect(seenApi).toEqual([42, 'absent']);
  });

  // Each starts several in-memory CRMs: slow on a busy machine.
  it('marks a plugin failed when a plugin it depends on failed', { timeout: 120_000 }, async () => {
    const failing = plain('base-fails', { setup: () => { throw new Error('no'); } });
    const dependent = plain('on-top', { dependsOn: ['base-fails'] });
    const host = await createTestHost({ plugins: [failing, dependent] });
    expect(host.status('on-top')).toMatchObject({ status: 'failed', reason: 'depends on base-fails, which failed' });
    await host.close();
  });
  it('fails a plugin whose route is not declared for /openapi.json, or whose operationId is not its own', async () => {
    const plainRoute = definePlugin({ id: 'plain-route', kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: ['routes'],
      setup(ctx) { ctx.routes.get('/items', (c) => c.json({ items: [] })); } });
    const foreignId = definePlugin({ id: 'foreign-id', kind: 'source', version: '1.0.0', apiVersion: '2.0', capabilities: ['public-routes'],
      setup(ctx) { ctx.publicRoutes.openapi(route('get', '/x', 'listCompanies'), (c) => c.json({})); } });
    const host = await createTestHost({ plugins: [plainRoute, foreignId] });
    expect(host.status('plain-route')).toMatchObject({ status: 'failed', reason: expect.stringContaining('route GET /items is not declared with routes.openapi') });
    expect(host.status('foreign-id')).toMatchObject({ status: 'failed', reason: expect.stringContaining('must be letters and digits starting with foreignId') });
    expect((await host.request('GET', '/api/plain-route/items')).status).toBe(404);
    await host.close();
  });

  it("puts plugins' routes in /openapi.json: public ones without security, the others with the core's auth answers", async () => {
    const host = await createTestHost({ plugins: [mixed] });
    const doc = await (await host.fetch('/openapi.json')).json();
    expect(doc.paths['/api/mixed/hello'].get).toMatchObject({ operationId: 'mixedHello', security: [], tags: ['mixed'] });
    expect(doc.paths['/api/mixed/secret'].get).toMatchObject({ operationId: 'mixedSecret', tags: ['mixed'] });
    expect(doc.paths['/api/mixed/secret'].get.security).toBeUndefined();
    expect(Object.keys(doc.paths['/api/mixed/secret'].get.responses)).toEqual(expect.arrayContaining(['200', '401', '403']));
    await host.close();
  });
});
