/**
 * The values of a price list's cells, read exactly: amounts to whole øre and quantities to
 * thousandths by string arithmetic (no float ever holds an amount), dates, yes/no, VAT classes
 * and units from the words Danish and English price lists use. Every reader answers a value or
 * a message in Danish and English that says what was wrong with the cell.
 */
import { UNITS } from '../schemas.ts';
import type { Milli, Ore, Unit, VatClass } from '../types.ts';

/** A message in both languages. */
export interface Text {
  da: string;
  en: string;
}

/** A cell: text (CSV, or a text cell of a sheet), or a spreadsheet number in JavaScript notation (`1250.5`). */
export type Cell = string | { number: string };

export type Read<T> = { ok: true; value: T } | { ok: false; error: Text };

/** The decimal mark of a file: `,` (Danish: 1.250,50) or `.` (English: 1,250.50). */
export type DecimalMark = ',' | '.';

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (da: string, en: string): Read<never> => ({ ok: false, error: { da, en } });

/** The cell as text, trimmed (a sheet number in its JavaScript notation). */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return (typeof cell === 'string' ? cell : cell.number).trim();
}

export const isEmpty = (cell: Cell | undefined) => cellText(cell) === '';

/** Currency words and the "450,-" dash, before or after the number: what a price may carry besides digits. */
const LEADING_CURRENCY = /^(?:kr\.?|dkk)\s*/i;
const TRAILING_CURRENCY = /\s*(?:kr\.?|dkk|[,.][-–—])$/i;

function stripCurrency(text: string): string {
  let s = text.trim();
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(LEADING_CURRENCY, '').replace(TRAILING_CURRENCY, '').trim();
  }
  return s;
}

/** Thousands separated by spaces (1 250,50), also no-break and narrow no-break spaces and apostrophes. */
const joinDigitGroups = (s: string) => s.replace(/(\d)[\s\u00a0\u202f'’](?=\d{3}(?!\d))/g, '$1');

interface Digits {
  negative: boolean;
  whole: string;
  fraction: string;
}

/**
 * A written number's digits, with `.` and `,` told apart: both present → the last one is the
 * decimal mark; one of them more than once → thousands; once with exactly three digits after
 * it → the file's mark decides (1.250 is 1250 in a Danish file, 1.25 in an English one);
 * otherwise it is the decimal mark (12.5 and 12,5 are both twelve and a half).
 */
function digitsOf(text: string, mark: DecimalMark): Digits | null {
  let s = joinDigitGroups(text.trim());
  let negative = false;
  if (/^[-−–]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  }
  if (!/^\d+(?:[.,]\d+)*$/.test(s) && !/^\d+[.,]$/.test(s) && !/^[.,]\d+$/.test(s)) return null;
  if (/^[.,]/.test(s)) s = `0${s}`;
  if (/[.,]$/.test(s)) s = s.slice(0, -1);
  const separators = s.replace(/\d/g, '');
  if (separators === '') return { negative, whole: s, fraction: '' };
  let decimal: string | null;
  if (separators.includes('.') && separators.includes(',')) decimal = separators.at(-1)!;
  else if (separators.length > 1) decimal = null;
  else {
    const after = s.length - s.indexOf(separators) - 1;
    decimal = after === 3 ? (separators === mark ? separators : null) : separators;
  }
  const at = decimal === null ? -1 : s.lastIndexOf(decimal);
  const wholePart = at < 0 ? s : s.slice(0, at);
  const fraction = at < 0 ? '' : s.slice(at + 1);
  // The whole part: groups of three after the first, split by the one thousands separator.
  const groups = wholePart.split(/[.,]/);
  if (groups.length > 1) {
    const thousands = wholePart.replace(/\d/g, '');
    if (new Set(thousands).size > 1 || thousands.includes(decimal ?? '\u0000')) return null;
    if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
  }
  if (/[.,]/.test(fraction)) return null;
  return { negative, whole: groups.join('').replace(/^0+(?=\d)/, ''), fraction };
}

/** A spreadsheet's number (`1250.5`, `0.30000000000000004`) as plain decimal digits, float noise trimmed to 15 significant digits. */
function sheetDigits(raw: string): Digits | null {
  const n = Number(raw);
  if (!Number.isFinite(n)) return null;
  const plain = String(Number.parseFloat(n.toPrecision(15)));
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain);
  return m ? { negative: m[1] === '-', whole: m[2]!, fraction: m[3] ?? '' } : null;
}

/** Digits as an integer of `decimals` places (øre: 2, thousandths: 3), or null when they have more. */
function scaled(d: Digits, decimals: number): number | null {
  const fraction = d.fraction.replace(/0+$/, '');
  if (fraction.length > decimals) return null;
  if (d.whole.length > 13) return Number.POSITIVE_INFINITY;
  return Number(d.whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
}

/**
 * A price as whole øre: `1.250,50`, `450,-`, `kr. 450`, `450 kr.`, `DKK 1 250`, `1,250.50` (in
 * an English file), or a spreadsheet number. Refuses anything else ("ca. 400", "fra 400", "400+"),
 * negative amounts and fractions of an øre.
 *
 * @example
 * readAmount('1.250,50', ','); // { ok: true, value: 125050 }
 * readAmount('ca. 400', ',');  // { ok: false, error: { da: '»ca. 400« er ikke en præcis pris …', … } }
 */
export function readAmount(cell: Cell, mark: DecimalMark): Read<Ore> {
  const text = cellText(cell);
  const d = typeof cell === 'string' ? digitsOf(stripCurrency(text), mark) : sheetDigits(text);
  if (!d) return fail(`»${text}« er ikke en præcis pris (skriv fx 1.250,50)`, `"${text}" is not an exact price (write e.g. 1,250.50)`);
  if (d.negative) return fail(`»${text}« er negativ; en pris kan ikke være under 0`, `"${text}" is negative; a price cannot be below 0`);
  const ore = scaled(d, 2);
  if (ore === null) return fail(`»${text}« har brøkdele af en øre (højst to decimaler)`, `"${text}" has fractions of an øre (two decimals at most)`);
  if (ore > 1e13) return fail(`»${text}« er for stor`, `"${text}" is too large`);
  return ok(ore);
}

/**
 * A quantity as thousandths of its unit (`1,5` → 1500, `20` → 20000), positive, at most three
 * decimals; units after it (`20 stk.`) are allowed.
 *
 * @example
 * readQuantity('1,5 m', ','); // { ok: true, value: 1500 }
 */
export function readQuantity(cell: Cell, mark: DecimalMark): Read<Milli> {
  const text = cellText(cell);
  const bare = text.replace(/\s*\p{L}[\p{L}²³.]*$/u, '');
  const d = typeof cell === 'string' ? digitsOf(bare, mark) : sheetDigits(text);
  if (!d) return fail(`»${text}« er ikke et antal`, `"${text}" is not a quantity`);
  const milli = scaled(d, 3);
  if (milli === null) return fail(`»${text}« har mere end tre decimaler`, `"${text}" has more than three decimals`);
  if (d.negative || milli <= 0) return fail(`»${text}« skal være større end 0`, `"${text}" must be more than 0`);
  if (milli > 1e12) return fail(`»${text}« er for stort`, `"${text}" is too large`);
  return ok(milli);
}

/** Whether a written number clearly uses `,` or `.` as its decimal mark (null: it can't tell, e.g. 1.250 or 450). */
export function markOf(text: string): DecimalMark | null {
  const s = joinDigitGroups(stripCurrency(text));
  if (!/^-?\d[\d.,]*$/.test(s)) return null;
  const separators = s.replace(/[^.,]/g, '');
  if (separators.includes('.') && separators.includes(',')) return separators.at(-1) as DecimalMark;
  if (separators.length !== 1) return null;
  const after = s.length - s.indexOf(separators) - 1;
  return after === 3 ? null : (separators as DecimalMark);
}

function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2999 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A date as yyyy-mm-dd, from `dd-mm-yyyy`, `dd.mm.yyyy`, `dd/mm/yyyy`, `yyyy-mm-dd` (a
 * date-formatted sheet cell arrives as the last); a real calendar day.
 *
 * @example
 * readDate('01.03.2027'); // { ok: true, value: '2027-03-01' }
 */
export function readDate(cell: Cell): Read<string> {
  const text = cellText(cell);
  const bad = () => fail(`»${text}« er ikke en dato (skriv dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd)`, `"${text}" is not a date (write dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd)`);
  if (typeof cell !== 'string') return bad();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text);
  const dmy = /^(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4})$/.exec(text);
  const day = iso ? isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : dmy ? isoDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) : null;
  return day ? ok(day) : bad();
}

/** Lower case without accents, æ → ae, ø → o, å → a, ² → 2: how headers and words are compared. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/ø/g, 'o').replace(/æ/g, 'ae').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'sand', '1', 'x']);
const NO = new Set(['nej', 'n', 'no', 'false', 'falsk', '0']);

/** ja/nej, yes/no, true/false, 1/0, x. */
export function readBoolean(cell: Cell): Read<boolean> {
  const word = fold(cellText(cell)).replace(/[.!]$/, '');
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return fail(`»${cellText(cell)}« er hverken ja eller nej`, `"${cellText(cell)}" is neither yes nor no`);
}

const STANDARD_WORDS = new Set(['standard', 'std', 'moms', 'momspligtig', 'ja', 'yes', 'x', 'true', 'normal', 'vat']);
const EXEMPT_WORDS = new Set(['fritaget', 'momsfritaget', 'momsfri', 'fri', 'exempt', 'vat exempt', 'nej', 'no', 'false', 'ingen', 'none', 'uden', 'undtaget', 'zero', 'nul']);

/** 25 / 25 % / 0,25 / standard / ja → standard; 0 / 0 % / fritaget / momsfri / exempt → exempt; any other rate is refused. */
export function readVat(cell: Cell): Read<VatClass> {
  const text = cellText(cell);
  const word = fold(text).replace(/\s+/g, ' ').replace(/[.]$/, '');
  if (STANDARD_WORDS.has(word)) return ok('standard');
  if (EXEMPT_WORDS.has(word)) return ok('exempt');
  const percent = /^(\d+(?:[.,]\d+)?)\s*%?$/.exec(word);
  if (percent) {
    const n = Number(percent[1]!.replace(',', '.'));
    if (n === 25 || (n === 0.25 && !word.includes('%'))) return ok('standard');
    if (n === 0) return ok('exempt');
  }
  return fail(`»${text}« er ikke en momssats, der kan bruges: 25 % (standard) eller 0 % (fritaget)`, `"${text}" is not a usable VAT rate: 25 % (standard) or 0 % (exempt)`);
}

/** Words for each unit, folded (see {@link fold}) and without spaces, dots or other marks. */
const UNIT_WORDS: Record<Unit, string[]> = {
  stk: ['stk', 'styk', 'stykke', 'stykker', 'st', 'pcs', 'pc', 'pce', 'piece', 'pieces', 'ea', 'each'],
  time: ['time', 'timer', 'tim', 'hour', 'hours', 'hr', 'hrs', 'h', 'arbejdstime', 'arbejdstimer', 'mandetime', 'mandetimer'],
  m: ['m', 'meter', 'metre', 'meters', 'metres', 'lbm', 'lm', 'rm', 'lobendemeter', 'lobmeter', 'linearmeter'],
  m2: ['m2', 'kvm', 'kvadratmeter', 'kvadratmetre', 'sqm', 'squaremeter', 'squaremeters', 'squaremetre', 'squaremetres'],
  m3: ['m3', 'kbm', 'kubikmeter', 'cbm', 'cubicmeter', 'cubicmeters', 'cubicmetre', 'cubicmetres'],
  kg: ['kg', 'kilo', 'kilos', 'kilogram', 'kilogramme', 'kilograms'],
  l: ['l', 'liter', 'litre', 'liters', 'litres', 'ltr'],
  dag: ['dag', 'dage', 'day', 'days', 'dogn'],
  uge: ['uge', 'uger', 'week', 'weeks', 'wk'],
  måned: ['maned', 'maneder', 'md', 'mdr', 'mnd', 'month', 'months', 'mth'],
  år: ['ar', 'aar', 'year', 'years', 'yr'],
  km: ['km', 'kilometer', 'kilometre', 'kilometers', 'kilometres'],
  sæt: ['saet', 'set', 'sets'],
  pakke: ['pakke', 'pakker', 'pk', 'pack', 'packs', 'package', 'packages', 'pkg'],
  ton: ['ton', 'tons', 'tonne', 'tonnes'],
};
const UNIT_BY_WORD = new Map(Object.entries(UNIT_WORDS).flatMap(([unit, words]) => words.map((w) => [w, unit as Unit])));

/**
 * A unit from how the trade writes it (`stk.`, `Meter`, `m²`, `kvm`, `timer`, `mdr.`, `pcs`) as
 * one of {@link UNITS}; "pr. " / "per " before it is allowed.
 *
 * @example
 * readUnit('m²'); // { ok: true, value: 'm2' }
 */
export function readUnit(cell: Cell): Read<Unit> {
  const text = cellText(cell);
  const word = fold(text).replace(/^(?:pr|per)\.?\s+/, '').replace(/[^a-z0-9]/g, '');
  const unit = UNIT_BY_WORD.get(word);
  if (unit) return ok(unit);
  return fail(`»${text}« er ikke en enhed, der kendes (${UNITS.join(', ')})`, `"${text}" is not a known unit (${UNITS.join(', ')})`);
}

/**
 * A price including 25 % moms as excluding: divided by 1,25 exactly (× 4 / 5 in whole øre) and
 * rounded half away from zero to whole øre.
 *
 * @example
 * exclusiveOfVat(56250); // 45000
 * exclusiveOfVat(100);   // 80
 * exclusiveOfVat(1);     // 1 (0,8 øre rounds to 1)
 */
export function exclusiveOfVat(inclusiveOre: Ore): Ore {
  const numerator = inclusiveOre * 4;
  const quotient = Math.floor(numerator / 5);
  const remainder = numerator - quotient * 5;
  return remainder * 2 >= 5 ? quotient + 1 : quotient;
}

/** A list in one cell: split on `,` and `|` (and new lines), trimmed, each once (case-insensitively). */
export function readList(cell: Cell): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of cellText(cell).split(/[,|\n]/)) {
    const word = part.trim();
    if (word && !seen.has(word.toLowerCase())) {
      seen.add(word.toLowerCase());
      out.push(word);
    }
  }
  return out;
}
