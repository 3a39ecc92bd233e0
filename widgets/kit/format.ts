/**
 * Dates, numbers and money as a Danish or English reader expects them: `2. dec. 2026`,
 * `1.250,50 kr.` and "for 3 timer siden" in Danish; `2 Dec 2026`, `DKK 1,250.50` and
 * "3 hours ago" in English. Money is in øre (integers), never floats.
 */
export type Lang = 'da' | 'en';

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function fmt<T>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()) as never);
  return f;
}

/** `2. dec. 2026` / `2 Dec 2026` (in the reader's time zone). */
export function formatDate(value: string | Date, lang: Lang): string {
  return fmt(`d:${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric' })).format(new Date(value));
}

/** `2. dec. 2026 kl. 10.14` / `2 Dec 2026, 10:14`. */
export function formatDateTime(value: string | Date, lang: Lang): string {
  return fmt(`dt:${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })).format(new Date(value));
}

/** `1.250,5` / `1,250.5`. */
export function formatNumber(value: number, lang: Lang, digits = 2): string {
  return fmt(`n:${lang}:${digits}`, () => new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits })).format(value);
}

/** Øre as kroner: `1.250,50 kr.` / `DKK 1,250.50`. */
export function formatMoney(ore: number, lang: Lang): string {
  return fmt(`m:${lang}`, () => new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency: 'DKK', minimumFractionDigits: 2 })).format(ore / 100);
}

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [['second', 60], ['minute', 60], ['hour', 24], ['day', 7], ['week', 4.35], ['month', 12], ['year', Infinity]];

/** "for 3 timer siden" / "3 hours ago"; "lige nu" / "just now" under a minute. */
export function formatRelative(value: string | Date, lang: Lang, now: number = Date.now()): string {
  let amount = (new Date(value).getTime() - now) / 1000;
  if (Math.abs(amount) < 45) return lang === 'da' ? 'lige nu' : 'just now';
  const rtf = fmt(`r:${lang}`, () => new Intl.RelativeTimeFormat(LOCALE[lang], { numeric: 'auto' }));
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return rtf.format(Math.round(amount), unit);
    amount /= size;
  }
  return rtf.format(Math.round(amount), 'year');
}
