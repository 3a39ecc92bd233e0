import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import type { Database } from '../db/types.ts';
import { uuidv7 } from '../ids/index.ts';
import { createLogger } from '../log/index.ts';
import { createWorker, enqueue, getJob } from './index.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DRIVERS)('the job worker during a database outage on %s', (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(() => t.destroy());

  it('backs off, logs the outage once (not per poll), and resumes when the database is back', async () => {
    let down = false;
    const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    // The worker's view of the database: claims are refused while `down`.
    const orm = new Proxy(t.db.orm, {
      get: (target, property, receiver) => (property === 'transaction' && down ? refused : Reflect.get(target, property, receiver)),
    });
    const db: Database = { ...t.db, orm };
    const lines: Array<{ msg: string; level: number }> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as { msg: string; level: number });
        done();
      },
    });
    const name = `test.${uuidv7().slice(-12)}`;
    const worker = createWorker({ db, handlers: { [name]: async () => ({ done: true }) }, pollMs: 10, logger: createLogger('info', sink) });
    worker.start();
    try {
      down = true;
      await sleep(600);
      const errors = lines.filter((l) => l.level >= 40);
      expect(errors.map((l) => l.msg)).toEqual(['database unavailable; claiming no jobs until it answers']);
      down = false;
      const { id } = await enqueue(t.db, name, {});
      worker.wake();
      const deadline = Date.now() + 8000;
      while ((await getJob(t.db, id))?.status !== 'succeeded') {
        if (Date.now() > deadline) throw new Error('the job did not run after the database came back');
        await sleep(20);
      }
      expect(lines.filter((l) => l.msg === 'database reachable again; claiming jobs')).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  }, 20_000);
});
