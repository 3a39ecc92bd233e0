import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '../../core/jobs/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DRIVERS } from '../support/databases.ts';
import { startTestWorker, waitForJob } from '../support/jobs.ts';
import { checkAnswer, expectInvalid, expectProblem } from '../support/problems.ts';

const GUTTERS = {
  title: 'Priser på tagrender',
  body: '## Zink\nEn ny tagrende i zink koster kr. 450 pr. meter inkl. moms, monteret.\n\n## Plast\nPlasttagrender koster kr. 210 pr. meter.',
  visibility: 'public',
};

describe.each(DRIVERS)('knowledge base API on %s', (driver) => {
  let t: TestApp;
  let worker: Worker | undefined;
  beforeAll(async () => {
    t = await createTestApp(driver, { onJobQueued: () => worker?.wake() });
    worker = startTestWorker(t.db);
  });
  afterAll(async () => {
    await worker?.stop();
    await t.destroy();
  });

  const search = async (query: string, extra: Record<string, unknown> = {}, token?: string) =>
    checkAnswer(await t.call('POST', '/api/search', { body: { query, ...extra }, ...(token ? { token } : {}) }));

  it('stores an article on the own company, indexes it by a job, and finds it by search', async () => {
    const created = checkAnswer(await t.call('POST', '/api/knowledge', { body: GUTTERS }));
    expect(created.status).toBe(202);
    expect(created.body.article).toMatchObject({ title: 'Priser på tagrender', company_id: t.selfCompanyId, visibility: 'public', indexed_at: null });
    const job = await waitForJob(t.db, created.body.job_id);
    expect(job).toMatchObject({ status: 'succeeded', result: { chunks: expect.any(Number) } });

    const status = checkAnswer(await t.call('GET', `/api/jobs/${created.body.job_id}`));
    expect(status.body).toMatchObject({ status: 'succeeded', progress: { done: 1, total: 1 } });
    expect(checkAnswer(await t.call('GET', `/api/knowledge/${created.body.article.id}`)).body.indexed_at).not.toBeNull();

    const found = await search('Hvad koster tagrender i zink?', { k: 3 });
    expect(found.status).toBe(200);
    const top = found.body.hits[0];
    expect(top).toMatchObject({ source_type: 'knowledge', source_id: created.body.article.id, title: 'Priser på tagrender', company_id: t.selfCompanyId });
    expect(top.heading_path).toContain('Zink');
    expect(top.snippet).toMatch(/\*\*tagrende\*\*|\*\*zink\*\*/i);
  });

  it('streams the indexing job as Server-Sent Events until it is done', async () => {
    const created = checkAnswer(await t.call('POST', '/api/knowledge', { body: { title: 'Garanti', body: 'Vi giver fem års garanti på alt tagarbejde.' } }));
    const res = await t.app.request(`/api/jobs/${created.body.job_id}/events`, { headers: { authorization: `Bearer ${t.adminKey}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await res.text()).trim().split('\n\n').map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1],
      data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!),
    }));
    expect(events.at(-1)).toMatchObject({ event: 'done', data: { id: created.body.job_id, status: 'succeeded', result: { chunks: 1 } } });
    expect(events.slice(0, -1).every((e) => e.event === 'progress')).toBe(true);

    const stranger = await t.key(['crm:read'], [checkAnswer(await t.call('POST', '/api/companies', { body: { name: 'Fremmed ApS' } })).body.id]);
    expectProblem(checkAnswer(await t.call('GET', `/api/jobs/${created.body.job_id}/events`, { token: stranger })), 404, 'not-found');
  });

  it('re-indexes an edited article: the old wording is gone, the new one is found', async () => {
    const created = checkAnswer(await t.call('POST', '/api/knowledge', { body: { title: 'Åbningstider', body: 'Kontoret har åbent mandag til fredag kl. 8-16.' } }));
    await waitForJob(t.db, created.body.job_id);
    const id = created.body.article.id;
    const patched = checkAnswer(await t.call('PATCH', `/api/knowledge/${id}`, { body: { body: 'Værkstedet holder lørdagsåbent kl. 9-12 hele sommeren.' } }));
    expect(patched.status).toBe(202);
    expect(patched.body.job_id).not.toBe(created.body.job_id);
    await waitForJob(t.db, patched.body.job_id);

    const sources = async (q: string) => (await search(q)).body.hits.filter((h: { source_id: string }) => h.source_id === id).map((h: { content: string }) => h.content);
    expect(await sources('lørdagsåbent sommeren')).toEqual(['Værkstedet holder lørdagsåbent kl. 9-12 hele sommeren.']);
    expect((await sources('mandag fredag kontoret')).join(' ')).not.toContain('mandag');
  });

  it('keeps internal articles out of a public search, and deleting removes the passages', async () => {
    const internal = checkAnswer(await t.call('POST', '/api/knowledge', { body: { title: 'Intern avance', body: 'Vores avance på ovenlysvinduer er 38 procent.', visibility: 'internal' } }));
    await waitForJob(t.db, internal.body.job_id);
    const ids = async (extra: Record<string, unknown>) => (await search('avance ovenlysvinduer', extra)).body.hits.map((h: { source_id: string }) => h.source_id);
    expect(await ids({})).toContain(internal.body.article.id);
    expect(await ids({ visibility: 'public' })).not.toContain(internal.body.article.id);

    expect((await t.call('DELETE', `/api/knowledge/${internal.body.article.id}`)).status).toBe(204);
    expect(await ids({})).not.toContain(internal.body.article.id);
    expectProblem(await t.call('GET', `/api/knowledge/${internal.body.article.id}`), 404, 'not-found');
  });

  it('lists articles newest first, by visibility, and pages', async () => {
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = checkAnswer(await t.call('GET', `/api/knowledge?limit=1${cursor ? `&cursor=${cursor}` : ''}`));
      titles.push(...page.body.items.map((a: { title: string }) => a.title));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(titles).toEqual(['Åbningstider', 'Garanti', 'Priser på tagrender']);
    const publicOnly = checkAnswer(await t.call('GET', '/api/knowledge?visibility=public&limit=50'));
    expect(publicOnly.body.items.every((a: { visibility: string }) => a.visibility === 'public')).toBe(true);
  });

  it('keeps where an article is published, and its passages link there', async () => {
    const created = checkAnswer(await t.call('POST', '/api/knowledge', { body: { title: 'Garanti på tage', body: 'Alle nye tage har ti års garanti.', url: 'https://www.nordlys-tag.dk/garanti' } }));
    expect(created.body.article.url).toBe('https://www.nordlys-tag.dk/garanti');
    await waitForJob(t.db, created.body.job_id);
    const hit = (await search('ti års garanti tage')).body.hits.find((h: { source_id: string }) => h.source_id === created.body.article.id);
    expect(hit.url).toBe('https://www.nordlys-tag.dk/garanti');
    expectInvalid(checkAnswer(await t.call('POST', '/api/knowledge', { body: { title: 'x', body: 'y', url: 'javascript:alert(1)' } })), 'body.url');
  });

  it('needs an admin to publish payment details or links to other sites, and flags them', async () => {
    const staff = await t.key(['crm:read', 'crm:write']);
    const poisoned = { title: 'Betaling', body: 'Betal forud til konto 9999-1234567 i Evil Bank, se https://evil.example/betal.', visibility: 'public' };
    const refused = checkAnswer(await t.call('POST', '/api/knowledge', { token: staff, body: poisoned }));
    expectProblem(refused, 403, 'forbidden');
    expect(refused.body).toMatchObject({ risk_flags: ['external_link', 'payment_details'], detail: expect.stringContaining('9999-1234567') });
    expect((await t.call('GET', '/api/knowledge?visibility=public')).body.items.map((a: { title: string }) => a.title)).not.toContain('Betaling');

    const internal = checkAnswer(await t.call('POST', '/api/knowledge', { token: staff, body: { ...poisoned, visibility: 'internal' } }));
    expect(internal).toMatchObject({ status: 202, body: { article: { visibility: 'internal', risk_flags: ['external_link', 'payment_details'] } } });
    expectProblem(await t.call('PATCH', `/api/knowledge/${internal.body.article.id}`, { token: staff, body: { visibility: 'public' } }), 403, 'forbidden');
    const published = checkAnswer(await t.call('PATCH', `/api/knowledge/${internal.body.article.id}`, { body: { visibility: 'public' } }));
    expect(published).toMatchObject({ status: 202, body: { article: { visibility: 'public', risk_flags: ['external_link', 'payment_details'] } } });
    // An edit by staff of the published article keeps needing an admin while the content stays.
    expectProblem(await t.call('PATCH', `/api/knowledge/${internal.body.article.id}`, { token: staff, body: { title: 'Betaling af ordrer' } }), 403, 'forbidden');
    // Links to the own domain are no risk.
    const own = checkAnswer(await t.call('POST', '/api/knowledge', { token: staff, body: { title: 'Priser', body: 'Se priserne på https://www.nordlys-tag.dk/priser.' } }));
    expect(own).toMatchObject({ status: 202, body: { article: { risk_flags: [] } } });
  });

  it('refuses bad articles with the field named, and writes nothing', async () => {
    const before = (await t.call('GET', '/api/knowledge?limit=100')).body.items.length;
    expectInvalid(checkAnswer(await t.call('POST', '/api/knowledge', { body: { title: '', body: 'x' } })), 'body.title');
    expectInvalid(checkAnswer(await t.call('POST', '/api/knowledge', { body: { title: 'x', body: 'y', visibility: 'secret' } })), 'body.visibility');
    expectInvalid(checkAnswer(await t.call('POST', '/api/knowledge', { body: { title: 'x', body: 'y', owner: 'me' } })), 'body');
    expectProblem(checkAnswer(await t.call('PATCH', '/api/knowledge/not-a-uuid', { body: { title: 'x' } })), 422, 'validation-failed');
    expectProblem(checkAnswer(await t.call('PATCH', '/api/knowledge/0190e0c4-0000-7000-8000-000000000000', { body: { title: 'x' } })), 404, 'not-found');
    expect((await t.call('GET', '/api/knowledge?limit=100')).body.items.length).toBe(before);
  });

  it('needs write access to change the knowledge base, and read access to search it', async () => {
    const reader = await t.key(['crm:read']);
    expectProblem(checkAnswer(await t.call('POST', '/api/knowledge', { body: GUTTERS, token: reader })), 403, 'forbidden');
    expect((await search('tagrender', {}, reader)).status).toBe(200);
    expectProblem(checkAnswer(await t.call('POST', '/api/search', { body: { query: 'x' }, token: null })), 401, 'unauthorized');
  });

  it("shows another company's restricted key neither the articles nor the passages of the own company", async () => {
    const other = checkAnswer(await t.call('POST', '/api/companies', { body: { name: 'Kunde A/S' } })).body.id;
    const restricted = await t.key(['crm:read', 'crm:write'], [other]);
    expect(checkAnswer(await t.call('GET', '/api/knowledge', { token: restricted })).body.items).toEqual([]);
    expect((await search('tagrender zink', {}, restricted)).body.hits).toEqual([]);
    expect((await search('tagrender zink', { company_ids: [t.selfCompanyId] }, restricted)).body.hits).toEqual([]);
    expectProblem(checkAnswer(await t.call('POST', '/api/knowledge', { body: GUTTERS, token: restricted })), 404, 'not-found');
  });
});
