import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../core/http/app.ts';
import { createLogger } from '../../core/log/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';
import { checkAnswer, expectInvalid, expectProblem } from '../support/problems.ts';
import { DRIVERS } from '../support/databases.ts';

describe.each(DRIVERS)('bad input on %s', (driver) => {
  let t: TestApp;
  let companyId: string;
  /** t.call, plus the checks every answer must pass. */
  const call = async (...args: Parameters<TestApp['call']>) => checkAnswer(await t.call(...args));

  beforeAll(async () => {
    t = await createTestApp(driver);
    companyId = (await t.call('POST', '/api/companies', { body: { name: "O'Brien & Sønner \"Bedst\" ApS", domain: 'obrien.dk' } })).body.id;
  });
  afterAll(() => t.destroy());

  /** Row counts of everything a write could touch. */
  async function counts(): Promise<Record<string, number>> {
    const [row] = await t.db.withSession((s) =>
      s.query<Record<string, number>>(
        `select (select count(*)::int from companies) as companies, (select count(*)::int from contacts) as contacts,
                (select count(*)::int from events) as events, (select count(*)::int from audit_log) as audit_log`,
      ),
    );
    return row!;
  }

  describe('request bodies', () => {
    it('answers malformed JSON with 400', async () => {
      for (const body of ['{"name":', '{name: "x"}', "{'name': 'x'}", '{"name": "x"}}', 'name=x']) {
        const res = await call('POST', '/api/companies', { body });
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expectProblem(res, 400, 'bad-request');
      }
    });

    it('answers a JSON body sent as text/plain, form data or without a type with 415', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
        const res = await call('POST', '/api/companies', { body: '{"name":"Tekst ApS"}', headers: { 'content-type': type } });
        expectProblem(res, 415, 'unsupported-media-type');
      }
      const noType = await t.app.request('/api/companies', { method: 'POST', body: '{"name":"Tekst ApS"}', headers: { authorization: `Bearer ${t.adminKey}` } });
      expect(noType.status).toBe(415);
      expect((await call('GET', '/api/companies?q=Tekst')).body.items).toEqual([]);
    });

    it('accepts JSON with a charset parameter', async () => {
      const res = await call('POST', '/api/companies', { body: { name: 'Charset ApS' }, headers: { 'content-type': 'application/json; charset=utf-8' } });
      expect(res.status).toBe(201);
    });

    it('answers an empty body on POST with a 4xx', async () => {
      expectProblem(await call('POST', '/api/companies', { body: '' }), 400, 'bad-request');
      // No body at all is not a media-type problem: the JSON it lacks is.
      expectProblem(await call('POST', '/api/companies', {}), 422, 'validation-failed');
      expectInvalid(await call('POST', '/api/companies', { body: {} }), 'body.name');
      expectProblem(await call('POST', `/api/companies/${companyId}/merge`, { body: '' }), 400, 'bad-request');
      expectProblem(await call('POST', '/api/contacts', { body: '' }), 400, 'bad-request');
    });

    it('answers wrong types with 422 naming the field', async () => {
      expectInvalid(await call('POST', '/api/companies', { body: { name: 42 } }), 'body.name');
      expectInvalid(await call('POST', '/api/companies', { body: { name: 'Typer ApS', score: '72' } }), 'body.score');
      expectInvalid(await call('POST', '/api/companies', { body: { name: 'Typer ApS', score: 7.5 } }), 'body.score');
      expectInvalid(await call('POST', '/api/companies', { body: { name: 'Typer ApS', attributes: ['VVS'] } }), 'body.attributes');
      expectInvalid(await call('POST', '/api/companies', { body: { name: 'Typer ApS', stage: 'bogus' } }), 'body.stage');
      expectInvalid(await call('POST', '/api/companies', { body: { name: 'Typer ApS', kind: 'self' } }), 'body.kind');
      expectInvalid(await call('PATCH', `/api/companies/${companyId}`, { body: { score: 101 } }), 'body.score');
      expectInvalid(await call('POST', '/api/contacts', { body: { company_id: 123, name: 'Ole' } }), 'body.company_id');
      for (const body of ['[]', 'null', '"Typer ApS"', '42']) {
        expectInvalid(await call('POST', '/api/companies', { body }), 'body');
      }
      expect((await call('GET', '/api/companies?q=Typer')).body.items).toEqual([]);
    });

    it('answers unknown fields with 422 naming the field', async () => {
      const res = await call('POST', '/api/companies', { body: { name: 'Ukendt ApS', colour: 'red' } });
      expectProblem(res, 422, 'validation-failed');
      expect(res.body.detail).toContain('colour');
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body', message: expect.stringContaining('colour') })]);
      const patch = await call('PATCH', `/api/companies/${companyId}`, { body: { id: randomUUID() } });
      expectProblem(patch, 422, 'validation-failed');
      expect(patch.body.errors[0].message).toContain('"id"');
      const contact = await call('POST', '/api/contacts', { body: { company_id: companyId, mail: 'a@b.dk' } });
      expectProblem(contact, 422, 'validation-failed');
      expect(contact.body.detail).toContain('mail');
    });

    it('answers a body over the size limit with 413, before reading it as JSON', async () => {
      const small = createApp({ db: t.db, logger: createLogger('silent'), jwt: undefined, corsOrigins: [], maxBodyBytes: 2048, version: 'test', embedder: createOfflineEmbedder() });
      const send = async (body: string) => {
        const res = await small.request('/api/companies', {
          method: 'POST', body, headers: { authorization: `Bearer ${t.adminKey}`, 'content-type': 'application/json' },
        });
        return checkAnswer({ status: res.status, headers: res.headers, body: await res.json() });
      };
      expect((await send(JSON.stringify({ name: 'Lille ApS' }))).status).toBe(201);
      expectProblem(await send(JSON.stringify({ name: 'Stor ApS', attributes: { notes: 'x'.repeat(10 * 1024) } })), 413, 'payload-too-large');
      expectProblem(await send(JSON.stringify({ name: 'Kæmpe ApS', attributes: { notes: 'x'.repeat(10 * 1024 * 1024) } })), 413, 'payload-too-large');
      expectProblem(await send(`{"name":${'x'.repeat(10 * 1024)}`), 413, 'payload-too-large');
      const names = (await call('GET', '/api/companies')).body.items.map((c: { name: string }) => c.name);
      expect(names).toContain('Lille ApS');
      expect(names).not.toEqual(expect.arrayContaining(['Stor ApS']));
      expect(names).not.toEqual(expect.arrayContaining(['Kæmpe ApS']));
    });
  });

  describe('paths and query strings', () => {
    it('answers an id that is not a UUID with 422', async () => {
      expectInvalid(await call('GET', '/api/companies/not-a-uuid'), 'param.id');
      expectInvalid(await call('GET', '/api/contacts/123'), 'param.id');
      expectInvalid(await call('PATCH', '/api/companies/not-a-uuid', { body: { stage: 'lead' } }), 'param.id');
      expectInvalid(await call('DELETE', '/api/companies/not-a-uuid'), 'param.id');
      expectInvalid(await call('GET', '/api/companies/not-a-uuid/timeline'), 'param.id');
    });

    it('treats SQL in the path as a bad id, and the companies table survives', async () => {
      const before = await counts();
      for (const attack of ["'; drop table companies; --", `${companyId}' or '1'='1`, '1 OR 1=1', '%00']) {
        const res = await call('GET', `/api/companies/${encodeURIComponent(attack)}`);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect((await call('DELETE', `/api/companies/${encodeURIComponent(attack)}`)).status).toBe(422);
      }
      const [table] = await t.db.withSession((s) => s.query<{ t: string | null }>(`select to_regclass('public.companies')::text as t`));
      expect(table?.t).toBe('companies');
      expect(await counts()).toEqual(before);
      expect((await call('GET', `/api/companies/${companyId}`)).status).toBe(200);
    });

    it('answers an invalid cursor with 400', async () => {
      const forged = Buffer.from(JSON.stringify({ id: "x' or 1=1 --" })).toString('base64url');
      for (const cursor of ['zzz', 'not%20base64!', Buffer.from('{"other":"x"}').toString('base64url'), forged]) {
        expectProblem(await call('GET', `/api/companies?cursor=${cursor}`), 400, 'bad-request');
      }
      expectProblem(await call('GET', `/api/contacts?cursor=zzz`), 400, 'bad-request');
      expectProblem(await call('GET', `/api/companies/${companyId}/timeline?cursor=zzz`), 400, 'bad-request');
      // Well-formed cursors whose time is not a time, or is outside Postgres' range, or whose id is not an id.
      const id = '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47';
      for (const position of [{ at: 'yesterday', id }, { at: '+275760-09-13T00:00:00.000Z', id }, { at: '0000-01-01T00:00:00Z', id }, { at: 7, id }, { at: '2026-12-02T10:00:00.000Z', id: 'x' }]) {
        const cursor = Buffer.from(JSON.stringify(position)).toString('base64url');
        expectProblem(await call('GET', `/api/companies/${companyId}/timeline?cursor=${cursor}`), 400, 'bad-request');
      }
      expectProblem(await call('GET', `/api/knowledge?cursor=${Buffer.from('{"id":"nope"}').toString('base64url')}`), 400, 'bad-request');
    });

    it('answers a limit out of range or not a number with 422', async () => {
      for (const limit of ['0', '-1', '100000', '2.5', 'abc']) {
        expectInvalid(await call('GET', `/api/companies?limit=${limit}`), 'query.limit');
      }
      expectInvalid(await call('GET', '/api/contacts?limit=0'), 'query.limit');
      expectInvalid(await call('GET', '/api/contacts?company_id=nope'), 'query.company_id');
      expectInvalid(await call('GET', '/api/companies?stage=bogus'), 'query.stage');
      expectInvalid(await call('GET', `/api/companies?q=${'a'.repeat(201)}`), 'query.q');
    });

    it('treats SQL metacharacters in q as text: 200 with no or only matching results', async () => {
      const queries = ["'", '"', ';', '--', "' or 1=1 --", "'; drop table companies; --", '\\', '%', '_', '%%', "O'Brien", '"Bedst"', '& Sønner', '$1', '*', '()', 'NULL'];
      for (const q of queries) {
        const res = await call('GET', `/api/companies?q=${encodeURIComponent(q)}`);
        expect({ q, status: res.status }).toEqual({ q, status: 200 });
        for (const c of res.body.items as { name: string; domain: string | null }[]) {
          expect(`${c.name} ${c.domain ?? ''}`.toLowerCase()).toContain(q.toLowerCase());
        }
      }
      const names = async (q: string) => (await call('GET', `/api/companies?q=${encodeURIComponent(q)}`)).body.items.map((c: { name: string }) => c.name);
      expect(await names("O'Brien")).toEqual(["O'Brien & Sønner \"Bedst\" ApS"]);
      expect(await names('"Bedst"')).toEqual(["O'Brien & Sønner \"Bedst\" ApS"]);
      expect(await names("' or 1=1 --")).toEqual([]);
    });

    it('answers unknown routes with a 404 problem', async () => {
      expectProblem(await call('GET', '/api/nope'), 404, 'not-found');
      expectProblem(await call('GET', '/nope', { token: null }), 404, 'not-found');
      expectProblem(await call('GET', `/api/companies/${companyId}/nope`), 404, 'not-found');
      expectProblem(await call('PUT', `/api/companies/${companyId}`, { body: { name: 'Put ApS' } }), 404, 'not-found');
    });
  });

  describe('merge', () => {
    it('refuses to merge a company into itself (400)', async () => {
      const res = await call('POST', `/api/companies/${companyId}/merge`, { body: { into: companyId } });
      expectProblem(res, 400, 'bad-request');
      const upper = await call('POST', `/api/companies/${companyId}/merge`, { body: { into: companyId.toUpperCase() } });
      expectProblem(upper, 400, 'bad-request');
      expect((await call('GET', `/api/companies/${companyId}`)).status).toBe(200);
    });

    it('answers a missing target or source with 404', async () => {
      expectProblem(await call('POST', `/api/companies/${companyId}/merge`, { body: { into: randomUUID() } }), 404, 'not-found');
      expectProblem(await call('POST', `/api/companies/${randomUUID()}/merge`, { body: { into: companyId } }), 404, 'not-found');
      expect((await call('GET', `/api/companies/${companyId}`)).status).toBe(200);
    });

    it('answers a missing or malformed `into` with 422', async () => {
      expectInvalid(await call('POST', `/api/companies/${companyId}/merge`, { body: {} }), 'body.into');
      expectInvalid(await call('POST', `/api/companies/${companyId}/merge`, { body: { into: 'nope' } }), 'body.into');
      expectInvalid(await call('POST', `/api/companies/${companyId}/merge`, { body: { into: null } }), 'body.into');
      expectInvalid(await call('POST', '/api/companies/nope/merge', { body: { into: companyId } }), 'param.id');
    });
  });

  describe('field values', () => {
    it('answers an invalid domain, CVR, website or email with 422', async () => {
      for (const domain of ['not a domain', 'localhost', 'http://', '..dk', 'a'.repeat(300) + '.dk']) {
        const res = await call('POST', '/api/companies', { body: { name: 'Domæne ApS', domain } });
        expect({ domain: domain.slice(0, 20), status: res.status }).toEqual({ domain: domain.slice(0, 20), status: 422 });
      }
      for (const cvr of ['1234', 'abcdefgh', '12345678', 'DK 1234 5678 9']) {
        expectProblem(await call('POST', '/api/companies', { body: { name: 'CVR ApS', cvr } }), 422, 'validation-failed');
      }
      expectInvalid(await call('POST', '/api/companies', { body: { name: 'Web ApS', website_url: 'javascript:alert(1)' } }), 'body.website_url');
      expectInvalid(await call('POST', '/api/companies', { body: { name: 'Web ApS', website_url: 'ftp://files.dk' } }), 'body.website_url');
      expectProblem(await call('PATCH', `/api/companies/${companyId}`, { body: { domain: 'ikke et domæne' } }), 422, 'validation-failed');
      expectProblem(await call('POST', '/api/companies/resolve', { body: { email: 'no-at-sign' } }), 422, 'validation-failed');
      expectProblem(await call('POST', '/api/companies/resolve', { body: { email: 'a@b.dk', domain: 'b.dk' } }), 422, 'validation-failed');

      for (const email of ['not-an-email', 'a@', '@firma.dk', 'a b@firma.dk']) {
        expectInvalid(await call('POST', '/api/contacts', { body: { company_id: companyId, email } }), 'body.email');
      }
      expectInvalid(await call('POST', '/api/contacts', { body: { company_id: companyId, phone: 'ring mig' } }), 'body.phone');
      expect((await call('GET', '/api/companies/' + companyId)).body.domain).toBe('obrien.dk');
      expect((await call('GET', `/api/contacts?company_id=${companyId}`)).body.items).toEqual([]);
    });

    it('refuses names that are too long or empty once trimmed', async () => {
      expectInvalid(await call('POST', '/api/companies', { body: { name: 'x'.repeat(10_000) } }), 'body.name');
      expectInvalid(await call('POST', '/api/companies', { body: { name: 'x'.repeat(301) } }), 'body.name');
      expectInvalid(await call('POST', '/api/companies', { body: { name: ' \t\n\r ' } }), 'body.name');
      expectInvalid(await call('PATCH', `/api/companies/${companyId}`, { body: { name: '' } }), 'body.name');
      expectInvalid(await call('POST', '/api/contacts', { body: { company_id: companyId, role: 'r'.repeat(10_000) } }), 'body.role');
      expect((await call('POST', '/api/companies', { body: { name: 'x'.repeat(300) } })).status).toBe(201);
    });

    // Postgres can't store U+0000 in text or jsonb: today this reaches the database and comes back as a 500.
    it('refuses a NUL character in text with 422, not a 500', async () => {
      const before = await counts();
      expectProblem(await call('POST', '/api/companies', { body: { name: 'Nul\u0000Byte ApS' } }), 422, 'validation-failed');
      expectProblem(await call('POST', '/api/companies', { body: { name: 'Nul ApS', attributes: { note: 'a\u0000b' } } }), 422, 'validation-failed');
      expectProblem(await call('PATCH', `/api/companies/${companyId}`, { body: { name: 'Nul\u0000' } }), 422, 'validation-failed');
      expectProblem(await call('POST', '/api/contacts', { body: { company_id: companyId, name: 'Nul\u0000Person' } }), 422, 'validation-failed');
      expect(await counts()).toEqual(before);
    });

    it('answers a NUL character in a search or filter with a 4xx, not a 500', async () => {
      for (const url of ['/api/companies?q=%00', `/api/companies/${companyId}/timeline?type=%00`]) {
        const res = await call('GET', url);
        expect({ url, status: res.status }).toEqual({ url, status: expect.toSatisfy((s: number) => s >= 400 && s < 500) });
      }
    });

    // A 10 KB body of nested arrays overflows the JSON serialiser's stack on the way to jsonb: today a 500.
    it('refuses deeply nested attributes with 422, not a 500', async () => {
      const before = await counts();
      const depth = 5000;
      const body = `{"name":"Dyb ApS","attributes":{"tree":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
      expect(body.length).toBeLessThan(16 * 1024);
      expectProblem(await call('POST', '/api/companies', { body }), 422, 'validation-failed');
      expect(await counts()).toEqual(before);
    });
  });

  it('leaves nothing half-written after a batch of failed requests', async () => {
    const other = (await call('POST', '/api/companies', { body: { name: 'Anden Halv ApS', domain: 'anden-halv.dk', cvr: '25313763' } })).body;
    await call('POST', '/api/contacts', { body: { company_id: other.id, email: 'eva@anden-halv.dk' } });
    const before = await counts();
    const snapshot = (await call('GET', `/api/companies/${companyId}`)).body;

    const failures: [string, string, unknown][] = [
      ['POST', '/api/companies', '{"name":'],
      ['POST', '/api/companies', { name: 42 }],
      ['POST', '/api/companies', { name: 'Dublet ApS', domain: 'anden-halv.dk' }],
      ['POST', '/api/companies', { name: 'Dublet ApS', cvr: 'DK25313763' }],
      ['POST', '/api/companies', { name: 'Forkert Domæne', domain: 'ikke et domæne' }],
      // A valid name with a domain another company has: the name must not be written either.
      ['PATCH', `/api/companies/${companyId}`, { name: 'Halvt Skrevet ApS', domain: 'anden-halv.dk' }],
      ['PATCH', `/api/companies/${companyId}`, { name: 'Halvt Skrevet ApS', cvr: '12345678' }],
      ['POST', '/api/contacts', { company_id: other.id, email: 'Eva@anden-halv.dk' }],
      ['POST', '/api/contacts', { company_id: randomUUID(), name: 'Forældreløs' }],
      ['POST', `/api/companies/${companyId}/merge`, { into: randomUUID() }],
      ['POST', `/api/companies/${companyId}/merge`, { into: t.selfCompanyId }],
      ['DELETE', `/api/companies/${t.selfCompanyId}`, undefined],
      ['POST', '/api/companies/resolve', { email: 'x@ikke et domæne', create: true }],
    ];
    for (const [method, url, body] of failures) {
      const res = await call(method, url, body === undefined ? {} : { body });
      expect({ method, url, status: res.status }).toEqual({ method, url, status: expect.toSatisfy((s: number) => s >= 400 && s < 500) });
    }

    expect(await counts()).toEqual(before);
    expect((await call('GET', `/api/companies/${companyId}`)).body).toEqual(snapshot);
    expect((await call('GET', `/api/companies/${other.id}`)).body).toMatchObject({ domain: 'anden-halv.dk', cvr: '25313763' });
  });
});
