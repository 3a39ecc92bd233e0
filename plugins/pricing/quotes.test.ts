/**
 * Quotes through the HTTP API: a roofer's price list and a customer's agreement, a calculation
 * checked by hand (breaks, agreement, line and total discounts, an optional line, alternatives,
 * 25 % moms and an exempt line), quotes numbered by year with versions and status on the
 * timeline, the PDF read back, and what a restricted key and bad input get. PGlite and, with
 * TEST_DATABASE_URL, Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { extractPdf } from '../documents/extract/pdf.ts';
import plugin from './index.ts';

const ITEMS = [
  { sku: 'TR-ZINK', name: { da: 'Tagrende i zink', en: 'Zinc gutter' }, synonyms: ['tagrende'], unit: 'm', unit_price_ore: 45000, breaks: [{ min_quantity: 20, unit_price_ore: 42500 }] },
  { sku: 'TR-PLAST', name: { da: 'Tagrende i plast', en: 'PVC gutter' }, unit: 'm', unit_price_ore: 22500 },
  { sku: 'NED-ZINK', name: { da: 'Nedløbsrør i zink', en: 'Zinc downpipe' }, unit: 'm', unit_price_ore: 39500 },
  { sku: 'MONT', name: { da: 'Montering', en: 'Fitting' }, unit: 'time', unit_price_ore: 52000 },
  { sku: 'GEBYR', name: { da: 'Miljøgebyr', en: 'Environmental fee' }, unit: 'stk', unit_price_ore: 15000, vat_class: 'exempt' },
];

describe.each(DRIVERS)('quotes on %s', (driver) => {
  let database: TestDatabase;
  let host: TestHost;
  let customer: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    host = await createTestHost({ plugins: [plugin], database: database.db });
    for (const item of ITEMS) expect((await host.request('POST', '/api/pricing/items', { body: item })).status).toBe(201);
    customer = await host.company('Jensens VVS ApS', { domain: 'jensens-vvs.dk' });
    await host.request('PUT', `/api/pricing/agreements/${customer}`, { body: { prices: { 'NED-ZINK': 35000 }, discount_percent: 10 } });
  });
  afterAll(async () => {
    await host?.close();
    await database?.destroy();
  });

  const LINES = [
    { sku: 'TR-ZINK', quantity: 24 }, // break 425,00, agreement −10 % → 382,50 × 24 = 9.180,00
    { sku: 'ned-zink', quantity: 7.5 }, // agreed 350,00 × 7,5 = 2.625,00
    { sku: 'MONT', quantity: 6, discount_percent: 5 }, // 520,00 −10 % = 468,00, −5 % = 444,60 × 6 = 2.667,60
    { sku: 'TR-PLAST', quantity: 24, optional: true }, // optional, not chosen: shown, not counted
    { sku: 'GEBYR', quantity: 1, group: 'gebyr' }, // exempt: 150,00 −10 % = 135,00
    { sku: 'GEBYR', quantity: 2, group: 'gebyr' }, // the alternative not chosen
  ];

  it('prices a quote the way it would be checked by hand', async () => {
    const res = await host.request('POST', '/api/pricing/calculate', { body: { company_id: customer, lines: LINES, total_discount_percent: 2 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const t = res.body;
    expect(t.lines.map((l: { net_ore: number }) => l.net_ore)).toEqual([918000, 262500, 266760, 486000, 13500, 27000]);
    expect(t.lines.map((l: { counted: boolean }) => l.counted)).toEqual([true, true, true, false, true, false]);
    expect(t.lines[0].reasons.map((r: { kind: string }) => r.kind)).toEqual(['list', 'break', 'agreement_discount']);
    expect(t.lines[1].reasons.map((r: { kind: string }) => r.kind)).toEqual(['list', 'agreement_price']);
    expect(t.lines[1].sku).toBe('NED-ZINK');
    // 9.180,00 + 2.625,00 + 2.667,60 + 135,00 = 14.607,60; −2 % = 292,15 (292,152 rounded) → 14.315,45
    expect(t).toMatchObject({ subtotal_ore: 1460760, total_discount_ore: 29215, net_ore: 1431545 });
    const standard = t.vat.find((v: { vat_class: string }) => v.vat_class === 'standard');
    const exempt = t.vat.find((v: { vat_class: string }) => v.vat_class === 'exempt');
    expect(standard.base_ore + exempt.base_ore).toBe(1431545);
    expect(standard.vat_ore).toBe(Math.round(standard.base_ore * 0.25));
    expect(exempt.vat_ore).toBe(0);
    expect(t.gross_ore).toBe(t.net_ore + t.vat_ore);
    // Without the customer: list prices, the break still applies.
    const list = await host.request('POST', '/api/pricing/calculate', { body: { lines: [{ sku: 'TR-ZINK', quantity: 19.999 }, { sku: 'TR-ZINK', quantity: 20 }] } });
    expect(list.body.lines.map((l: { unit_price_ore: number }) => l.unit_price_ore)).toEqual([45000, 42500]);
  });

  it('says which line is wrong', async () => {
    const unknown = await host.request('POST', '/api/pricing/calculate', { body: { lines: [{ sku: 'TR-ZINK', quantity: 1 }, { sku: 'FINDES-IKKE', quantity: 1 }] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('lines.1');
    expect(unknown.body.detail).toMatch(/FINDES-IKKE/);
    expect((await host.request('POST', '/api/pricing/calculate', { body: { lines: [{ sku: 'TR-ZINK', quantity: 1.0001 }] } })).status).toBe(422);
    expect((await host.request('POST', '/api/pricing/calculate', { body: { lines: [] } })).status).toBe(422);
  });

  it('numbers quotes by year, keeps every version, and records them on the timeline', async () => {
    const created = await host.request('POST', '/api/pricing/quotes', { body: { company_id: customer, lines: LINES, title: 'Nye tagrender', notes: 'Stillads er ikke med.' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const year = new Date().getFullYear();
    expect(created.body).toMatchObject({ number: `${year}-0001`, status: 'draft', version: 1, lang: 'da', title: 'Nye tagrender', notes: 'Stillads er ikke med.' });
    const second = await host.request('POST', '/api/pricing/quotes', { body: { company_id: customer, lines: [{ sku: 'MONT', quantity: 1 }] } });
    expect(second.body.number).toBe(`${year}-0002`);
    const id = created.body.id;
    const first = created.body.totals.gross_ore;
    // The list price changes: the old version keeps its price, a new version gets the new one.
    const items = (await host.request('GET', '/api/pricing/items?q=MONT')).body.items;
    await host.request('PATCH', `/api/pricing/items/${items[0].id}`, { body: { unit_price_ore: 60000 } });
    const revised = await host.request('POST', `/api/pricing/quotes/${id}/versions`, { body: { lines: LINES } });
    expect(revised.status, JSON.stringify(revised.body)).toBe(201);
    expect(revised.body.version).toBe(2);
    expect(revised.body.totals.gross_ore).toBeGreaterThan(first);
    expect((await host.request('GET', `/api/pricing/quotes/${id}?version=1`)).body.totals.gross_ore).toBe(first);
    expect(revised.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const sent = await host.request('POST', `/api/pricing/quotes/${id}/status`, { body: { status: 'sent' } });
    expect(sent.body).toMatchObject({ status: 'sent', sent_at: expect.any(String) });
    const listed = await host.request('GET', `/api/pricing/quotes?company_id=${customer}&status=sent`);
    expect(listed.body.items.map((q: { id: string }) => q.id)).toEqual([id]);
    expect(listed.body.items[0].gross_ore).toBe(revised.body.totals.gross_ore);
    const events = (await host.request('GET', `/api/companies/${customer}/timeline?source=quote`)).body.items.map((e: { type: string }) => e.type);
    expect(events).toEqual(['quote.sent', 'quote.created', 'quote.created']);
    expect((await host.request('POST', `/api/pricing/quotes/${id}/status`, { body: { status: 'accepted' } })).status).toBe(422);
  });

  it('renders the quote as a PDF a customer can read', async () => {
    const created = await host.request('POST', '/api/pricing/quotes', { body: { company_id: customer, lines: LINES.slice(0, 3), lang: 'da' } });
    const res = await host.fetch(`/api/pricing/quotes/${created.body.id}/pdf`, { headers: { authorization: `Bearer ${host.adminKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`tilbud-${created.body.number}.pdf`);
    const extracted = await extractPdf(new Uint8Array(await res.arrayBuffer()), { name: 'tilbud.pdf', maxPages: 10, maxUnpackedBytes: 1e8, ocr: { enabled: false, languages: 'dan', timeoutMs: 1000 } } as never);
    const text = extracted.sections.map((s) => s.text).join('\n');
    expect(text).toContain('Jensens VVS ApS');
    expect(text).toContain('Tagrende i zink');
    expect(text).toContain('Nedløbsrør i zink');
    expect(text).toContain(created.body.number);
    const gross = created.body.totals.gross_ore as number;
    const danish = `${Math.floor(gross / 100).toLocaleString('da-DK')},${String(gross % 100).padStart(2, '0')}`;
    expect(text).toContain(danish);
    expect(text).toMatch(/Moms 25\s?%/);
  });

  it('lets the customer open a signed link, pick optional lines and accept', async () => {
    const created = await host.request('POST', '/api/pricing/quotes', { body: { company_id: customer, lines: LINES } });
    const before = created.body.totals.gross_ore as number;
    const link = await host.request('POST', `/api/pricing/quotes/${created.body.id}/link`);
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    expect(link.body.path).toBe(`/api/pricing/public/quotes/${link.body.token}`);
    const seen = await host.request('GET', link.body.path, { token: null });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ number: created.body.number, status: 'draft', customer: { name: 'Jensens VVS ApS' }, totals: { gross_ore: before } });
    // A forged or altered token is just not found.
    const forged = link.body.token.replace(/.$/, (ch: string) => (ch === 'A' ? 'B' : 'A'));
    expect((await host.request('GET', `/api/pricing/public/quotes/${forged}`, { token: null })).status).toBe(404);
    expect((await host.request('POST', `${link.body.path}/accept`, { token: null, body: { name: 'Mette Jensen', chosen: [0] } })).status).toBe(422);
    const accepted = await host.request('POST', `${link.body.path}/accept`, { token: null, body: { name: 'Mette Jensen', chosen: [3, 5] } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', accepted_by: 'Mette Jensen', version: 2 });
    expect(accepted.body.totals.lines.map((l: { counted: boolean }) => l.counted)).toEqual([true, true, true, true, false, true]);
    // The plastic gutter (24 × 225,00 −10 % = 4.860,00) and the second fee instead of the first (270,00 instead of 135,00, exempt).
    expect(accepted.body.totals.subtotal_ore).toBe(created.body.totals.subtotal_ore + 486000 + 27000 - 13500);
    const quote = (await host.request('GET', `/api/pricing/quotes/${created.body.id}`)).body;
    expect(quote).toMatchObject({ status: 'accepted', accepted_by: 'Mette Jensen', accepted_version: 2, version: 2 });
    const event = (await host.request('GET', `/api/companies/${customer}/timeline?type=quote.accepted`)).body.items[0];
    expect(event.payload).toMatchObject({ number: created.body.number, accepted_by: 'Mette Jensen', version: 2 });
    expect((await host.request('POST', `${link.body.path}/accept`, { token: null, body: { name: 'Mette Jensen' } })).status).toBe(409);
    expect((await host.request('POST', `/api/pricing/quotes/${created.body.id}/versions`, { body: { lines: LINES } })).status).toBe(409);
  });

  it("turns a customer's words into priced lines, and lists what the price list lacks", async () => {
    const res = await host.request('POST', '/api/pricing/from-text', { body: { company_id: customer, text: 'Hej, vi skal bruge 3 stk. tagrender i zink à 12 m, ca. 6 timers montering og 2 ovenlysvinduer. Mvh Mette' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([['TR-ZINK', 36], ['MONT', 6]]);
    expect(res.body.lines[1].approximate).toBe(true);
    expect(res.body.estimate).toBe(true);
    expect(res.body.unmatched).toEqual(['2 ovenlysvinduer']);
    // Priced as the customer's: the 20 m break and the 10 % agreement on the gutter.
    expect(res.body.totals.lines[0]).toMatchObject({ unit_price_ore: 38250, net_ore: 1377000 });
    const nothing = await host.request('POST', '/api/pricing/from-text', { body: { text: 'Kan I levere et drivhus?' } });
    expect(nothing.body).toMatchObject({ lines: [], totals: null });
    expect(nothing.body.unmatched.length).toBeGreaterThan(0);
  });

  it('shows a key restricted to another customer none of it', async () => {
    const created = await host.request('POST', '/api/pricing/quotes', { body: { company_id: customer, lines: [{ sku: 'MONT', quantity: 2 }] } });
    const other = await host.company('Andet Firma ApS', { domain: 'andet-firma.dk' });
    const key = await host.key(['crm:read', 'crm:write'], [other]);
    const missing = await host.request('GET', '/api/pricing/quotes/00000000-0000-4000-8000-000000000000', { token: key });
    const foreign = await host.request('GET', `/api/pricing/quotes/${created.body.id}`, { token: key });
    expect(foreign.status).toBe(404);
    expect(foreign.body.detail.replace(created.body.id, 'ID')).toBe(missing.body.detail.replace('00000000-0000-4000-8000-000000000000', 'ID'));
    expect((await host.request('POST', `/api/pricing/quotes/${created.body.id}/status`, { token: key, body: { status: 'rejected' } })).status).toBe(404);
    expect((await host.request('POST', '/api/pricing/calculate', { token: key, body: { company_id: customer, lines: [{ sku: 'MONT', quantity: 1 }] } })).status).toBe(404);
    expect((await host.request('GET', `/api/pricing/quotes/${created.body.id}`)).body.status).toBe('draft');
  });
});
