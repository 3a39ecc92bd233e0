/**
 * The formats the quote PDF prints with: money, quantities and percentages are the calculation's
 * own (calc/format.ts, from integers only), so a PDF and the API never write a number two ways;
 * the date written out is the PDF's.
 */
import { formatAmount, formatMilli, formatOre, formatPercent, formatQuantity, formatUnit, type Lang } from '../calc/format.ts';

export { formatAmount, formatMilli, formatPercent, formatQuantity, formatUnit, type Lang };
/** An amount with its currency: `1.250,50 kr.` (da) or `DKK 1,250.50` (en). */
export const formatMoney = formatOre;

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
