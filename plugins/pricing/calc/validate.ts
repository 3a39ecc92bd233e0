/**
 * Input checks, each throwing the `PricingError` that names what is wrong. The calculation only
 * ever sees whole numbers in range after these, which is what lets it promise integers out.
 */
import { PricingError, type PricingErrorDetails } from './errors.ts';
import { isVatClass } from './vat.ts';
import type { Agreement, LineInput, PriceItem } from '../types.ts';

const MAX = Number.MAX_SAFE_INTEGER;
const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** A whole number from `min` to `max`, as JSON can bring anything. */
function isWhole(value: unknown, min: number, max = MAX): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

/**
 * Whether a string is a real calendar date written `yyyy-mm-dd`. Such strings sort as the dates
 * do, which is why validity is compared as strings.
 *
 * @example
 * isIsoDate('2026-02-28') // true
 * isIsoDate('2026-02-30') // false
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Whether `date` lies in the inclusive window `from`…`to` (null = open at that end).
 *
 * @example
 * isWithin('2026-12-31', '2026-01-01', '2026-12-31') // true: both ends count
 */
export function isWithin(date: string, from: string | null, to: string | null): boolean {
  return (from === null || from <= date) && (to === null || date <= to);
}

export function checkDate(date: unknown): string | undefined {
  if (date === undefined) return undefined;
  if (!isIsoDate(date)) throw new PricingError('invalid_date', { value: show(date) });
  return date;
}

export function checkDiscount(bp: unknown, details: PricingErrorDetails = {}): number {
  if (bp === undefined) return 0;
  if (!isWhole(bp, 0, 10_000)) throw new PricingError('invalid_discount', { ...details, value: show(bp) });
  return bp;
}

/** A line's own fields (its SKU is checked against the price list elsewhere). */
export function checkLine(line: LineInput, index: number): void {
  const details = { line: index, sku: line.sku };
  if (typeof line.sku !== 'string') throw new PricingError('unknown_sku', { line: index, sku: show(line.sku) });
  if (!isWhole(line.quantity, 1)) throw new PricingError('invalid_quantity', { ...details, value: show(line.quantity) });
  checkDiscount(line.discountBp, details);
  if (line.unitPriceOre !== undefined && !isWhole(line.unitPriceOre, 0)) {
    throw new PricingError('invalid_price', { ...details, value: show(line.unitPriceOre) });
  }
}

/** A price list item as the calculation needs it: whole, non-negative prices and quantities. */
export function checkItem(item: PriceItem, index: number): void {
  const bad = (what: string): never => {
    throw new PricingError('invalid_item', { line: index, sku: item.sku, value: what });
  };
  if (!isWhole(item.unitPriceOre, 0)) bad(`unitPriceOre ${show(item.unitPriceOre)}`);
  if (!isVatClass(item.vatClass)) bad(`vatClass ${show(item.vatClass)}`);
  if (item.minQuantity !== null && !isWhole(item.minQuantity, 1)) bad(`minQuantity ${show(item.minQuantity)}`);
  if (!Array.isArray(item.breaks)) bad('breaks');
  const seen = new Set<number>();
  for (const b of item.breaks) {
    if (!isWhole(b.minQuantity, 1)) bad(`break minQuantity ${show(b.minQuantity)}`);
    if (!isWhole(b.unitPriceOre, 0)) bad(`break unitPriceOre ${show(b.unitPriceOre)}`);
    // Two breaks from the same quantity would make the price depend on their order.
    if (seen.has(b.minQuantity)) bad(`two breaks from ${b.minQuantity}`);
    seen.add(b.minQuantity);
  }
}

export function checkAgreement(agreement: Agreement): void {
  const bad = (what: string): never => {
    throw new PricingError('invalid_agreement', { value: what });
  };
  if (!isWhole(agreement.discountBp, 0, 10_000)) bad(`discountBp ${show(agreement.discountBp)}`);
  for (const [sku, price] of Object.entries(agreement.prices ?? {})) {
    if (!isWhole(price, 0)) bad(`price for ${sku}: ${show(price)}`);
  }
  if (agreement.validFrom !== null && !isIsoDate(agreement.validFrom)) bad(`validFrom ${show(agreement.validFrom)}`);
  if (agreement.validTo !== null && !isIsoDate(agreement.validTo)) bad(`validTo ${show(agreement.validTo)}`);
}
