import { randomUUID } from 'node:crypto';
import { CrmError } from '../errors/index.ts';
import type { LimitStore } from './store.ts';

export { memoryLimitStore, postgresLimitStore, type LimitStore } from './store.ts';

/** A limit: at most `limit` requests per `windowMs` (a fixed window). */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/** A held slot (one open stream): renewed while held, given back by `release`. */
export interface LimitSlot {
  release(): Promise<void>;
}

/** Rate limits and concurrency caps on a store. */
export interface Limiter {
  /** Counts a request on `key`; throws `rate_limited` (429 with Retry-After) over the rule. */
  take(key: string, rule: RateRule): Promise<void>;
  /** Holds one of at most `max` slots of `key` (an open stream); throws `rate_limited` when all are taken. */
  hold(key: string, max: number, what?: string): Promise<LimitSlot>;
}

/** How long a slot lasts without renewal: a crashed server's streams free their slots by then. */
const SLOT_LEASE_MS = 30_000;

/**
 * Limits that every server on one database shares (with the Postgres store, the default), so
 * a visitor can't multiply their allowance by reaching another server. Keys name what is
 * limited and who: `chat:ip:203.0.113.9`, `chat:session:<id>`.
 *
 * @example
 * const limiter = createLimiter(postgresLimitStore(db));
 * await limiter.take('chat:ip:203.0.113.9', { limit: 30, windowMs: 60_000 });
 * const slot = await limiter.hold('chat:streams:session:…', 2);
 * // … when the stream ends
 * await slot.release();
 */
export function createLimiter(store: LimitStore, now: () => number = Date.now): Limiter {
  return {
    async take(key, rule) {
      const { count, resetAt } = await store.hit(key, rule.windowMs);
      if (count <= rule.limit) return;
      const retryAfter = Math.max(1, Math.ceil((resetAt - now()) / 1000));
      throw new CrmError('rate_limited', `Too many requests; try again in ${retryAfter} s`, { extra: { retryAfter } });
    },
    async hold(key, max, what = 'open connections') {
      const holder = randomUUID();
      if (!(await store.acquire(key, holder, max, SLOT_LEASE_MS))) {
        throw new CrmError('rate_limited', `Too many ${what}; close one first`, { extra: { retryAfter: 5 } });
      }
      const timer = setInterval(() => void store.renew(key, holder, SLOT_LEASE_MS).catch(() => {}), SLOT_LEASE_MS / 3);
      timer.unref();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          clearInterval(timer);
          await store.release(key, holder);
        },
      };
    },
  };
}
