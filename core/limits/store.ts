import { sql } from 'drizzle-orm';
import type { Database } from '../db/types.ts';
import { rowsOf } from '../db/types.ts';

/** Where limit counters and slots live: Postgres (shared by every server) or one process's memory. */
export interface LimitStore {
  /** Counts one hit on `key` in its current fixed window of `windowMs`; the window's count and end. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
  /** Takes one of at most `max` slots of `key` for `holder` until `leaseMs` from now; false when all are held. */
  acquire(key: string, holder: string, max: number, leaseMs: number): Promise<boolean>;
  /** Extends a held slot's lease. */
  renew(key: string, holder: string, leaseMs: number): Promise<void>;
  release(key: string, holder: string): Promise<void>;
}

/**
 * The default store: the `rate_limits` and `rate_limit_slots` tables, so limits hold across
 * every server process on one database. A hit is one statement; taking a slot is one short
 * transaction serialised per key by an advisory lock (a count and an insert that two servers
 * must not interleave).
 *
 * @example
 * const store = postgresLimitStore(db);
 * await store.hit('chat:ip:203.0.113.9', 60_000); // { count: 1, resetAt: 1764662400000 }
 */
export function postgresLimitStore(db: Database): LimitStore {
  let hits = 0;
  return {
    async hit(key, windowMs) {
      // Now and then, forget windows that ended long ago (at most an hour's windows stay).
      if (++hits % 1000 === 0) await db.orm.execute(sql`delete from rate_limits where window_start + window_ms * interval '1 millisecond' < now() - interval '1 hour'`);
      const [row] = rowsOf<{ count: number; reset_ms: string }>(
        await db.orm.execute(sql`
          insert into rate_limits as r (key, window_start, window_ms, count) values (${key}, now(), ${windowMs}, 1)
          on conflict (key) do update set
            count = case when r.window_start + r.window_ms * interval '1 millisecond' <= now() then 1 else r.count + 1 end,
            window_start = case when r.window_start + r.window_ms * interval '1 millisecond' <= now() then now() else r.window_start end,
            window_ms = excluded.window_ms
          returning count, (extract(epoch from window_start) * 1000 + window_ms)::bigint::text as reset_ms`),
      );
      return { count: row!.count, resetAt: Number(row!.reset_ms) };
    },
    async acquire(key, holder, max, leaseMs) {
      return db.orm.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`crm.slot:${key}`}))`);
        await tx.execute(sql`delete from rate_limit_slots where key = ${key} and expires_at < now()`);
        const [held] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from rate_limit_slots where key = ${key}`));
        if ((held?.n ?? 0) >= max) return false;
        await tx.execute(sql`
          insert into rate_limit_slots (key, holder, expires_at) values (${key}, ${holder}, now() + ${leaseMs} * interval '1 millisecond')
          on conflict (key, holder) do update set expires_at = excluded.expires_at`);
        return true;
      });
    },
    async renew(key, holder, leaseMs) {
      await db.orm.execute(sql`update rate_limit_slots set expires_at = now() + ${leaseMs} * interval '1 millisecond' where key = ${key} and holder = ${holder}`);
    },
    async release(key, holder) {
      await db.orm.execute(sql`delete from rate_limit_slots where key = ${key} and holder = ${holder}`);
    },
  };
}

/**
 * Counters and slots in this process's memory: for a single server without a shared database
 * need, and for tests. With several servers each counts alone.
 *
 * @example
 * const limiter = createLimiter(memoryLimitStore());
 */
export function memoryLimitStore(now: () => number = Date.now): LimitStore {
  const windows = new Map<string, { start: number; ms: number; count: number }>();
  const slots = new Map<string, Map<string, number>>();
  return {
    async hit(key, windowMs) {
      const t = now();
      let w = windows.get(key);
      if (!w || w.start + w.ms <= t) {
        w = { start: t, ms: windowMs, count: 0 };
        windows.set(key, w);
        if (windows.size > 100_000) for (const [k, v] of windows) if (v.start + v.ms <= t) windows.delete(k);
      }
      w.count++;
      return { count: w.count, resetAt: w.start + w.ms };
    },
    async acquire(key, holder, max, leaseMs) {
      const t = now();
      const held = slots.get(key) ?? new Map<string, number>();
      for (const [h, until] of held) if (until < t) held.delete(h);
      if (held.size >= max && !held.has(holder)) return false;
      held.set(holder, t + leaseMs);
      slots.set(key, held);
      return true;
    },
    async renew(key, holder, leaseMs) {
      slots.get(key)?.set(holder, now() + leaseMs);
    },
    async release(key, holder) {
      slots.get(key)?.delete(holder);
    },
  };
}
