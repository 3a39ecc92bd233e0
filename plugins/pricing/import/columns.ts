/**
 * The header row of a price list: which column holds which field, by the Danish and English
 * names price lists use, compared without case, spaces, punctuation or accents ("Varenr.",
 * "VARE NR", "Vare-nr" are one). A price column that says "inkl. moms"/"incl. VAT" is marked so
 * its prices are converted; "pris fra 20"/"price from 50" columns are quantity breaks.
 */
import type { Milli } from '../types.ts';
import { type Cell, cellText, fold, readQuantity } from './values.ts';

/** The fields a column can fill (the API's item fields; `price` is unit_price_ore). */
export type Field = 'sku' | 'name_da' | 'name_en' | 'unit' | 'price' | 'vat_class' | 'synonyms' | 'min_quantity' | 'valid_from' | 'valid_to' | 'public' | 'add_ons' | 'break';

export interface Column {
  /** 0-based position in the row. */
  index: number;
  /** The header as the file writes it. */
  header: string;
  field: Field;
  /** A price or break column whose prices include 25 % moms. */
  inclVat: boolean;
  /** A break column's quantity, in thousandths. */
  breakAt?: Milli;
  lang: 'da' | 'en';
}

export interface HeaderMap {
  columns: Column[];
  /** Columns not used: not a known name, or a second column for a field already taken (the first named here wins). */
  ignored: { index: number; header: string; reason: 'unknown' | 'duplicate' }[];
  /** The language most recognised headers are in (decides how 1.250 is read when no cell tells). */
  lang: 'da' | 'en';
}

/**
 * Header names, normalised (folded, letters and digits only), by field, in order of preference
 * when a file has two columns for one field (navn before beskrivelse).
 */
const ALIASES: [Field, 'da' | 'en', string[]][] = [
  ['sku', 'da', ['varenr', 'varenummer', 'vnr', 'nummer', 'nr', 'artnr', 'artikelnr', 'artikelnummer', 'produktnr', 'produktnummer', 'varekode', 'kode']],
  ['sku', 'en', ['sku', 'itemno', 'itemnr', 'itemnumber', 'itemcode', 'productno', 'productnumber', 'productcode', 'partno', 'partnumber', 'articleno', 'artno', 'code']],
  ['name_en', 'da', ['engelsknavn', 'navnengelsk', 'navnen', 'engelsk', 'engelskbetegnelse', 'betegnelseengelsk', 'engelskbeskrivelse', 'beskrivelseengelsk']],
  ['name_en', 'en', ['nameen', 'englishname', 'nameenglish', 'english', 'descriptionen', 'descriptionenglish']],
  ['name_da', 'da', ['navnda', 'navndansk', 'dansknavn', 'navn', 'varenavn', 'produktnavn', 'betegnelse', 'varebetegnelse', 'beskrivelse', 'varebeskrivelse', 'produkt', 'ydelse', 'vare', 'tekst']],
  ['name_da', 'en', ['nameda', 'namedanish', 'danishname', 'name', 'itemname', 'productname', 'description', 'product', 'item', 'service']],
  ['unit', 'da', ['enhed', 'enh', 'maleenhed', 'salgsenhed', 'enheder']],
  ['unit', 'en', ['unit', 'uom', 'unitofmeasure', 'units']],
  ['price', 'da', ['pris', 'stykpris', 'enhedspris', 'prisprenhed', 'prisperenhed', 'prisprstk', 'listepris', 'salgspris', 'nettopris', 'belob']],
  ['price', 'en', ['price', 'unitprice', 'priceperunit', 'listprice', 'salesprice', 'netprice', 'amount']],
  ['vat_class', 'da', ['moms', 'momssats', 'momsprocent', 'momspct', 'momsklasse', 'momskode', 'momstype']],
  ['vat_class', 'en', ['vat', 'vatrate', 'vatclass', 'vatcode', 'tax', 'taxrate', 'mva']],
  ['synonyms', 'da', ['synonymer', 'synonym', 'sogeord', 'andrenavne', 'alias', 'aliaser']],
  ['synonyms', 'en', ['synonyms', 'keywords', 'aliases', 'othernames', 'searchterms', 'tags']],
  ['min_quantity', 'da', ['minantal', 'minimum', 'minimumsantal', 'minimumantal', 'mindsteantal', 'minkob', 'minimumskob']],
  ['min_quantity', 'en', ['minqty', 'minquantity', 'minimumquantity', 'minimumqty', 'moq', 'minimumorder']],
  ['valid_from', 'da', ['gyldigfra', 'gaelderfra', 'fradato', 'startdato', 'ikraftfra']],
  ['valid_from', 'en', ['validfrom', 'startdate', 'effectivefrom', 'datefrom']],
  ['valid_to', 'da', ['gyldigtil', 'gyldigtilogmed', 'gaeldertil', 'tildato', 'slutdato', 'udlober']],
  ['valid_to', 'en', ['validto', 'validuntil', 'enddate', 'effectiveto', 'dateto', 'expires']],
  ['public', 'da', ['offentlig', 'offentligt', 'synlig', 'vispaweb', 'vischatbot']],
  ['public', 'en', ['public', 'visible', 'published']],
  ['add_ons', 'da', ['tilvalg', 'tilbehor', 'tilkob', 'relateredevarer']],
  ['add_ons', 'en', ['addons', 'addon', 'accessories', 'related']],
];

const BY_KEY = new Map<string, { field: Field; lang: 'da' | 'en'; rank: number }>();
for (const [field, lang, keys] of ALIASES) for (const key of keys) if (!BY_KEY.has(key)) BY_KEY.set(key, { field, lang, rank: BY_KEY.size });

const INCL = /(?:^|\s)(?:inkl|incl|inkluderet|inklusive|inclusive|including|inc|med|m|with|w)\.?\s*(?:moms|vat|mva)\.?(?=\s|$)/;
const EXCL = /(?:^|\s)(?:ekskl|eksl|eks|ex|excl|exkl|exclusive|excluding|eksklusive|uden|u|without|before|netto|net)\.?\s*(?:moms|vat|mva)\.?(?=\s|$)/;
const BRUTTO = new Set(['bruttopris', 'prisbrutto', 'grossprice', 'pricegross', 'brutto', 'gross']);
const ENGLISH_BREAK = /^(?:price|unit price|unitprice)?\s*(?:from|at|over|min\.?|minimum)\b/;
const BREAK = /^(?:(?:pris|price|stykpris|enhedspris|unit ?price)\s+)?(?:fra|from|ved|at|over|min\.?|minimum|ab)\s*(\d[\d.,]*)\s*(?:[a-z][a-z0-9.]*\s*)?\+?$/;
const BREAK_PLUS = /^(?:pris|price|stykpris|enhedspris|unit ?price)\s+(\d[\d.,]*)\s*(?:[a-z][a-z0-9.]*\s*)?\+$/;

/**
 * What one header names, or null for none of the fields.
 *
 * @example
 * recognise('Pris inkl. moms'); // { field: 'price', inclVat: true, lang: 'da', rank: … }
 * recognise('Price from 50');   // { field: 'break', breakAt: 50000, inclVat: false, lang: 'en', rank: … }
 */
export function recognise(header: string): (Omit<Column, 'index' | 'header'> & { rank: number }) | null {
  let light = fold(header).replace(/[≥>]=?/g, ' fra ').replace(/[^a-z0-9.,+ ]+/g, ' ').replace(/\s+/g, ' ').trim();
  let inclVat = false;
  let vatPhrase = false;
  if (INCL.test(light)) {
    inclVat = true;
    vatPhrase = true;
    light = light.replace(INCL, ' ');
  } else if (EXCL.test(light)) {
    vatPhrase = true;
    light = light.replace(EXCL, ' ');
  }
  // Currency words are no part of a name: "Pris (kr.)", "Pris i DKK".
  light = light.split(' ').filter((w) => !['kr', 'kr.', 'dkk', 'i', 'in'].includes(w)).join(' ').trim();
  const breakMatch = BREAK.exec(light) ?? BREAK_PLUS.exec(light);
  if (breakMatch) {
    const lang = ENGLISH_BREAK.test(light) || light.startsWith('price') || light.startsWith('unit') ? 'en' : 'da';
    const quantity = readQuantity(breakMatch[1]!.replace(/[.,]$/, ''), lang === 'en' ? '.' : ',');
    if (!quantity.ok) return null;
    return { field: 'break', breakAt: quantity.value, inclVat, lang, rank: 0 };
  }
  const key = light.replace(/[^a-z0-9]/g, '');
  if (key === '' && vatPhrase) return { field: 'price', inclVat, lang: /vat/.test(fold(header)) ? 'en' : 'da', rank: BY_KEY.size };
  if (BRUTTO.has(key)) return { field: 'price', inclVat: true, lang: key.startsWith('gross') || key.endsWith('gross') ? 'en' : 'da', rank: BY_KEY.size };
  const known = BY_KEY.get(key);
  if (!known) return null;
  // A VAT phrase on anything but a price ("Moms inkl.") leaves the name as it was.
  if (known.field !== 'price') return vatPhrase ? null : { field: known.field, inclVat: false, lang: known.lang, rank: known.rank };
  return { field: 'price', inclVat, lang: known.lang, rank: known.rank + (inclVat ? BY_KEY.size : 0) };
}

/**
 * The columns of a header row: each field from the first-preferred column that names it
 * (an exclusive price over an inclusive one), breaks by quantity, the rest ignored.
 *
 * @example
 * mapHeader(['Varenr.', 'Navn', 'Enhed', 'Pris ekskl. moms', 'Lager']).ignored; // [{ index: 4, header: 'Lager', reason: 'unknown' }]
 */
export function mapHeader(cells: Cell[]): HeaderMap {
  const found: (Column & { rank: number })[] = [];
  const ignored: HeaderMap['ignored'] = [];
  cells.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === '') return;
    const known = recognise(header);
    if (known) found.push({ ...known, index, header });
    else ignored.push({ index, header, reason: 'unknown' });
  });
  const best = new Map<string, Column & { rank: number }>();
  for (const column of found) {
    const slot = column.field === 'break' ? `break:${column.breakAt}:${column.inclVat}` : column.field;
    const taken = best.get(slot);
    if (!taken || column.rank < taken.rank) best.set(slot, column);
  }
  // A break given both ways keeps the exclusive column.
  for (const [slot, column] of best) {
    if (column.field === 'break' && column.inclVat && best.has(`break:${column.breakAt}:false`)) best.delete(slot);
  }
  const kept = new Set(best.values());
  for (const column of found) if (!kept.has(column)) ignored.push({ index: column.index, header: column.header, reason: 'duplicate' });
  const columns = [...kept].sort((a, b) => a.index - b.index).map(({ rank: _rank, ...c }) => c);
  const english = columns.filter((c) => c.lang === 'en').length;
  return { columns, ignored: ignored.sort((a, b) => a.index - b.index), lang: english > columns.length - english ? 'en' : 'da' };
}
