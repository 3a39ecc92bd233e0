/**
 * The pricing plugin through its HTTP API: the price list (items with breaks, minimum
 * quantities, validity and VAT class; one live item per SKU; archived, not deleted) and
 * customers' agreements, with exact amounts (øre, thousandths) and clear errors. PGlite and,
 * with TEST_DATABASE_URL, Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../../app/testing/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import plugin from './index.ts';

const GUTTER = {
  sku: 'TR-ZINK-333', name: { da: 'Tagrende i zink, 333 mm', en: 'Zinc gutter, 333 mm' }, synonyms: ['tagrende', 'zinktagrende', 'gutter'],
  unit: 'm', unit_price_ore: 45000, breaks: [{ min_quantity: 20, unit_price_ore: 42500 }, { min_quantity: 50.5, unit_price_ore: 41000 }], min_quantity: 1.5,
};

describe.each(DRIVERS)('pricing plugin on %s', (driver) => {
  let database: TestDatabase;
  let host: TestHost;
  let customer: string;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    host = await createTestHost({ plugins: [plugin], database: database.db });
    customer = await host.company('Jensens VVS ApS', { domain: 'jensens-vvs.dk' });
  });
  afterAll(async () => {
    await host?.close();
    await database?.destroy();
  });

  it('keeps a price list item exactly as given, and one live item per SKU', async () => {
    const created = await host.request('POST', '/api/pricing/items', { body: GUTTER });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      sku: 'TR-ZINK-333', unit: 'm', unit_price_ore: 45000, vat_class: 'standard', min_quantity: 1.5, public: true,
      breaks: [{ min_quantity: 20, unit_price_ore: 42500 }, { min_quantity: 50.5, unit_price_ore: 41000 }],
    });
    const again = await host.request('POST', '/api/pricing/items', { body: { ...GUTTER, sku: 'tr-zink-333' } });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([{ path: 'sku', message: 'is taken' }]);
    const found = await host.request('GET', '/api/pricing/items?q=zinktagrende');
    expect(found.body.items.map((i: { sku: string }) => i.sku)).toEqual(['TR-ZINK-333']);
    const patched = await host.request('PATCH', `/api/pricing/items/${created.body.id}`, { body: { unit_price_ore: 46000, vat_class: 'exempt' } });
    expect(patched.body).toMatchObject({ unit_price_ore: 46000, vat_class: 'exempt', name: GUTTER.name, min_quantity: 1.5 });
    const archived = await host.request('DELETE', `/api/pricing/items/${created.body.id}`);
    expect(archived.body.archived_at).toEqual(expect.any(String));
    expect((await host.request('GET', '/api/pricing/items')).body.items).toEqual([]);
    expect((await host.request('GET', '/api/pricing/items?archived=true')).body.items).toHaveLength(1);
    // Its SKU is free again for a new live item.
    expect((await host.request('POST', '/api/pricing/items', { body: GUTTER })).status).toBe(201);
  });

  it('refuses amounts that are not exact, and says which field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...GUTTER, sku: 'A1', unit_price_ore: 450.5 }, 'unit_price_ore'],
      [{ ...GUTTER, sku: 'A2', min_quantity: 1.2345 }, 'min_quantity'],
      [{ ...GUTTER, sku: 'A3', breaks: [{ min_quantity: 50, unit_price_ore: 41000 }, { min_quantity: 20, unit_price_ore: 42500 }] }, 'breaks'],
      [{ ...GUTTER, sku: 'A4', unit: 'fod' }, 'unit'],
      [{ ...GUTTER, sku: 'A5', valid_from: '2027-02-01', valid_to: '2027-01-01' }, 'valid_to'],
      [{ ...GUTTER, sku: 'med mellemrum' }, 'sku'],
    ];
    for (const [body, field] of cases) {
      const res = await host.request('POST', '/api/pricing/items', { body });
      expect(res.status, field).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path).join(' '), field).toContain(field);
    }
  });

  it("keeps a customer's agreement, the newest only, and ends it", async () => {
    const set = await host.request('PUT', `/api/pricing/agreements/${customer}`, { body: { prices: { 'TR-ZINK-333': 39000 }, discount_percent: 12.5, valid_to: '2027-12-31' } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ company_id: customer, prices: { 'TR-ZINK-333': 39000 }, discount_percent: 12.5, valid_to: '2027-12-31', valid_from: null });
    await host.request('PUT', `/api/pricing/agreements/${customer}`, { body: { discount_percent: 5 } });
    expect((await host.request('GET', `/api/pricing/agreements/${customer}`)).body).toMatchObject({ discount_percent: 5, prices: {} });
    expect((await host.request('PUT', `/api/pricing/agreements/${host.selfCompanyId}`, { body: { discount_percent: 5 } })).status).toBe(422);
    expect((await host.request('PUT', `/api/pricing/agreements/${customer}`, { body: { discount_percent: 12.345 } })).status).toBe(422);
    expect((await host.request('DELETE', `/api/pricing/agreements/${customer}`)).status).toBe(204);
    expect((await host.request('GET', `/api/pricing/agreements/${customer}`)).status).toBe(404);
  });

  it("shows a key restricted to one customer nothing of the price list or another's agreement", async () => {
    const other = await host.company('Andet Firma ApS', { domain: 'andet-firma.dk' });
    await host.request('PUT', `/api/pricing/agreements/${other}`, { body: { discount_percent: 10 } });
    const key = await host.key(['crm:read', 'crm:write'], [customer]);
    expect((await host.request('GET', '/api/pricing/items', { token: key })).status).toBe(404);
    expect((await host.request('POST', '/api/pricing/items', { token: key, body: { ...GUTTER, sku: 'X' } })).status).toBe(404);
    expect((await host.request('GET', `/api/pricing/agreements/${other}`, { token: key })).status).toBe(404);
    expect((await host.request('PUT', `/api/pricing/agreements/${other}`, { token: key, body: { discount_percent: 50 } })).status).toBe(404);
    expect((await host.request('GET', `/api/pricing/agreements/${other}`)).body).toMatchObject({ discount_percent: 10 });
  });
});
