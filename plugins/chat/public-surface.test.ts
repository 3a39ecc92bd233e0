import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import plugin from './index.ts';

const SITE = 'https://www.nordlys-tag.dk';
const INTRANET = 'https://intranet.nordlys-tag.dk';
const EVIL = 'https://evil.example';

/** What the chat's public routes hold against a visitor (or a bot) calling them directly. */
describe('the chat public surface', () => {
  let host: TestHost;
  let siteKey: string;
  beforeAll(async () => {
    host = await createTestHost({
      plugins: [{ plugin, config: { rateLimits: { perIp: 1000, perSession: 1000, readsPerIp: 6, handoffsPerHour: 2, streamsPerSession: 2, streamsPerIp: 3 } } }],
      http: { corsOrigins: [INTRANET], trustProxy: 1 },
    });
    siteKey = (await host.request('POST', '/api/chat/sites', { body: { name: 'Web', allowed_origins: [SITE] } })).body.site_key;
  });
  afterAll(() => host.close());

  let address = 0;
  /** Each test comes from its own address (X-Forwarded-For, one proxy trusted), so per-address limits don't cross tests. */
  const from = () => `203.0.113.${++address}`;
  const as = (ip: string, token: string | null, origin = SITE) => ({ token, headers: { origin, 'x-forwarded-for': ip } });
  const session = async (ip: string) => (await host.request('POST', '/api/chat/sessions', { ...as(ip, null), body: { site_key: siteKey } })).body;

  it('checks the origin on every visitor route, and says why it refused', async () => {
    const ip = from();
    const s = await session(ip);
    const wrong = as(ip, s.visitor_token, EVIL);
    const refused = [
      await host.request('POST', '/api/chat/sessions', { ...as(ip, null, EVIL), body: { site_key: siteKey } }),
      await host.request('GET', `/api/chat/sessions/${s.session_id}/messages`, wrong),
      await host.request('POST', `/api/chat/sessions/${s.session_id}/messages`, { ...wrong, body: { text: 'Hej' } }),
      await host.request('POST', `/api/chat/sessions/${s.session_id}/lead`, { ...wrong, body: { email: 'a@b.dk' } }),
      await host.request('POST', `/api/chat/sessions/${s.session_id}/handoff`, wrong),
      await host.request('GET', `/api/chat/sessions/${s.session_id}/events?token=${encodeURIComponent(s.visitor_token)}`, { token: null, headers: wrong.headers }),
    ];
    for (const res of refused) {
      expect(res).toMatchObject({ status: 403, body: { type: 'urn:crm:problem:forbidden', reason: 'origin_not_allowed' } });
      // The widget on the refused page can read why (CORS on the visitors' routes, errors included).
      expect(res.headers.get('access-control-allow-origin')).toBe(EVIL);
    }
    const unknown = await host.request('POST', '/api/chat/sessions', { ...as(ip, null), body: { site_key: 'site_unknown' } });
    expect(unknown).toMatchObject({ status: 403, body: { reason: 'unknown_site_key' } });
  });

  it('rate-limits history reads and handoff requests, with Retry-After', async () => {
    const ip = from();
    const s = await session(ip);
    const reads = [];
    for (let i = 0; i < 7; i++) reads.push(await host.request('GET', `/api/chat/sessions/${s.session_id}/messages`, as(ip, s.visitor_token)));
    expect(reads.slice(0, 6).map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(reads[6]).toMatchObject({ status: 429, body: { type: 'urn:crm:problem:rate-limited' } });
    expect(Number(reads[6]!.headers.get('retry-after'))).toBeGreaterThan(0);

    const handoffs = [];
    for (let i = 0; i < 3; i++) handoffs.push((await host.request('POST', `/api/chat/sessions/${s.session_id}/handoff`, as(from(), s.visitor_token))).status);
    expect(handoffs).toEqual([200, 200, 429]);
  });

  it('caps open event streams per conversation and per address, and frees a slot when a stream closes', async () => {
    const ip = from();
    const s = await session(ip);
    const open = (fromIp = ip) => host.fetch(`/api/chat/sessions/${s.session_id}/events?token=${encodeURIComponent(s.visitor_token)}`, { headers: { origin: SITE, 'x-forwarded-for': fromIp } });
    const first = await open();
    const second = await open();
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await open(from());
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ detail: expect.stringContaining('open chat connections') });
    await first.body!.cancel();
    await expect.poll(async () => {
      const again = await open();
      if (again.status === 200) await again.body!.cancel();
      return again.status;
    }, { timeout: 10_000, interval: 200 }).toBe(200);
    await second.body!.cancel();

    // Per address: three conversations from one address may hold three streams, not four.
    const crowd = from();
    const streams = [];
    for (let i = 0; i < 4; i++) {
      const other = await session(crowd);
      streams.push(await host.fetch(`/api/chat/sessions/${other.session_id}/events?token=${encodeURIComponent(other.visitor_token)}`, { headers: { origin: SITE, 'x-forwarded-for': crowd } }));
    }
    expect(streams.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    for (const stream of streams) if (stream.status === 200) await stream.body!.cancel();
  });

  it("answers the widget's preflight with CORS_ORIGINS set, and never reflects other origins on staff routes", async () => {
    const preflight = await host.fetch('/api/chat/sessions', { method: 'OPTIONS', headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE);
    const started = await host.request('POST', '/api/chat/sessions', { ...as(from(), null), body: { site_key: siteKey } });
    expect(started.headers.get('access-control-allow-origin')).toBe(SITE);

    for (const origin of [EVIL, 'null', SITE]) {
      const staff = await host.request('GET', '/api/chat/conversations', { headers: { origin } });
      expect(staff.status).toBe(200);
      expect(staff.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    const intranet = await host.request('GET', '/api/chat/conversations', { headers: { origin: INTRANET } });
    expect(intranet.headers.get('access-control-allow-origin')).toBe(INTRANET);
  });

  it('lets an admin change a website’s origins and remove it; its conversations stay', async () => {
    const site = (await host.request('POST', '/api/chat/sites', { body: { name: 'Kampagne', allowed_origins: ['https://kampagne.nordlys-tag.dk'] } })).body;
    const ip = from();
    const start = (origin: string) => host.request('POST', '/api/chat/sessions', { ...as(ip, null, origin), body: { site_key: site.site_key } });
    const s = (await start('https://kampagne.nordlys-tag.dk')).body;
    await host.request('POST', `/api/chat/sessions/${s.session_id}/handoff`, as(ip, s.visitor_token, 'https://kampagne.nordlys-tag.dk'));

    const staffKey = await host.key(['crm:read', 'crm:write']);
    expect((await host.request('PATCH', `/api/chat/sites/${site.id}`, { token: staffKey, body: { name: 'x' } })).status).toBe(403);
    const changed = await host.request('PATCH', `/api/chat/sites/${site.id}`, { body: { allowed_origins: ['https://tilbud.nordlys-tag.dk'] } });
    expect(changed).toMatchObject({ status: 200, body: { name: 'Kampagne', allowed_origins: ['https://tilbud.nordlys-tag.dk'] } });
    expect((await start('https://kampagne.nordlys-tag.dk')).status).toBe(403);
    expect((await start('https://tilbud.nordlys-tag.dk')).status).toBe(201);
    expect((await host.request('PATCH', `/api/chat/sites/${site.id}`, { body: { allowed_origins: ['not an origin'] } })).status).toBe(422);

    expect((await host.request('DELETE', `/api/chat/sites/${site.id}`)).status).toBe(204);
    expect((await start('https://tilbud.nordlys-tag.dk')).body).toMatchObject({ reason: 'unknown_site_key' });
    expect((await host.request('GET', `/api/chat/sessions/${s.session_id}/messages`, as(ip, s.visitor_token, 'https://tilbud.nordlys-tag.dk'))).body).toMatchObject({ status: 403, reason: 'site_removed' });
    expect((await host.request('GET', `/api/chat/conversations/${s.session_id}/messages`)).status).toBe(200);
    expect((await host.request('DELETE', `/api/chat/sites/${site.id}`)).status).toBe(404);
  });
});
