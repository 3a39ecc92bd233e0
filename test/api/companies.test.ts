import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from '../support/databases.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

describe.each(DRIVERS)('companies and contacts API on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(() => t.destroy());

  it('creates, reads, changes and deletes a company', async () => {
    const created = await t.call('POST', '/api/companies', {
      body: { name: 'Jensens VVS ApS', domain: 'https://www.jensens-vvs.dk/', cvr: 'DK25313763', attributes: { segment: 'VVS' } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Jensens VVS ApS', kind: 'business', domain: 'jensens-vvs.dk', cvr: '25313763', stage: 'new' });
    const id = created.body.id;

    expect((await t.call('GET', `/api/companies/${id}`)).body.name).toBe('Jensens VVS ApS');
    const patched = await t.call('PATCH', `/api/companies/${id}`, { body: { stage: 'qualified', score: 72 } });
    expect(patched.body).toMatchObject({ stage: 'qualified', score: 72, domain: 'jensens-vvs.dk' });

    const timeline = await t.call('GET', `/api/companies/${id}/timeline`);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual(['company.created']);

    expect((await t.call('DELETE', `/api/companies/${id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/companies/${id}`)).status).toBe(404);
  });

  it('answers a duplicate domain with 409 and writes nothing', async () => {
    await t.call('POST', '/api/companies', { body: { name: 'Første', domain: 'dublet.dk' } });
    const second = await t.call('POST', '/api/companies', { body: { name: 'Anden', domain: 'DUBLET.dk' } });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toBe('application/problem+json');
    expect(second.body).toMatchObject({ type: 'urn:crm:problem:conflict', detail: 'Another company already has this domain' });
    const list = await t.call('GET', '/api/companies?q=Anden');
    expect(list.body.items).toEqual([]);
  });

  it('pages through companies by cursor without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await t.call('POST', '/api/companies', { body: { name: `Side ${i} A/S` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.call('GET', `/api/companies?q=Side&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c: { name: string }) => c.name));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Side ${i} A/S`));
  });

  it('sorts by name and by latest activity across pages, and finds a CVR number', async () => {
    const made: string[] = [];
    for (const name of ['Sortering Cecilie ApS', 'Sortering Anders ApS', 'Sortering Bente ApS']) made.push((await t.call('POST', '/api/companies', { body: { name } })).body.id);
    const walk = async (sort: string) => {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await t.call('GET', `/api/companies?q=Sortering&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        names.push(...page.body.items.map((c: { name: string }) => c.name));
        cursor = page.body.next_cursor;
      } while (cursor);
      return names;
    };
    expect(await walk('name')).toEqual(['Sortering Anders ApS', 'Sortering Bente ApS', 'Sortering Cecilie ApS']);
    // A note makes Anders the most recently active.
    await t.call('POST', `/api/companies/${made[1]}/notes`, { body: { text: 'Ringede' } });
    expect((await walk('activity'))[0]).toBe('Sortering Anders ApS');
    const anders = (await t.call('GET', `/api/companies/${made[1]}`)).body;
    expect(anders.last_activity_at).toMatch(/Z$/);
    expect(anders.updated_at).toBe(anders.created_at);
    const since = new Date(Date.parse(anders.last_activity_at) - 1).toISOString();
    expect((await t.call('GET', `/api/companies?q=Sortering&active_since=${since}`)).body.items.map((c: { name: string }) => c.name)).toEqual(['Sortering Anders ApS']);

    const cvr = (await t.call('POST', '/api/companies', { body: { name: 'Med CVR ApS', cvr: '35954716' } })).body;
    expect((await t.call('GET', '/api/companies?q=DK%2035%2095%2047%2016')).body.items.map((c: { id: string }) => c.id)).toEqual([cvr.id]);
  });

  it('pages by activity without skipping companies whose activity lies within one millisecond', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await t.call('POST', '/api/companies', { body: { name: `Mikro ${i} ApS` } })).body.id);
    // Microseconds apart, all in one millisecond: a cursor at millisecond precision loses some of them.
    for (const [i, id] of ids.entries()) {
      await t.db.orm.execute(sql`update companies set last_activity_at = ${`2026-11-30T08:00:00.000${100 + i * 100}Z`}::timestamptz where id = ${id}`);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.call('GET', `/api/companies?q=Mikro&sort=activity&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('searches by name or domain and treats LIKE and SQL characters as text', async () => {
    await t.call('POST', '/api/companies', { body: { name: '100% Rengøring', domain: 'rent-hus.dk' } });
    await t.call('POST', '/api/companies', { body: { name: 'Under_Streg ApS' } });
    const names = async (q: string) =>
      (await t.call('GET', `/api/companies?q=${encodeURIComponent(q)}`)).body.items.map((c: { name: string }) => c.name);
    expect(await names('100%')).toEqual(['100% Rengøring']);
    expect(await names('rent-hus')).toEqual(['100% Rengøring']);
    expect(await names('_')).toEqual(['Under_Streg ApS']);
    expect(await names("' or 1=1 --")).toEqual([]);
    expect(await names('%')).toEqual(['100% Rengøring']);
  });

  it('filters by one kind or several, and refuses an unknown kind', async () => {
    const tag = `Kindtest ${Date.now()}`;
    for (const kind of ['business', 'private', 'visitor'] as const) await t.call('POST', '/api/companies', { body: { name: `${tag} ${kind}`, kind } });
    const kinds = async (filter: string) =>
      (await t.call('GET', `/api/companies?q=${encodeURIComponent(tag)}&kind=${filter}`)).body.items.map((c: { kind: string }) => c.kind).sort();
    expect(await kinds('visitor')).toEqual(['visitor']);
    expect(await kinds('business,private')).toEqual(['business', 'private']);
    expect(await kinds('private,private')).toEqual(['private']);
    for (const bad of ['robot', 'business,', 'business;private']) {
      const res = await t.call('GET', `/api/companies?kind=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe('query.kind');
    }
  });

  it('manages contacts of a company and shows them on its timeline', async () => {
    const company = (await t.call('POST', '/api/companies', { body: { name: 'Kontakt ApS' } })).body;
    const contact = await t.call('POST', '/api/contacts', {
      body: { company_id: company.id, name: 'Mette Jensen', email: 'Mette@Kontakt.dk', phone: '+45 12 34 56 78', role: 'Indkøb' },
    });
    expect(contact.status).toBe(201);
    expect(contact.body).toMatchObject({ email: 'mette@kontakt.dk', company_id: company.id });
    const dup = await t.call('POST', '/api/contacts', { body: { company_id: company.id, email: 'mette@kontakt.dk' } });
    expect(dup.status).toBe(409);
    const list = await t.call('GET', `/api/contacts?company_id=${company.id}`);
    expect(list.body.items).toHaveLength(1);
    const patched = await t.call('PATCH', `/api/contacts/${contact.body.id}`, { body: { role: 'Direktør' } });
    expect(patched.body.role).toBe('Direktør');
    const timeline = await t.call('GET', `/api/companies/${company.id}/timeline?type=contact.added`);
    expect(timeline.body.items).toHaveLength(1);
    expect((await t.call('DELETE', `/api/contacts/${contact.body.id}`)).status).toBe(204);
    expect((await t.call('GET', `/api/contacts/${contact.body.id}`)).status).toBe(404);
  });

  it('merges a visitor into a real company over HTTP', async () => {
    const visitor = (await t.call('POST', '/api/companies', { body: { name: 'Besøgende', kind: 'visitor' } })).body;
    const real = (await t.call('POST', '/api/companies', { body: { name: 'Rigtig ApS' } })).body;
    await t.call('POST', '/api/contacts', { body: { company_id: visitor.id, email: 'lead@rigtig.dk' } });
    const merged = await t.call('POST', `/api/companies/${visitor.id}/merge`, { body: { into: real.id } });
    expect(merged.status).toBe(200);
    expect(merged.body.moved).toMatchObject({ contacts: 1 });
    expect((await t.call('GET', `/api/companies/${visitor.id}`)).status).toBe(404);
    const timeline = (await t.call('GET', `/api/companies/${real.id}/timeline`)).body.items.map((e: { type: string }) => e.type);
    expect(timeline[0]).toBe('company.merged');
    expect(timeline).toContain('contact.added');
  });

  it("tells a caller restricted to one company nothing about other companies' domains, CVR numbers or contacts", async () => {
    const mine = (await t.call('POST', '/api/companies', { body: { name: 'Min ApS', domain: 'min-firma.dk' } })).body;
    const theirs = (await t.call('POST', '/api/companies', { body: { name: 'Deres ApS', domain: 'deres-firma.dk', cvr: '25313763' } })).body;
    await t.call('POST', '/api/contacts', { body: { company_id: theirs.id, email: 'boss@deres-firma.dk' } });
    const key = await t.key(['crm:read', 'crm:write'], [mine.id]);

    // Taken and free values get the same answer: a restricted caller may not change them at all.
    const taken = await t.call('PATCH', `/api/companies/${mine.id}`, { token: key, body: { domain: 'deres-firma.dk' } });
    const free = await t.call('PATCH', `/api/companies/${mine.id}`, { token: key, body: { domain: 'helt-ny.dk' } });
    const cvr = await t.call('PATCH', `/api/companies/${mine.id}`, { token: key, body: { cvr: '25313763' } });
    for (const res of [taken, free, cvr]) expect(res).toMatchObject({ status: 403, body: { detail: expect.stringContaining('cannot change a company') } });
    expect(taken.body.detail).toBe(free.body.detail);
    expect((await t.call('PATCH', `/api/companies/${mine.id}`, { token: key, body: { domain: 'min-firma.dk', stage: 'lead' } })).body).toMatchObject({ stage: 'lead' });

    // A contact's email is unique within its company only.
    const same = await t.call('POST', '/api/contacts', { token: key, body: { company_id: mine.id, email: 'boss@deres-firma.dk' } });
    expect(same.status).toBe(201);
    expect((await t.call('POST', '/api/contacts', { token: key, body: { company_id: mine.id, email: 'Boss@deres-firma.dk' } })).status).toBe(409);
    // An unrestricted admin still gets the clash on domains, which are unique everywhere.
    expect((await t.call('PATCH', `/api/companies/${mine.id}`, { body: { domain: 'deres-firma.dk' } })).status).toBe(409);
    // The resolver finds the address at the company that had it first.
    expect((await t.call('POST', '/api/companies/resolve', { body: { email: 'boss@deres-firma.dk' } })).body).toMatchObject({ matched_by: 'contact', company: { id: theirs.id } });
  });

  it('keeps one contact when two companies with the same person merge', async () => {
    const a = (await t.call('POST', '/api/companies', { body: { name: 'Fletning A', kind: 'visitor' } })).body;
    const b = (await t.call('POST', '/api/companies', { body: { name: 'Fletning B ApS' } })).body;
    await t.call('POST', '/api/contacts', { body: { company_id: a.id, email: 'ole@fletning.dk', phone: '+45 11 22 33 44' } });
    await t.call('POST', '/api/contacts', { body: { company_id: b.id, email: 'ole@fletning.dk', name: 'Ole' } });
    expect((await t.call('POST', `/api/companies/${a.id}/merge`, { body: { into: b.id } })).status).toBe(200);
    const contacts = (await t.call('GET', `/api/contacts?company_id=${b.id}`)).body.items;
    expect(contacts).toMatchObject([{ email: 'ole@fletning.dk', name: 'Ole', phone: '+45 11 22 33 44' }]);
  });

  it('resolves an email to a company, creating it when asked', async () => {
    const none = await t.call('POST', '/api/companies/resolve', { body: { email: 'ny@opslag.dk' } });
    expect(none.body).toEqual({ company: null, matched_by: null });
    const created = await t.call('POST', '/api/companies/resolve', { body: { email: 'ny@opslag.dk', create: true } });
    expect(created.body).toMatchObject({ matched_by: 'created', company: { domain: 'opslag.dk' } });
    const timeline = await t.call('GET', `/api/companies/${created.body.company.id}/timeline`);
    expect(timeline.body.items.map((e: { type: string }) => e.type).sort()).toEqual(['company.created', 'contact.added']);
    const own = await t.call('POST', '/api/companies/resolve', { body: { email: 'kim@nordlys-tag.dk', create: true } });
    expect(own.body).toMatchObject({ matched_by: 'self', company: { id: t.selfCompanyId } });
  });

  it('keeps the own company from being deleted or merged', async () => {
    expect((await t.call('DELETE', `/api/companies/${t.selfCompanyId}`)).status).toBe(409);
    const other = (await t.call('POST', '/api/companies', { body: { name: 'Anden ApS' } })).body;
    expect((await t.call('POST', `/api/companies/${t.selfCompanyId}/merge`, { body: { into: other.id } })).status).toBe(409);
  });

  it('records who changed what in the audit log', async () => {
    const company = (await t.call('POST', '/api/companies', { body: { name: 'Revision ApS' } })).body;
    await t.call('PATCH', `/api/companies/${company.id}`, { body: { stage: 'lead' } });
    const rows = await t.db.withSession((s) =>
      s.query<{ action: string; actor: string; details: unknown }>('select action, actor, details from audit_log where target_id = $1 order by id', [company.id]),
    );
    expect(rows.map((r) => r.action)).toEqual(['company.create', 'company.update']);
    expect(rows[1]).toMatchObject({ actor: expect.stringMatching(/^key:/), details: { fields: ['stage'] } });
  });

  it('serves /healthz and /openapi.json without credentials', async () => {
    const health = await t.call('GET', '/healthz', { token: null });
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', db: { ok: true, driver } } });
    const doc = await t.call('GET', '/openapi.json', { token: null });
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/companies', '/api/companies/{id}', '/api/companies/{id}/merge', '/api/companies/{id}/timeline', '/api/contacts', '/api/keys', '/healthz']),
    );
  });
});
