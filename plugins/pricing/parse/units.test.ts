/** Unit words, Danish and English, to the price list's units; scaled units are exact fractions. */
import { describe, expect, it } from 'vitest';
import { parseUnit, scaleMilli, unitOf } from './units.ts';

describe('parseUnit', () => {
  it.each([
    ['stk.', 'stk'], ['stk', 'stk'], ['styk', 'stk'], ['stykker', 'stk'], ['pcs', 'stk'], ['pieces', 'stk'],
    ['m', 'm'], ['meter', 'm'], ['metre', 'm'], ['metres', 'm'], ['lbm', 'm'], ['løbende meter', 'm'], ['lbm.', 'm'],
    ['m²', 'm2'], ['m2', 'm2'], ['kvm', 'm2'], ['kvm.', 'm2'], ['kvadratmeter', 'm2'], ['sqm', 'm2'], ['sq m', 'm2'], ['square metres', 'm2'],
    ['m³', 'm3'], ['m3', 'm3'], ['kubikmeter', 'm3'], ['kg', 'kg'], ['kilo', 'kg'], ['ton', 'ton'], ['tonnes', 'ton'], ['l', 'l'], ['liter', 'l'], ['litre', 'l'],
    ['t', 'time'], ['t.', 'time'], ['time', 'time'], ['timer', 'time'], ['timers', 'time'], ['hours', 'time'], ['hrs', 'time'], ['h', 'time'],
    ['dag', 'dag'], ['dage', 'dag'], ['dages', 'dag'], ['days', 'dag'], ['uge', 'uge'], ['uger', 'uge'], ['ugers', 'uge'], ['weeks', 'uge'],
    ['måned', 'måned'], ['måneder', 'måned'], ['mdr', 'måned'], ['mdr.', 'måned'], ['month', 'måned'], ['år', 'år'], ['years', 'år'],
    ['km', 'km'], ['kilometer', 'km'], ['sæt', 'sæt'], ['set', 'sæt'], ['pakke', 'pakke'], ['pk.', 'pakke'],
    ['STK.', 'stk'], ['M²', 'm2'], ['Timer', 'time'],
  ])('%j → %s', (word, unit) => {
    expect(parseUnit(word)).toBe(unit);
  });

  it.each(['tagrende', 'x', 'mm', 'kr', '', 'a', 'pr'])('%j is not a unit', (word) => {
    expect(parseUnit(word)).toBeNull();
  });
});

describe('scaled units', () => {
  it('converts exactly, rounding half up to thousandths', () => {
    expect(scaleMilli(30_000, unitOf('cm')!)).toBe(300);
    expect(scaleMilli(45_000, unitOf('min')!)).toBe(750);
    expect(scaleMilli(20_000, unitOf('min')!)).toBe(333);
    expect(scaleMilli(18_000, unitOf('ft')!)).toBe(5486);
    expect(scaleMilli(1500, unitOf('g')!)).toBe(2);
    expect(unitOf('cm')).toEqual({ unit: 'm', num: 1, den: 100 });
    expect(unitOf('m')).toEqual({ unit: 'm', num: 1, den: 1 });
  });
});
