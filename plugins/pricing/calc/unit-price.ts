/**
 * A line's exact unit price and the reasons for it, in the documented order:
 *
 *   minimum quantity (raises the quantity) → list price → quantity break → agreement (its price
 *   for the SKU replaces list/break; else its discount %) → manual price (replaces all of it) →
 *   line discount %.
 *
 * The price stays exact: an integer over `UNIT_DEN` (10^8), since it is a whole-øre price times
 * at most two factors of (10000 − discount bp) / 10000.
 */
import { BP_SCALE } from './money.ts';
import type { Agreement, LineInput, Milli, PriceBreak, PriceItem, PriceReason } from '../types.ts';

/** A line's priced form: the quantity it is charged for, its exact unit price and why. */
export interface UnitPrice {
  /** The quantity after the item's minimum. */
  quantity: Milli;
  /** Exact unit price excluding VAT in øre × 10^8 (see `UNIT_DEN`). */
  exact: bigint;
  /** Every rule that set or changed the price, in the order applied. */
  reasons: PriceReason[];
}

/**
 * The break for a quantity: the one with the largest `minQuantity` at or below it (null: none,
 * the list price holds). Found by value, not by position, so an unsorted list still prices right.
 *
 * @example
 * const breaks = [{ minQuantity: 20000, unitPriceOre: 42000 }, { minQuantity: 50000, unitPriceOre: 40000 }];
 * breakFor(breaks, 19999) // null
 * breakFor(breaks, 20000) // { minQuantity: 20000, unitPriceOre: 42000 }
 */
export function breakFor(breaks: readonly PriceBreak[], quantity: Milli): PriceBreak | null {
  let best: PriceBreak | null = null;
  for (const b of breaks) {
    if (b.minQuantity <= quantity && (best === null || b.minQuantity > best.minQuantity)) best = b;
  }
  return best;
}

/**
 * Prices one line of an item. The reasons are a trail: each applied step in order, where a
 * price-setting step (`list`, `break`, `agreement_price`, `manual`) replaces the price before it
 * and a discount step (`agreement_discount`, `line_discount`) reduces it. So the unit price is
 * always the last price-setting reason's price less the discounts that follow it; an earlier
 * step stays in the trail to show what was replaced. Zero discounts are not steps.
 *
 * @example
 * unitPrice(gutter, { quantity: 12000 }, { discountBp: 1000, prices: {}, ... })
 * // { quantity: 12000, exact: 40500n * 10n ** 8n,
 * //   reasons: [{ kind: 'list', unitPriceOre: 45000 }, { kind: 'agreement_discount', discountBp: 1000 }] }
 */
export function unitPrice(
  item: PriceItem,
  line: Pick<LineInput, 'quantity' | 'discountBp' | 'unitPriceOre'>,
  agreement: Agreement | null,
): UnitPrice {
  const reasons: PriceReason[] = [];

  // The minimum comes first: breaks are chosen for the quantity that will be charged.
  let quantity = line.quantity;
  if (item.minQuantity !== null && quantity < item.minQuantity) {
    quantity = item.minQuantity;
    reasons.push({ kind: 'minimum_quantity', minQuantity: item.minQuantity });
  }

  let price = BigInt(item.unitPriceOre);
  reasons.push({ kind: 'list', unitPriceOre: item.unitPriceOre });

  const found = breakFor(item.breaks, quantity);
  if (found) {
    price = BigInt(found.unitPriceOre);
    reasons.push({ kind: 'break', minQuantity: found.minQuantity, unitPriceOre: found.unitPriceOre });
  }

  // The two discount factors, each (10000 − bp); 10000 means "no discount at this step".
  let agreementFactor = BP_SCALE;
  if (agreement) {
    const agreed = Object.hasOwn(agreement.prices, item.sku) ? agreement.prices[item.sku] : undefined;
    if (agreed !== undefined) {
      price = BigInt(agreed);
      reasons.push({ kind: 'agreement_price', unitPriceOre: agreed });
    } else if (agreement.discountBp > 0) {
      agreementFactor = BP_SCALE - BigInt(agreement.discountBp);
      reasons.push({ kind: 'agreement_discount', discountBp: agreement.discountBp });
    }
  }

  if (line.unitPriceOre !== undefined) {
    // A manual price is the staff's final word on the unit price: the agreement's discount is
    // part of what it replaces, the line discount (a later step) still applies.
    price = BigInt(line.unitPriceOre);
    agreementFactor = BP_SCALE;
    reasons.push({ kind: 'manual', unitPriceOre: line.unitPriceOre });
  }

  let lineFactor = BP_SCALE;
  if (line.discountBp !== undefined && line.discountBp > 0) {
    lineFactor = BP_SCALE - BigInt(line.discountBp);
    reasons.push({ kind: 'line_discount', discountBp: line.discountBp });
  }

  return { quantity, exact: price * agreementFactor * lineFactor, reasons };
}
