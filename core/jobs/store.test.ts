import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { rowsOf } from '../db/types.ts';
import { isCrmError } from '../errors/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { claim, complete, enqueue, fail, getJob, heartbeat, reportProgress } from './index.ts';

/** A job name of its own per test, so tests sharing a database never claim each other's jobs. */
const jobName = () => `test.${uuidv7().slice(-12)}`;

describe.each(DRIVERS)('job store on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(() => t.destroy());

  it('enqueues, claims under a lease and completes', async () => {
    const name = jobName();
    const companyId = uuidv7();
    const job = await enqueue(t.db, name, { articleId: 'a1', tekst: 'Tagrender – æøå' }, { companyId });
    expect(job).toMatchObject({ name, status: 'queued', attempts: 0, maxAttempts: 5, companyId, payload: { articleId: 'a1', tekst: 'Tagrender – æøå' } });

    const [claimed, ...more] = await claim(t.db, { workerId: 'w1', names: [name], leaseMs: 30_000 });
    expect(more).toEqual([]);
    expect(claimed).toMatchObject({ id: job.id, status: 'running', attempts: 1, lockedBy: 'w1' });
    expect(claimed!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(25_000);
    expect(await claim(t.db, { workerId: 'w2', names: [name], leaseMs: 30_000 })).toEqual([]);

    const done = await complete(t.db, claimed!, { chunks: 3 });
    expect(done).toMatchObject({ status: 'succeeded', result: { chunks: 3 }, lockedBy: null, lockedUntil: null });
    expect(done!.finishedAt).toBeInstanceOf(Date);
    expect(await getJob(t.db, job.id)).toEqual(done);
    expect(await getJob(t.db, uuidv7())).toBeUndefined();
    expect(await getJob(t.db, "x' or 1=1")).toBeUndefined();
  });

  it('claims only due jobs of the names asked for, oldest first', async () => {
    const [a, b] = [jobName(), jobName()];
    const later = await enqueue(t.db, a, { n: 'later' }, { runAt: new Date(Date.now() + 60_000) });
    const first = await enqueue(t.db, a, { n: 1 });
    const second = await enqueue(t.db, a, { n: 2 });
    await enqueue(t.db, b, { n: 'other' });
    const claimed = await claim(t.db, { workerId: 'w', names: [a], leaseMs: 3_600_000, limit: 10 });
    expect(claimed.map((j) => j.id)).toEqual([first.id, second.id]);
    expect(await claim(t.db, { workerId: 'w', names: [a], leaseMs: 1000, now: new Date(Date.now() + 120_000) })).toMatchObject([{ id: later.id }]);
    expect(await claim(t.db, { workerId: 'w', names: [], leaseMs: 1000 })).toEqual([]);
  });

  it('makes one job of the same idempotency key, also when enqueued concurrently', async () => {
    const name = jobName();
    const key = `knowledge.index:${uuidv7()}`;
    const jobs = await Promise.all(Array.from({ length: 8 }, (_, i) => enqueue(t.db, name, { i }, { idempotencyKey: key })));
    expect(new Set(jobs.map((j) => j.id)).size).toBe(1);
    const again = await enqueue(t.db, name, { i: 'changed' }, { idempotencyKey: key });
    expect(again.id).toBe(jobs[0]!.id);
    expect(again.payload).toEqual(jobs[0]!.payload);
    const rows = rowsOf<{ n: number }>(await t.db.orm.execute(sql`select count(*)::int as n from jobs where idempotency_key = ${key}`));
    expect(rows[0]!.n).toBe(1);
    // Without a key every enqueue is a job of its own.
    const [x, y] = [await enqueue(t.db, name, {}), await enqueue(t.db, name, {})];
    expect(x.id).not.toBe(y.id);
  });

  it('retries with exponential backoff, then dead-letters with the last error', async () => {
    const name = jobName();
    const job = await enqueue(t.db, name, {}, { maxAttempts: 3 });
    let now = Date.now() + 1000;
    const at = () => new Date(now);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [claimed] = await claim(t.db, { workerId: 'w', names: [name], leaseMs: 10_000, now: at() });
      expect(claimed).toMatchObject({ id: job.id, attempts: attempt });
      const failed = await fail(t.db, claimed!, new Error(`SMTP answered 503 (try ${attempt})`), {
        now: at(), backoff: { baseMs: 1000, maxMs: 5000 }, random: () => 1,
      });
      if (attempt < 3) {
        // random() = 1: the full base·2^attempts, capped at 5 s.
        const delay = Math.min(5000, 1000 * 2 ** attempt);
        expect(failed).toMatchObject({ status: 'failed', lockedBy: null, finishedAt: null, lastError: `SMTP answered 503 (try ${attempt})` });
        expect(failed!.runAt.getTime() - now).toBe(delay);
        expect(await claim(t.db, { workerId: 'w', names: [name], leaseMs: 10_000, now: new Date(now + delay - 1) })).toEqual([]);
        now += delay;
      } else {
        expect(failed).toMatchObject({ status: 'dead', attempts: 3, lastError: 'SMTP answered 503 (try 3)' });
        expect(failed!.finishedAt).toBeInstanceOf(Date);
      }
    }
    expect(await claim(t.db, { workerId: 'w', names: [name], leaseMs: 10_000, now: new Date(now + 3_600_000) })).toEqual([]);
  });

  it('dead-letters at once when told not to retry', async () => {
    const name = jobName();
    await enqueue(t.db, name, {});
    const [claimed] = await claim(t.db, { workerId: 'w', names: [name], leaseMs: 10_000 });
    expect(await fail(t.db, claimed!, new TypeError('payload.articleId is missing'), { retry: false })).toMatchObject({
      status: 'dead', attempts: 1, lastError: 'TypeError: payload.articleId is missing',
    });
  });

  it("gives a dead worker's job to the next worker after the lease, and fences the old one out", async () => {
    const name = jobName();
    const job = await enqueue(t.db, name, {}, { maxAttempts: 2 });
    const t0 = Date.now() + 1000;
    const [mine] = await claim(t.db, { workerId: 'dead-worker', names: [name], leaseMs: 1000, now: new Date(t0) });
    expect(await claim(t.db, { workerId: 'w2', names: [name], leaseMs: 1000, now: new Date(t0 + 999) })).toEqual([]);

    const [taken] = await claim(t.db, { workerId: 'w2', names: [name], leaseMs: 1000, now: new Date(t0 + 1001) });
    expect(taken).toMatchObject({ id: job.id, lockedBy: 'w2', attempts: 2, status: 'running' });
    expect(taken!.lastError).toMatch(/Attempt 1: the lease of worker dead-worker expired/);
    // The first worker wakes up: everything it tries is refused.
    expect(await heartbeat(t.db, mine!, { leaseMs: 1000 })).toBe(false);
    expect(await reportProgress(t.db, mine!, 9, 9, 'stale')).toBe(false);
    expect(await complete(t.db, mine!, 'stale result')).toBeUndefined();
    expect(await fail(t.db, mine!, new Error('stale failure'))).toBeUndefined();

    expect(await heartbeat(t.db, taken!, { leaseMs: 1000 })).toBe(true);
    expect(await complete(t.db, taken!, 'fresh result')).toMatchObject({ status: 'succeeded', result: 'fresh result', attempts: 2 });
  });

  it('dead-letters an expired job that has no attempts left instead of running it again', async () => {
    const name = jobName();
    const job = await enqueue(t.db, name, {}, { maxAttempts: 1 });
    const t0 = Date.now() + 1000;
    await claim(t.db, { workerId: 'crashing-worker', names: [name], leaseMs: 100, now: new Date(t0) });
    expect(await claim(t.db, { workerId: 'w2', names: [name], leaseMs: 100, now: new Date(t0 + 200) })).toEqual([]);
    const dead = await getJob(t.db, job.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, lockedBy: null });
    expect(dead!.lastError).toMatch(/lease of worker crashing-worker expired .* no attempts left/);
  });

  it('records progress while the lease holds', async () => {
    const name = jobName();
    const job = await enqueue(t.db, name, {});
    const [claimed] = await claim(t.db, { workerId: 'w', names: [name], leaseMs: 10_000 });
    expect(await reportProgress(t.db, claimed!, 40, 120, 'Embedding passages\u0000')).toBe(true);
    expect((await getJob(t.db, job.id))!.progress).toEqual({ done: 40, total: 120, message: 'Embedding passages\uFFFD' });
    await expect(reportProgress(t.db, claimed!, -1, 10)).rejects.toThrow(/done must be a whole number/);
    await expect(reportProgress(t.db, claimed!, 1.5, 10)).rejects.toThrow(/done must be a whole number/);
  });

  it('never hands one job to two concurrent claims', async () => {
    const name = jobName();
    await Promise.all(Array.from({ length: 60 }, (_, i) => enqueue(t.db, name, { i })));
    const batches = await Promise.all(
      Array.from({ length: 12 }, (_, i) => claim(t.db, { workerId: `w${i}`, names: [name], leaseMs: 10_000, limit: 7 })),
    );
    const ids = batches.flat().map((j) => j.id);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });

  it.runIf(driver === 'postgres')('skips a job another transaction has locked instead of waiting for it (SKIP LOCKED)', async () => {
    const name = jobName();
    const locked = await enqueue(t.db, name, { n: 'locked' });
    const free = await enqueue(t.db, name, { n: 'free' });
    await t.db.withSession((s) =>
      s.transaction(async (tx) => {
        await tx.query('select id from jobs where id = $1 for update', [locked.id]);
        // Another connection claims meanwhile: it must neither block nor take the locked row.
        const claimed = await claim(t.db, { workerId: 'w', names: [name], leaseMs: 10_000, limit: 5 });
        expect(claimed.map((j) => j.id)).toEqual([free.id]);
      }),
    );
    expect(await claim(t.db, { workerId: 'w', names: [name], leaseMs: 10_000 })).toMatchObject([{ id: locked.id }]);
  });

  it('refuses bad input with a clear error before or instead of a broken row', async () => {
    const bad = async (work: Promise<unknown>, pattern: RegExp) => {
      const error = await work.catch((e: unknown) => e);
      expect(isCrmError(error)).toBe(true);
      expect((error as Error).message).toMatch(pattern);
    };
    await bad(enqueue(t.db, 'has spaces', {}), /Invalid job name/);
    await bad(enqueue(t.db, '', {}), /Invalid job name/);
    await bad(enqueue(t.db, jobName(), {}, { maxAttempts: 0 }), /maxAttempts/);
    await bad(enqueue(t.db, jobName(), {}, { companyId: 'not-a-uuid' }), /companyId/);
    await bad(enqueue(t.db, jobName(), {}, { idempotencyKey: '' }), /idempotencyKey/);
    await bad(enqueue(t.db, jobName(), {}, { runAt: new Date('nope') }), /runAt/);
    await bad(enqueue(t.db, jobName(), { text: 'x'.repeat(300_000) }), /at most 262144 bytes/);
    await bad(enqueue(t.db, jobName(), { text: 'nul \u0000 here' }), /NUL character/);
  });
});
