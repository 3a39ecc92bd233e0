/**
 * The exact quote calculation: pure functions, no database, no clock, no floats.
 *
 * Units: money in whole øre (`number`), quantities in thousandths of a unit, percentages in basis
 * points. Inside, amounts are bigint numerators over fixed denominators (øre × 10^8 for a unit
 * price, øre × 10^11 for a line: thousandths × two discounts in basis points), so every step is
 * exact and only the steps named below round.
 *
 * ## The order
 * For each line:
 * 1. **Minimum quantity**: a quantity below the item's minimum is raised to it (reason
 *    `minimum_quantity`), before anything is priced, so breaks see the charged quantity.
 * 2. **List price** of the item (`list`).
 * 3. **Quantity break**: the break with the largest `minQuantity` ≤ the quantity replaces the
 *    list price (`break`); at exactly a break's minimum the break applies, one thousandth below
 *    it the previous one (or the list price).
 * 4. **Agreement**: the customer's agreed net price for the SKU replaces list and break
 *    (`agreement_price`); otherwise the agreement's discount % is taken off (`agreement_discount`).
 * 5. **Manual price** (staff): replaces everything before it, agreement discount included (`manual`).
 * 6. **Line discount** %, off the price so far (`line_discount`).
 * 7. **Line net** = quantity × unit price, exact.
 * Then for the quote:
 * 8. **Which lines count**: plain lines; optional lines when chosen; one line per alternative
 *    group (the chosen one, else the first). Uncounted lines are priced and shown, not totalled.
 * 9. **Rounding** per the rule (below), giving the subtotal.
 * 10. **Total discount** % = round(subtotal × bp / 10000); net = subtotal − discount.
 * 11. **Split over VAT classes**: the net is divided over the counted lines' VAT classes in
 *     proportion to their amounts by the largest-remainder method (floors, then the missing øre
 *     to the largest remainders, ties to `standard` before `exempt`), so the per-class taxable
 *     amounts sum to the net exactly and none is more than one øre from its exact share.
 * 12. **VAT per class** = round(taxable amount × rate): 25 % standard, 0 % exempt.
 * 13. **Gross** = net + VAT.
 * A line's `reasons` are the steps 1–6 that applied, in this order; its unit price is the last
 * price-setting reason's price less the discounts after it. Zero discounts are not reasons.
 *
 * ## Rounding
 * To whole øre, halves away from zero ("afrunding til nærmeste øre"; the alternative, half to
 * even, is not used because a customer checking by hand would not get the same øre).
 * - `'line'` (default): every line's net is rounded to whole øre and the subtotal is the sum of
 *   the rounded lines. This is Danish invoice practice: each line is shown in whole øre and the
 *   total must be the sum of the lines shown, which is also what the EN 16931 rules behind
 *   Peppol BIS / OIOUBL e-invoices in Denmark demand (line net amounts have two decimals and
 *   their sum is the document's line total exactly, BR-CO-10; a category's VAT is its taxable
 *   amount × rate, rounded to two decimals, BR-CO-17).
 * - `'total'`: line nets stay exact (shown rounded, but totalled exact); only the subtotal, the
 *   per-class taxable amounts and the VAT are rounded. Closer to the exact price when many lines
 *   have fractional øre, but the lines shown may not add up to the subtotal. Example: three lines
 *   of 1,5 m à 12,33 kr. are 18,495 kr. each; `'line'` gives 3 × 18,50 = 55,50 kr., `'total'`
 *   gives 55,485 → 55,49 kr.
 * A line's shown `unitPriceOre` is its exact unit price rounded; the line net is computed from the
 * exact price, not from the rounded one.
 *
 * @module
 */
export { calculateQuote, type QuoteInput } from './quote.ts';
export { PricingError, PRICING_ERROR_CODES, type PricingErrorCode, type PricingErrorDetails } from './errors.ts';
export { formatAmount, formatMilli, formatOre, formatPercent, formatQuantity, formatUnit, type Lang } from './format.ts';
export { allocateLargestRemainder, roundHalfAwayFromZero, LINE_DEN, UNIT_DEN } from './money.ts';
export { breakFor, unitPrice, type UnitPrice } from './unit-price.ts';
export { selectCounted } from './lines.ts';
export { VAT_CLASSES, VAT_RATES, vatOf } from './vat.ts';
export { isIsoDate } from './validate.ts';
