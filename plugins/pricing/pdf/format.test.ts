import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatMilli, formatMoney, formatPercent, formatQuantity } from './format.ts';

describe('amounts', () => {
  it('writes øre as Danish and English numbers, thousands grouped, two decimals', () => {
    expect(formatAmount(125_050, 'da')).toBe('1.250,50');
    expect(formatAmount(125_050, 'en')).toBe('1,250.50');
    expect(formatAmount(0, 'da')).toBe('0,00');
    expect(formatAmount(5, 'da')).toBe('0,05');
    expect(formatAmount(-129_530, 'da')).toBe('-1.295,30');
    expect(formatAmount(123_456_789_00, 'da')).toBe('123.456.789,00');
    expect(formatAmount(Number.MAX_SAFE_INTEGER, 'en')).toBe('90,071,992,547,409.91');
  });

  it('puts the currency where each language does', () => {
    expect(formatMoney(125_050, 'da')).toBe('1.250,50 kr.');
    expect(formatMoney(125_050, 'en')).toBe('DKK 1,250.50');
  });

  it('refuses amounts that are not whole øre rather than print a rounded guess', () => {
    expect(() => formatAmount(12.5, 'da')).toThrow(RangeError);
    expect(() => formatAmount(Number.NaN, 'da')).toThrow(RangeError);
  });
});

describe('quantities', () => {
  it('writes thousandths with the decimals they need and the unit as the trade does', () => {
    expect(formatMilli(1_500, 'da')).toBe('1,5');
    expect(formatMilli(12_345, 'en')).toBe('12.345');
    expect(formatMilli(1_250_000, 'da')).toBe('1.250');
    expect(formatQuantity(1_500, 'm', 'da')).toBe('1,5 m');
    expect(formatQuantity(45_500, 'm2', 'da')).toBe('45,5 m²');
    expect(formatQuantity(2_000, 'm3', 'en')).toBe('2 m³');
    expect(formatQuantity(3_000, 'stk', 'da')).toBe('3 stk.');
    expect(formatQuantity(1_000, 'time', 'da')).toBe('1 time');
    expect(formatQuantity(20_000, 'time', 'da')).toBe('20 timer');
    expect(formatQuantity(1_500, 'time', 'en')).toBe('1.5 hours');
    expect(formatQuantity(12_000, 'måned', 'da')).toBe('12 måneder');
    expect(formatQuantity(1_000, 'stk', 'en')).toBe('1 pc.');
  });
});

describe('percentages', () => {
  it('writes basis points with a space before % in Danish and none in English', () => {
    expect(formatPercent(2500, 'da')).toBe('25 %');
    expect(formatPercent(2500, 'en')).toBe('25%');
    expect(formatPercent(1250, 'da')).toBe('12,5 %');
    expect(formatPercent(1, 'en')).toBe('0.01%');
  });
});

describe('dates', () => {
  it('writes ISO dates out in words', () => {
    expect(formatDate('2026-12-03', 'da')).toBe('3. december 2026');
    expect(formatDate('2026-12-03', 'en')).toBe('3 December 2026');
    expect(formatDate('2027-03-01', 'da')).toBe('1. marts 2027');
    expect(formatDate('2027-05-31', 'da')).toBe('31. maj 2027');
  });

  it('leaves what is not a calendar date as it was given', () => {
    expect(formatDate('2026-02-30', 'da')).toBe('2026-02-30');
    expect(formatDate('snart', 'da')).toBe('snart');
  });
});
