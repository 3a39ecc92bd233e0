/**
 * The chat's price estimates (issue 13): a visitor's price question is answered from the public
 * items of the price list with the lines and the total including moms, marked as an estimate,
 * and staff get a draft quote on the visitor's company with the conversation linked. An item
 * that is not public is never quoted to a visitor; a question about something not on the list
 * falls back to the knowledge base.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { rowsOf } from '../../core/db/types.ts';
import chat from '../chat/index.ts';
import plugin from './index.ts';

const ORIGIN = 'https://www.tagfirma.dk';

describe('price estimates in the chat', () => {
  let host: TestHost;
  let siteKey: string;
  beforeAll(async () => {
    host = await createTestHost({ plugins: [plugin, chat], logLevel: 'error' });
    for (const body of [
      { sku: 'TR-ZINK', name: { da: 'Tagrende i zink', en: 'Zinc gutter' }, synonyms: ['tagrende', 'tagrender', 'rende'], unit: 'm', unit_price_ore: 45000 },
      { sku: 'MONT', name: { da: 'Montering', en: 'Fitting' }, synonyms: ['montage', 'montør'], unit: 'time', unit_price_ore: 52000 },
      { sku: 'KOBBER', name: { da: 'Tagrende i kobber', en: 'Copper gutter' }, synonyms: ['kobberrende'], unit: 'm', unit_price_ore: 98000, public: false },
    ]) expect((await host.request('POST', '/api/pricing/items', { body })).status).toBe(201);
    siteKey = (await host.request('POST', '/api/chat/sites', { body: { name: 'Web', allowed_origins: [ORIGIN] } })).body.site_key;
  });
  afterAll(() => host.close());

  const visitor = (token: string | null) => ({ token, headers: { origin: ORIGIN } });
  const ask = async (text: string, lang: 'da' | 'en' = 'da') => {
    const session = (await host.request('POST', '/api/chat/sessions', { ...visitor(null), body: { site_key: siteKey, lang } })).body;
    const res = await host.request('POST', `/api/chat/sessions/${session.session_id}/messages`, { ...visitor(session.visitor_token), body: { text } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { session, reply: res.body.reply.text as string };
  };

  it('answers a price question with an estimate including moms, and leaves staff a draft quote', async () => {
    const { session, reply } = await ask('Hvad koster det at få skiftet 12 m tagrende, og ca. 3 timers montering?');
    // 12 × 450,00 + 3 × 520,00 = 6.960,00 ekskl. moms; 8.700,00 inkl.
    expect(reply).toContain('overslag');
    expect(reply).toContain('12 m Tagrende i zink');
    expect(reply).toContain('8.700,00 kr. inkl. moms');
    expect(reply).toContain('6.960,00 kr. ekskl. moms');
    const [linked] = rowsOf<{ company_id: string }>(await host.db.orm.execute(sql`select company_id from pricing_quotes where conversation_id = ${session.session_id}`));
    const quotes = (await host.request('GET', `/api/pricing/quotes?company_id=${linked!.company_id}`)).body.items;
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ estimate: true, status: 'draft', conversation_id: session.session_id, gross_ore: 870000 });
  });

  it('answers in English, and never quotes an item that is not public', async () => {
    const { reply } = await ask('What does 10 m of zinc gutter cost?', 'en');
    expect(reply).toContain('estimate');
    expect(reply).toContain('DKK 5,625.00');
    const hidden = await ask('Hvad koster 10 m kobberrende?');
    expect(hidden.reply).not.toContain('980');
    expect(hidden.reply).not.toContain('kobber');
  });
});
