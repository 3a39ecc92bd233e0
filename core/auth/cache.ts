import type { ApiScope } from '../db/schema/index.ts';

/**
 * A short in-process memory of API-key lookups, so a busy key costs one database read per
 * TTL instead of one per request. Revocation stays prompt:
 *
 * - every entry lives at most `ttlMs` (default 500 ms) counted from when its lookup *started*,
 *   so a key revoked on another server process (or by `crm keys revoke`) stops working here
 *   within that time: a lookup that began before the revocation committed expires before
 *   `revoked_at + ttlMs`;
 * - a revocation through this process (`forgetApiKeys`, called by `revokeApiKey`) empties
 *   every cache in the process at once, and lookups already in flight are not stored.
 *
 * Unknown secrets are not remembered (every miss reads the database), so a key created on
 * another process works at once. Concurrent misses for one secret share one lookup.
 */

/** What the cache keeps per secret: the key row as far as authentication needs it. */
export interface CachedKey {
  id: string;
  name: string;
  scopes: ApiScope[];
  companyIds: string[] | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

export interface KeyCache {
  /** The row for a secret's hash: from memory when fresh, else from `load` (null: no such key). */
  get(hash: string, load: () => Promise<CachedKey | null>): Promise<CachedKey | null>;
}

/** Bumped by every revocation in this process; entries and lookups of an older epoch are void. */
let epoch = 0;

/**
 * Voids every cached key in this process: called when a key is revoked here, so the revoking
 * request's own server refuses the key from the next request on.
 *
 * @example
 * await revokeKeyRow(orm, id);
 * forgetApiKeys();
 */
export function forgetApiKeys(): void {
  epoch++;
}

/** Most secrets kept; past this the oldest entry goes (a busy server sees few distinct keys). */
const MAX_ENTRIES = 10_000;

/**
 * A cache of key rows by secret hash.
 *
 * @example
 * const cache = createKeyCache();
 * const row = await cache.get(hashSecret(secret), () => readKeyRow(orm, hash));
 */
export function createKeyCache(options: { ttlMs?: number; now?: () => number } = {}): KeyCache {
  const ttl = options.ttlMs ?? 500;
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { row: CachedKey; born: number; epoch: number }>();
  const pending = new Map<string, { promise: Promise<CachedKey | null>; epoch: number }>();

  return {
    async get(hash, load) {
      const entry = entries.get(hash);
      if (entry && entry.epoch === epoch && now() - entry.born < ttl) return entry.row;
      if (entry) entries.delete(hash);
      const shared = pending.get(hash);
      if (shared && shared.epoch === epoch) return shared.promise;

      const started = { at: now(), epoch };
      const promise = load().then((row) => {
        if (row && started.epoch === epoch) {
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
          entries.set(hash, { row, born: started.at, epoch: started.epoch });
        }
        return row;
      });
      pending.set(hash, { promise, epoch: started.epoch });
      try {
        return await promise;
      } finally {
        if (pending.get(hash)?.promise === promise) pending.delete(hash);
      }
    },
  };
}
