/**
 * The calculation on quotes a Danish roofer would check by hand: a gutter with a customer's
 * agreement, a quantity break, moms, optional and alternative lines, a total discount, and the
 * one-øre difference between the two rounding rules.
 */
import { describe, expect, it } from 'vitest';
import { calculateQuote, formatOre, PRICING_ERROR_CODES, PricingError, type PricingErrorCode } from './index.ts';
import { agreement, GEBYR, ITEMS, item, LOEVFANG, MONTAGE, PVC, TAPE, ZINK } from './fixtures.ts';
import type { LineInput } from '../types.ts';

const quote = (lines: LineInput[], options: Omit<Parameters<typeof calculateQuote>[0], 'items' | 'lines'> = {}) =>
  calculateQuote({ items: ITEMS, lines, ...options });

function codeOf(run: () => unknown): PricingErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof PricingError) return error.code;
    throw error;
  }
}

describe('a zinc gutter', () => {
  it('12 m at 450,00 kr./m with a 10 % agreement: 405,00 kr./m, 4.860,00 + 1.215,00 moms = 6.075,00 kr.', () => {
    const q = quote([{ sku: ZINK.sku, quantity: 12000 }], { agreement: agreement({ discountBp: 1000 }) });
    const [line] = q.lines;
    expect(line).toMatchObject({ quantity: 12000, unitPriceOre: 40500, netOre: 486000, vatClass: 'standard', vatRateBp: 2500, counted: true, optional: false, group: null });
    expect(line!.reasons).toEqual([{ kind: 'list', unitPriceOre: 45000 }, { kind: 'agreement_discount', discountBp: 1000 }]);
    expect(q).toMatchObject({ subtotalOre: 486000, totalDiscountOre: 0, netOre: 486000, vatOre: 121500, grossOre: 607500, rounding: 'line' });
    expect(q.vat).toEqual([{ vatClass: 'standard', rateBp: 2500, baseOre: 486000, vatOre: 121500 }]);
    expect(formatOre(q.netOre, 'da')).toBe('4.860,00 kr.');
    expect(formatOre(q.grossOre, 'da')).toBe('6.075,00 kr.');
    expect(formatOre(q.grossOre, 'en')).toBe('DKK 6,075.00');
  });

  it('the 20 m break: 20 m at 420,00 = 8.400,00 kr.; 19,999 m still at 450,00 = 8.999,55 kr.', () => {
    const at = quote([{ sku: ZINK.sku, quantity: 20000 }]);
    expect(at.lines[0]).toMatchObject({ unitPriceOre: 42000, netOre: 840000 });
    expect(at.lines[0]!.reasons).toEqual([{ kind: 'list', unitPriceOre: 45000 }, { kind: 'break', minQuantity: 20000, unitPriceOre: 42000 }]);
    const below = quote([{ sku: ZINK.sku, quantity: 19999 }]);
    expect(below.lines[0]).toMatchObject({ unitPriceOre: 45000, netOre: 899955 });
    expect(below.lines[0]!.reasons).toEqual([{ kind: 'list', unitPriceOre: 45000 }]);
  });

  it('the break, then the agreement: 20 m at 420,00 less 10 % = 378,00 kr./m, 7.560,00 kr.', () => {
    const q = quote([{ sku: ZINK.sku, quantity: 20000 }], { agreement: agreement({ discountBp: 1000 }) });
    expect(q.lines[0]).toMatchObject({ unitPriceOre: 37800, netOre: 756000 });
  });

  it("an agreed price replaces list and break; the agreement's discount is for the other SKUs", () => {
    const deal = agreement({ prices: { [ZINK.sku]: 41000 }, discountBp: 1000 });
    const q = quote([{ sku: ZINK.sku, quantity: 25000 }, { sku: PVC.sku, quantity: 10000 }], { agreement: deal });
    expect(q.lines[0]!.reasons).toEqual([
      { kind: 'list', unitPriceOre: 45000 },
      { kind: 'break', minQuantity: 20000, unitPriceOre: 42000 },
      { kind: 'agreement_price', unitPriceOre: 41000 },
    ]);
    expect(q.lines[0]!.netOre).toBe(1025000); // 25 × 410,00
    expect(q.lines[1]).toMatchObject({ unitPriceOre: 16650, netOre: 166500 }); // 185,00 less 10 %
  });

  it('a manual price replaces the agreement; the line discount still comes off it', () => {
    const q = quote([{ sku: ZINK.sku, quantity: 12000, unitPriceOre: 40000, discountBp: 500 }], { agreement: agreement({ discountBp: 1000 }) });
    expect(q.lines[0]!.reasons).toEqual([
      { kind: 'list', unitPriceOre: 45000 },
      { kind: 'agreement_discount', discountBp: 1000 },
      { kind: 'manual', unitPriceOre: 40000 },
      { kind: 'line_discount', discountBp: 500 },
    ]);
    expect(q.lines[0]).toMatchObject({ unitPriceOre: 38000, netOre: 456000 }); // 400,00 less 5 % × 12
  });

  it('a line discount of 12,5 % on 450,00 kr. is 393,75 kr. exactly, no rounding of the percentage', () => {
    const q = quote([{ sku: ZINK.sku, quantity: 3000, discountBp: 1250 }]);
    expect(q.lines[0]).toMatchObject({ unitPriceOre: 39375, netOre: 118125 });
  });
});

describe('minimum quantity', () => {
  it('1,5 hours of fitting are charged as the minimum 2 hours, and the line says so first', () => {
    const q = quote([{ sku: MONTAGE.sku, quantity: 1500 }]);
    expect(q.lines[0]).toMatchObject({ quantity: 2000, netOre: 110000 });
    expect(q.lines[0]!.reasons).toEqual([{ kind: 'minimum_quantity', minQuantity: 2000 }, { kind: 'list', unitPriceOre: 55000 }]);
  });

  it('the raised quantity is the one breaks see', () => {
    const bulk = item('SKRUE', { unitPriceOre: 100, minQuantity: 100000, breaks: [{ minQuantity: 100000, unitPriceOre: 80 }] });
    const q = calculateQuote({ items: [bulk], lines: [{ sku: 'SKRUE', quantity: 10000 }] });
    expect(q.lines[0]).toMatchObject({ quantity: 100000, unitPriceOre: 80, netOre: 8000 });
  });
});

describe('optional and alternative lines', () => {
  const gutter = { sku: ZINK.sku, quantity: 12000 }; // 5.400,00 kr.
  const leafGuard = { sku: LOEVFANG.sku, quantity: 4000, optional: true }; // 4 × 125,00 = 500,00 kr.

  it('an optional line not chosen is priced and shown but not counted', () => {
    const q = quote([gutter, leafGuard]);
    expect(q.lines[1]).toMatchObject({ optional: true, counted: false, netOre: 50000 });
    expect(q).toMatchObject({ subtotalOre: 540000, vatOre: 135000, grossOre: 675000 });
  });

  it('chosen, it counts: 5.900,00 + 1.475,00 moms = 7.375,00 kr.', () => {
    const q = quote([gutter, { ...leafGuard, chosen: true }]);
    expect(q.lines[1]).toMatchObject({ optional: true, counted: true });
    expect(q).toMatchObject({ subtotalOre: 590000, vatOre: 147500, grossOre: 737500 });
  });

  it('of an alternative group the first counts until another is chosen', () => {
    const zinc = { sku: ZINK.sku, quantity: 12000, group: 'rende' };
    const pvc = { sku: PVC.sku, quantity: 12000, group: 'rende' }; // 12 × 185,00 = 2.220,00 kr.
    const fresh = quote([zinc, pvc]);
    expect(fresh.lines.map((l) => l.counted)).toEqual([true, false]);
    expect(fresh.subtotalOre).toBe(540000);
    const picked = quote([zinc, { ...pvc, chosen: true }]);
    expect(picked.lines.map((l) => [l.group, l.counted])).toEqual([['rende', false], ['rende', true]]);
    expect(picked.subtotalOre).toBe(222000);
    expect(codeOf(() => quote([{ ...zinc, chosen: true }, { ...pvc, chosen: true }]))).toBe('several_chosen');
  });

  it('an optional alternative group is "A or B or neither"', () => {
    const a = { sku: ZINK.sku, quantity: 1000, group: 'g', optional: true };
    const b = { sku: PVC.sku, quantity: 1000, group: 'g', optional: true };
    expect(quote([a, b]).lines.map((l) => l.counted)).toEqual([false, false]);
    expect(quote([a, { ...b, chosen: true }]).lines.map((l) => l.counted)).toEqual([false, true]);
  });
});

describe('total discount and VAT classes', () => {
  it('5 % off 8.700,00 kr. with moms and a 1.250,00 kr. fee without: 9.452,50 + 2.066,25 = 11.518,75 kr.', () => {
    const q = quote(
      [
        { sku: ZINK.sku, quantity: 12000 }, // 5.400,00
        { sku: MONTAGE.sku, quantity: 6000 }, // 6 × 550,00 = 3.300,00
        { sku: GEBYR.sku, quantity: 1000 }, // 1.250,00, 0 %
      ],
      { totalDiscountBp: 500 },
    );
    expect(q).toMatchObject({ subtotalOre: 995000, totalDiscountBp: 500, totalDiscountOre: 49750, netOre: 945250, vatOre: 206625, grossOre: 1151875 });
    expect(q.vat).toEqual([
      { vatClass: 'standard', rateBp: 2500, baseOre: 826500, vatOre: 206625 },
      { vatClass: 'exempt', rateBp: 0, baseOre: 118750, vatOre: 0 },
    ]);
    expect(formatOre(q.grossOre, 'da')).toBe('11.518,75 kr.');
  });

  it('the øre left after flooring the split goes to the class with the largest remainder', () => {
    // 200,01 + 100,00 = 300,01; 5 % = 15,0005 → 15,00; net 285,01. Exact shares 190,00983… and
    // 95,00016…: floors 190,00 + 95,00 = 285,00, the missing øre goes to standard (remainder ,983).
    const items = [item('A', { unitPriceOre: 20001 }), item('B', { unitPriceOre: 10000, vatClass: 'exempt' })];
    const q = calculateQuote({ items, lines: [{ sku: 'A', quantity: 1000 }, { sku: 'B', quantity: 1000 }], totalDiscountBp: 500 });
    expect(q).toMatchObject({ subtotalOre: 30001, totalDiscountOre: 1500, netOre: 28501 });
    expect(q.vat.map((v) => v.baseOre)).toEqual([19001, 9500]);
    expect(q.vat[0]!.vatOre).toBe(4750); // 25 % of 190,01 = 47,5025
  });

  it('a tie in the split goes to standard, listed first', () => {
    // 0,01 + 0,01 less 50 %: subtotal 0,02, discount 0,01, net 0,01 split 0,005 / 0,005.
    const items = [item('A', { unitPriceOre: 1 }), item('B', { unitPriceOre: 1, vatClass: 'exempt' })];
    const q = calculateQuote({ items, lines: [{ sku: 'B', quantity: 1000 }, { sku: 'A', quantity: 1000 }], totalDiscountBp: 5000 });
    expect(q.vat.map((v) => [v.vatClass, v.baseOre])).toEqual([['standard', 1], ['exempt', 0]]);
  });

  it('100 % off leaves nothing to pay', () => {
    const q = quote([{ sku: ZINK.sku, quantity: 12000 }], { totalDiscountBp: 10000 });
    expect(q).toMatchObject({ subtotalOre: 540000, totalDiscountOre: 540000, netOre: 0, vatOre: 0, grossOre: 0 });
  });

  it('a quote without counted lines is all zeros and lists no VAT class', () => {
    const q = quote([{ sku: LOEVFANG.sku, quantity: 1000, optional: true }]);
    expect(q).toMatchObject({ subtotalOre: 0, netOre: 0, vatOre: 0, grossOre: 0, vat: [] });
  });
});

describe("rounding: 'line' and 'total' differ by the stated øre", () => {
  // Three lines of 1,5 m sealing tape at 12,33 kr./m: 18,495 kr. each, exactly half an øre.
  const lines = [1, 2, 3].map(() => ({ sku: TAPE.sku, quantity: 1500 }));

  it("'line' (default): each line 18,50 kr., net 55,50, moms 13,88 (13,875), 69,38 kr.", () => {
    const q = quote(lines);
    expect(q.lines.map((l) => l.netOre)).toEqual([1850, 1850, 1850]);
    expect(q).toMatchObject({ rounding: 'line', subtotalOre: 5550, netOre: 5550, vatOre: 1388, grossOre: 6938 });
  });

  it("'total': net 55,49 kr. (55,485), one øre less; moms 13,87 (13,8725), 69,36 kr.", () => {
    const q = quote(lines, { rounding: 'total' });
    expect(q.lines.map((l) => l.netOre)).toEqual([1850, 1850, 1850]); // shown rounded, totalled exact
    expect(q).toMatchObject({ rounding: 'total', subtotalOre: 5549, netOre: 5549, vatOre: 1387, grossOre: 6936 });
    expect(quote(lines).netOre - q.netOre).toBe(1);
  });
});

describe('validity dates', () => {
  const seasonal = item('SNE', { unitPriceOre: 50000, validFrom: '2026-11-01', validTo: '2027-03-31' });

  it('an item is valid on its first and last day, not the day before or after', () => {
    const at = (date: string) => codeOf(() => calculateQuote({ items: [seasonal], lines: [{ sku: 'SNE', quantity: 1000 }], date }));
    expect(at('2026-11-01')).toBe('no error');
    expect(at('2027-03-31')).toBe('no error');
    expect(at('2026-10-31')).toBe('item_not_valid');
    expect(at('2027-04-01')).toBe('item_not_valid');
  });

  it("next year's price beside this year's: the date picks one, no date cannot", () => {
    const now = item('X', { unitPriceOre: 10000, validTo: '2026-12-31' });
    const next = item('X', { unitPriceOre: 11000, validFrom: '2027-01-01' });
    const line = [{ sku: 'X', quantity: 1000 }];
    expect(calculateQuote({ items: [now, next], lines: line, date: '2026-12-31' }).netOre).toBe(10000);
    expect(calculateQuote({ items: [now, next], lines: line, date: '2027-01-01' }).netOre).toBe(11000);
    expect(codeOf(() => calculateQuote({ items: [now, next], lines: line }))).toBe('duplicate_sku');
  });

  it('an agreement is valid on its first and last day only', () => {
    const deal = agreement({ discountBp: 1000, validFrom: '2026-01-01', validTo: '2026-06-30' });
    const at = (date: string) => codeOf(() => quote([{ sku: ZINK.sku, quantity: 1000 }], { agreement: deal, date }));
    expect(at('2026-01-01')).toBe('no error');
    expect(at('2026-06-30')).toBe('no error');
    expect(at('2025-12-31')).toBe('agreement_not_valid');
    expect(at('2026-07-01')).toBe('agreement_not_valid');
  });
});

describe('bad input is a PricingError with a code and both languages', () => {
  const gutter = { sku: ZINK.sku, quantity: 1000 };
  const cases: [PricingErrorCode, () => unknown][] = [
    ['unknown_sku', () => quote([gutter, { sku: 'TAGSTEN', quantity: 1000 }])],
    ['duplicate_sku', () => calculateQuote({ items: [ZINK, ZINK], lines: [gutter] })],
    ['invalid_quantity', () => quote([{ ...gutter, quantity: 0 }])],
    ['invalid_quantity', () => quote([{ ...gutter, quantity: -1000 }])],
    ['invalid_quantity', () => quote([{ ...gutter, quantity: 1.5 }])],
    ['invalid_discount', () => quote([{ ...gutter, discountBp: 10001 }])],
    ['invalid_discount', () => quote([gutter], { totalDiscountBp: -1 })],
    ['invalid_price', () => quote([{ ...gutter, unitPriceOre: -100 }])],
    ['invalid_price', () => quote([{ ...gutter, unitPriceOre: 99.5 }])],
    ['invalid_item', () => calculateQuote({ items: [item('A', { unitPriceOre: 0.1 })], lines: [{ sku: 'A', quantity: 1000 }] })],
    ['invalid_item', () => calculateQuote({ items: [item('A', { breaks: [{ minQuantity: 5, unitPriceOre: 1 }, { minQuantity: 5, unitPriceOre: 2 }] })], lines: [{ sku: 'A', quantity: 1000 }] })],
    ['invalid_agreement', () => quote([gutter], { agreement: agreement({ discountBp: 20000 }) })],
    ['invalid_date', () => quote([gutter], { date: '2026-02-30' })],
    ['invalid_date', () => quote([gutter], { date: '1/5/2026' })],
    ['invalid_rounding', () => quote([gutter], { rounding: 'bank' as never })],
    ['item_not_valid', () => calculateQuote({ items: [item('A', { validTo: '2020-01-01' })], lines: [{ sku: 'A', quantity: 1000 }], date: '2026-01-01' })],
    ['agreement_not_valid', () => quote([gutter], { agreement: agreement({ validTo: '2020-01-01' }), date: '2026-01-01' })],
    ['several_chosen', () => quote([{ ...gutter, group: 'g', chosen: true }, { ...gutter, group: 'g', chosen: true }])],
    ['amount_too_large', () => calculateQuote({ items: [item('A', { unitPriceOre: Number.MAX_SAFE_INTEGER })], lines: [{ sku: 'A', quantity: 2000 }] })],
  ];

  it.each(cases)('%s', (code, run) => {
    expect(codeOf(run)).toBe(code);
  });

  it('covers every code', () => {
    expect(new Set(cases.map(([code]) => code))).toEqual(new Set(PRICING_ERROR_CODES));
  });

  it('names the line and SKU in Danish and English', () => {
    try {
      quote([gutter, { sku: 'TAGSTEN', quantity: 1000 }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PricingError);
      const e = error as PricingError;
      expect(e.details).toEqual({ line: 1, sku: 'TAGSTEN' });
      expect(e.da).toBe('Varenummeret TAGSTEN findes ikke i prislisten (linje 2).');
      expect(e.en).toBe('SKU TAGSTEN is not in the price list (line 2).');
      expect(e.message).toBe(e.en);
      expect(e.text('da')).toBe(e.da);
      expect(e.name).toBe('PricingError');
    }
  });

  it('an unused bad item does not block a quote', () => {
    expect(calculateQuote({ items: [ZINK, item('BAD', { unitPriceOre: -1 })], lines: [gutter] }).netOre).toBe(45000);
  });
});
