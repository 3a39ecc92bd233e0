import { describe, expect, it } from 'vitest';
import { type CachedKey, createKeyCache, forgetApiKeys } from './cache.ts';

const row = (name = 'k'): CachedKey => ({ id: 'id', name, scopes: ['crm:read'], companyIds: null, revokedAt: null, expiresAt: null, lastUsedAt: null });

describe('the API-key cache', () => {
  it('reads a key once per TTL, counted from when the read started', async () => {
    let clock = 0;
    let reads = 0;
    const cache = createKeyCache({ ttlMs: 500, now: () => clock });
    const load = async () => {
      reads++;
      clock += 100; // the read itself takes 100 ms
      return row();
    };
    await cache.get('h', load);
    clock = 499;
    await cache.get('h', load);
    expect(reads).toBe(1);
    clock = 500; // 500 ms after the first read began, though only 400 ms after it ended
    await cache.get('h', load);
    expect(reads).toBe(2);
  });

  it('shares one read among concurrent requests for a key', async () => {
    let reads = 0;
    const cache = createKeyCache();
    const load = () => new Promise<CachedKey>((resolve) => setTimeout(() => resolve(row()), 10, reads++));
    const rows = await Promise.all(Array.from({ length: 20 }, () => cache.get('h', load)));
    expect(reads).toBe(1);
    expect(new Set(rows).size).toBe(1);
  });

  it('never remembers an unknown key', async () => {
    let reads = 0;
    const cache = createKeyCache();
    const load = async () => (reads++, null);
    expect(await cache.get('h', load)).toBeNull();
    expect(await cache.get('h', load)).toBeNull();
    expect(reads).toBe(2);
  });

  it('forgets every key at once when one is revoked in this process, and drops reads in flight', async () => {
    const cache = createKeyCache({ ttlMs: 60_000 });
    await cache.get('h', async () => row('before'));
    let release!: () => void;
    const inFlight = cache.get('other', () => new Promise<CachedKey>((resolve) => (release = () => resolve(row('stale')))));
    forgetApiKeys();
    release();
    expect((await inFlight)?.name).toBe('stale');
    expect((await cache.get('h', async () => row('after')))?.name).toBe('after');
    expect((await cache.get('other', async () => row('fresh')))?.name).toBe('fresh');
  });
});
