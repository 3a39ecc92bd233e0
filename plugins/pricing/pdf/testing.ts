/**
 * Sample quotes for the PDF's tests and for looking at it, with totals worked out by hand (calc/
 * is written separately): a Danish quote with optional and alternative lines, a discount, a
 * volume price and two VAT classes; an English one with a discount on the total; and a long one.
 */
import type { QuoteLine, QuoteTotals } from '../types.ts';
import type { QuotePdfInput } from './render.ts';

type LineSpec = Partial<QuoteLine> & Pick<QuoteLine, 'name' | 'unit' | 'quantity' | 'unitPriceOre' | 'netOre'>;

/** A calculated line with the defaults of a plain counted list-price line at 25 % moms. */
export function line(spec: LineSpec): QuoteLine {
  return {
    sku: spec.sku ?? spec.name.da.toLowerCase().replace(/[^a-zæøå0-9]+/g, '-'),
    vatClass: 'standard',
    vatRateBp: 2500,
    optional: false,
    counted: true,
    group: null,
    reasons: [{ kind: 'list', unitPriceOre: spec.unitPriceOre }],
    ...spec,
  };
}

export const SELLER: QuotePdfInput['seller'] = {
  name: 'Nordlys Tag & Facade ApS',
  cvr: '12345678',
  address: ['Havnegade 4, 2. sal', '8000 Aarhus C'],
  email: 'tilbud@nordlystag.dk',
  phone: '+45 86 12 34 56',
  website: 'nordlystag.dk',
  bank: 'Reg.nr. 1234 kontonr. 0012345678',
};

/**
 * The Danish sample. Counted at 25 %: 15.006,00 + 9.810,00 + 13.149,50 + 750,00 + 350,00 +
 * 2.480,00 = 41.545,50; momsfrit udlæg 1.200,00; net 42.745,50; moms 25 % of 41.545,50 =
 * 10.386,375 → 10.386,38; incl. moms 53.131,88. Not counted: the snow guards (not chosen) and
 * the copper downpipes (the other alternative).
 */
export const DANISH_LINES: QuoteLine[] = [
  line({ name: { da: 'Zinktagrende, halvrund Ø 150 mm', en: 'Zinc gutter, half-round Ø 150 mm' }, unit: 'm', quantity: 12_000, unitPriceOre: 125_050, netOre: 1_500_600 }),
  line({
    name: { da: 'Montage af tagrender inkl. bøjler og samlestykker', en: 'Fitting of gutters incl. brackets and joints' },
    unit: 'time',
    quantity: 20_000,
    unitPriceOre: 49_050,
    netOre: 981_000,
    reasons: [
      { kind: 'list', unitPriceOre: 54_500 },
      { kind: 'line_discount', discountBp: 1000 },
    ],
  }),
  line({
    name: { da: 'Tagpap, 2-lags på fladt tag', en: 'Roofing felt, two layers on a flat roof' },
    unit: 'm2',
    quantity: 45_500,
    unitPriceOre: 28_900,
    netOre: 1_314_950,
    reasons: [
      { kind: 'list', unitPriceOre: 31_900 },
      { kind: 'break', minQuantity: 40_000, unitPriceOre: 28_900 },
    ],
  }),
  line({
    name: {
      da: 'Bortkørsel og miljøgodkendt bortskaffelse af gammel tagrende, nedløbsrør og øvrigt affald fra arbejdspladsen, sorteret efter kommunens regulativ for erhvervsaffald',
      en: 'Removal and approved disposal of the old gutter, downpipes and other waste from the site, sorted as the municipal rules for commercial waste require',
    },
    unit: 'stk',
    quantity: 1_000,
    unitPriceOre: 75_000,
    netOre: 75_000,
  }),
  line({ name: { da: 'Snefangere i sort stål', en: 'Snow guards, black steel' }, unit: 'stk', quantity: 6_000, unitPriceOre: 42_500, netOre: 255_000, optional: true, counted: false }),
  line({ name: { da: 'Rensning af nedløbsrør og brønde', en: 'Cleaning of downpipes and gullies' }, unit: 'stk', quantity: 1_000, unitPriceOre: 35_000, netOre: 35_000, optional: true, counted: true }),
  line({ name: { da: 'Nedløbsrør i zink, Ø 100 mm', en: 'Zinc downpipe, Ø 100 mm' }, unit: 'm', quantity: 8_000, unitPriceOre: 31_000, netOre: 248_000, group: 'nedløb' }),
  line({ name: { da: 'Nedløbsrør i kobber, Ø 100 mm', en: 'Copper downpipe, Ø 100 mm' }, unit: 'm', quantity: 8_000, unitPriceOre: 59_000, netOre: 472_000, group: 'nedløb', counted: false }),
  line({
    name: { da: 'Udlæg: kommunalt gebyr for byggetilladelse', en: 'Outlay: municipal building permit fee' },
    unit: 'stk',
    quantity: 1_000,
    unitPriceOre: 120_000,
    netOre: 120_000,
    vatClass: 'exempt',
    vatRateBp: 0,
  }),
];

export const DANISH_TOTALS: QuoteTotals = {
  lines: DANISH_LINES,
  subtotalOre: 4_274_550,
  totalDiscountBp: 0,
  totalDiscountOre: 0,
  netOre: 4_274_550,
  vat: [
    { vatClass: 'standard', rateBp: 2500, baseOre: 4_154_550, vatOre: 1_038_638 },
    { vatClass: 'exempt', rateBp: 0, baseOre: 120_000, vatOre: 0 },
  ],
  vatOre: 1_038_638,
  grossOre: 5_313_188,
  rounding: 'line',
};

export const DANISH_QUOTE: QuotePdfInput = {
  lang: 'da',
  quote: {
    number: '2026-0042',
    version: 2,
    date: '2026-12-03',
    validUntil: '2027-01-02',
    totals: DANISH_TOTALS,
    paymentTerms: 'Netto 8 dage',
    notes: 'Arbejdet udføres i uge 3–4, så vejret tillader det. Stillads er ikke medregnet.\nPriser på ekstra tagrende: 12½ m svarer til ca. 4 timers montage.',
  },
  seller: SELLER,
  customer: { name: 'Bageriet Ørsted ApS', cvr: '87654321', address: ['Åboulevarden 17', '8000 Aarhus C'], contact: 'Mette Særkjær', email: 'mette@oersted-bageri.dk' },
};

/**
 * The English sample: 1,500,600 + 1,090,000 = 2,590,600 øre; 5 % off = 129,530; net 2,461,070;
 * VAT 25 % = 615,267.5 → 615,268; total 3,076,338.
 */
export const ENGLISH_TOTALS: QuoteTotals = {
  lines: [
    line({ name: { da: 'Zinktagrende, halvrund', en: 'Zinc gutter, half-round' }, unit: 'm', quantity: 12_000, unitPriceOre: 125_050, netOre: 1_500_600 }),
    line({ name: { da: 'Montage', en: 'Fitting of gutters' }, unit: 'time', quantity: 20_000, unitPriceOre: 54_500, netOre: 1_090_000 }),
  ],
  subtotalOre: 2_590_600,
  totalDiscountBp: 500,
  totalDiscountOre: 129_530,
  netOre: 2_461_070,
  vat: [{ vatClass: 'standard', rateBp: 2500, baseOre: 2_461_070, vatOre: 615_268 }],
  vatOre: 615_268,
  grossOre: 3_076_338,
  rounding: 'line',
};

export const ENGLISH_QUOTE: QuotePdfInput = {
  lang: 'en',
  quote: { number: 'Q-2026-107', version: 1, date: '2026-12-03', validUntil: '2027-01-02', totals: ENGLISH_TOTALS, paymentTerms: 'Net 8 days' },
  seller: SELLER,
  customer: { name: 'Fjord Logistics A/S', cvr: null, address: ['Kajgade 9', '6700 Esbjerg', 'Denmark'], contact: 'Søren Åkesson' },
};

/** `count` plain lines of 1 stk. at 100,00 kr., with their totals. */
export function longTotals(count: number): QuoteTotals {
  const lines = Array.from({ length: count }, (_, i) =>
    line({ name: { da: `Position ${i + 1}: facadeplade type ${String.fromCharCode(65 + (i % 26))}`, en: `Item ${i + 1}: facade panel type ${String.fromCharCode(65 + (i % 26))}` }, unit: 'stk', quantity: 1_000, unitPriceOre: 10_000, netOre: 10_000 }),
  );
  const net = count * 10_000;
  return {
    lines,
    subtotalOre: net,
    totalDiscountBp: 0,
    totalDiscountOre: 0,
    netOre: net,
    vat: [{ vatClass: 'standard', rateBp: 2500, baseOre: net, vatOre: net / 4 }],
    vatOre: net / 4,
    grossOre: net + net / 4,
    rounding: 'line',
  };
}
