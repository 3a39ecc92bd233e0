import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../db/postgres/index.ts';
import type { Database } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from '../../test/support/databases.ts';
import { createLimiter, memoryLimitStore, postgresLimitStore } from './index.ts';

const refused = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(CrmError);
  expect((error as CrmError).code).toBe('rate_limited');
  return error as CrmError;
};

describe.each(DRIVERS)('limits in the database on %s', (driver) => {
  let t: TestDatabase;
  /** A second server's connection to the same database (PGlite has one process: the same handle). */
  let other: Database;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    other = driver === 'postgres' ? await openPostgres(await urlOf(t.db)) : t.db;
  });
  afterAll(async () => {
    if (other !== t.db) await other.close();
    await t.destroy();
  });

  it('counts one window across two servers and says when to come back', async () => {
    const a = createLimiter(postgresLimitStore(t.db));
    const b = createLimiter(postgresLimitStore(other));
    const rule = { limit: 3, windowMs: 60_000 };
    await a.take('chat:ip:203.0.113.9', rule);
    await b.take('chat:ip:203.0.113.9', rule);
    await a.take('chat:ip:203.0.113.9', rule);
    const error = await refused(b.take('chat:ip:203.0.113.9', rule));
    expect(error.extra?.retryAfter).toBeGreaterThan(50);
    expect(error.extra?.retryAfter).toBeLessThanOrEqual(60);
    await a.take('chat:ip:198.51.100.1', rule); // another key has its own count
  });

  it('starts a new window when the old one has ended', async () => {
    const limiter = createLimiter(postgresLimitStore(t.db));
    await limiter.take('short', { limit: 1, windowMs: 200 });
    await refused(limiter.take('short', { limit: 1, windowMs: 200 }));
    await new Promise((resolve) => setTimeout(resolve, 250));
    await limiter.take('short', { limit: 1, windowMs: 200 });
  });

  it('caps held slots across servers, frees them on release and when a lease runs out', async () => {
    const a = createLimiter(postgresLimitStore(t.db));
    const b = createLimiter(postgresLimitStore(other));
    const one = await a.hold('streams:s1', 2);
    await b.hold('streams:s1', 2);
    expect((await refused(a.hold('streams:s1', 2, 'open chat connections'))).message).toContain('open chat connections');
    await one.release();
    await b.hold('streams:s1', 2);
    // A crashed server's slot: its lease ran out (set in the past here), so it no longer counts.
    await t.db.orm.execute(sql`update rate_limit_slots set expires_at = now() - interval '1 second' where key = 'streams:s1'`);
    await a.hold('streams:s1', 2);
    await a.hold('streams:s1', 2);
  });
});

describe('limits in memory', () => {
  it('counts and caps within one process', async () => {
    const limiter = createLimiter(memoryLimitStore());
    await limiter.take('k', { limit: 1, windowMs: 60_000 });
    await refused(limiter.take('k', { limit: 1, windowMs: 60_000 }));
    const slot = await limiter.hold('s', 1);
    await refused(limiter.hold('s', 1));
    await slot.release();
    await limiter.hold('s', 1);
  });
});

async function urlOf(db: Database): Promise<string> {
  const [row] = (await db.orm.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return url.toString();
}
