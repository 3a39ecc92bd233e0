/**
 * From the counted lines' exact nets to the quote's totals, in the documented order:
 *
 *   rounding rule → subtotal → total discount % → net → split of the net over the VAT classes
 *   (largest remainder) → VAT per class → gross.
 *
 * - `'line'`: each line's net is rounded to whole øre first and the subtotal is the sum of those
 *   rounded lines, which are the amounts the customer sees.
 * - `'total'`: the lines stay exact; the subtotal is their exact sum rounded once.
 * Then, under both rules: the discount is rounded from the subtotal as shown
 * (round(subtotal × bp / 10000)), so a customer can check it by hand, and net = subtotal −
 * discount, so no øre appears or vanishes. The net is split over the VAT classes in proportion
 * to the classes' (rounded, for 'line') pre-discount amounts by the largest-remainder method:
 * every class gets the floor of its exact share and the missing øre go to the largest remainders
 * (ties to the class listed first), so the per-class taxable amounts sum to the net exactly and
 * each is within one øre of its exact share. Each class's VAT is its rate of its taxable amount,
 * rounded half away from zero; gross = net + VAT.
 */
import { BP_SCALE, LINE_DEN, allocateLargestRemainder, roundHalfAwayFromZero, toOre } from './money.ts';
import { VAT_CLASSES, VAT_RATES, vatOf } from './vat.ts';
import type { BasisPoints, QuoteTotals, RoundingRule, VatClass } from '../types.ts';

/** A counted line as the totals need it. */
export interface CountedNet {
  vatClass: VatClass;
  /** The exact net in øre × 10^11 (see `LINE_DEN`). */
  exact: bigint;
}

/**
 * The quote's totals from its counted lines.
 *
 * @example
 * // 4.860,00 kr. standard-rated, no discount:
 * quoteTotals([{ vatClass: 'standard', exact: 486000n * LINE_DEN }], 0, 'line')
 * // { subtotalOre: 486000, totalDiscountOre: 0, netOre: 486000, vatOre: 121500, grossOre: 607500,
 * //   vat: [{ vatClass: 'standard', rateBp: 2500, baseOre: 486000, vatOre: 121500 }], ... }
 */
export function quoteTotals(counted: readonly CountedNet[], totalDiscountBp: BasisPoints, rounding: RoundingRule): Omit<QuoteTotals, 'lines'> {
  const byClass = new Map<VatClass, bigint>();
  for (const line of counted) {
    const amount = rounding === 'line' ? roundHalfAwayFromZero(line.exact, LINE_DEN) * LINE_DEN : line.exact;
    byClass.set(line.vatClass, (byClass.get(line.vatClass) ?? 0n) + amount);
  }
  const classes = VAT_CLASSES.filter((c) => byClass.has(c));
  const amounts = classes.map((c) => byClass.get(c)!);

  const subtotal = roundHalfAwayFromZero(amounts.reduce((a, b) => a + b, 0n), LINE_DEN);
  const discount = roundHalfAwayFromZero(subtotal * BigInt(totalDiscountBp), BP_SCALE);
  const net = subtotal - discount;
  const bases = allocateLargestRemainder(net, amounts);

  const vat = classes.map((vatClass, i) => {
    const rateBp = VAT_RATES[vatClass];
    const base = bases[i]!;
    return { vatClass, rateBp, baseOre: toOre(base), vatOre: toOre(vatOf(base, rateBp)) };
  });
  const vatOre = vat.reduce((sum, v) => sum + BigInt(v.vatOre), 0n);

  return {
    subtotalOre: toOre(subtotal),
    totalDiscountBp,
    totalDiscountOre: toOre(discount),
    netOre: toOre(net),
    vat,
    vatOre: toOre(vatOre),
    grossOre: toOre(net + vatOre),
    rounding,
  };
}
