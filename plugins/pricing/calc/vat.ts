/**
 * Danish VAT (moms) by class. A class's VAT is its rate of the class's rounded taxable amount,
 * rounded to whole øre once: the way Peppol BIS / OIOUBL state it (the VAT of a category is the
 * category's taxable amount × its rate, rounded to two decimals), so the VAT a customer checks
 * from the quote's own figures is exactly the VAT shown.
 */
import { BP_SCALE, roundHalfAwayFromZero } from './money.ts';
import type { BasisPoints, VatClass } from '../types.ts';

/** The rate of each class: 25 % standard moms; 0 % for what is exempt (or outside VAT). */
export const VAT_RATES: Readonly<Record<VatClass, BasisPoints>> = { standard: 2500, exempt: 0 };

/** The order classes are listed in on a quote (and in which a tie in the discount split goes). */
export const VAT_CLASSES: readonly VatClass[] = ['standard', 'exempt'];

/** Whether a value is one of the VAT classes (price lists come from a database and files). */
export function isVatClass(value: unknown): value is VatClass {
  return typeof value === 'string' && Object.hasOwn(VAT_RATES, value);
}

/**
 * The VAT on a taxable amount in whole øre, rounded half away from zero.
 *
 * @example
 * vatOf(486000n, 2500) // 121500n  (25 % of 4.860,00 kr. = 1.215,00 kr.)
 * vatOf(5549n, 2500)   // 1387n    (25 % of 55,49 = 13,8725 → 13,87)
 */
export function vatOf(baseOre: bigint, rateBp: BasisPoints): bigint {
  return roundHalfAwayFromZero(baseOre * BigInt(rateBp), BP_SCALE);
}
