import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount, formatOre, formatPercent, formatQuantity } from './format.ts';

describe('formatOre', () => {
  it.each([
    [125050, '1.250,50 kr.', 'DKK 1,250.50'],
    [0, '0,00 kr.', 'DKK 0.00'],
    [5, '0,05 kr.', 'DKK 0.05'],
    [-1250, '-12,50 kr.', 'DKK -12.50'],
    [100000000, '1.000.000,00 kr.', 'DKK 1,000,000.00'],
    [99999999999, '999.999.999,99 kr.', 'DKK 999,999,999.99'],
  ])('%i øre', (ore, da, en) => {
    expect(formatOre(ore, 'da')).toBe(da);
    expect(formatOre(ore, 'en')).toBe(en);
  });

  it('refuses what is not whole øre', () => {
    expect(() => formatOre(12.5, 'da')).toThrow(RangeError);
  });

  it('reads back to the same øre (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ore) => {
        const back = Number(formatAmount(ore, 'da').replaceAll('.', '').replace(',', ''));
        const backEn = Number(formatAmount(ore, 'en').replaceAll(',', '').replace('.', ''));
        return back === ore && backEn === ore;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatQuantity', () => {
  it.each([
    [1500, 'm', '1,5 m', '1.5 m'],
    [12000, 'stk', '12 stk.', '12 pcs.'],
    [1000, 'stk', '1 stk.', '1 pc.'],
    [45000, 'm2', '45 m²', '45 m²'],
    [20000, 'time', '20 timer', '20 hours'],
    [1000, 'time', '1 time', '1 hour'],
    [12500, 'm', '12,5 m', '12.5 m'],
    [1250000, 'kg', '1.250 kg', '1,250 kg'],
    [125, 'l', '0,125 l', '0.125 l'],
  ] as const)('%i thousandths of %s', (milli, unit, da, en) => {
    expect(formatQuantity(milli, unit, 'da')).toBe(da);
    expect(formatQuantity(milli, unit, 'en')).toBe(en);
  });
});

describe('formatPercent', () => {
  it.each([
    [2500, '25 %', '25%'],
    [1250, '12,5 %', '12.5%'],
    [5, '0,05 %', '0.05%'],
    [0, '0 %', '0%'],
  ])('%i bp', (bp, da, en) => {
    expect(formatPercent(bp, 'da')).toBe(da);
    expect(formatPercent(bp, 'en')).toBe(en);
  });
});
