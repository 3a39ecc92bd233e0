/**
 * Reading a customer's text: numbers, quantities and money (`number.ts`), units (`units.ts`),
 * item matching (`match.ts`) and quote lines (`lines.ts`). Pure functions over a price list.
 */
export { parseDanishNumber, parseQuantity, parseMoney, parseNumeralMilli, readWordNumber, numberWordMilli, type Lang, type NumberOptions, type Quantity } from './number.ts';
export { parseUnit, unitOf, scaleMilli, COUNT_UNITS, type UnitMatch } from './units.ts';
export { indexItems, matchItems, wordOf, fold, stripSuffix, MIN_QUALITY, type Stem, type ItemMatch, type ItemIndex } from './match.ts';
export { linesFromText, type TextLine, type TextLines, type LinesOptions } from './lines.ts';
export { detectLanguage, maskNonQuantities, splitParts } from './text.ts';
