/**
 * `calculateQuote`: checks the input, prices every line (`unit-price.ts`), decides which lines
 * count (`lines.ts`) and totals the counted ones (`totals.ts`). The order and the rounding rule
 * are documented on the module's face, `index.ts`.
 */
import { PricingError } from './errors.ts';
import { catalogue } from './catalogue.ts';
import { groupOf, selectCounted } from './lines.ts';
import { LINE_DEN, UNIT_DEN, roundHalfAwayFromZero, toOre } from './money.ts';
import { quoteTotals, type CountedNet } from './totals.ts';
import { unitPrice } from './unit-price.ts';
import { checkAgreement, checkDate, checkDiscount, checkLine, isWithin } from './validate.ts';
import { VAT_RATES } from './vat.ts';
import type { Agreement, BasisPoints, LineInput, PriceItem, QuoteLine, QuoteTotals, RoundingRule } from '../types.ts';

/** What a quote is calculated from. */
export interface QuoteInput {
  /** The price list (the own company's items); only the SKUs the lines name are used. */
  items: readonly PriceItem[];
  lines: readonly LineInput[];
  /** The customer's agreement, if it has one. */
  agreement?: Agreement | null;
  /** A discount on the whole quote, applied after the lines are rounded. Default 0. */
  totalDiscountBp?: BasisPoints;
  /** Default `'line'`, the Danish invoice practice (see `index.ts`). */
  rounding?: RoundingRule;
  /**
   * The day the prices apply (yyyy-mm-dd): items and the agreement must be valid then (both
   * ends inclusive). Without it validity is not checked; the calculation never reads a clock,
   * so the same input always gives the same quote.
   */
  date?: string;
}

/**
 * A quote's lines and totals, exact to the øre under the stated rule. Throws a `PricingError`
 * for bad input.
 *
 * @example
 * const quote = calculateQuote({
 *   items: [gutter], // 450,00 kr./m, 25 % moms
 *   lines: [{ sku: 'TR-ZINK-333', quantity: 12000 }], // 12 m
 *   agreement: { companyId, prices: {}, discountBp: 1000, validFrom: null, validTo: null },
 * });
 * quote.lines[0].unitPriceOre // 40500   (405,00 kr./m after 10 %)
 * quote.netOre                // 486000  (4.860,00 kr.)
 * quote.vatOre                // 121500  (1.215,00 kr.)
 * quote.grossOre              // 607500  (6.075,00 kr.)
 */
export function calculateQuote(input: QuoteInput): QuoteTotals {
  const rounding = input.rounding ?? 'line';
  if (rounding !== 'line' && rounding !== 'total') throw new PricingError('invalid_rounding', { value: String(rounding) });
  const totalDiscountBp = checkDiscount(input.totalDiscountBp);
  const date = checkDate(input.date);

  const agreement = input.agreement ?? null;
  if (agreement) {
    checkAgreement(agreement);
    if (date !== undefined && !isWithin(date, agreement.validFrom, agreement.validTo)) {
      throw new PricingError('agreement_not_valid', { date });
    }
  }

  const find = catalogue(input.items, date);
  input.lines.forEach(checkLine);
  const counts = selectCounted(input.lines);

  const counted: CountedNet[] = [];
  const lines = input.lines.map((line, index): QuoteLine => {
    const item = find(line.sku, index);
    const price = unitPrice(item, line, agreement);
    // Exact: thousandths × (øre × 10^8) is øre × 10^11, with nothing rounded yet.
    const exact = BigInt(price.quantity) * price.exact;
    if (counts[index]) counted.push({ vatClass: item.vatClass, exact });
    const details = { line: index, sku: line.sku };
    return {
      sku: item.sku,
      name: item.name,
      unit: item.unit,
      quantity: price.quantity,
      unitPriceOre: toOre(roundHalfAwayFromZero(price.exact, UNIT_DEN), details),
      // Shown in whole øre under both rules; under 'total' the totals use the exact value instead.
      netOre: toOre(roundHalfAwayFromZero(exact, LINE_DEN), details),
      vatClass: item.vatClass,
      vatRateBp: VAT_RATES[item.vatClass],
      optional: line.optional === true,
      counted: counts[index]!,
      group: groupOf(line),
      reasons: price.reasons,
    };
  });

  return { lines, ...quoteTotals(counted, totalDiscountBp, rounding) };
}
