/**
 * Number, money, quantity, percentage and date formats for the quote PDF, Danish and English,
 * from integers only (øre, thousandths of a unit, basis points). Kept in this folder so the PDF
 * does not wait for calc/; the two are to be merged later.
 */
import type { BasisPoints, Milli, Ore, Unit } from '../types.ts';

export type Lang = 'da' | 'en';

/** Digits of a non-negative integer grouped in thousands: `1.250.000` (da) or `1,250,000` (en). */
function group(digits: string, lang: Lang): string {
  const sep = lang === 'da' ? '.' : ',';
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function assertInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number, got ${value}`);
}

/**
 * An amount of øre as the number a customer reads, two decimals, no currency.
 *
 * @example
 * formatAmount(125050, 'da') // '1.250,50'
 * formatAmount(125050, 'en') // '1,250.50'
 * formatAmount(-500, 'da')   // '-5,00'
 */
export function formatAmount(ore: Ore, lang: Lang): string {
  assertInteger(ore, 'An amount in øre');
  const abs = Math.abs(ore);
  const kroner = group(String(Math.floor(abs / 100)), lang);
  const cents = String(abs % 100).padStart(2, '0');
  return `${ore < 0 ? '-' : ''}${kroner}${lang === 'da' ? ',' : '.'}${cents}`;
}

/**
 * An amount with its currency: `1.250,50 kr.` (da) or `DKK 1,250.50` (en).
 */
export function formatMoney(ore: Ore, lang: Lang): string {
  return lang === 'da' ? `${formatAmount(ore, lang)} kr.` : `DKK ${formatAmount(ore, lang)}`;
}

/**
 * A number held in thousandths, with as many decimals as it needs (at most three).
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

/** How each unit is written after a quantity: singular (exactly 1) and plural. */
const UNITS: Record<Unit, Record<Lang, [string, string]>> = {
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

/** A unit as written after `milli` thousandths of it (an unknown unit is written as given). */
export function formatUnit(unit: Unit, milli: Milli, lang: Lang): string {
  const forms = UNITS[unit]?.[lang];
  if (!forms) return String(unit);
  return milli === 1000 ? forms[0] : forms[1];
}

/**
 * A quantity with its unit.
 *
 * @example
 * formatQuantity(1500, 'm', 'da')     // '1,5 m'
 * formatQuantity(20000, 'time', 'da') // '20 timer'
 * formatQuantity(45000, 'm2', 'en')   // '45 m²'
 */
export function formatQuantity(milli: Milli, unit: Unit, lang: Lang): string {
  return `${formatMilli(milli, lang)} ${formatUnit(unit, milli, lang)}`;
}

/**
 * A percentage from basis points, with the decimals it needs: `25 %`, `12,5 %` (da, with a
 * space as Danish writes it) or `25%`, `12.5%` (en).
 */
export function formatPercent(bp: BasisPoints, lang: Lang): string {
  assertInteger(bp, 'A percentage in basis points');
  const abs = Math.abs(bp);
  const whole = String(Math.floor(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  const number = `${bp < 0 ? '-' : ''}${whole}${fraction ? (lang === 'da' ? ',' : '.') + fraction : ''}`;
  return lang === 'da' ? `${number} %` : `${number}%`;
}

const MONTHS: Record<Lang, string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * An ISO date (`yyyy-mm-dd`) written out: `3. december 2026` (da) or `3 December 2026` (en).
 * Anything that is not a real calendar date is returned as given rather than guessed at.
 */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return iso;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return iso;
  const name = MONTHS[lang][month - 1]!;
  return lang === 'da' ? `${day}. ${name} ${year}` : `${day} ${name} ${year}`;
}
