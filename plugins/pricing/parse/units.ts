/**
 * Unit words, Danish and English, as customers and the trade write them, to the price list's
 * `Unit`s. Some are a scale of one (`30 cm` is 0,3 `m`, `45 min` is 0,75 `time`, `18 ft` is
 * 5,486 `m`): `unitOf` gives the factor as an exact fraction, `scaleMilli` applies it.
 *
 * `t` is an hour (as in "montering ca. 10 t"), never a tonne; tonnes are `ton`/`tons`/`tonnes`.
 * Genitives count (`20 timers montage`, `2 dages lift`, `3 ugers stillads`).
 */
import type { Milli, Unit } from '../types.ts';

/** A unit word read: the unit and the exact factor to it (`cm`: 1/100 of `m`). */
export interface UnitMatch {
  unit: Unit;
  num: number;
  den: number;
}

const ONE = (unit: Unit): UnitMatch => ({ unit, num: 1, den: 1 });

const TABLE: [string[], UnitMatch][] = [
  [['stk', 'stk.', 'styk', 'styks', 'stykker', 'stykke', "stk's", 'pcs', 'pcs.', 'pc', 'pc.', 'piece', 'pieces', 'units', 'unit'], ONE('stk')],
  [['m', 'm.', 'meter', 'metre', 'metres', 'meters', 'meteren', 'mtr', 'mtr.', 'lbm', 'lbm.', 'lb.m', 'lb. m', 'lm', 'løbende meter', 'løbende m', 'løbemeter', 'running metres', 'running meters', 'linear metres', 'linear meters', 'lin m', 'lin. m', 'metres of', 'meters of'], ONE('m')],
  [['cm', 'cm.', 'centimeter', 'centimetre', 'centimetres', 'centimeters'], { unit: 'm', num: 1, den: 100 }],
  [['ft', 'ft.', 'feet', 'foot'], { unit: 'm', num: 3048, den: 10000 }],
  [['km', 'km.', 'kilometer', 'kilometre', 'kilometres', 'kilometers'], ONE('km')],
  [['m2', 'm^2', 'kvm', 'kvm.', 'kvadratmeter', 'kvadratmetre', 'kvadrat meter', 'sqm', 'sq m', 'sq. m', 'sq.m', 'sq.m.', 'sq metres', 'sq meters', 'square metre', 'square metres', 'square meter', 'square meters'], ONE('m2')],
  [['m3', 'm^3', 'kubikmeter', 'kubik', 'cbm', 'cubic metre', 'cubic metres', 'cubic meter', 'cubic meters'], ONE('m3')],
  [['kg', 'kg.', 'kilo', 'kilos', 'kilogram', 'kilogrammes', 'kilograms'], ONE('kg')],
  [['g', 'gram', 'grams'], { unit: 'kg', num: 1, den: 1000 }],
  [['ton', 'tons', 'tonne', 'tonnes', 'tons.'], ONE('ton')],
  [['l', 'l.', 'liter', 'litre', 'litres', 'liters', 'ltr', 'ltr.'], ONE('l')],
  [['t', 't.', 'time', 'timer', 'timers', 'times', 'tim', 'tim.', 'hour', 'hours', 'hr', 'hr.', 'hrs', 'hrs.', 'h', 'mandetime', 'mandetimer', 'man-hours', 'manhours'], ONE('time')],
  [['min', 'min.', 'minut', 'minutter', 'minutters', 'minute', 'minutes', 'mins'], { unit: 'time', num: 1, den: 60 }],
  [['dag', 'dage', 'dages', 'dags', 'døgn', 'day', 'days', 'arbejdsdag', 'arbejdsdage'], ONE('dag')],
  [['uge', 'uger', 'ugers', 'uges', 'week', 'weeks', 'wk', 'wks'], ONE('uge')],
  [['måned', 'måneder', 'måneders', 'måneds', 'mdr', 'mdr.', 'md', 'md.', 'mnd', 'mnd.', 'month', 'months', 'mth', 'mths'], ONE('måned')],
  [['år', 'års', 'year', 'years', 'yr', 'yrs'], ONE('år')],
  [['sæt', 'sættet', 'set', 'sets'], ONE('sæt')],
  [['pakke', 'pakker', 'pk', 'pk.', 'pakn.', 'pack', 'packs', 'package', 'packages'], ONE('pakke')],
];

const LOOKUP = new Map<string, UnitMatch>();
for (const [words, match] of TABLE) for (const w of words) LOOKUP.set(w, match);

/** The longest unit phrase, in words, that `unitOf` knows ("square metres" is 2). */
export const MAX_UNIT_WORDS = 3;

function key(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/²/g, '2')
    .replace(/³/g, '3')
    .replace(/\s+/g, ' ');
}

/**
 * A unit word or phrase with its factor, or null.
 *
 * @example
 * unitOf('m²');   // { unit: 'm2', num: 1, den: 1 }
 * unitOf('cm');   // { unit: 'm', num: 1, den: 100 }
 * unitOf('timers'); // { unit: 'time', num: 1, den: 1 }
 */
export function unitOf(text: string): UnitMatch | null {
  const k = key(text);
  return LOOKUP.get(k) ?? LOOKUP.get(k.replace(/\.$/, '')) ?? null;
}

/**
 * The unit a word names, or null; scaled units name the unit they are a part of (`cm` → `m`).
 *
 * @example
 * parseUnit('løbende meter'); // 'm'
 * parseUnit('kvm');           // 'm2'
 * parseUnit('hrs');           // 'time'
 * parseUnit('mdr');           // 'måned'
 */
export function parseUnit(text: string): Unit | null {
  return unitOf(text)?.unit ?? null;
}

/** A quantity in thousandths of a scaled unit, in thousandths of its unit, rounded half up (18 ft → 5486 thousandths of m). */
export function scaleMilli(milli: Milli, unit: UnitMatch): Milli {
  if (unit.num === unit.den) return milli;
  return Math.round((milli * unit.num) / unit.den);
}

/** Units that count things rather than measure them: a bare number is in them. */
export const COUNT_UNITS: ReadonlySet<Unit> = new Set<Unit>(['stk', 'sæt', 'pakke']);

