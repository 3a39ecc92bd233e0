/**
 * A small roofer's price list for the calculation's tests, in the units the calculation takes
 * (øre, thousandths). Test-only: imported by the `*.test.ts` files beside it.
 */
import type { Agreement, PriceItem } from '../types.ts';

export function item(sku: string, patch: Partial<PriceItem> = {}): PriceItem {
  return {
    id: `id-${sku}`,
    sku,
    name: { da: sku, en: sku },
    synonyms: [],
    unit: 'stk',
    unitPriceOre: 10000,
    vatClass: 'standard',
    breaks: [],
    minQuantity: null,
    addOns: [],
    validFrom: null,
    validTo: null,
    public: true,
    ...patch,
  };
}

/** Zinc gutter, 450,00 kr./m; from 20 m 420,00 kr./m. */
export const ZINK = item('TR-ZINK-333', {
  name: { da: 'Tagrende i zink, 333 mm', en: 'Zinc gutter, 333 mm' },
  synonyms: ['tagrende', 'rende', 'gutter'],
  unit: 'm',
  unitPriceOre: 45000,
  breaks: [{ minQuantity: 20000, unitPriceOre: 42000 }],
  addOns: ['LØVFANG'],
});
/** PVC gutter, 185,00 kr./m: the cheaper alternative. */
export const PVC = item('TR-PVC', { name: { da: 'Tagrende i PVC', en: 'PVC gutter' }, unit: 'm', unitPriceOre: 18500 });
/** Fitting, 550,00 kr. an hour, at least 2 hours. */
export const MONTAGE = item('MONTAGE', { name: { da: 'Montage', en: 'Fitting' }, unit: 'time', unitPriceOre: 55000, minQuantity: 2000 });
/** Leaf guard, 125,00 kr. each: the usual optional line. */
export const LOEVFANG = item('LØVFANG', { name: { da: 'Løvfang', en: 'Leaf guard' }, unitPriceOre: 12500 });
/** The municipality's fee, passed on at cost: outside VAT (0 %). */
export const GEBYR = item('GEBYR-BYG', { name: { da: 'Gebyr, byggetilladelse', en: 'Building permit fee' }, unitPriceOre: 125000, vatClass: 'exempt' });
/** Sealing tape, 12,33 kr./m: 1,5 m of it is 18,495 kr., half an øre. */
export const TAPE = item('TAPE', { name: { da: 'Tætningsbånd', en: 'Sealing tape' }, unit: 'm', unitPriceOre: 1233 });

export const ITEMS = [ZINK, PVC, MONTAGE, LOEVFANG, GEBYR, TAPE];

export function agreement(patch: Partial<Agreement> = {}): Agreement {
  return { companyId: 'c-jensen', prices: {}, discountBp: 0, validFrom: null, validTo: null, ...patch };
}
