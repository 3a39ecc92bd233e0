import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJob, releaseLeases } from '../../core/jobs/index.ts';
import { recoverArticleIndexing } from '../../core/knowledge/recover.ts';
import { rowsOf } from '../../core/db/types.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { DRIVERS } from '../support/databases.ts';
import { waitForJob, startTestWorker } from '../support/jobs.ts';

/**
 * Issue 15, item 1: an article and its indexing job commit together (the transactional
 * outbox), so a failure between "saved" and "queued" can't leave an article that is never
 * indexed; the start-up sweep re-queues what is unindexed anyway. Item 7: on PGlite a
 * crashed run's jobs are taken over at start, not after their lease.
 */
describe.each(DRIVERS)('the knowledge outbox on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(() => t.destroy());

  const articles = async () => rowsOf<{ id: string; title: string; indexed_at: unknown }>(await t.db.orm.execute(sql`select id, title, indexed_at from knowledge_articles`));
  const jobsFor = async (articleId: string) =>
    rowsOf<{ id: string; status: string }>(await t.db.orm.execute(sql`select id, status from jobs where name = 'knowledge.index' and payload->>'articleId' = ${articleId}`));
  /** A queue that refuses indexing jobs: the database error between the article and its job. */
  const refuseIndexJobs = async (on: boolean) => {
    if (on) {
      await t.db.orm.execute(sql.raw(`create or replace function test_refuse_jobs() returns trigger language plpgsql as $$
        begin if new.name = 'knowledge.index' then raise exception 'the queue is full (test)'; end if; return new; end $$`));
      await t.db.orm.execute(sql.raw('create trigger test_refuse_jobs before insert on jobs for each row execute function test_refuse_jobs()'));
    } else {
      await t.db.orm.execute(sql.raw('drop trigger if exists test_refuse_jobs on jobs'));
    }
  };

  it('stores an article and its indexing job in one transaction: when the job cannot be queued, nothing is stored', async () => {
    const created = await t.call('POST', '/api/knowledge', { body: { title: 'Garanti', body: 'Vi giver fem års garanti på alt tagarbejde.' } });
    expect(created.status).toBe(202);
    expect(await jobsFor(created.body.article.id)).toEqual([{ id: created.body.job_id, status: 'queued' }]);

    await refuseIndexJobs(true);
    try {
      const refused = await t.call('POST', '/api/knowledge', { body: { title: 'Åbningstider', body: 'Vi har åbent kl. 7-16.' } });
      expect(refused.status).toBeGreaterThanOrEqual(500);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect((await articles()).map((a) => a.title)).toEqual(['Garanti']);

      // A failed edit keeps the old version, with its passages still to come from its own job.
      const edit = await t.call('PATCH', `/api/knowledge/${created.body.article.id}`, { body: { body: 'Vi giver ti års garanti.' } });
      expect(edit.status).toBeGreaterThanOrEqual(500);
      const kept = await t.call('GET', `/api/knowledge/${created.body.article.id}`);
      expect(kept.body.body).toBe('Vi giver fem års garanti på alt tagarbejde.');
    } finally {
      await refuseIndexJobs(false);
    }
    expect(await jobsFor(created.body.article.id)).toHaveLength(1);
  });

  it('queues, at start, the indexing of an article whose job is gone, once however often it starts', async () => {
    const created = await t.call('POST', '/api/knowledge', { body: { title: 'Tagrender', body: 'En zinktagrende koster 450 kr. pr. meter.' } });
    await t.db.orm.execute(sql`delete from jobs where id = ${created.body.job_id}`);
    expect(await recoverArticleIndexing(t.db)).toBeGreaterThanOrEqual(1);
    await recoverArticleIndexing(t.db); // a second server starting at the same time
    const [job, ...more] = await jobsFor(created.body.article.id);
    expect(more).toEqual([]);
    const worker = startTestWorker(t.db);
    try {
      expect(await waitForJob(t.db, job!.id)).toMatchObject({ status: 'succeeded' });
    } finally {
      await worker.stop();
    }
    const indexed = await t.call('GET', `/api/knowledge/${created.body.article.id}`);
    expect(indexed.body.indexed_at).not.toBeNull();
  });

  it.runIf(driver === 'pglite')('takes over the running jobs of a crashed run at start instead of waiting out their lease', async () => {
    const created = await t.call('POST', '/api/knowledge', { body: { title: 'Levering', body: 'Vi leverer i hele Vestjylland.' } });
    // The previous process claimed it and died: running, with a lease far in the future.
    await t.db.orm.execute(sql`update jobs set status = 'running', attempts = 1, locked_by = 'dead-process', locked_until = now() + interval '1 hour' where id = ${created.body.job_id}`);
    expect(await releaseLeases(t.db)).toBe(1);
    const worker = startTestWorker(t.db);
    try {
      expect(await waitForJob(t.db, created.body.job_id, 10_000)).toMatchObject({ status: 'succeeded' });
    } finally {
      await worker.stop();
    }
    expect((await getJob(t.db, created.body.job_id))?.attempts).toBe(2);
  });
});
