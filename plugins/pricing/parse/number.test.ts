/**
 * Danish and English numbers, quantities and money, read exactly (thousandths, øre), with the
 * traps: `1.250` is 1250 in Danish, `12.03.2026` is a date, `1,250` depends on the language,
 * phone numbers are not quantities.
 */
import { describe, expect, it } from 'vitest';
import { parseDanishNumber, parseMoney, parseNumeralMilli, parseQuantity } from './number.ts';

describe('parseDanishNumber', () => {
  it.each([
    ['3', 3],
    ['2026', 2026],
    ['1.250', 1250],
    ['1.250,50', 1250.5],
    ['1.250.000', 1_250_000],
    ['1 250,50', 1250.5],
    ['1 250', 1250],
    ['1,5', 1.5],
    ['0,75', 0.75],
    ['12,125', 12.125],
    ['1.5', 1.5],
    ['12.75', 12.75],
    ['1,250.50', 1250.5],
    ['1,250,000', 1_250_000],
    ['12½', 12.5],
    ['2¼', 2.25],
    ['¾', 0.75],
    ['1 ½', 1.5],
    ['1/2', 0.5],
    ['1 3/4', 1.75],
    [' 7 ', 7],
  ])('Danish/English notation %j → %d', (text, value) => {
    expect(parseDanishNumber(text)).toBe(value);
  });

  it('reads "1,250" as 1,25 in Danish and as 1250 in English', () => {
    expect(parseDanishNumber('1,250')).toBe(1.25);
    expect(parseDanishNumber('1,250', { lang: 'da' })).toBe(1.25);
    expect(parseDanishNumber('1,250', { lang: 'en' })).toBe(1250);
  });

  it.each([
    ['tre', 3], ['tolv', 12], ['tyve', 20], ['femogtyve', 25], ['et', 1], ['en', 1], ['én', 1], ['halvanden', 1.5], ['et par', 2], ['et dusin', 12], ['dusin', 12],
    ['2 dusin', 24], ['en halv', 0.5], ['tre kvart', 0.75], ['2 og en halv', 2.5], ['to', 2], ['fire', 4],
  ])('Danish word %j → %d', (text, value) => {
    expect(parseDanishNumber(text, { lang: 'da' })).toBe(value);
  });

  it.each([
    ['three', 3], ['twelve', 12], ['twenty', 20], ['twenty-five', 25], ['one', 1], ['a', 1], ['a dozen', 12], ['half a dozen', 6], ['two and a half', 2.5], ['a couple', 2],
  ])('English word %j → %d', (text, value) => {
    expect(parseDanishNumber(text, { lang: 'en' })).toBe(value);
  });

  it('"to" and "fire" are numbers in Danish only', () => {
    expect(parseDanishNumber('to', { lang: 'en' })).toBeNull();
    expect(parseDanishNumber('fire', { lang: 'en' })).toBeNull();
  });

  it.each(['12.03.2026', '1.2.3', '12.', '', 'abc', 'tagrende', '1.2500', '3 stk', '12,5,3'])('%j is not a number', (text) => {
    expect(parseDanishNumber(text)).toBeNull();
  });

  it('reads thousandths exactly, without floats (0,1 + 0,2 problems do not arise)', () => {
    expect(parseNumeralMilli('0,1')).toBe(100);
    expect(parseNumeralMilli('0,3333')).toBe(333);
    expect(parseNumeralMilli('0,0005')).toBe(1);
    expect(parseNumeralMilli('9.007.199.254.740')).toBe(9_007_199_254_740_000);
    expect(parseNumeralMilli('1,250', 'en')).toBe(1_250_000);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['3', 3000, false, undefined],
    ['12½', 12500, false, undefined],
    ['ca. 45 m²', 45000, true, 'm2'],
    ['cirka 12,5 m', 12500, true, 'm'],
    ['omkring 3 timer', 3000, true, 'time'],
    ['about 5 hrs', 5000, true, 'time'],
    ['approx. 30 m', 30000, true, 'm'],
    ['~12', 12000, true, undefined],
    ['40ish', 40000, true, undefined],
    ['10-12 m', 12000, true, 'm'],
    ['mellem 40 og 50', 50000, true, undefined],
    ['between 40 and 50 m2', 50000, true, 'm2'],
    ['et par', 2000, true, undefined],
    ['halvanden time', 1500, false, 'time'],
    ['12½m', 12500, false, 'm'],
    ['30 cm', 300, false, 'm'],
    ['45 min', 750, false, 'time'],
    ['18 ft', 5486, false, 'm'],
    ['1.250 stk.', 1_250_000, false, 'stk'],
    ['0,75 t', 750, false, 'time'],
  ])('%j → %d thousandths (approximate %s, unit %s)', (text, milli, approximate, unit) => {
    const q = parseQuantity(text);
    expect(q).not.toBeNull();
    expect(q!.milli).toBe(milli);
    expect(q!.approximate).toBe(approximate);
    expect(q!.unit).toBe(unit);
  });

  it.each(['20 30 40 50', '+45 20 30 40 50', '+4520304050', '20304050', '12.03.2026', '12 tagrender', 'x', ''])('%j is not a quantity', (text) => {
    expect(parseQuantity(text)).toBeNull();
  });

  it('reads "1,250 m" by the language', () => {
    expect(parseQuantity('1,250 m')!.milli).toBe(1250);
    expect(parseQuantity('1,250 m', { lang: 'en' })!.milli).toBe(1_250_000);
  });
});

describe('parseMoney', () => {
  it.each([
    ['450 kr.', 45000],
    ['450 kr', 45000],
    ['kr. 450,-', 45000],
    ['kr 99,95', 9995],
    ['1.250,50 DKK', 125050],
    ['DKK 1,250.50', 125050],
    ['450,-', 45000],
    ['450.-', 45000],
    ['1.250 kroner', 125000],
    ['12.500,00 kr.', 1_250_000],
    ['0,5 kr.', 50],
  ])('%j → %d øre', (text, ore) => {
    expect(parseMoney(text)).toBe(ore);
  });

  it.each(['450', '12 m', 'kr.', 'tre kroner', '12½ kr.'])('%j is not an amount', (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it('rounds a third decimal half up to whole øre', () => {
    expect(parseMoney('1,005 kr.')).toBe(101);
    expect(parseMoney('1,004 kr.')).toBe(100);
  });
});
