import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { customerTables } from '../../core/db/catalog/index.ts';
import { scope } from '../../core/db/scope/index.ts';
import { rowsOf } from '../../core/db/types.ts';
import { enqueue } from '../../core/jobs/index.ts';
import chat from '../../plugins/chat/index.ts';
import documents from '../../plugins/documents/index.ts';
import email from '../../plugins/email/index.ts';
import { sign } from '../../plugins/email/inbound.ts';
import { rawMessage } from '../../plugins/email/parse/testing.ts';
import pricing from '../../plugins/pricing/index.ts';
import website from '../../plugins/website/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../support/databases.ts';
import { type Document, dateTimes, isUuidSchema, type Operation, operations, resolve, sample } from '../support/openapi.ts';

const ORIGIN = 'https://www.nordlys-tag.dk';
const INBOUND_SECRET = 'isolation-inbound-secret-isolation-inbound';
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Generated from /openapi.json (core and plugin routes), not from a hand list: every operation
 * is called with a key restricted to company A, once with an id that exists nowhere and once
 * with each object of other companies in every id slot (path, query and body). The answers must
 * be the same (so nothing tells B's objects from missing ones), never carry B's ids, and nothing
 * of B may change. Then every answer's date-time fields are checked to be ISO 8601 UTC.
 */
describe.each(DRIVERS)('the whole API on %s', (driver) => {
  let t: TestDatabase;
  let host: TestHost;
  let doc: Document;
  let alpha: string;
  let visitor: { session_id: string; visitor_token: string };
  let profileSite: http.Server | undefined;
  /** Objects of other companies than A, by what they are. */
  const foreign = new Map<string, string>();
  /** Answers seen while seeding, to check their times too. */
  const seeded: { method: string; path: string; status: number; body: unknown }[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(driver, { migrate: false });
    host = await createTestHost({
      plugins: [
        chat, documents, { plugin: email, config: { watch: false, inboundSecret: INBOUND_SECRET, secretKey: 'isolation-secret-key-isolation-secret-key' } },
        { plugin: website, config: { autoEnrich: false, maxAttempts: 1, timeoutMs: 2000 } },
        pricing,
      ],
      database: t.db,
    });
    const call = async (method: string, path: string, template: string, options: Parameters<TestHost['request']>[2] = {}) => {
      const res = await host.request(method, path, options);
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      seeded.push({ method, path: template, status: res.status, body: res.body });
      return res.body;
    };
    alpha = await host.company('Alfa ApS', { domain: 'alfa-isolation.dk' });
    await call('POST', '/api/contacts', '/api/contacts', { body: { company_id: alpha, email: 'anna@alfa-isolation.dk' } });
    const beta = (await call('POST', '/api/companies', '/api/companies', { body: { name: 'Beta ApS', domain: 'beta-isolation.dk', cvr: '25313763' } })).id;
    foreign.set('company', beta);
    foreign.set('self', host.selfCompanyId);
    foreign.set('contact', (await call('POST', '/api/contacts', '/api/contacts', { body: { company_id: beta, email: 'bo@beta-isolation.dk', name: 'Bo' } })).id);
    foreign.set('article', (await call('POST', '/api/knowledge', '/api/knowledge', { body: { title: 'Åbningstider', body: 'Vi har åbent mandag til fredag kl. 7-16.' } })).article.id);
    await host.runJobs();
    const site = await call('POST', '/api/chat/sites', '/api/chat/sites', { body: { name: 'Web', allowed_origins: [ORIGIN] } });
    foreign.set('site', site.id);
    const asVisitor = (token: string | null) => ({ token, headers: { origin: ORIGIN } });
    visitor = await call('POST', '/api/chat/sessions', '/api/chat/sessions', { ...asVisitor(null), body: { site_key: site.site_key } });
    foreign.set('conversation', visitor.session_id);
    const sid = visitor.session_id;
    await call('POST', `/api/chat/sessions/${sid}/messages`, '/api/chat/sessions/{id}/messages', { ...asVisitor(visitor.visitor_token), body: { text: 'Hvornår har I åbent?' } });
    await call('POST', `/api/chat/sessions/${sid}/lead`, '/api/chat/sessions/{id}/lead', { ...asVisitor(visitor.visitor_token), body: { email: 'bo@beta-isolation.dk', name: 'Bo' } });
    await call('POST', `/api/chat/sessions/${sid}/handoff`, '/api/chat/sessions/{id}/handoff', asVisitor(visitor.visitor_token));
    await call('POST', `/api/chat/conversations/${sid}/reply`, '/api/chat/conversations/{id}/reply', { body: { text: 'Hej fra Lars' } });
    const leads = await call('GET', '/api/chat/leads', '/api/chat/leads');
    foreign.set('lead', leads.items[0].id);
    foreign.set('visitor-company', leads.items[0].company_id);
    const upload = new FormData();
    upload.set('company_id', beta);
    upload.append('file', new Blob(['Tilbud på 40 meter tagrende i zink, kr. 18.000 ekskl. moms.']), 'tilbud.txt');
    foreign.set('document', (await call('POST', '/api/documents', '/api/documents', { body: upload })).items[0].document.id);
    await host.runJobs();
    // Beta's mail: a thread and its message (by the signed webhook), a mailbox account and an import of the own company.
    const mail = rawMessage({ from: 'bo@beta-isolation.dk', to: 'kontor@test.example', subject: 'Tilbud', text: 'Hvad koster 40 meter tagrende?' });
    const stamp = Math.floor(Date.now() / 1000);
    const inbound = await host.fetch('/api/email/inbound', {
      method: 'POST', body: new Uint8Array(mail), headers: { 'content-type': 'message/rfc822', 'x-crm-timestamp': String(stamp), 'x-crm-signature': sign(INBOUND_SECRET, stamp, mail) },
    });
    const delivered = (await inbound.json()) as { thread_id: string; message_id: string };
    expect(inbound.status, JSON.stringify(delivered)).toBe(202);
    foreign.set('email-thread', delivered.thread_id);
    foreign.set('email-message', delivered.message_id);
    foreign.set('email-account', (await call('POST', '/api/email/accounts', '/api/email/accounts', {
      body: { name: 'Kontor', email: 'kontor@test.example', imap: { host: '127.0.0.1', port: 9, tls: false }, username: 'kontor', secret: 'hemmeligt' },
    })).id);
    const imported = await host.fetch('/api/email/import?name=arkiv.eml', { method: 'POST', body: new Uint8Array(mail), headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${host.adminKey}` } });
    expect(imported.status).toBe(202);
    foreign.set('email-import', ((await imported.json()) as { id: string }).id);
    // Beta's website: a site and a crawl (of a closed port: it fails at once, and is still Beta's).
    const crawl = await call('POST', '/api/website/crawls', '/api/website/crawls', { body: { url: 'http://127.0.0.1:9/', company_id: beta } });
    foreign.set('website-crawl', crawl.id);
    foreign.set('website-site', crawl.site_id);
    await host.runJobs();
    // …and its profile, read from a one-page site on loopback.
    profileSite = http.createServer((req, res) => {
      res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url === '/' ? '<html lang="da"><head><title>Beta ApS</title><meta name="description" content="Beta laver tage."></head><body><p>Beta ApS · Havnevej 3, 8000 Aarhus C · CVR 25313763</p></body></html>' : '');
    });
    await new Promise<void>((resolve) => profileSite!.listen(0, '127.0.0.1', resolve));
    await call('PATCH', `/api/companies/${beta}`, '/api/companies/{id}', { body: { website_url: `http://127.0.0.1:${(profileSite.address() as AddressInfo).port}/` } });
    await call('POST', `/api/companies/${beta}/enrich`, '/api/companies/{id}/enrich');
    await host.runJobs();
    await call('GET', `/api/website/profiles/${beta}`, '/api/website/profiles/{company_id}');
    // The own company's price list item, and Beta's price agreement.
    foreign.set('price-item', (await call('POST', '/api/pricing/items', '/api/pricing/items', { body: { sku: 'TR-1', name: { da: 'Tagrende', en: 'Gutter' }, unit: 'm', unit_price_ore: 45000 } })).id);
    await call('PUT', `/api/pricing/agreements/${beta}`, '/api/pricing/agreements/{company_id}', { body: { discount_percent: 10 } });
    const quote = await call('POST', '/api/pricing/quotes', '/api/pricing/quotes', { body: { company_id: beta, lines: [{ sku: 'TR-1', quantity: 12 }] } });
    foreign.set('quote', quote.id);
    await call('GET', `/api/pricing/quotes/${quote.id}`, '/api/pricing/quotes/{id}');
    await call('GET', `/api/pricing/quotes?company_id=${beta}`, '/api/pricing/quotes');
    await call('POST', '/api/pricing/calculate', '/api/pricing/calculate', { body: { lines: [{ sku: 'TR-1', quantity: 1 }] } });
    const link = await call('POST', `/api/pricing/quotes/${quote.id}/link`, '/api/pricing/quotes/{id}/link');
    await call('GET', link.path, '/api/pricing/public/quotes/{token}', { token: null });
    foreign.set('job', (await enqueue(t.db, 'probe.waiting', {}, { companyId: beta })).id);
    const timeline = await call('GET', `/api/companies/${beta}/timeline`, '/api/companies/{id}/timeline');
    foreign.set('event', timeline.items[0].id);
    const keys = await call('GET', '/api/keys', '/api/keys');
    foreign.set('api-key', keys.items[0].id);
    doc = (await (await host.fetch('/openapi.json')).json()) as Document;
  });
  afterAll(async () => {
    await host?.close();
    await t?.destroy();
    profileSite?.close();
  });

  /** Everything outside company A: its rows in every customer table, jobs, plugin state. */
  const outsideAlpha = async () => {
    const tables = await scope(t.db, 'all').run((tx) => customerTables(tx));
    const parts: Record<string, unknown> = {};
    for (const { table, column } of tables) {
      parts[`${table}.${column}`] = rowsOf(await t.db.orm.execute(sql`select * from ${sql.raw(table)} where ${sql.identifier(column)} is distinct from ${alpha} order by 1::text`))
        .map((r) => JSON.stringify(r)).sort();
    }
    parts.jobs = rowsOf(await t.db.orm.execute(sql`select id, status, payload, company_id from jobs order by id`));
    parts.kv = rowsOf(await t.db.orm.execute(sql`select plugin_id, key, value from plugin_kv order by 1, 2`));
    parts.keys = rowsOf(await t.db.orm.execute(sql`select id, scopes, company_ids, revoked_at from api_keys order by id`));
    return JSON.stringify(parts);
  };

  /** One call, the id put in every UUID slot of the path, query and body. An event stream is closed at once. */
  const send = async (method: string, path: string, op: Operation, id: string, token: string) => {
    let url = path;
    const query = new URLSearchParams();
    for (const param of op.parameters ?? []) {
      const value = isUuidSchema(param.schema, doc) ? id : param.required ? String(sample(param.schema, doc, () => id)) : undefined;
      if (value === undefined) continue;
      if (param.in === 'path') url = url.replace(`{${param.name}}`, value);
      if (param.in === 'query') query.set(param.name, value);
    }
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    // An upload: the id in every uuid field, and a small file.
    const formSchema = op.requestBody?.content?.['multipart/form-data']?.schema as { properties?: Record<string, { format?: string; type?: string }> } | undefined;
    let form: FormData | undefined;
    if (formSchema) {
      form = new FormData();
      for (const [name, prop] of Object.entries(formSchema.properties ?? {})) if (prop.format === 'uuid') form.set(name, id);
      form.append('file', new Blob(['Et kort notat.']), 'notat.txt');
    }
    const res = await host.fetch(`${url}${query.size ? `?${query}` : ''}`, {
      method: method.toUpperCase(),
      headers: { authorization: `Bearer ${token}`, ...(bodySchema ? { 'content-type': 'application/json' } : {}), origin: ORIGIN },
      ...(bodySchema ? { body: JSON.stringify(sample(bodySchema, doc, () => id)) } : form ? { body: form } : {}),
    });
    if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      await res.body?.cancel();
      return { status: res.status, text: '' };
    }
    return { status: res.status, text: await res.text() };
  };

  it('gives a key restricted to one company the answer for a missing object on every other company’s objects, on every route, and changes nothing', async () => {
    const restricted = await host.key(['crm:read', 'crm:write'], [alpha]);
    const ids = [...foreign.values()];
    const before = await outsideAlpha();
    const leaks: string[] = [];
    const probed: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      const missing = randomUUID();
      const baseline = await send(method, path, op, missing, restricted);
      const where = `${method.toUpperCase()} ${path}`;
      if (baseline.status >= 500) leaks.push(`${where}: ${baseline.status} for a missing id`);
      const normalize = (text: string, id: string) => text.replaceAll(id, '<id>').replace(/"request_id":"[^"]+"/, '').replace(/"instance":"[^"]+"/, '');
      const slots = (op.parameters ?? []).some((p) => isUuidSchema(p.schema, doc)) || JSON.stringify(sample(op.requestBody?.content?.['application/json']?.schema, doc, () => missing)).includes(missing)
        || Boolean(op.requestBody?.content?.['multipart/form-data']);
      for (const [what, id] of foreign) {
        const res = await send(method, path, op, id, restricted);
        if (!slots) {
          // Nothing to put an id in: the answer only must not show another company's objects.
          const shown = ids.filter((other) => res.text.includes(other));
          if (shown.length) leaks.push(`${where}: shows ${shown.join(', ')}`);
          if (res.status >= 500) leaks.push(`${where}: ${res.status}`);
          break;
        }
        if (res.status !== baseline.status) leaks.push(`${where} with ${what}: ${res.status}, for a missing id ${baseline.status}`);
        else if (normalize(res.text, id) !== normalize(baseline.text, missing)) leaks.push(`${where} with ${what}: the answer differs from a missing id's (${res.text.slice(0, 200)})`);
        const shown = ids.filter((other) => res.text.includes(other) && other !== id);
        if (shown.length) leaks.push(`${where} with ${what}: shows ${shown.join(', ')}`);
      }
      if (baseline.status === 404) probed.push(where);
    }
    expect(leaks).toEqual([]);
    expect(await outsideAlpha()).toBe(before);
    // The probe reached the objects: most routes with an id answered "not found".
    expect(probed.length).toBeGreaterThan(15);
    for (const route of ['GET /api/companies/{id}', 'DELETE /api/contacts/{id}', 'GET /api/jobs/{id}', 'POST /api/chat/conversations/{id}/reply', 'POST /api/chat/leads/{id}/confirm', 'POST /api/documents', 'GET /api/documents/{id}/file', 'DELETE /api/documents/{id}',
      'GET /api/email/threads/{id}', 'POST /api/email/threads/{id}/reply', 'GET /api/email/messages/{id}/raw', 'GET /api/email/threads', 'GET /api/email/accounts/{id}']) {
      expect(probed).toContain(route);
    }
  });

  it('answers every time as ISO 8601 UTC, on every route that returns one', async () => {
    const bad: string[] = [];
    let seen = 0;
    const check = (where: string, schema: unknown, body: unknown) =>
      dateTimes(body, schema as never, doc, (path, value) => {
        seen++;
        if (typeof value !== 'string' || !ISO_UTC.test(value)) bad.push(`${where} ${path}: ${JSON.stringify(value)}`);
      });
    const schemaOf = (op: Operation, status: number) => op.responses[String(status)]?.content?.['application/json']?.schema;
    for (const s of seeded) {
      const op = doc.paths[s.path]?.[s.method.toLowerCase()];
      expect(op, `${s.method} ${s.path} is in the document`).toBeDefined();
      check(`${s.method} ${s.path}`, schemaOf(op!, s.status), s.body);
    }
    const unread: string[] = [];
    for (const { method, path, op } of operations(doc)) {
      if (method !== 'get' || !resolve(schemaOf(op, 200), doc).type) continue;
      // A route keyed by something other than an id (a signed link's token) was read while seeding, and checked above.
      if (seeded.some((s) => s.method === 'GET' && s.path === path && s.status === 200)) continue;
      const visitorRoute = Array.isArray(op.security) && op.security.length === 0;
      const token = visitorRoute ? visitor.visitor_token : host.adminKey;
      let answered = false;
      for (const id of [...foreign.values(), visitor.session_id]) {
        const res = await send(method, path, op, id, token);
        if (res.status !== 200) continue;
        check(`GET ${path}`, schemaOf(op, 200), JSON.parse(res.text));
        answered = true;
        break;
      }
      if (!answered) unread.push(path);
    }
    expect(bad).toEqual([]);
    expect(unread).toEqual([]);
    expect(seen).toBeGreaterThan(30);
  });
});
