import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { scope } from '../db/scope/index.ts';
import type { Tx } from '../db/types.ts';
import { resolveCvr, resolveDomain, resolveEmail } from './resolver.ts';
import { ensureSelfCompany } from './self.ts';
import { createCompany, updateCompany } from './store.ts';

describe.each(DRIVERS)('company resolver on %s', (driver) => {
  let t: TestDatabase;
  const run = <T>(work: (tx: Tx) => Promise<T>) => scope(t.db, 'all').run(work);

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    await run(async (tx) => {
      const { company } = await ensureSelfCompany(tx, { name: 'Nordlys Tag ApS', domain: 'nordlys-tag.dk' });
      await updateCompany(tx, company.id, { attributes: { own_domains: ['nordlystag.com'] } });
    });
  });
  afterAll(() => t.destroy());

  it('gives two gmail users two private companies, never one shared company', async () => {
    const anna = await run((tx) => resolveEmail(tx, 'anna.holm@gmail.com', { create: true }));
    const bo = await run((tx) => resolveEmail(tx, 'Bo.Berg@GMAIL.com', { create: true, name: 'Bo Berg' }));
    expect(anna?.company).toMatchObject({ kind: 'private', name: 'Anna Holm', domain: null });
    expect(bo?.company).toMatchObject({ kind: 'private', name: 'Bo Berg' });
    expect(anna?.company.id).not.toBe(bo?.company.id);
    const again = await run((tx) => resolveEmail(tx, 'anna.holm@gmail.com', { create: true }));
    expect(again).toMatchObject({ matchedBy: 'contact', company: { id: anna?.company.id } });
  });

  // The first five were in the old hand-kept list; the rest only in the maintained one, or in our Danish additions.
  it.each(['hotmail.com', 'outlook.dk', 'live.dk', 'yahoo.com', 'icloud.com', 'sky.com', 'att.net', 'verizon.net', 'mailbox.org', 'rambler.ru', 'spray.se', 'bredband.net', 'stofanet.dk', 'post.cybercity.dk'])('treats %s as free-mail', async (domain) => {
    const found = await run((tx) => resolveEmail(tx, `kunde@${domain}`, { create: true }));
    expect(found?.company.kind).toBe('private');
    await expect(run((tx) => resolveDomain(tx, domain, { create: true }))).rejects.toThrow(/free-mail/);
  });

  it('puts colleagues at one business domain in one company', async () => {
    const first = await run((tx) => resolveEmail(tx, 'mette@jensens-vvs.dk', { create: true }));
    const second = await run((tx) => resolveEmail(tx, 'ole@jensens-vvs.dk', { create: true }));
    expect(first).toMatchObject({ matchedBy: 'created', company: { kind: 'business', domain: 'jensens-vvs.dk', name: 'Jensens Vvs' } });
    expect(second).toMatchObject({ matchedBy: 'domain', company: { id: first?.company.id }, contact: { email: 'ole@jensens-vvs.dk' } });
    const sub = await run((tx) => resolveEmail(tx, 'lager@lager.jensens-vvs.dk'));
    expect(sub).toMatchObject({ matchedBy: 'domain', company: { id: first?.company.id } });
  });

  it('never makes the own domains a customer', async () => {
    for (const address of ['kim@nordlys-tag.dk', 'kim@salg.nordlys-tag.dk', 'kim@nordlystag.com']) {
      const found = await run((tx) => resolveEmail(tx, address, { create: true }));
      expect(found).toMatchObject({ matchedBy: 'self', company: { kind: 'self' } });
      expect(found?.contact).toBeUndefined();
    }
    expect(await run((tx) => resolveDomain(tx, 'https://www.nordlys-tag.dk/'))).toMatchObject({ matchedBy: 'self' });
  });

  it('resolves domains and website URLs, creating when asked', async () => {
    expect(await run((tx) => resolveDomain(tx, 'tømrer-hansen.dk'))).toBeUndefined();
    const created = await run((tx) => resolveDomain(tx, 'https://www.tømrer-hansen.dk/om', { create: true, name: 'Tømrer Hansen' }));
    expect(created).toMatchObject({ matchedBy: 'created', company: { name: 'Tømrer Hansen', domain: 'xn--tmrer-hansen-vjb.dk' } });
    expect(await run((tx) => resolveDomain(tx, 'TØMRER-HANSEN.DK'))).toMatchObject({ matchedBy: 'domain' });
  });

  it('resolves CVR numbers in any common spelling and refuses invalid ones', async () => {
    const created = await run((tx) => resolveCvr(tx, 'DK 25 31 37 63', { create: true, name: 'Byg & Co A/S' }));
    expect(created).toMatchObject({ matchedBy: 'created', company: { cvr: '25313763', name: 'Byg & Co A/S' } });
    expect(await run((tx) => resolveCvr(tx, '25313763'))).toMatchObject({ matchedBy: 'cvr', company: { id: created?.company.id } });
    await expect(run((tx) => resolveCvr(tx, '25313764'))).rejects.toThrow(/not a valid CVR/);
  });

  it('finds nothing and creates nothing without create', async () => {
    expect(await run((tx) => resolveEmail(tx, 'ny@ukendt-firma.dk'))).toBeUndefined();
    expect(await run((tx) => resolveDomain(tx, 'ukendt-firma.dk'))).toBeUndefined();
  });

  it('prefers a known contact over the domain of the address', async () => {
    const other = await run((tx) => createCompany(tx, { name: 'Holding A/S', domain: 'holding.dk' }));
    const created = await run((tx) => resolveEmail(tx, 'cfo@holding.dk', { create: true }));
    expect(created?.company.id).toBe(other.id);
  });
});
