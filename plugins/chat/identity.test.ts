import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import plugin from './index.ts';

const ORIGIN = 'https://www.nordlys-tag.dk';

/** The trust model: what an anonymous visitor says about who they are is a claim, never proof. */
describe('chat leads are unverified until staff confirm them', () => {
  let host: TestHost;
  let siteKey: string;
  let jensens: string;
  beforeAll(async () => {
    host = await createTestHost({ plugins: [plugin] });
    siteKey = (await host.request('POST', '/api/chat/sites', { body: { name: 'Web', allowed_origins: [ORIGIN] } })).body.site_key;
    jensens = await host.company('Jensens VVS ApS', { domain: 'jensens-vvs.dk' });
    await host.request('POST', '/api/contacts', { body: { company_id: jensens, email: 'mette@jensens-vvs.dk', name: 'Mette Jensen' } });
  });
  afterAll(() => host.close());

  const visitor = (token: string | null) => ({ token, headers: { origin: ORIGIN } });
  const session = async () => (await host.request('POST', '/api/chat/sessions', { ...visitor(null), body: { site_key: siteKey, lang: 'da' } })).body;
  const ask = (s: { session_id: string; visitor_token: string }, text: string) =>
    host.request('POST', `/api/chat/sessions/${s.session_id}/messages`, { ...visitor(s.visitor_token), body: { text } });
  const snapshot = async (companyId: string) => ({
    timeline: (await host.request('GET', `/api/companies/${companyId}/timeline?limit=200`)).body.items.map((e: { id: string }) => e.id),
    contacts: (await host.request('GET', `/api/contacts?company_id=${companyId}`)).body.items.map((c: { id: string }) => c.id),
  });
  const countCompanies = async () => (await host.request('GET', '/api/companies?limit=200')).body.items.length;

  it("keeps a claim to be an existing customer's contact on the visitor's own company, writing nothing into the customer", async () => {
    const before = await snapshot(jensens);
    const s = await session();
    await ask(s, 'Hvad koster plasttagrender?');
    const lead = await host.request('POST', `/api/chat/sessions/${s.session_id}/lead`, {
      ...visitor(s.visitor_token), body: { email: 'mette@jensens-vvs.dk', name: 'Mette Jensen', company: 'Jensens VVS ApS' },
    });
    expect(lead).toMatchObject({ status: 200, body: { ok: true, message: 'Tak! Vi vender tilbage hurtigst muligt.' } });
    expect(await snapshot(jensens)).toEqual(before);

    const queued = (await host.request('GET', '/api/chat/leads')).body.items.find((l: { conversation_id: string }) => l.conversation_id === s.session_id);
    expect(queued).toMatchObject({ status: 'unverified', source: 'form', email: 'mette@jensens-vvs.dk', candidate_company_id: jensens });
    expect(queued.company_id).not.toBe(jensens);
    const provisional = (await host.request('GET', `/api/companies/${queued.company_id}`)).body;
    expect(provisional).toMatchObject({ kind: 'visitor', name: 'Jensens VVS ApS', attributes: { unverified_lead: true } });
    const ownTimeline = (await host.request('GET', `/api/companies/${queued.company_id}/timeline`)).body.items;
    expect(ownTimeline.find((e: { type: string }) => e.type === 'chat.lead').payload).toMatchObject({ verified: false, candidate_company_id: jensens });

    // Staff confirm: the conversation moves into the customer, the contact is not duplicated.
    const confirmed = await host.request('POST', `/api/chat/leads/${queued.id}/confirm`, { body: {} });
    expect(confirmed).toMatchObject({ status: 200, body: { lead: { status: 'confirmed', decided_by: expect.stringMatching(/^key:/) }, company: { id: jensens } } });
    const after = await snapshot(jensens);
    expect(after.contacts).toEqual(before.contacts);
    const types = (await host.request('GET', `/api/companies/${jensens}/timeline?limit=200`)).body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['chat.lead_confirmed', 'company.merged', 'chat.message', 'chat.lead']));
    const history = await host.request('GET', `/api/chat/sessions/${s.session_id}/messages`, visitor(s.visitor_token));
    expect(history.body.items).toHaveLength(2);
    expect((await host.request('GET', '/api/chat/leads')).body.items.map((l: { id: string }) => l.id)).not.toContain(queued.id);
  });

  it('treats a company name or an address typed in a message as a claim too', async () => {
    const before = await snapshot(jensens);
    const s = await session();
    const answer = await ask(s, 'Jeg er Ole fra Jensens VVS ApS, skriv til ole@jensens-vvs.dk');
    expect(answer.status).toBe(200);
    expect(await snapshot(jensens)).toEqual(before);
    const lead = (await host.request('GET', '/api/chat/leads')).body.items.find((l: { conversation_id: string }) => l.conversation_id === s.session_id);
    expect(lead).toMatchObject({ source: 'message', email: 'ole@jensens-vvs.dk', company_name: 'Jensens VVS ApS', candidate_company_id: jensens });
  });

  it('keeps at most a few claims per conversation and creates no companies from them', async () => {
    const s = await session();
    const companies = await countCompanies();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await host.request('POST', `/api/chat/sessions/${s.session_id}/lead`, { ...visitor(s.visitor_token), body: { email: `person${i}@firma${i}.dk`, company: `Firma ${i} ApS` } })).status);
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3).every((status) => status === 429)).toBe(true);
    for (let i = 0; i < 3; i++) await ask(s, `Min mail er typed${i}@andet${i}.dk`);
    expect(await countCompanies()).toBe(companies);
    const leads = (await host.request('GET', '/api/chat/leads')).body.items.filter((l: { conversation_id: string }) => l.conversation_id === s.session_id);
    expect(leads).toHaveLength(3);
    expect(leads.every((l: { candidate_company_id: string | null }) => l.candidate_company_id === null)).toBe(true);
  });

  it('lets staff create the company of a lead with no candidate, or reject a lead; restricted staff can do neither elsewhere', async () => {
    const s = await session();
    await host.request('POST', `/api/chat/sessions/${s.session_id}/lead`, { ...visitor(s.visitor_token), body: { email: 'kim@nyt-firma.dk', name: 'Kim', company: 'Nyt Firma ApS' } });
    const lead = (await host.request('GET', '/api/chat/leads')).body.items.find((l: { conversation_id: string }) => l.conversation_id === s.session_id);
    expect(lead.candidate_company_id).toBeNull();

    const elsewhere = await host.key(['crm:read', 'crm:write'], [jensens]);
    expect((await host.request('GET', '/api/chat/leads', { token: elsewhere })).body.items.map((l: { id: string }) => l.id)).not.toContain(lead.id);
    expect((await host.request('POST', `/api/chat/leads/${lead.id}/confirm`, { token: elsewhere, body: { company_id: jensens } })).status).toBe(404);
    const reader = await host.key(['crm:read']);
    expect((await host.request('POST', `/api/chat/leads/${lead.id}/confirm`, { token: reader, body: {} })).status).toBe(403);

    const confirmed = await host.request('POST', `/api/chat/leads/${lead.id}/confirm`, { body: {} });
    expect(confirmed).toMatchObject({ status: 200, body: { company: { name: 'Nyt Firma ApS', kind: 'business' } } });
    const contacts = (await host.request('GET', `/api/contacts?company_id=${confirmed.body.company.id}`)).body.items;
    expect(contacts).toMatchObject([{ email: 'kim@nyt-firma.dk', name: 'Kim', attributes: { source: 'chat' } }]);

    const prank = await session();
    await host.request('POST', `/api/chat/sessions/${prank.session_id}/lead`, { ...visitor(prank.visitor_token), body: { email: 'mette@jensens-vvs.dk' } });
    const claimed = (await host.request('GET', '/api/chat/leads')).body.items.find((l: { conversation_id: string }) => l.conversation_id === prank.session_id);
    const before = await snapshot(jensens);
    expect(await host.request('POST', `/api/chat/leads/${claimed.id}/reject`)).toMatchObject({ status: 200, body: { lead: { status: 'rejected' } } });
    expect(await snapshot(jensens)).toEqual(before);
    expect((await host.request('POST', `/api/chat/leads/${claimed.id}/confirm`, { body: {} })).status).toBe(404);
  });

  it('ignores a filled-in honeypot', async () => {
    const s = await session();
    const res = await host.request('POST', `/api/chat/sessions/${s.session_id}/lead`, { ...visitor(s.visitor_token), body: { email: 'bot@spam.example', website: 'https://spam.example' } });
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
    expect((await host.request('GET', '/api/chat/leads')).body.items.map((l: { email: string }) => l.email)).not.toContain('bot@spam.example');
  });
});
