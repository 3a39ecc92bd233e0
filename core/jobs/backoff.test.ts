import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff.ts';

describe('backoffMs', () => {
  it('doubles with each attempt, between half and all of base·2^attempts', () => {
    expect(backoffMs(1, { baseMs: 1000 }, () => 0)).toBe(1000);
    expect(backoffMs(1, { baseMs: 1000 }, () => 1)).toBe(2000);
    expect(backoffMs(3, { baseMs: 1000 }, () => 0.5)).toBe(6000);
  });

  it('is capped, also for absurd attempt counts', () => {
    expect(backoffMs(30, { baseMs: 1000, maxMs: 60_000 }, () => 1)).toBe(60_000);
    expect(backoffMs(5000, { baseMs: 1000, maxMs: 60_000 }, () => 0)).toBe(30_000);
  });

  it('spreads retries of jobs that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffMs(4)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(8000);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });
});
