/**
 * Finding a line's item in the price list: by exact SKU and, when the quote has a date, among the
 * items valid that day, so a list that holds next year's price beside this year's picks the right
 * one. More than one candidate is an error rather than a guess.
 */
import { PricingError } from './errors.ts';
import { checkItem, isWithin } from './validate.ts';
import type { PriceItem } from '../types.ts';

export type Catalogue = (sku: string, line: number) => PriceItem;

/**
 * A lookup over `items` for quotes on `date` (undefined: validity is not checked). Items are
 * checked as they are first used, so a bad item nobody quotes does not block a quote.
 *
 * @example
 * const find = catalogue(items, '2026-05-01');
 * find('TR-ZINK-333', 0) // the zinc gutter, or throws unknown_sku / item_not_valid / duplicate_sku
 */
export function catalogue(items: readonly PriceItem[], date: string | undefined): Catalogue {
  const bySku = new Map<string, PriceItem[]>();
  for (const item of items) {
    const list = bySku.get(item.sku);
    if (list) list.push(item);
    else bySku.set(item.sku, [item]);
  }
  return (sku, line) => {
    const all = bySku.get(sku);
    if (!all) throw new PricingError('unknown_sku', { line, sku });
    const valid = date === undefined ? all : all.filter((i) => isWithin(date, i.validFrom, i.validTo));
    if (valid.length === 0) throw new PricingError('item_not_valid', { line, sku, ...(date ? { date } : {}) });
    if (valid.length > 1) throw new PricingError('duplicate_sku', { line, sku });
    const item = valid[0]!;
    checkItem(item, line);
    return item;
  };
}
