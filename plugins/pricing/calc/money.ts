/**
 * Exact money arithmetic: amounts are bigint numerators over fixed denominators, rounded to whole
 * øre only where the documented order says so, and turned into a `number` only as whole øre.
 *
 * Why these denominators: a quantity is in thousandths (10^3) and a unit price can carry two
 * percentage discounts in basis points (the agreement's and the line's, 10^4 each), so the exact
 * unit price is øre / 10^8 and the exact line net is øre / 10^11. Every value the calculation
 * produces is an integer over one of these, so sums need no common-denominator search and nothing
 * is ever a float.
 */
import { PricingError, type PricingErrorDetails } from './errors.ts';
import type { Ore } from '../types.ts';

/** Thousandths of a unit in a quantity. */
export const QUANTITY_SCALE = 1000n;
/** Basis points in a whole (100 %). */
export const BP_SCALE = 10_000n;
/** The denominator of an exact unit price: øre × 10^8 (two discounts in basis points). */
export const UNIT_DEN = BP_SCALE * BP_SCALE;
/** The denominator of an exact line amount: quantity thousandths × exact unit price = øre × 10^11. */
export const LINE_DEN = QUANTITY_SCALE * UNIT_DEN;

/**
 * `n / d` rounded to a whole number, halves away from zero ("afrunding til nærmeste øre": 0,5 øre
 * and more up, below 0,5 øre down, mirrored for negative amounts). This is what Danish
 * bookkeeping and the Peppol/OIOUBL rules expect of amounts with two decimals. The alternative,
 * half to even ("banker's rounding", IEEE 754's default), removes the upward bias over many
 * roundings but surprises anyone who checks a quote with a calculator, so it is not used.
 * (Rounding a cash payment to 50 øre happens at the till, not on a quote, and is not done here.)
 *
 * @example
 * roundHalfAwayFromZero(5n, 2n)  // 3n   (2,5 → 3)
 * roundHalfAwayFromZero(-5n, 2n) // -3n  (-2,5 → -3)
 * roundHalfAwayFromZero(7n, 3n)  // 2n   (2,33… → 2)
 */
export function roundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('The denominator must be positive');
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = abs / d;
  const r = abs % d;
  const rounded = 2n * r >= d ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/**
 * A whole number of øre as a `number`, refusing what a `number` cannot hold exactly.
 *
 * @example
 * toOre(125050n) // 125050
 */
export function toOre(value: bigint, details: PricingErrorDetails = {}): Ore {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new PricingError('amount_too_large', details);
  }
  return Number(value);
}

/**
 * Splits a non-negative whole `total` into parts proportional to `weights` that sum to `total`
 * exactly, by the largest-remainder (Hamilton) method: every part gets the floor of its exact
 * share, and the øre still missing go one each to the parts with the largest remainders, ties to
 * the earlier part. So no part is more than one øre from its exact share and nothing is lost.
 *
 * @example
 * allocateLargestRemainder(100n, [1n, 1n, 1n]) // [34n, 33n, 33n]
 * allocateLargestRemainder(10n, [3n, 1n])      // [8n, 2n]  (exact 7,5 and 2,5; the tie goes to the first)
 */
export function allocateLargestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError('The total must not be negative');
  if (weights.some((w) => w < 0n)) throw new RangeError('Weights must not be negative');
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    if (total !== 0n) throw new RangeError('A non-zero total cannot be split by zero weights');
    return weights.map(() => 0n);
  }
  const parts = weights.map((w) => (total * w) / sum);
  let missing = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, index) => ({ index, remainder: (total * w) % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  // Fewer øre are missing than there are parts with a remainder, so one pass hands them all out.
  for (const { index } of order) {
    if (missing === 0n) break;
    parts[index] = parts[index]! + 1n;
    missing -= 1n;
  }
  return parts;
}
