/**
 * The one error the calculation throws: a `PricingError` with a code from a closed set, the
 * details that locate it (which line, which SKU) and a message in Danish and in English, so a
 * route can answer a problem+json with a stable type and a widget can show the customer's
 * language without parsing text.
 */

/** Every way the input to a calculation can be wrong. Closed: a new case is a new code here. */
export type PricingErrorCode =
  | 'unknown_sku'
  | 'duplicate_sku'
  | 'invalid_quantity'
  | 'invalid_discount'
  | 'invalid_price'
  | 'invalid_item'
  | 'invalid_agreement'
  | 'invalid_date'
  | 'invalid_rounding'
  | 'item_not_valid'
  | 'agreement_not_valid'
  | 'several_chosen'
  | 'amount_too_large';

/** The closed set as a value, for schemas (`z.enum(PRICING_ERROR_CODES)`) and exhaustive tests. */
export const PRICING_ERROR_CODES = [
  'unknown_sku',
  'duplicate_sku',
  'invalid_quantity',
  'invalid_discount',
  'invalid_price',
  'invalid_item',
  'invalid_agreement',
  'invalid_date',
  'invalid_rounding',
  'item_not_valid',
  'agreement_not_valid',
  'several_chosen',
  'amount_too_large',
] as const satisfies readonly PricingErrorCode[];

/** What an error points at; every field optional, each filled when it is known. */
export interface PricingErrorDetails {
  /** The 0-based index of the line in the input. */
  line?: number;
  sku?: string;
  group?: string;
  /** The offending value as given (stringified). */
  value?: string;
  /** The date the quote is calculated for. */
  date?: string;
}

type Texts = { da: string; en: string };

const at = (d: PricingErrorDetails): Texts =>
  d.line === undefined ? { da: '', en: '' } : { da: ` (linje ${d.line + 1})`, en: ` (line ${d.line + 1})` };

/** The messages, built from the details; `line` is shown 1-based as people count lines. */
const TEXTS: Record<PricingErrorCode, (d: PricingErrorDetails) => Texts> = {
  unknown_sku: (d) => ({
    da: `Varenummeret ${d.sku ?? ''} findes ikke i prislisten${at(d).da}.`,
    en: `SKU ${d.sku ?? ''} is not in the price list${at(d).en}.`,
  }),
  duplicate_sku: (d) => ({
    da: `Prislisten har flere gyldige varer med varenummeret ${d.sku ?? ''}${at(d).da}.`,
    en: `The price list has more than one valid item with SKU ${d.sku ?? ''}${at(d).en}.`,
  }),
  invalid_quantity: (d) => ({
    da: `Antallet skal være et positivt helt antal tusindedele, ikke ${d.value ?? ''}${at(d).da}.`,
    en: `The quantity must be a positive whole number of thousandths, not ${d.value ?? ''}${at(d).en}.`,
  }),
  invalid_discount: (d) => ({
    da: `En rabat skal være mellem 0 og 10000 basispoint (0–100 %), ikke ${d.value ?? ''}${at(d).da}.`,
    en: `A discount must be between 0 and 10000 basis points (0–100 %), not ${d.value ?? ''}${at(d).en}.`,
  }),
  invalid_price: (d) => ({
    da: `En pris skal være et helt, ikke-negativt antal øre, ikke ${d.value ?? ''}${at(d).da}.`,
    en: `A price must be a whole, non-negative number of øre, not ${d.value ?? ''}${at(d).en}.`,
  }),
  invalid_item: (d) => ({
    da: `Varen ${d.sku ?? ''} i prislisten er ugyldig: ${d.value ?? ''}.`,
    en: `Price list item ${d.sku ?? ''} is invalid: ${d.value ?? ''}.`,
  }),
  invalid_agreement: (d) => ({
    da: `Kundeaftalen er ugyldig: ${d.value ?? ''}.`,
    en: `The customer agreement is invalid: ${d.value ?? ''}.`,
  }),
  invalid_date: (d) => ({
    da: `Datoen skal skrives åååå-mm-dd og være en rigtig dato, ikke ${d.value ?? ''}.`,
    en: `The date must be written yyyy-mm-dd and be a real date, not ${d.value ?? ''}.`,
  }),
  invalid_rounding: (d) => ({
    da: `Afrunding skal være 'line' eller 'total', ikke ${d.value ?? ''}.`,
    en: `Rounding must be 'line' or 'total', not ${d.value ?? ''}.`,
  }),
  item_not_valid: (d) => ({
    da: `Varen ${d.sku ?? ''} gælder ikke den ${d.date ?? ''}${at(d).da}.`,
    en: `Item ${d.sku ?? ''} is not valid on ${d.date ?? ''}${at(d).en}.`,
  }),
  agreement_not_valid: (d) => ({
    da: `Kundeaftalen gælder ikke den ${d.date ?? ''}.`,
    en: `The customer agreement is not valid on ${d.date ?? ''}.`,
  }),
  several_chosen: (d) => ({
    da: `Der er valgt mere end ét alternativ i gruppen ${d.group ?? ''}${at(d).da}.`,
    en: `More than one alternative is chosen in group ${d.group ?? ''}${at(d).en}.`,
  }),
  amount_too_large: (d) => ({
    da: `Beløbet er for stort til at regne sikkert med${at(d).da}.`,
    en: `The amount is too large to calculate safely${at(d).en}.`,
  }),
};

/**
 * Bad input to the calculation. `message` is the English text; `da` and `en` hold both.
 *
 * @example
 * try {
 *   calculateQuote({ items, lines: [{ sku: 'NOPE', quantity: 1000 }] });
 * } catch (error) {
 *   if (error instanceof PricingError && error.code === 'unknown_sku') show(error.da);
 * }
 */
export class PricingError extends Error {
  override readonly name = 'PricingError';
  readonly code: PricingErrorCode;
  readonly details: PricingErrorDetails;
  readonly da: string;
  readonly en: string;

  constructor(code: PricingErrorCode, details: PricingErrorDetails = {}) {
    const texts = TEXTS[code](details);
    super(texts.en);
    this.code = code;
    this.details = details;
    this.da = texts.da;
    this.en = texts.en;
  }

  /** The message in a language. */
  text(lang: 'da' | 'en'): string {
    return lang === 'da' ? this.da : this.en;
  }
}
