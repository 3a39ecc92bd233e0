/**
 * Money, quantities and percentages as Danish and English readers write them, from integers only
 * (øre, thousandths, basis points): `1.250,50 kr.` / `DKK 1,250.50`, `1,5 m`, `12 stk.`, `25 %`.
 * Written by hand rather than with `Intl.NumberFormat` because the output must be identical on
 * every Node build (small-ICU builds and CLDR updates change separators and spaces) and because
 * the Danish trade's forms (`kr.` after the amount, `stk.`) are not what CLDR gives.
 * Same outputs as `../pdf/format.ts`, which is to be merged into this one.
 */
import type { BasisPoints, Milli, Ore, Unit } from '../types.ts';

export type Lang = 'da' | 'en';

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number, got ${value}`);
}

/** Digits grouped in thousands: `.` in Danish, `,` in English. */
function group(digits: string, lang: Lang): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'da' ? '.' : ',');
}

/**
 * Øre as kroner with two decimals and no currency.
 *
 * @example
 * formatAmount(125050, 'da') // '1.250,50'
 * formatAmount(125050, 'en') // '1,250.50'
 * formatAmount(-1250, 'da')  // '-12,50'
 */
export function formatAmount(ore: Ore, lang: Lang): string {
  assertInteger(ore, 'An amount in øre');
  const abs = Math.abs(ore);
  const kroner = group(String(Math.floor(abs / 100)), lang);
  const decimals = String(abs % 100).padStart(2, '0');
  return `${ore < 0 ? '-' : ''}${kroner}${lang === 'da' ? ',' : '.'}${decimals}`;
}

/**
 * Øre as money: `kr.` after the amount in Danish, `DKK` before it in English.
 *
 * @example
 * formatOre(125050, 'da') // '1.250,50 kr.'
 * formatOre(125050, 'en') // 'DKK 1,250.50'
 * formatOre(-1250, 'da')  // '-12,50 kr.'
 * formatOre(-1250, 'en')  // 'DKK -12.50'
 */
export function formatOre(ore: Ore, lang: Lang): string {
  return lang === 'da' ? `${formatAmount(ore, lang)} kr.` : `DKK ${formatAmount(ore, lang)}`;
}

/**
 * Thousandths as a number with only the decimals it needs (at most three).
 *
 * @example
 * formatMilli(1500, 'da')    // '1,5'
 * formatMilli(1250000, 'da') // '1.250'
 * formatMilli(12345, 'en')   // '12.345'
 */
export function formatMilli(milli: Milli, lang: Lang): string {
  assertInteger(milli, 'A quantity in thousandths');
  const abs = Math.abs(milli);
  const whole = group(String(Math.floor(abs / 1000)), lang);
  const fraction = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${milli < 0 ? '-' : ''}${whole}${fraction ? (lang === 'da' ? ',' : '.') + fraction : ''}`;
}

/** Each unit written after a quantity: [exactly one, any other quantity]. */
const UNITS: Record<Unit, Record<Lang, readonly [string, string]>> = {
  stk: { da: ['stk.', 'stk.'], en: ['pc.', 'pcs.'] },
  time: { da: ['time', 'timer'], en: ['hour', 'hours'] },
  m: { da: ['m', 'm'], en: ['m', 'm'] },
  m2: { da: ['m²', 'm²'], en: ['m²', 'm²'] },
  m3: { da: ['m³', 'm³'], en: ['m³', 'm³'] },
  kg: { da: ['kg', 'kg'], en: ['kg', 'kg'] },
  l: { da: ['l', 'l'], en: ['l', 'l'] },
  dag: { da: ['dag', 'dage'], en: ['day', 'days'] },
  uge: { da: ['uge', 'uger'], en: ['week', 'weeks'] },
  måned: { da: ['måned', 'måneder'], en: ['month', 'months'] },
  år: { da: ['år', 'år'], en: ['year', 'years'] },
  km: { da: ['km', 'km'], en: ['km', 'km'] },
  sæt: { da: ['sæt', 'sæt'], en: ['set', 'sets'] },
  pakke: { da: ['pakke', 'pakker'], en: ['pack', 'packs'] },
  ton: { da: ['ton', 'ton'], en: ['tonne', 'tonnes'] },
};

/**
 * A unit as written after `milli` thousandths of it (an unknown unit as given).
 *
 * @example
 * formatUnit('time', 1000, 'da')  // 'time'
 * formatUnit('time', 20000, 'da') // 'timer'
 */
export function formatUnit(unit: Unit, milli: Milli, lang: Lang): string {
  const forms = UNITS[unit]?.[lang];
  if (!forms) return String(unit);
  return milli === 1000 ? forms[0] : forms[1];
}

/**
 * A quantity with its unit.
 *
 * @example
 * formatQuantity(1500, 'm', 'da')   // '1,5 m'
 * formatQuantity(12000, 'stk', 'da') // '12 stk.'
 * formatQuantity(45000, 'm2', 'da') // '45 m²'
 * formatQuantity(1500, 'm', 'en')   // '1.5 m'
 */
export function formatQuantity(milli: Milli, unit: Unit, lang: Lang): string {
  return `${formatMilli(milli, lang)} ${formatUnit(unit, milli, lang)}`;
}

/**
 * Basis points as a percentage with the decimals it needs: `25 %`, `12,5 %` (Danish puts a space
 * before the sign) or `25%`, `12.5%`.
 *
 * @example
 * formatPercent(1250, 'da') // '12,5 %'
 * formatPercent(2500, 'en') // '25%'
 */
export function formatPercent(bp: BasisPoints, lang: Lang): string {
  assertInteger(bp, 'A percentage in basis points');
  const abs = Math.abs(bp);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  const number = `${bp < 0 ? '-' : ''}${Math.floor(abs / 100)}${fraction ? (lang === 'da' ? ',' : '.') + fraction : ''}`;
  return lang === 'da' ? `${number} %` : `${number}%`;
}
