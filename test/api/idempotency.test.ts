import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../core/db/types.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DRIVERS } from '../support/databases.ts';
import { checkAnswer, expectProblem } from '../support/problems.ts';

/**
 * Issue 15, item 1: a client whose answer was lost (a reset after the commit) sends the same
 * POST again with the same Idempotency-Key and gets the first answer, not a duplicate.
 */
describe.each(DRIVERS)('Idempotency-Key on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(() => t.destroy());

  const post = async (url: string, body: unknown, key: string, token?: string) =>
    checkAnswer(await t.call('POST', url, { body, headers: { 'idempotency-key': key }, ...(token ? { token } : {}) }));
  const companiesNamed = async (name: string) => rowsOf(await t.db.orm.execute(sql`select id from companies where name = ${name}`)).length;

  it('answers a repeated POST with the first answer and creates one company', async () => {
    const key = randomUUID();
    const name = `Gentaget ${key}`;
    const first = await post('/api/companies', { name }, key);
    const again = await post('/api/companies', { name }, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await companiesNamed(name)).toBe(1);
  });

  it('creates one article and one indexing job for a repeated knowledge POST', async () => {
    const key = randomUUID();
    const title = `Åbningstider ${key}`;
    const first = await post('/api/knowledge', { title, body: 'Vi har åbent 8–16.' }, key);
    const again = await post('/api/knowledge', { title, body: 'Vi har åbent 8–16.' }, key);
    expect(again.body).toEqual(first.body);
    expect(rowsOf(await t.db.orm.execute(sql`select id from knowledge_articles where title = ${title}`))).toHaveLength(1);
  });

  it('commits once when the same request arrives twice at the same time', async () => {
    const key = randomUUID();
    const name = `Samtidig ${key}`;
    const answers = await Promise.all([post('/api/companies', { name }, key), post('/api/companies', { name }, key)]);
    expect(answers.map((a) => a.status).sort()).toEqual(expect.arrayContaining([201]));
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    expect(await companiesNamed(name)).toBe(1);
  });

  it('refuses the same key for another request, and keys that are not keys', async () => {
    const key = randomUUID();
    await post('/api/companies', { name: `Første ${key}` }, key);
    const other = await post('/api/companies', { name: `Anden ${key}` }, key);
    expectProblem(other, 422, 'validation-failed');
    expect(other.body.errors[0].path).toBe('header.idempotency-key');
    expect(await companiesNamed(`Anden ${key}`)).toBe(0);
    for (const bad of ['two words', 'x'.repeat(256), 'tab\there']) {
      expectProblem(await post('/api/companies', { name: 'Nej' }, bad), 400, 'bad-request');
    }
    expect(await companiesNamed('Nej')).toBe(0);
  });

  it('keeps the keys of two credentials apart', async () => {
    const key = randomUUID();
    const writer = await t.key(['crm:read', 'crm:write']);
    await post('/api/companies', { name: `Admin ${key}` }, key);
    const theirs = await post('/api/companies', { name: `Skriver ${key}` }, key, writer);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
  });

  it('tells a retry whose first answer was lost after the commit to look, and does not do it again', async () => {
    const key = randomUUID();
    const name = `Tabt svar ${key}`;
    await post('/api/companies', { name }, key);
    // As after a crash between the commit and storing the answer.
    await t.db.orm.execute(sql`update idempotency_keys set status = null, body = null where key = ${key}`);
    const again = await post('/api/companies', { name }, key);
    expectProblem(again, 409, 'conflict');
    expect(again.body.detail).toContain('look the result up');
    expect(await companiesNamed(name)).toBe(1);
  });

  it('runs a request again when its first try committed nothing', async () => {
    const key = randomUUID();
    const domain = `dublet-${key.slice(0, 8)}.dk`;
    await post('/api/companies', { name: 'Findes', domain }, randomUUID());
    expectProblem(await post('/api/companies', { name: 'Igen', domain }, key), 409, 'conflict');
    await t.call('PATCH', `/api/companies/${(await t.call('GET', `/api/companies?q=${domain}`)).body.items[0].id}`, { body: { domain: null } });
    const retried = await post('/api/companies', { name: 'Igen', domain }, key);
    expect(retried.status).toBe(201);
  });
});
