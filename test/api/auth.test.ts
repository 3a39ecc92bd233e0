import { createHash, randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwtVerifier } from '../../core/auth/jwt.ts';
import { createApp } from '../../core/http/app.ts';
import type { AppEnv } from '../../core/http/env.ts';
import { createLogger } from '../../core/log/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';
import { checkAnswer, expectInvalid, expectProblem } from '../support/problems.ts';
import { DRIVERS } from '../support/databases.ts';

const JWT_SECRET = 'test-only-supabase-jwt-secret-of-at-least-32-chars';
const STAFF_USER = '6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b';


const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A Supabase-style access token: HS256, aud 'authenticated', a user id as sub, valid for an hour. */
function staffToken(appMetadata: Record<string, unknown>, overrides: JWTPayload = {}, secret = JWT_SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: JWTPayload = {
    sub: STAFF_USER,
    aud: 'authenticated',
    role: 'authenticated',
    email: 'ana@nordlys-tag.dk',
    iat: now - 60,
    exp: now + 3600,
    app_metadata: { provider: 'email', ...appMetadata },
    user_metadata: {},
    ...overrides,
  };
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

describe.each(DRIVERS)('authentication and authorisation on %s', (driver) => {
  let t: TestApp;
  /** t.call, plus the checks every answer must pass. */
  const call = async (...args: Parameters<TestApp['call']>) => checkAnswer(await t.call(...args));

  beforeAll(async () => {
    t = await createTestApp(driver, { jwt: createJwtVerifier({ jwtSecret: JWT_SECRET }) });
  });
  afterAll(() => t.destroy());

  /** Creates a company as admin and returns its id. */
  async function company(name: string, domain?: string): Promise<string> {
    const res = await call('POST', '/api/companies', { body: { name, ...(domain ? { domain } : {}) } });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  /** Creates a key through the API, as an admin would, and returns its id and secret. */
  async function apiKey(body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
    const res = await call('POST', '/api/keys', { body: { name: 'test key', ...body } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.key.id, secret: res.body.secret };
  }

  describe('bearer credentials', () => {
    it('answers a request without credentials with 401 and a Bearer challenge', async () => {
      const res = await call('GET', '/api/companies', { token: null });
      expectProblem(res, 401, 'unauthorized');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('refuses garbage, non-bearer and unknown credentials with 401', async () => {
      const headers = ['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'crm_abc', `Bearer ${'x'.repeat(5000)}`, 'Bearer two tokens'];
      for (const authorization of headers) {
        const res = await call('GET', '/api/companies', { token: null, headers: { authorization } });
        expect({ authorization: authorization.slice(0, 30), status: res.status }).toEqual({ authorization: authorization.slice(0, 30), status: 401 });
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
      }
      for (const token of ['garbage', 'not-a-key!', `crm_${'A'.repeat(43)}`, 'a.b.c', 'eyJhbGciOiJIUzI1NiJ9.eyJ9.x']) {
        const res = await call('GET', '/api/companies', { token });
        expectProblem(res, 401, 'unauthorized');
        expect(JSON.stringify(res.body)).not.toContain(token);
      }
    });

    it('stops accepting a key the moment an admin revokes it', async () => {
      const key = await apiKey({ scopes: ['crm:read'] });
      expect((await call('GET', '/api/companies', { token: key.secret })).status).toBe(200);

      const revoked = await call('DELETE', `/api/keys/${key.id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ id: key.id, revoked_at: expect.any(String) });

      const res = await call('GET', '/api/companies', { token: key.secret });
      expectProblem(res, 401, 'unauthorized');
      expect(res.body.detail).toMatch(/revoked/);
      expectProblem(await call('DELETE', `/api/keys/${randomUUID()}`), 404, 'not-found');
    });

    it('refuses an expired key', async () => {
      const key = await apiKey({ scopes: ['crm:read'] });
      await t.db.withSession((s) => s.query(`update api_keys set expires_at = now() - interval '1 minute' where id = $1`, [key.id]));
      const res = await call('GET', '/api/companies', { token: key.secret });
      expectProblem(res, 401, 'unauthorized');
      expect(res.body.detail).toMatch(/expired/);
    });

    it('will not create a key that has already expired', async () => {
      const res = await call('POST', '/api/keys', { body: { name: 'gammel', scopes: ['crm:read'], expires_at: '2020-01-01T00:00:00Z' } });
      expectProblem(res, 422, 'validation-failed');
    });
  });

  describe('scopes', () => {
    it('lets a crm:read key read but not create, change or delete', async () => {
      const id = await company('Læsbar ApS');
      const reader = await t.key(['crm:read']);
      expect((await call('GET', '/api/companies', { token: reader })).status).toBe(200);
      expect((await call('GET', `/api/companies/${id}`, { token: reader })).status).toBe(200);
      expect((await call('GET', `/api/companies/${id}/timeline`, { token: reader })).status).toBe(200);
      expect((await call('GET', '/api/contacts', { token: reader })).status).toBe(200);

      expectProblem(await call('POST', '/api/companies', { token: reader, body: { name: 'Ny ApS' } }), 403, 'forbidden');
      expectProblem(await call('PATCH', `/api/companies/${id}`, { token: reader, body: { stage: 'lead' } }), 403, 'forbidden');
      expectProblem(await call('DELETE', `/api/companies/${id}`, { token: reader }), 403, 'forbidden');
      expectProblem(await call('POST', '/api/contacts', { token: reader, body: { company_id: id, name: 'Ole' } }), 403, 'forbidden');
      expectProblem(await call('POST', '/api/companies/resolve', { token: reader, body: { domain: 'ny.dk', create: true } }), 403, 'forbidden');

      const after = await call('GET', `/api/companies/${id}`);
      expect(after.body).toMatchObject({ name: 'Læsbar ApS', stage: 'new' });
      expect((await call('GET', '/api/companies?q=Ny%20ApS')).body.items).toEqual([]);
    });

    it('does not let a crm:write key without crm:read read', async () => {
      const id = await company('Skrivbar ApS');
      const writer = await t.key(['crm:write']);
      expectProblem(await call('GET', '/api/companies', { token: writer }), 403, 'forbidden');
      expectProblem(await call('GET', `/api/companies/${id}`, { token: writer }), 403, 'forbidden');
      expectProblem(await call('GET', '/api/contacts', { token: writer }), 403, 'forbidden');
      expect((await call('PATCH', `/api/companies/${id}`, { token: writer, body: { stage: 'lead' } })).status).toBe(200);
    });

    it('keeps /api/keys for admins', async () => {
      const staff = await t.key(['crm:read', 'crm:write']);
      expectProblem(await call('GET', '/api/keys', { token: staff }), 403, 'forbidden');
      expectProblem(await call('POST', '/api/keys', { token: staff, body: { name: 'selvbetjening', scopes: ['admin'] } }), 403, 'forbidden');
      const { id } = await apiKey({ scopes: ['crm:read'] });
      expectProblem(await call('DELETE', `/api/keys/${id}`, { token: staff }), 403, 'forbidden');
      expect((await call('GET', '/api/keys')).body.items.find((k: { id: string }) => k.id === id).revoked_at).toBeNull();
    });
  });

  describe('a key restricted to one company', () => {
    let a: string;
    let b: string;
    let contactA: string;
    let contactB: string;
    let restricted: string;

    beforeAll(async () => {
      a = await company('Alfa Begrænset ApS', 'alfa-begraenset.dk');
      b = await company('Beta Skjult ApS', 'beta-skjult.dk');
      contactA = (await call('POST', '/api/contacts', { body: { company_id: a, email: 'ane@alfa-begraenset.dk' } })).body.id;
      contactB = (await call('POST', '/api/contacts', { body: { company_id: b, email: 'bo@beta-skjult.dk' } })).body.id;
      restricted = await t.key(['crm:read', 'crm:write'], [a]);
    });

    it('reads its own company, and sees every other company as absent (404, not 403)', async () => {
      expect((await call('GET', `/api/companies/${a}`, { token: restricted })).body.name).toBe('Alfa Begrænset ApS');
      expectProblem(await call('GET', `/api/companies/${b}`, { token: restricted }), 404, 'not-found');
      expectProblem(await call('GET', `/api/companies/${t.selfCompanyId}`, { token: restricted }), 404, 'not-found');
      expectProblem(await call('GET', `/api/companies/${b}/timeline`, { token: restricted }), 404, 'not-found');
    });

    it('lists only its own company', async () => {
      const all = await call('GET', '/api/companies', { token: restricted });
      expect(all.body.items.map((c: { id: string }) => c.id)).toEqual([a]);
      const search = await call('GET', '/api/companies?q=Beta', { token: restricted });
      expect(search.body.items).toEqual([]);
    });

    it('can neither change nor delete another company', async () => {
      expectProblem(await call('PATCH', `/api/companies/${b}`, { token: restricted, body: { stage: 'lost' } }), 404, 'not-found');
      expectProblem(await call('DELETE', `/api/companies/${b}`, { token: restricted }), 404, 'not-found');
      expect((await call('GET', `/api/companies/${b}`)).body).toMatchObject({ name: 'Beta Skjult ApS', stage: 'new' });
    });

    it("does not see another company's contacts or add to them", async () => {
      const list = await call('GET', '/api/contacts', { token: restricted });
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([contactA]);
      expect((await call('GET', `/api/contacts?company_id=${b}`, { token: restricted })).body.items).toEqual([]);
      expectProblem(await call('GET', `/api/contacts/${contactB}`, { token: restricted }), 404, 'not-found');
      expectProblem(await call('PATCH', `/api/contacts/${contactB}`, { token: restricted, body: { role: 'Spion' } }), 404, 'not-found');
      expectProblem(await call('DELETE', `/api/contacts/${contactB}`, { token: restricted }), 404, 'not-found');
      expectProblem(await call('POST', '/api/contacts', { token: restricted, body: { company_id: b, name: 'Indtrænger' } }), 404, 'not-found');
      // Moving its own contact over to the hidden company is refused the same way.
      expectProblem(await call('PATCH', `/api/contacts/${contactA}`, { token: restricted, body: { company_id: b } }), 404, 'not-found');

      const bContacts = await call('GET', `/api/contacts?company_id=${b}`);
      expect(bContacts.body.items.map((c: { id: string; role: string | null }) => [c.id, c.role])).toEqual([[contactB, null]]);
      expect((await call('GET', `/api/contacts/${contactA}`)).body.company_id).toBe(a);
    });

    it('cannot create companies, directly or through resolve', async () => {
      expectProblem(await call('POST', '/api/companies', { token: restricted, body: { name: 'Ny Under ApS' } }), 403, 'forbidden');
      expectProblem(await call('POST', '/api/companies/resolve', { token: restricted, body: { domain: 'helt-ny.dk', create: true } }), 403, 'forbidden');
      // Resolving a hidden company's domain finds nothing rather than revealing it.
      const hidden = await call('POST', '/api/companies/resolve', { token: restricted, body: { domain: 'beta-skjult.dk' } });
      expect(hidden.body).toEqual({ company: null, matched_by: null });
    });

    it('cannot merge across the boundary, and nothing changes', async () => {
      expectProblem(await call('POST', `/api/companies/${a}/merge`, { token: restricted, body: { into: b } }), 404, 'not-found');
      expectProblem(await call('POST', `/api/companies/${b}/merge`, { token: restricted, body: { into: a } }), 404, 'not-found');

      expect((await call('GET', `/api/companies/${a}`)).status).toBe(200);
      expect((await call('GET', `/api/companies/${b}`)).status).toBe(200);
      expect((await call('GET', `/api/contacts?company_id=${a}`)).body.items.map((c: { id: string }) => c.id)).toEqual([contactA]);
      expect((await call('GET', `/api/contacts?company_id=${b}`)).body.items.map((c: { id: string }) => c.id)).toEqual([contactB]);
      const timeline = await call('GET', `/api/companies/${b}/timeline?type=company.merged`);
      expect(timeline.body.items).toEqual([]);
    });

    it('is not an admin, so it cannot manage API keys', async () => {
      expectProblem(await call('GET', '/api/keys', { token: restricted }), 403, 'forbidden');
    });
  });

  describe('key management', () => {
    it('shows the secret once, at creation, and never again', async () => {
      const created = await call('POST', '/api/keys', { body: { name: 'Intranet widgets', scopes: ['crm:read'] } });
      expect(created.status).toBe(201);
      const { secret, key } = created.body;
      expect(secret).toMatch(/^crm_[A-Za-z0-9_-]{40,}$/);
      expect(key).toMatchObject({ name: 'Intranet widgets', scopes: ['crm:read'], company_ids: null, revoked_at: null });
      expect(secret.startsWith(key.prefix)).toBe(true);
      expect(key).not.toHaveProperty('secret_hash');
      expect((await call('GET', '/api/companies', { token: secret })).status).toBe(200);

      const list = await call('GET', '/api/keys');
      const text = JSON.stringify(list.body);
      expect(list.body.items.map((k: { id: string }) => k.id)).toContain(key.id);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(createHash('sha256').update(secret).digest('hex'));
      expect(text).not.toContain(t.adminKey);
      for (const item of list.body.items) {
        expect(item).not.toHaveProperty('secret');
        expect(item).not.toHaveProperty('secret_hash');
      }
    });

    it('refuses an admin key restricted to companies', async () => {
      const id = await company('Admin Grænse ApS');
      const res = await call('POST', '/api/keys', { body: { name: 'halv admin', scopes: ['admin', 'crm:read'], company_ids: [id] } });
      expectProblem(res, 422, 'validation-failed');
      expect((await call('GET', '/api/keys')).body.items.map((k: { name: string }) => k.name)).not.toContain('halv admin');
    });

    it('never reads an empty company list as every company: the API refuses it, and a staff token with one sees nothing', async () => {
      const res = await call('POST', '/api/keys', { body: { name: 'tom liste', scopes: ['crm:read'], company_ids: [] } });
      expectInvalid(res, 'body.company_ids', 'at least one company');
      expect((await call('GET', '/api/keys')).body.items.map((k: { name: string }) => k.name)).not.toContain('tom liste');
      const token = await staffToken({ crm_role: 'staff', company_ids: [] });
      expect((await call('GET', '/api/companies', { token })).body.items).toEqual([]);
      expect((await call('GET', '/api/contacts', { token })).body.items).toEqual([]);
    });

    it('refuses unknown scopes and missing names', async () => {
      expectProblem(await call('POST', '/api/keys', { body: { name: 'x', scopes: ['root'] } }), 422, 'validation-failed');
      expectProblem(await call('POST', '/api/keys', { body: { name: '  ', scopes: ['crm:read'] } }), 422, 'validation-failed');
      expectProblem(await call('POST', '/api/keys', { body: { name: 'x', scopes: [] } }), 422, 'validation-failed');
    });
  });

  describe('Supabase staff tokens', () => {
    it('lets a staff member read and write, audited as the user', async () => {
      const token = await staffToken({ crm_role: 'staff' });
      const created = await call('POST', '/api/companies', { token, body: { name: 'Personale ApS' } });
      expect(created.status).toBe(201);
      expect((await call('GET', `/api/companies/${created.body.id}`, { token })).body.name).toBe('Personale ApS');
      const rows = await t.db.withSession((s) =>
        s.query<{ actor: string }>(`select actor from audit_log where target_id = $1 and action = 'company.create'`, [created.body.id]),
      );
      expect(rows).toEqual([{ actor: `user:${STAFF_USER}` }]);
      expectProblem(await call('GET', '/api/keys', { token }), 403, 'forbidden');
    });

    it('lets a viewer read but not write', async () => {
      const token = await staffToken({ crm_role: 'viewer' });
      expect((await call('GET', '/api/companies', { token })).status).toBe(200);
      expectProblem(await call('POST', '/api/companies', { token, body: { name: 'Kigger ApS' } }), 403, 'forbidden');
      expectProblem(await call('DELETE', `/api/companies/${await company('Slet Ikke ApS')}`, { token }), 403, 'forbidden');
    });

    it('lets an admin manage keys', async () => {
      const token = await staffToken({ crm_role: 'admin' });
      expect((await call('GET', '/api/keys', { token })).status).toBe(200);
      const created = await call('POST', '/api/keys', { token, body: { name: 'fra admin', scopes: ['crm:read'] } });
      expect(created.status).toBe(201);
      expect(created.body.key.created_by).toBe(`user:${STAFF_USER}`);
    });

    it('confines a token with app_metadata.company_ids to those companies', async () => {
      const mine = await company('Min Kunde ApS');
      const other = await company('Andens Kunde ApS');
      const token = await staffToken({ crm_role: 'staff', company_ids: [mine] });
      expect((await call('GET', `/api/companies/${mine}`, { token })).status).toBe(200);
      expectProblem(await call('GET', `/api/companies/${other}`, { token }), 404, 'not-found');
      expectProblem(await call('PATCH', `/api/companies/${other}`, { token, body: { stage: 'lost' } }), 404, 'not-found');
      expect((await call('GET', '/api/companies', { token })).body.items.map((c: { id: string }) => c.id)).toEqual([mine]);

      const restrictedAdmin = await staffToken({ crm_role: 'admin', company_ids: [mine] });
      expectProblem(await call('GET', '/api/keys', { token: restrictedAdmin }), 403, 'forbidden');
    });

    it('refuses a token with a wrong signature, no signature, or past its expiry', async () => {
      const wrongKey = await staffToken({ crm_role: 'admin' }, {}, 'another-secret-that-is-also-32-chars-long');
      const now = Math.floor(Date.now() / 1000);
      const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({
        sub: STAFF_USER, aud: 'authenticated', exp: now + 3600, app_metadata: { crm_role: 'admin' },
      })}.`;
      const expired = await staffToken({ crm_role: 'admin' }, { iat: now - 7200, exp: now - 3600 });
      const wrongAudience = await staffToken({ crm_role: 'admin' }, { aud: 'anon' });
      // A staff token whose payload was edited to say admin, keeping the original signature.
      const [header, payload, signature] = (await staffToken({ crm_role: 'staff' })).split('.');
      const promoted = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), app_metadata: { crm_role: 'admin' } };
      const tampered = `${header}.${b64url(promoted)}.${signature}`;

      for (const [label, token] of Object.entries({ wrongKey, unsigned, expired, wrongAudience, tampered })) {
        const res = await call('GET', '/api/keys', { token });
        expect({ label, status: res.status }).toEqual({ label, status: 401 });
        expectProblem(res, 401, 'unauthorized');
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(JSON.stringify(res.body)).not.toContain(JWT_SECRET);
      }
    });

    it('answers a valid token without a CRM role with 403', async () => {
      expectProblem(await call('GET', '/api/companies', { token: await staffToken({}) }), 403, 'forbidden');
      // user_metadata is writable by the user: a role there grants nothing.
      const selfPromoted = await staffToken({}, { user_metadata: { crm_role: 'admin' } });
      expectProblem(await call('GET', '/api/keys', { token: selfPromoted }), 403, 'forbidden');
      expectProblem(await call('GET', '/api/companies', { token: await staffToken({ crm_role: 'owner' }) }), 403, 'forbidden');
    });

    it('answers any JWT with 401 on a server without a JWT verifier', async () => {
      const noJwt: OpenAPIHono<AppEnv> = createApp({
        db: t.db, logger: createLogger('silent'), jwt: undefined, corsOrigins: [], maxBodyBytes: 1024 * 1024, version: 'test', embedder: createOfflineEmbedder(),
      });
      const token = await staffToken({ crm_role: 'admin' });
      const res = await noJwt.request('/api/companies', { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const body = await res.json();
      expect(body).toMatchObject({ type: 'urn:crm:problem:unauthorized', status: 401 });
      expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/);
      // The same server still takes API keys.
      expect((await noJwt.request('/api/companies', { headers: { authorization: `Bearer ${t.adminKey}` } })).status).toBe(200);
    });
  });
});
