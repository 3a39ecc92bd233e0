import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import plugin from './index.ts';

const ORIGIN = 'https://www.nordlys-tag.dk';

describe('chat plugin', () => {
  let host: TestHost;
  let siteKey: string;
  beforeAll(async () => {
    host = await createTestHost({ plugins: [plugin] });
    const site = await host.request('POST', '/api/chat/sites', { body: { name: 'Website', allowed_origins: [ORIGIN] } });
    expect(site.status).toBe(201);
    siteKey = site.body.site_key;
    for (const body of [
      { title: 'Priser på tagrender', body: 'En ny tagrende i zink koster kr. 450 pr. meter inkl. moms, monteret. Plasttagrender koster kr. 210 pr. meter.' },
      { title: 'Åbningstider', body: 'Kontoret har åbent mandag til fredag kl. 7-16. Vi holder lukket i weekenden.' },
      { title: 'Intern avance', body: 'Vores avance på tagrender er 38 procent.', visibility: 'internal' },
    ]) await host.request('POST', '/api/knowledge', { body });
    await host.runJobs();
  });
  afterAll(() => host.close());

  const visitor = (token: string | null) => ({ token, headers: { origin: ORIGIN } });
  const start = async (extra: Record<string, unknown> = {}) =>
    host.request('POST', '/api/chat/sessions', { ...visitor(null), body: { site_key: siteKey, lang: 'da', ...extra } });

  it('starts a session for a site key from an allowed origin only', async () => {
    const session = await start();
    expect(session).toMatchObject({ status: 201, body: { session_id: expect.any(String), visitor_token: expect.stringContaining('.'), lang: 'da', expires_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/) } });
    expect(session.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect((await host.request('POST', '/api/chat/sessions', { token: null, headers: { origin: 'https://evil.example' }, body: { site_key: siteKey } })).status).toBe(403);
    expect((await host.request('POST', '/api/chat/sessions', { ...visitor(null), body: { site_key: 'site_nope' } })).status).toBe(403);
    // A same-origin GET carries no Origin header; the browser's Sec-Fetch-Site says where it is from.
    const sameOrigin = await host.request('GET', `/api/chat/sessions/${session.body.session_id}/messages`, { token: session.body.visitor_token, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.status).toBe(403); // the CRM's own origin is not one of this site's
    expect((await host.request('GET', `/api/chat/sessions/${session.body.session_id}/messages`, { token: session.body.visitor_token, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    const resumed = await start({ visitor_token: session.body.visitor_token });
    expect(resumed).toMatchObject({ status: 200, body: { session_id: session.body.session_id } });
  });

  it('answers from the public knowledge with citations, as JSON and as a stream, and keeps the history', async () => {
    const { body: s } = await start();
    const json = await host.request('POST', `/api/chat/sessions/${s.session_id}/messages`, { ...visitor(s.visitor_token), body: { text: 'Hvad koster en tagrende i zink?' } });
    expect(json.status).toBe(200);
    expect(json.body.reply.text).toContain('kr. 450 pr. meter');
    expect(json.body.reply.text).toContain('[1]');
    expect(json.body.reply.citations[0]).toMatchObject({ n: 1, title: 'Priser på tagrender' });
    expect(json.body.reply.text).not.toContain('38 procent');
    expect(json.body.ask_email).toBe(false);

    const sse = await host.request('POST', `/api/chat/sessions/${s.session_id}/messages`, {
      ...visitor(s.visitor_token), headers: { origin: ORIGIN, accept: 'text/event-stream' }, body: { text: 'Hvornår har I åbent?' },
    });
    const events = String(sse.body).trim().split('\n\n').map((b) => ({ event: /^event: (.*)$/m.exec(b)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(b)![1]!) }));
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { ask_email: false } });
    expect(events.filter((e) => e.event === 'delta').map((e) => e.data.text).join('')).toContain('mandag til fredag');
    expect(events.find((e) => e.event === 'citations')!.data.citations[0].title).toBe('Åbningstider');

    const history = await host.request('GET', `/api/chat/sessions/${s.session_id}/messages`, visitor(s.visitor_token));
    expect(history.body.items.map((m: { role: string }) => m.role)).toEqual(['visitor', 'bot', 'visitor', 'bot']);

    // Staff find the conversation by search (indexed by a background job); the public answers never quote it.
    await host.runJobs();
    const staff = await host.request('POST', '/api/search', { body: { query: 'åbent mandag', source_types: ['chat'] } });
    expect(staff.body.hits[0]).toMatchObject({ source_type: 'chat', source_id: s.session_id });
    const publicOnly = await host.request('POST', '/api/search', { body: { query: 'åbent mandag', source_types: ['chat'], visibility: 'public' } });
    expect(publicOnly.body.hits).toEqual([]);
  });

  it("cites only the own company's public content, even when a customer's passages hold the question's words", async () => {
    const customer = await host.company('Kunde med tagrender A/S');
    const { indexText } = await import('../../core/search/indexer.ts');
    const { scope } = await import('../../core/db/scope/index.ts');
    const { createOfflineEmbedder } = await import('../../app/offline-embedder.ts');
    await scope(host.db, [customer]).run((tx) =>
      indexText(tx, createOfflineEmbedder(), { companyId: customer, sourceType: 'document', sourceId: 'tilbud', visibility: 'public', title: 'Kundens tilbud', text: 'Hemmeligt: vi betaler kr. 999 pr. meter for tagrender i zink.' }),
    );
    const { body: s } = await start();
    const res = await host.request('POST', `/api/chat/sessions/${s.session_id}/messages`, { ...visitor(s.visitor_token), body: { text: 'Hvad koster tagrender i zink pr. meter?' } });
    expect(res.body.reply.text).not.toContain('999');
    expect(res.body.reply.citations.map((c: { title: string }) => c.title)).toEqual(['Priser på tagrender']);
  });

  it('serves a demo page under a strict CSP, the site key escaped', async () => {
    const page = await host.fetch(`/api/chat/demo?site_key=${encodeURIComponent('"><script>alert(1)</script>')}&lang=en`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/widgets/chat.js"></script>');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('site-key="&#34;&#62;&#60;script&#62;');
  });

  it('says it does not know, and asks for an email, when the knowledge has no answer', async () => {
    const { body: s } = await start({ lang: 'en' });
    const res = await host.request('POST', `/api/chat/sessions/${s.session_id}/messages`, { ...visitor(s.visitor_token), body: { text: 'Do you sell bicycles for children?' } });
    expect(res.body).toMatchObject({ ask_email: true, reply: { citations: [] } });
    expect(res.body.reply.text).toMatch(/^I'm afraid I don't know/);
    // Unsure answers put the conversation in the staff's queue, and the bot goes on answering.
    const queue = await host.request('GET', '/api/chat/conversations?status=handoff');
    expect(queue.body.items.find((i: { id: string }) => i.id === s.session_id)).toMatchObject({ reason: 'unsure', status: 'open' });
    const next = await host.request('POST', `/api/chat/sessions/${s.session_id}/messages`, { ...visitor(s.visitor_token), body: { text: 'Hvornår har I åbent?' } });
    expect(next.body).toMatchObject({ handoff: false, ask_email: false });
  });

  it('refuses a missing, forged or foreign visitor token', async () => {
    const { body: a } = await start();
    const { body: b } = await start();
    const path = `/api/chat/sessions/${a.session_id}/messages`;
    expect((await host.request('GET', path, visitor(null))).status).toBe(401);
    expect((await host.request('GET', path, visitor(`${a.session_id}.forged`))).status).toBe(401);
    expect((await host.request('GET', path, visitor(b.visitor_token))).status).toBe(404);
    expect((await host.request('POST', path, { ...visitor(a.visitor_token), body: { text: 'x'.repeat(2001) } })).status).toBe(422);
  });

  it('refuses a lead form without the visitor token', async () => {
    const bot = await host.request('POST', `/api/chat/sessions/${(await start()).body.session_id}/lead`, { ...visitor(null), body: { email: 'x@y.dk' } });
    expect(bot.status).toBe(401);
  });
});

describe('chat handoff, intents and limits', () => {
  let host: TestHost;
  let siteKey: string;
  beforeAll(async () => {
    host = await createTestHost({ plugins: [{ plugin, config: { rateLimits: { perIp: 1000, perSession: 3, perSite: 1000 } } }] });
    siteKey = (await host.request('POST', '/api/chat/sites', { body: { name: 'Web', allowed_origins: [ORIGIN] } })).body.site_key;
  });
  afterAll(() => host.close());

  const visitor = (token: string | null) => ({ token, headers: { origin: ORIGIN } });
  const session = async () => (await host.request('POST', '/api/chat/sessions', { ...visitor(null), body: { site_key: siteKey, lang: 'da' } })).body;

  it('hands over to a person when asked, and the staff reply reaches the visitor live and in the history', async () => {
    const s = await session();
    const asked = await host.request('POST', `/api/chat/sessions/${s.session_id}/messages`, { ...visitor(s.visitor_token), body: { text: 'Kan jeg tale med et menneske om en pris?' } });
    expect(asked.body).toMatchObject({ handoff: true, reply: { text: expect.stringContaining('medarbejder') } });

    const queue = await host.request('GET', '/api/chat/conversations?status=handoff');
    const mine = queue.body.items.find((i: { id: string }) => i.id === s.session_id);
    expect(mine).toMatchObject({ status: 'handoff', reason: 'asked', intents: ['human', 'price_request'] });

    const since = new Date(Date.now() - 1000).toISOString();
    const live = await host.fetch(`/api/chat/sessions/${s.session_id}/events?token=${encodeURIComponent(s.visitor_token)}&since=${since}`, { headers: { origin: ORIGIN } });
    const reader = live.body!.getReader();
    const reply = await host.request('POST', `/api/chat/conversations/${s.session_id}/reply`, { body: { text: 'Hej, det er Lars. Prisen er kr. 450 pr. meter.' } });
    expect(reply.status).toBe(201);
    let received = '';
    while (!received.includes('event: message')) received += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(received).toContain('Hej, det er Lars.');

    const history = await host.request('GET', `/api/chat/sessions/${s.session_id}/messages`, visitor(s.visitor_token));
    expect(history.body.items.map((m: { role: string }) => m.role)).toEqual(['visitor', 'bot', 'staff']);
    expect((await host.request('POST', `/api/chat/conversations/${s.session_id}/close`)).status).toBe(200);
    const after = await host.request('GET', '/api/chat/conversations?status=handoff');
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(s.session_id);
  });

  it("hides conversations from staff who can't see their company", async () => {
    const s = await session();
    await host.request('POST', `/api/chat/sessions/${s.session_id}/handoff`, visitor(s.visitor_token));
    const other = await host.key(['crm:read', 'crm:write'], [await host.company('Andet ApS')]);
    expect((await host.request('GET', '/api/chat/conversations', { token: other })).body.items).toEqual([]);
    expect((await host.request('POST', `/api/chat/conversations/${s.session_id}/reply`, { token: other, body: { text: 'x' } })).status).toBe(404);
  });

  it('limits messages per conversation with a clear 429 and Retry-After', async () => {
    const s = await session();
    const send = () => host.request('POST', `/api/chat/sessions/${s.session_id}/messages`, { ...visitor(s.visitor_token), body: { text: 'Hej' } });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    const limited = await send();
    expect(limited).toMatchObject({ status: 429, body: { type: 'urn:crm:problem:rate-limited' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });
});

describe('leadIn', () => {
  it('finds an email, a phone number or a company with its legal form in what a visitor writes', async () => {
    const { leadIn } = await import('./identity.ts');
    expect(leadIn('Skriv til mette@jensens-vvs.dk')).toEqual({ email: 'mette@jensens-vvs.dk' });
    expect(leadIn('Ring på 20 30 40 50 i morgen')).toEqual({ phone: '20 30 40 50' });
    expect(leadIn('Jeg er fra Hansen & Søn Tømrer ApS, vi skal have nyt tag')).toEqual({ company: 'Hansen & Søn Tømrer ApS' });
    expect(leadIn('Call +45 12 34 56 78, Nordic Roofing A/S')).toEqual({ phone: '+45 12 34 56 78', company: 'Nordic Roofing A/S' });
    expect(leadIn('Hvad koster 2 tagrender på 10 meter?')).toBeUndefined();
  });
});
