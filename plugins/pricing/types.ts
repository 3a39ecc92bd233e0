/**
 * The pricing plugin's vocabulary, shared by its calculation, its text reading, its PDF and its
 * store. Money is always whole øre in a `number` (safe to 90 trillion kroner), quantities are
 * thousandths of a unit (`1,5 m` = 1500), percentages are basis points (`12,5 %` = 1250): no
 * floats ever touch an amount.
 */

/** An amount of money in øre (1 kr. = 100 øre). Always an integer. */
export type Ore = number;
/** A quantity in thousandths of its unit (3 stk. = 3000; 1,5 m = 1500; 12½ m = 12500). Always an integer. */
export type Milli = number;
/** A percentage in basis points (25 % = 2500; 12,5 % = 1250). Always an integer. */
export type BasisPoints = number;

/** Units a price is per: Danish abbreviations as the trade writes them. */
export type Unit = 'stk' | 'time' | 'm' | 'm2' | 'm3' | 'kg' | 'l' | 'dag' | 'uge' | 'måned' | 'år' | 'km' | 'sæt' | 'pakke' | 'ton';

/** The VAT classes: standard Danish moms (25 %), or exempt (0 %: e.g. some services, exports). */
export type VatClass = 'standard' | 'exempt';

/** A quantity break: from `minQuantity` (inclusive) the unit price is `unitPriceOre`. */
export interface PriceBreak {
  minQuantity: Milli;
  unitPriceOre: Ore;
}

/** One product or service of the own company's price list. */
export interface PriceItem {
  id: string;
  sku: string;
  name: { da: string; en: string };
  /** Other words a customer uses for it ("tagrende", "rende", "gutter"). */
  synonyms: string[];
  unit: Unit;
  /** Unit price excluding VAT. */
  unitPriceOre: Ore;
  vatClass: VatClass;
  /** Ascending by minQuantity; the last one at or below the quantity applies (else unitPriceOre). */
  breaks: PriceBreak[];
  /** The smallest quantity sold; a smaller one is raised to it (and the line says so). */
  minQuantity: Milli | null;
  /** SKUs suggested with this one (brackets with a gutter). */
  addOns: string[];
  /** ISO dates (yyyy-mm-dd), inclusive; null = open. */
  validFrom: string | null;
  validTo: string | null;
  /** Shown to the chatbot and in public estimates. */
  public: boolean;
}

/** A customer's agreement: its own prices for some SKUs and/or a discount on the rest. */
export interface Agreement {
  companyId: string;
  /** Net unit prices by SKU (excluding VAT); they replace list price and breaks. */
  prices: Record<string, Ore>;
  /** A discount on every line without an agreed price. */
  discountBp: BasisPoints;
  validFrom: string | null;
  validTo: string | null;
}

/** A line as asked for (from staff, the widget, a text request or the chat). */
export interface LineInput {
  sku: string;
  quantity: Milli;
  /** A line discount in basis points, applied after the agreement. */
  discountBp?: BasisPoints;
  /** A manual unit price (staff only), replacing everything else. */
  unitPriceOre?: Ore;
  /** Optional lines are shown but counted only when chosen. */
  optional?: boolean;
  chosen?: boolean;
  /** Alternative lines share a group; exactly one of a group is counted (the chosen one, else the first). */
  group?: string;
  description?: string;
}

/** How amounts are rounded to whole øre. */
export type RoundingRule = 'line' | 'total';

/** Why a line has its price: each rule that set or changed it, in order. */
export type PriceReason =
  | { kind: 'list'; unitPriceOre: Ore }
  | { kind: 'break'; minQuantity: Milli; unitPriceOre: Ore }
  | { kind: 'agreement_price'; unitPriceOre: Ore }
  | { kind: 'agreement_discount'; discountBp: BasisPoints }
  | { kind: 'line_discount'; discountBp: BasisPoints }
  | { kind: 'manual'; unitPriceOre: Ore }
  | { kind: 'minimum_quantity'; minQuantity: Milli };

/** A calculated line. */
export interface QuoteLine {
  sku: string;
  name: { da: string; en: string };
  unit: Unit;
  quantity: Milli;
  /** The unit price after breaks, agreement and line discount, excluding VAT, as shown (whole øre); `netOre` is computed from the exact price, not from this rounded one. */
  unitPriceOre: Ore;
  /** Quantity × unit price, excluding VAT, rounded per the rule. */
  netOre: Ore;
  vatClass: VatClass;
  vatRateBp: BasisPoints;
  optional: boolean;
  /** Whether the line counts in the totals (an unchosen optional line or a not-chosen alternative does not). */
  counted: boolean;
  group: string | null;
  reasons: PriceReason[];
}

/** A calculated quote: its lines, the discount on the total, VAT per class and the totals both ways. */
export interface QuoteTotals {
  lines: QuoteLine[];
  /** Sum of counted lines' net, before the total discount. */
  subtotalOre: Ore;
  totalDiscountBp: BasisPoints;
  totalDiscountOre: Ore;
  /** Excluding VAT, after the total discount. */
  netOre: Ore;
  /** VAT by class: the taxable amount and the VAT on it. */
  vat: { vatClass: VatClass; rateBp: BasisPoints; baseOre: Ore; vatOre: Ore }[];
  vatOre: Ore;
  /** Including VAT. */
  grossOre: Ore;
  rounding: RoundingRule;
}
