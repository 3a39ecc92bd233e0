import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney as money, formatNumber, formatRelative } from './format.ts';

/** Intl puts a no-break space between the amount and the currency, as typesetting wants. */
const formatMoney = (ore: number, lang: 'da' | 'en') => money(ore, lang).replace(/\u00a0/g, ' ');

describe('formats', () => {
  it('writes dates, numbers and money the Danish way in Danish', () => {
    expect(formatDate('2026-12-02T10:14:00Z', 'da')).toBe('2. dec. 2026');
    expect(formatMoney(125_050, 'da')).toBe('1.250,50 kr.');
    expect(formatNumber(1250.5, 'da')).toBe('1.250,5');
    expect(formatDate('2026-12-02T10:14:00Z', 'en')).toBe('2 Dec 2026');
    expect(formatMoney(125_050, 'en')).toBe('DKK 1,250.50');
  });

  it('says how long ago in words', () => {
    const now = Date.parse('2026-12-02T13:00:00Z');
    expect(formatRelative('2026-12-02T10:00:00Z', 'da', now)).toBe('for 3 timer siden');
    expect(formatRelative('2026-12-02T10:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelative('2026-12-02T12:59:50Z', 'da', now)).toBe('lige nu');
    expect(formatRelative('2026-11-30T13:00:00Z', 'da', now)).toBe('i forgårs');
  });
});
