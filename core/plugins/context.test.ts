import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/types.ts';
import { definePlugin } from '../../plugin-api.js';
import type { PluginContext } from '../../plugin-api.d.ts';
import { isPrivateAddress } from './context/fetch.ts';
import { createTestHost, type TestHost } from './testing/index.ts';

let ctx!: PluginContext<unknown, 'storage' | 'vector' | 'blobs' | 'llm' | 'http-fetch' | 'events' | 'jobs'>;
const added: string[] = [];

const everything = definePlugin({
  id: 'kitchen-sink', kind: 'source', version: '1.0.0', apiVersion: '2.0',
  capabilities: ['storage', 'vector', 'blobs', 'llm', 'http-fetch', 'events', 'jobs'],
  setup(c) {
    ctx = c;
    c.jobs.define('follow-up', async () => 'done');
    c.events.on('contact.added', ({ email }) => void added.push(email ?? ''));
    c.events.filter('contact.beforeCreate', (contact) => (contact.email?.endsWith('@spam.example') ? { veto: 'spam domain' } : contact));
  },
});

describe('plugin ctx services', () => {
  let host: TestHost;
  let server: http.Server;
  let stubUrl: string;
  beforeAll(async () => {
    host = await createTestHost({ plugins: [everything] });
    server = http.createServer((req, res) => {
      if (req.url === '/big') res.end('x'.repeat(2000));
      else if (req.url === '/stream') {
        res.write('x'.repeat(80));
        setTimeout(() => res.end('y'.repeat(80)), 5);
      }
      else if (req.url === '/moved') res.writeHead(302, { location: '/page' }).end();
      else res.end(`hello from ${req.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stubUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await host.close();
  });

  it('keeps private state per plugin', async () => {
    expect(await ctx.kv.get('cursor')).toBeUndefined();
    await ctx.kv.set('cursor', { uid: 4711 });
    expect(await ctx.kv.get('cursor')).toEqual({ uid: 4711 });
    await ctx.kv.delete('cursor');
    expect(await ctx.kv.get('cursor')).toBeUndefined();
    await ctx.kv.set('q:2', 'b');
    await ctx.kv.set('q:1', 'a');
    await ctx.kv.set('r:1', 'c');
    expect(await ctx.kv.list('q:')).toEqual([{ key: 'q:1', value: 'a' }, { key: 'q:2', value: 'b' }]);
  });

  it('resolves companies by CVR, domain, email and name without duplicates', async () => {
    const first = await ctx.companies.resolve({ name: 'Jensens VVS ApS', cvr: 'DK 25313763', domain: 'jensens-vvs.dk' });
    expect(first).toMatchObject({ created: true, company: { name: 'Jensens VVS ApS', cvr: '25313763', domain: 'jensens-vvs.dk' } });
    for (const hint of [{ cvr: '25313763' }, { domain: 'https://www.jensens-vvs.dk/kontakt' }, { email: 'mette@jensens-vvs.dk' }, { name: 'jensens vvs aps' }]) {
      expect(await ctx.companies.resolve(hint)).toMatchObject({ created: false, company: { id: first.company.id } });
    }
    expect((await ctx.companies.resolve({ email: 'ole.hansen@gmail.com', name: 'Ole Hansen' })).company).toMatchObject({ kind: 'private', name: 'Ole Hansen' });
    await expect(ctx.companies.resolve({})).rejects.toThrow('A company needs at least a name, domain, CVR number or email address');
    expect((await ctx.companies.self()).kind).toBe('self');
  });

  it('creates provisional visitor companies and merges them into the real one, rows and all', async () => {
    const visitor = await ctx.companies.createVisitor({ attributes: { site: 'www' } });
    expect(visitor).toMatchObject({ kind: 'visitor', name: 'Website visitor' });
    await ctx.forCompany(visitor.id).timeline.record({ type: 'chat.message', payload: { text: 'Hej' } });
    await ctx.forCompany(visitor.id).contacts.upsert({ email: 'anna@kunde.dk', name: 'Anna' });
    const { company: real } = await ctx.companies.resolve({ name: 'Kunde ApS', domain: 'kunde.dk' });
    const merged = await ctx.companies.merge(visitor.id, real.id);
    expect(merged.company.id).toBe(real.id);
    expect(merged.moved).toMatchObject({ contacts: 1 });
    expect(await ctx.companies.get(visitor.id)).toBeNull();
    expect((await ctx.forCompany(real.id).contacts.list()).map((c) => c.email)).toEqual(['anna@kunde.dk']);
  });

  it('indexes and searches passages of a company, and never another one', async () => {
    const a = await host.company('Tag A/S');
    const b = await host.company('Vand A/S');
    await ctx.forCompany(a).passages.index({ sourceType: 'note', sourceId: 'n1', visibility: 'internal', text: 'Kunden ønsker nye tagrender i zink til sommerhuset.' });
    await ctx.forCompany(b).passages.index({ sourceType: 'note', sourceId: 'n1', visibility: 'internal', text: 'Kunden ønsker tagrender i plast.' });
    const hits = await ctx.search({ query: 'tagrender', companyIds: [a], k: 5 });
    expect(hits.map((h) => h.companyId)).toEqual([a]);
    expect(hits[0]).toMatchObject({ sourceType: 'note', sourceId: 'n1', content: 'Kunden ønsker nye tagrender i zink til sommerhuset.' });
    const [vector] = await ctx.embed(['tagrender']);
    expect(vector).toHaveLength(384);
    expect(await ctx.forCompany(a).passages.remove({ sourceType: 'note', sourceId: 'n1' })).toEqual({ passages: 1 });
    await expect(ctx.search({ query: 'x', companyIds: [] })).rejects.toThrow('search needs the companyIds');
  });

  it('queues a job with the writes that need it: none when the transaction rolls back, one per key', async () => {
    const a = await host.company('Outbox A');
    await expect(
      ctx.forCompany(a).transaction(async (store) => {
        await store.contacts.upsert({ email: 'rolled@outbox-a.dk' });
        await store.jobs.enqueue('follow-up', { email: 'rolled@outbox-a.dk' }, { idempotencyKey: `follow-up:${a}:1` });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const queued = async () => rowsOf<{ n: number }>(await host.db.orm.execute(sql`select count(*)::int as n from jobs where idempotency_key = ${`follow-up:${a}:1`}`))[0]!.n;
    expect(await queued()).toBe(0);
    const first = await ctx.forCompany(a).transaction(async (store) => {
      await store.contacts.upsert({ email: 'kept@outbox-a.dk' });
      return store.jobs.enqueue('follow-up', { email: 'kept@outbox-a.dk' }, { idempotencyKey: `follow-up:${a}:1` });
    });
    expect(await ctx.forCompany(a).jobs.enqueue('follow-up', {}, { idempotencyKey: `follow-up:${a}:1` })).toBe(first);
    expect(await ctx.jobs.get(first)).toMatchObject({ name: 'kitchen-sink.follow-up', status: 'queued' });
    expect(await queued()).toBe(1);
    expect(await host.runJobs()).toBeGreaterThanOrEqual(1);
    expect(await ctx.jobs.get(first)).toMatchObject({ status: 'succeeded', result: 'done' });
  });

  it('runs SQL in one company’s scope only, and transactions all or nothing', async () => {
    const a = await host.company('Scope A');
    const b = await host.company('Scope B');
    await ctx.forCompany(b).contacts.upsert({ email: 'b@scope-b.dk', name: 'B' });
    const seen = await ctx.forCompany(a).sql<{ n: number }>`select count(*)::int as n from contacts where email = ${'b@scope-b.dk'}`;
    expect(seen).toEqual([{ n: 0 }]);
    await expect(
      ctx.forCompany(a).transaction(async (store) => {
        await store.contacts.upsert({ email: 'tx@scope-a.dk' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await ctx.forCompany(a).contacts.list()).toEqual([]);
    const event = await ctx.forCompany(a).timeline.record({ type: 'note.added', payload: { text: 'Ring tirsdag' } });
    expect(event).toMatchObject({ company_id: a, type: 'note.added', actor: 'plugin:kitchen-sink' });
    await expect(ctx.forCompany(a).timeline.record({ type: 'Bad Type' as never })).rejects.toThrow(/dotted lower-case/);
    expect(() => ctx.forCompany('not-a-uuid')).toThrow(/Invalid company id/);
  });

  it('publishes contact.added and applies contact.beforeCreate filters, from the API and from plugins', async () => {
    const a = await host.company('Events A');
    await ctx.forCompany(a).contacts.upsert({ email: 'new@events-a.dk' });
    const api = await host.request('POST', '/api/contacts', { body: { company_id: a, email: 'api@events-a.dk' } });
    expect(api.status).toBe(201);
    const vetoed = await host.request('POST', '/api/contacts', { body: { company_id: a, email: 'bot@spam.example' } });
    expect(vetoed).toMatchObject({ status: 422, body: { detail: 'Refused: spam domain (kitchen-sink)' } });
    await expect(ctx.forCompany(a).contacts.upsert({ email: 'x@spam.example' })).rejects.toThrow('Refused: spam domain (kitchen-sink)');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(added).toEqual(expect.arrayContaining(['new@events-a.dk', 'api@events-a.dk']));
    expect(added).not.toContain('bot@spam.example');
  });

  it('stores blobs per company and plugin', async () => {
    const a = await host.company('Blob A');
    const b = await host.company('Blob B');
    const bytes = new Uint8Array([0, 1, 2, 255]);
    expect(await ctx.blobs.forCompany(a).put('docs/tilbud.pdf', bytes, { contentType: 'application/pdf' })).toMatchObject({ size: 4, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await ctx.blobs.forCompany(a).get('docs/tilbud.pdf')).toEqual({ data: bytes, contentType: 'application/pdf', size: 4 });
    expect(await ctx.blobs.forCompany(b).get('docs/tilbud.pdf')).toBeNull();
    expect(await ctx.blobs.forCompany(a).list('docs/')).toEqual([{ key: 'docs/tilbud.pdf', size: 4, contentType: 'application/pdf' }]);
    expect(await ctx.blobs.forCompany(a).delete('docs/tilbud.pdf')).toBe(true);
    expect(await ctx.blobs.forCompany(a).delete('docs/tilbud.pdf')).toBe(false);
  });

  it('says no LLM is configured instead of pretending', async () => {
    expect(ctx.llm.available).toBe(false);
    await expect(ctx.llm.complete({ messages: [{ role: 'user', content: 'Hej' }] })).rejects.toMatchObject({ code: 'unavailable' });
    await expect(ctx.llm.stream({ messages: [{ role: 'user', content: 'Hej' }] })[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('fetches with redirects and a size limit, and refuses other schemes', async () => {
    expect(await (await ctx.fetch(`${stubUrl}/moved`)).text()).toBe('hello from /page');
    await expect(ctx.fetch(`${stubUrl}/big`, { maxBytes: 100 })).rejects.toThrow(/is 2000 bytes, more than the 100 allowed/);
    await expect((await ctx.fetch(`${stubUrl}/stream`, { maxBytes: 100 })).text()).rejects.toThrow(/sent more than the 100 bytes allowed/);
    await expect(ctx.fetch('file:///etc/passwd')).rejects.toThrow('Only http and https URLs can be fetched, not file:');
  });

  it('refuses private and local addresses unless allowed', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.10', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '0.0.0.0']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '185.15.59.224', '2a00:1450:4010:c05::64']) expect(isPrivateAddress(address), address).toBe(false);
  });
});
