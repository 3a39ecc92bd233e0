import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { DRIVERS } from '../../test/support/databases.ts';
import { uuidv7 } from '../ids/index.ts';
import { claim, complete, enqueue, reportProgress } from './index.ts';
import { jobRoutes } from './routes.ts';

describe.each(DRIVERS)('GET /api/jobs/{id} on %s', (driver) => {
  let t: TestApp;
  const [companyA, companyB] = [uuidv7(), uuidv7()];
  let jobA: string;
  let jobB: string;
  let systemJob: string;

  beforeAll(async () => {
    t = await createTestApp(driver);
    const name = `test.${uuidv7().slice(-12)}`;
    jobA = (await enqueue(t.db, name, { secret: 'internal reference' }, { companyId: companyA })).id;
    jobB = (await enqueue(t.db, name, {}, { companyId: companyB })).id;
    systemJob = (await enqueue(t.db, `${name}.system`, {})).id;
  });
  afterAll(() => t.destroy());

  it('shows status, attempts and live progress, then the result', async () => {
    const name = `test.${uuidv7().slice(-12)}`;
    const job = await enqueue(t.db, name, {}, { companyId: companyA, maxAttempts: 3 });
    const queued = await t.call('GET', `/api/jobs/${job.id}`);
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({
      id: job.id, name, company_id: companyA, status: 'queued', attempts: 0, max_attempts: 3,
      progress: { done: null, total: null, message: null }, last_error: null, result: null, finished_at: null,
    });
    expect(queued.body).not.toHaveProperty('payload');

    const [claimed] = await claim(t.db, { workerId: 'w', names: [name], leaseMs: 10_000 });
    await reportProgress(t.db, claimed!, 12, 40, 'Indekserer afsnit');
    const running = await t.call('GET', `/api/jobs/${job.id}`);
    expect(running.body).toMatchObject({ status: 'running', attempts: 1, progress: { done: 12, total: 40, message: 'Indekserer afsnit' } });

    await complete(t.db, claimed!, { chunks: 40 });
    const done = await t.call('GET', `/api/jobs/${job.id}`);
    expect(done.body).toMatchObject({ status: 'succeeded', result: { chunks: 40 } });
    expect(Date.parse(done.body.finished_at)).toBeGreaterThanOrEqual(Date.parse(done.body.created_at));
  });

  it("answers 404 for another company's job to a restricted key, as for a missing one", async () => {
    const onlyA = await t.key(['crm:read'], [companyA]);
    expect((await t.call('GET', `/api/jobs/${jobA}`, { token: onlyA })).status).toBe(200);
    const other = await t.call('GET', `/api/jobs/${jobB}`, { token: onlyA });
    const missing = await t.call('GET', `/api/jobs/${uuidv7()}`, { token: onlyA });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(other.body.type).toBe(missing.body.type);
    expect(other.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await t.call('GET', `/api/jobs/${systemJob}`, { token: onlyA })).status).toBe(404);
  });

  it('shows company jobs to unrestricted readers, system jobs to admins only', async () => {
    const reader = await t.key(['crm:read']);
    expect((await t.call('GET', `/api/jobs/${jobA}`, { token: reader })).status).toBe(200);
    expect((await t.call('GET', `/api/jobs/${jobB}`, { token: reader })).status).toBe(200);
    expect((await t.call('GET', `/api/jobs/${systemJob}`, { token: reader })).status).toBe(404);
    expect((await t.call('GET', `/api/jobs/${systemJob}`)).status).toBe(200);
  });

  it('needs credentials with crm:read and a well-formed id', async () => {
    expect((await t.call('GET', `/api/jobs/${jobA}`, { token: null })).status).toBe(401);
    expect((await t.call('GET', `/api/jobs/${jobA}`, { token: await t.key(['crm:write']) })).status).toBe(403);
    expect((await t.call('GET', '/api/jobs/not-a-uuid')).status).toBe(422);
  });
});
