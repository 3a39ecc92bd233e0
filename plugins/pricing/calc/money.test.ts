import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateLargestRemainder, roundHalfAwayFromZero } from './money.ts';

describe('roundHalfAwayFromZero', () => {
  it.each([
    [5n, 2n, 3n], // 2,5
    [-5n, 2n, -3n],
    [3n, 2n, 2n], // 1,5
    [1n, 2n, 1n], // 0,5
    [-1n, 2n, -1n],
    [7n, 3n, 2n], // 2,33
    [8n, 3n, 3n], // 2,67
    [-7n, 3n, -2n],
    [0n, 7n, 0n],
    [4999n, 10000n, 0n],
    [5000n, 10000n, 1n],
  ])('%i / %i → %i', (n, d, expected) => {
    expect(roundHalfAwayFromZero(n, d)).toBe(expected);
  });

  it('is within half of the exact value, and a half goes away from zero (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const r = roundHalfAwayFromZero(n, d);
        const diff = 2n * (r * d - n); // twice the error, scaled by d
        const abs = diff < 0n ? -diff : diff;
        if (abs > d) return false;
        if (abs === d) return n > 0n ? r * d > n : r * d < n; // an exact half
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('allocateLargestRemainder', () => {
  it('examples', () => {
    expect(allocateLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateLargestRemainder(10n, [3n, 1n])).toEqual([8n, 2n]);
    expect(allocateLargestRemainder(0n, [0n, 0n])).toEqual([0n, 0n]);
    expect(allocateLargestRemainder(7n, [0n, 5n])).toEqual([0n, 7n]);
  });

  it('sums to the total and keeps every part within one of its exact share (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { minLength: 1, maxLength: 6 }), (total, weights) => {
        const sum = weights.reduce((a, b) => a + b, 0n);
        fc.pre(sum > 0n);
        const parts = allocateLargestRemainder(total, weights);
        if (parts.reduce((a, b) => a + b, 0n) !== total) return false;
        // floor(share) ≤ part ≤ floor(share) + 1, i.e. part·sum − total·w in (−sum, sum).
        return parts.every((p, i) => {
          const err = p * sum - total * weights[i]!;
          return err > -sum && err < sum;
        });
      }),
      { numRuns: 1000 },
    );
  });
});
