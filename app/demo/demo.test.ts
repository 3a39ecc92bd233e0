import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SELF_COMPANY_NAME } from '../../core/config/index.ts';
import { bootstrap } from '../../core/server/bootstrap.ts';
import chat from '../../plugins/chat/index.ts';
import documents from '../../plugins/documents/index.ts';
import email from '../../plugins/email/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { createTestHost, type TestHost } from '../testing/index.ts';
import { DEMO_BUSINESS, DEMO_COMPANIES, removeDemo, seedDemo } from './index.ts';

const ORIGIN = 'http://127.0.0.1:8787';
const USER_ORIGIN = 'https://www.jensens-vvs.dk';

describe.each(DRIVERS)('the demo workspace on %s', (driver) => {
  let t: TestDatabase;
  let host: TestHost;
  beforeAll(async () => {
    // As on the very first start: migrated, the own company unnamed, the first admin key made.
    t = await createTestDatabase(driver);
    await bootstrap(t.db, { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'crm-demo-')), selfCompany: { name: DEFAULT_SELF_COMPANY_NAME } });
    host = await createTestHost({ plugins: [chat, documents, { plugin: email, config: { watch: false } }], database: t.db });
  }, 120_000);
  afterAll(async () => {
    await host?.close();
    await t?.destroy();
  });

  const all = async (url: string) => (await host.request('GET', url)).body.items as any[];
  const self = async () => (await all('/api/companies?kind=self'))[0];
  const demoMarked = async () => (await all('/api/companies?limit=200')).filter((c) => c.attributes.demo === true);
  const visitor = (token: string | null, origin = ORIGIN) => ({ token, headers: { origin } });

  it('seeds the promised counts through the API, indexed, with the chat queue and an unverified lead', { timeout: 120_000 }, async () => {
    const summary = await seedDemo(host, { origins: [ORIGIN, 'http://localhost:8787'] });
    const contacts = DEMO_COMPANIES.reduce((n, c) => n + c.contacts.length, 0);
    expect(summary).toEqual({ business: DEMO_BUSINESS.name, articles: 20, companies: 30, contacts, notes: 22, documents: 4, emails: 6, chat: true, conversations: 8, waiting: 4 });

    const marked = await demoMarked();
    expect(marked.filter((c) => c.kind === 'business' || c.kind === 'private')).toHaveLength(30);
    expect(marked.filter((c) => c.kind === 'visitor')).toHaveLength(8);
    expect(await all('/api/contacts?limit=200')).toHaveLength(contacts);
    expect(await self()).toMatchObject({ name: DEMO_BUSINESS.name, domain: DEMO_BUSINESS.domain, attributes: { demo: { site_id: expect.any(String) } } });

    const articles = await all('/api/knowledge?limit=200');
    expect(articles).toHaveLength(20);
    expect(articles.every((a) => a.tags.includes('demo') && a.indexed_at && a.risk_flags.length === 0)).toBe(true);

    const waiting = await all('/api/chat/conversations?status=handoff');
    expect(waiting.map((w) => w.reason).sort()).toEqual(['asked', 'asked', 'unsure', 'unsure']);
    const limfjord = marked.find((c) => c.kind === 'business' && c.name === 'Limfjord Maskinfabrik A/S');
    expect(await all('/api/chat/leads')).toEqual([
      expect.objectContaining({ email: 'henrik.dahl@limfjord-maskinfabrik.dk', status: 'unverified', candidate_company_id: limfjord.id }),
    ]);
    const notes = await all(`/api/companies/${limfjord.id}/timeline?type=note.added`);
    expect(notes).toHaveLength(2);
    expect(notes[0].payload).toEqual({ text: expect.stringContaining('Tilbud sendt'), by: 'Mads Storgaard' });
    expect(Date.parse(notes[0].occurred_at)).toBeLessThan(Date.now() - 8 * 86_400_000);
  });

  it('answers a Danish question from the demo knowledge at once, with a citation, and keeps the internal articles internal', async () => {
    const [site] = await all('/api/chat/sites');
    const session = await host.request('POST', '/api/chat/sessions', { ...visitor(null), body: { site_key: site.site_key, lang: 'da' } });
    expect(session.status).toBe(201);
    const ask = (text: string) => host.request('POST', `/api/chat/sessions/${session.body.session_id}/messages`, { ...visitor(session.body.visitor_token), body: { text } });
    const price = await ask('Hvad koster nye tagrender i zink?');
    expect(price.body.reply.text).toContain('kr. 450 pr. meter inkl. moms');
    expect(price.body.reply.citations[0]).toMatchObject({ n: 1, title: 'Priser på tagrender og nedløbsrør' });
    expect(price.body.ask_email).toBe(false);
    const margin = await ask('Hvad er jeres avance på tagrender?');
    expect(margin.body.reply.text).not.toContain('35 procent');
  });

  it('has documents read and classified: a public price list, a quote, an e-invoice read as data, an email with its attachment', async () => {
    const companies = await all('/api/companies?limit=200');
    // The demo's own customer by that name (a chat visitor may have given the same company name).
    const docsOf = async (name: string) => all(`/api/documents?company_id=${companies.find((c) => c.name === name && c.domain).id}`);
    const [priceList] = await all(`/api/documents?company_id=${(await self()).id}`);
    expect(priceList).toMatchObject({ status: 'indexed', visibility: 'public', type: 'markdown' });
    const [quote] = await docsOf('Limfjord Maskinfabrik A/S');
    expect(quote).toMatchObject({ status: 'indexed', type: 'html', category: 'quote' });
    const vestjysk = await docsOf('Vestjysk Ejendomsservice ApS');
    expect(vestjysk.find((d) => d.type === 'ubl')).toMatchObject({ status: 'indexed', category: 'invoice', invoice: { number: '1187', buyer: { cvr: '27805507' } } });
    expect(vestjysk.find((d) => d.type === 'eml')).toMatchObject({ status: 'indexed' });
    expect(vestjysk.find((d) => d.type === 'csv')).toMatchObject({ status: 'indexed', name: 'ejendomme.csv' });
    // (How the question's rarer words weigh against the knowledge base's "tag … koster" is issue 17's BM25.)
    const preview = await host.request('POST', '/api/chat/preview', { body: { question: 'droneinspektion' } });
    expect(preview.body.text).toContain('kr. 1.450');
    expect(preview.body.citations.map((c: { title: string }) => c.title)).toContain('Prisliste 2026 – service og småopgaver');
  });

  it('refuses to seed twice and leaves the first demo as it was', async () => {
    await expect(seedDemo(host, { origins: [ORIGIN] })).rejects.toThrow('The demo workspace is already there; remove it first with "crm demo --remove"');
    expect(await all('/api/knowledge?limit=200')).toHaveLength(20);
    expect(await all('/api/chat/sites')).toHaveLength(1);
  });

  it('has email threads with the customers: threaded replies, quoted history cut, one waiting for our answer', async () => {
    const companies = await all('/api/companies?limit=200');
    const idOf = (name: string) => companies.find((c) => c.name === name).id;
    const [tagtjek] = await all(`/api/email/threads?company_id=${idOf('Vestjysk Ejendomsservice ApS')}`);
    expect(tagtjek).toMatchObject({ subject: 'Årligt tagtjek 2026', message_count: 3, awaiting_reply: true });
    const thread = (await host.request('GET', `/api/email/threads/${tagtjek.id}`)).body;
    expect(thread.messages.map((m: any) => m.thread_reason)).toEqual(['new', 'header', 'header']);
    expect(thread.messages[1].new_text).not.toContain('Som aftalt sidste år');
    expect(thread.messages[2].new_text).toMatch(/Skolegade 8.*Send gerne en pris først\.\n\nSøren$/s);
    const waiting = (await host.request('GET', '/api/email/waiting')).body.items as any[];
    expect(waiting.map((w) => w.company_name).sort()).toEqual(['Bjerregaard Landbrug I/S', 'Limfjord Maskinfabrik A/S', 'Vestjysk Ejendomsservice ApS']);
  });

  it("removes exactly the demo: a user's own company, article, site and chat stay", { timeout: 120_000 }, async () => {
    const own = (await host.request('POST', '/api/companies', { body: { name: 'Jensens VVS ApS', domain: 'jensens-vvs.dk', cvr: '25313763' } })).body;
    await host.request('POST', '/api/contacts', { body: { company_id: own.id, name: 'Mette Jensen', email: 'mette@jensens-vvs.dk' } });
    const article = (await host.request('POST', '/api/knowledge', { body: { title: 'Vores vagttelefon', body: 'Vagttelefonen er åben døgnet rundt for abonnenter.' } })).body.article;
    const site = (await host.request('POST', '/api/chat/sites', { body: { name: 'jensens-vvs.dk', allowed_origins: [USER_ORIGIN] } })).body;
    await host.runJobs();
    const session = (await host.request('POST', '/api/chat/sessions', { ...visitor(null, USER_ORIGIN), body: { site_key: site.site_key } })).body;
    await host.request('POST', `/api/chat/sessions/${session.session_id}/handoff`, visitor(session.visitor_token, USER_ORIGIN));
    // Renamed by a user since the demo named it: the user's name stays, the demo's domain goes.
    await host.request('PATCH', `/api/companies/${(await self()).id}`, { body: { name: 'Jensens Tag ApS' } });

    // The 8 seeded chats, and the one a newcomer had on the demo site above, go with the demo site.
    expect(await removeDemo(host)).toEqual({ companies: 30, visitors: 9, articles: 20, documents: 1, site: true });
    expect(await all(`/api/documents?company_id=${(await self()).id}`)).toEqual([]);
    expect((await host.request('GET', '/api/email/waiting')).body.items).toEqual([]);

    expect(await demoMarked()).toEqual([]);
    const companies = await all('/api/companies?limit=200');
    expect(companies.map((c) => c.kind).sort()).toEqual(['business', 'self', 'visitor']);
    expect(companies.find((c) => c.kind === 'business').id).toBe(own.id);
    expect((await all('/api/contacts?limit=200')).map((c) => c.email)).toEqual(['mette@jensens-vvs.dk']);
    expect((await all('/api/knowledge?limit=200')).map((a) => a.id)).toEqual([article.id]);
    expect((await all('/api/chat/sites')).map((s) => s.id)).toEqual([site.id]);
    expect((await all('/api/chat/conversations?status=handoff')).map((c) => c.id)).toEqual([session.session_id]);
    expect(await all('/api/chat/leads')).toEqual([]);
    // No passage of the demo is left: not its articles, not its chat transcripts.
    const search = async (query: string) => ((await host.request('POST', '/api/search', { body: { query, k: 50 } })).body.hits as any[]).filter((h) => h.source_id !== article.id);
    expect(await search('tagrender zink pris pr. meter')).toEqual([]);
    expect(await search('tømrerlærling læreplads')).toEqual([]);
    expect(await self()).toMatchObject({ name: 'Jensens Tag ApS', domain: null, website_url: null, attributes: {} });
    // The demo's own keys were revoked when each step was done.
    const keys = (await host.request('GET', '/api/keys')).body.items as any[];
    expect(keys.filter((k) => k.name === 'Demo workspace').every((k) => k.revoked_at)).toBe(true);
  });

  it('says there is nothing to remove once it is gone', async () => {
    expect(await removeDemo(host)).toBeUndefined();
  });
});
