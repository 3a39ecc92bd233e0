import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import type { Database } from '../db/types.ts';
import { uuidv7 } from '../ids/index.ts';
import { createLogger } from '../log/index.ts';
import { claim, createWorker, enqueue, getJob, type Job, type JobHandlers, PermanentJobError, type Worker, type WorkerOptions } from './index.ts';

const jobName = () => `test.${uuidv7().slice(-12)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
async function waitFor<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(5);
  }
}

describe.each(DRIVERS)('job worker on %s', (driver) => {
  let t: TestDatabase;
  const workers: Worker[] = [];
  // Polls, backoffs and timeouts in milliseconds keep every test well under a second. The
  // lease stays at a second unless a test is about leases: PGlite runs queries on this
  // thread, and a cold one can hold up the heartbeat timers for a good 100 ms.
  const fast = { leaseMs: 1000, heartbeatMs: 50, pollMs: 10, timeoutMs: 2000, backoff: { baseMs: 5, maxMs: 20 } } as const;
  const worker = (handlers: JobHandlers, options: Partial<WorkerOptions> = {}) => {
    const w = createWorker({ db: t.db, handlers, ...fast, ...options });
    workers.push(w);
    w.start();
    return w;
  };
  const settled = (id: string) =>
    waitFor(async () => {
      const job = await getJob(t.db, id);
      return job && ['succeeded', 'dead'].includes(job.status) ? job : undefined;
    }, `job ${id} to settle`);

  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(() => t.destroy());

  it('runs a job and stores what its handler returns', async () => {
    const name = jobName();
    const seen: unknown[] = [];
    const w = worker({
      [name]: async (payload, { job, signal }) => {
        seen.push({ payload, attempts: job.attempts, aborted: signal.aborted });
        return { chunks: 7 };
      },
    });
    const job = await enqueue(t.db, name, { articleId: 'a1' });
    w.wake();
    expect(await settled(job.id)).toMatchObject({ status: 'succeeded', attempts: 1, result: { chunks: 7 }, lastError: null });
    expect(seen).toEqual([{ payload: { articleId: 'a1' }, attempts: 1, aborted: false }]);
  });

  it('retries a handler that throws with backoff, then dead-letters it with the last error', async () => {
    const name = jobName();
    const runs: number[] = [];
    worker({
      [name]: (_payload, { job }) => {
        runs.push(job.attempts);
        throw new Error(`Provider answered 503 on attempt ${job.attempts}`);
      },
    });
    const job = await enqueue(t.db, name, {}, { maxAttempts: 3 });
    const dead = await settled(job.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastError: 'Provider answered 503 on attempt 3', lockedBy: null });
    expect(runs).toEqual([1, 2, 3]);
  });

  it('succeeds on a retry after failures, keeping the last error as history', async () => {
    const name = jobName();
    worker({
      [name]: (_payload, { job }) => {
        if (job.attempts < 2) throw new Error('flaky');
        return 'ok';
      },
    });
    const job = await enqueue(t.db, name, {});
    expect(await settled(job.id)).toMatchObject({ status: 'succeeded', attempts: 2, result: 'ok', lastError: 'flaky' });
  });

  it('times out a handler that hangs, retries it, then dead-letters it', async () => {
    const name = jobName();
    const signals: AbortSignal[] = [];
    worker(
      {
        // Ignores its signal and never settles: the worker must abandon it on its own.
        [name]: (_payload, { signal }) => {
          signals.push(signal);
          return new Promise(() => {});
        },
      },
      { timeoutMs: 40 },
    );
    const job = await enqueue(t.db, name, {}, { maxAttempts: 2 });
    const dead = await settled(job.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 2 });
    expect(dead.lastError).toBe('JobTimeoutError: The handler did not finish within 40 ms and was abandoned');
    expect(signals).toHaveLength(2);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it("finishes a killed worker's job once its lease has expired", async () => {
    const name = jobName();
    const job = await enqueue(t.db, name, { n: 1 });
    // The killed worker: claims with a short lease, then never heartbeats or completes.
    const [orphan] = await claim(t.db, { workerId: 'killed-worker', names: [name], leaseMs: 60 });
    expect(orphan?.id).toBe(job.id);
    const attempts: Job[] = [];
    worker({ [name]: (_payload, { job: running }) => void attempts.push(running) });
    const done = await settled(job.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(done.lastError).toMatch(/lease of worker killed-worker expired/);
    expect(attempts.map((a) => a.lockedBy)).toEqual([workers[0]!.id]);
  });

  it('keeps a long job alive with heartbeats, so no other worker takes it over', async () => {
    const name = jobName();
    const runs: string[] = [];
    const handler = async (_payload: unknown, { job }: { job: Job }) => {
      runs.push(job.lockedBy!);
      await sleep(500); // well past the 150 ms lease
    };
    worker({ [name]: handler }, { leaseMs: 150, heartbeatMs: 20 });
    worker({ [name]: handler }, { leaseMs: 150, heartbeatMs: 20 });
    const job = await enqueue(t.db, name, {});
    expect(await settled(job.id)).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(runs).toHaveLength(1);
  });

  it('runs each of many jobs exactly once across two workers, never two at a time', async () => {
    const name = jobName();
    const runs = new Map<string, number>();
    const inFlight = new Set<string>();
    const overlaps: string[] = [];
    const byWorker = new Map<string, number>();
    const handler = async (_payload: unknown, { job }: { job: Job }) => {
      if (inFlight.has(job.id)) overlaps.push(job.id);
      inFlight.add(job.id);
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      byWorker.set(job.lockedBy!, (byWorker.get(job.lockedBy!) ?? 0) + 1);
      await sleep(1 + Math.floor(Math.random() * 3));
      inFlight.delete(job.id);
    };
    const jobs = await Promise.all(Array.from({ length: 60 }, (_, i) => enqueue(t.db, name, { i })));
    worker({ [name]: handler }, { concurrency: 4 });
    worker({ [name]: handler }, { concurrency: 4 });
    for (const job of jobs) expect(await settled(job.id)).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(overlaps).toEqual([]);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(runs.size).toBe(60);
    expect(byWorker.size).toBe(2);
  });

  it('shows progress through getJob while the handler runs', async () => {
    const name = jobName();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker({
      [name]: async (_payload, { progress }) => {
        for (let i = 1; i <= 50; i++) void progress(i, 100, `Passage ${i}`); // coalesced: the last one wins
        await progress(50, 100, 'Halfway');
        await gate;
        await progress(100, 100, 'Done');
        return { ok: true };
      },
    });
    const job = await enqueue(t.db, name, {});
    const running = await waitFor(async () => {
      const current = await getJob(t.db, job.id);
      return current?.progress.message === 'Halfway' ? current : undefined;
    }, 'progress');
    expect(running).toMatchObject({ status: 'running', progress: { done: 50, total: 100, message: 'Halfway' } });
    release();
    expect(await settled(job.id)).toMatchObject({ status: 'succeeded', progress: { done: 100, total: 100, message: 'Done' } });
  });

  it('dead-letters a PermanentJobError at once, and survives handlers that misbehave', async () => {
    const [permanent, nonError, unstorable] = [jobName(), jobName(), jobName()];
    worker({
      [permanent]: () => {
        throw new PermanentJobError('Article a1 no longer exists');
      },
      [nonError]: () => Promise.reject({ weird: true }),
      [unstorable]: () => ({ big: 10n }),
    });
    const [a, b, c] = await Promise.all([
      enqueue(t.db, permanent, {}),
      enqueue(t.db, nonError, {}, { maxAttempts: 1 }),
      enqueue(t.db, unstorable, {}, { maxAttempts: 1 }),
    ]);
    expect(await settled(a.id)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'PermanentJobError: Article a1 no longer exists' });
    expect(await settled(b.id)).toMatchObject({ status: 'dead', lastError: 'Non-error thrown: {"weird":true}' });
    expect(await settled(c.id)).toMatchObject({ status: 'dead', lastError: expect.stringMatching(/^TypeError: .*BigInt/) });
  });

  it('stop() waits for running jobs, and a stopped worker claims nothing', async () => {
    const name = jobName();
    let finished = false;
    const w = worker({
      [name]: async () => {
        await sleep(80);
        finished = true;
      },
    });
    const job = await enqueue(t.db, name, {});
    w.wake();
    await waitFor(async () => w.active > 0, 'the job to start');
    await w.stop();
    expect(finished).toBe(true);
    expect((await getJob(t.db, job.id))?.status).toBe('succeeded');
    const later = await enqueue(t.db, name, {});
    await sleep(50);
    expect((await getJob(t.db, later.id))?.status).toBe('queued');
  });

  it('keeps polling, logging, when the database fails under it', async () => {
    let claims = 0;
    const down = {
      ...t.db,
      orm: { transaction: () => Promise.reject(new Error(`connection refused (${++claims})`)) },
    } as unknown as Database;
    const lines: string[] = [];
    const logger = createLogger('error', { write: (line: string) => void lines.push(line) });
    const w = createWorker({ db: down, handlers: { [jobName()]: () => undefined }, ...fast, logger });
    w.start();
    await waitFor(async () => claims >= 3, 'three failed claims');
    await w.stop();
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: expect.stringMatching(/claiming jobs failed/), err: { message: 'connection refused (1)' } });
  });
});
