/** The words on a quote PDF, Danish and English. */
import { formatDate, formatPercent, formatQuantity, type Lang } from './format.ts';
import type { BasisPoints, Milli, Unit } from '../types.ts';

export interface Labels {
  title: (estimate: boolean) => string;
  number: (estimate: boolean) => string;
  version: string;
  date: string;
  validUntil: string;
  customer: string;
  attention: string;
  cvr: (cvr: string) => string;
  phone: string;
  email: string;
  continued: string;
  columns: { description: string; quantity: string; unitPrice: string; discount: string; amount: string };
  optional: string;
  alternative: (letter: string) => string;
  chosen: string;
  notChosen: string;
  notCounted: string;
  agreedPrice: string;
  volumePrice: (from: Milli, unit: Unit) => string;
  minimumQuantity: (min: Milli, unit: Unit) => string;
  subtotal: string;
  totalDiscount: (bp: BasisPoints) => string;
  net: string;
  vat: (rateBp: BasisPoints, exempt: boolean) => string;
  vatOf: (label: string, base: string) => string;
  /** The VAT row when the totals have no VAT classes. */
  vatTotal: string;
  gross: string;
  paymentTerms: string;
  payTo: string;
  validity: (estimate: boolean, until: string) => string;
  notes: string;
  page: (n: number, of: number) => string;
  subject: (estimate: boolean, number: string, customer: string) => string;
  language: string;
}

export const LABELS: Record<Lang, Labels> = {
  da: {
    title: (estimate) => (estimate ? 'Prisoverslag' : 'Tilbud'),
    number: (estimate) => (estimate ? 'Overslagsnr.' : 'Tilbudsnr.'),
    version: 'Version',
    date: 'Dato',
    validUntil: 'Gyldig til',
    customer: 'Kunde',
    attention: 'Att.',
    cvr: (cvr) => `CVR-nr. ${cvr}`,
    phone: 'Tlf.',
    email: 'E-mail',
    continued: 'fortsat',
    columns: { description: 'Beskrivelse', quantity: 'Antal', unitPrice: 'Enhedspris', discount: 'Rabat', amount: 'Beløb' },
    optional: 'tilvalg',
    alternative: (letter) => `alternativ\u00a0${letter}`,
    chosen: 'Valgt – medregnet i prisen',
    notChosen: 'Ikke valgt – ikke medregnet i prisen',
    notCounted: 'Ikke medregnet i prisen',
    agreedPrice: 'Aftalepris',
    volumePrice: (from, unit) => `Mængdepris fra ${formatQuantity(from, unit, 'da')}`,
    minimumQuantity: (min, unit) => `Mindste antal: ${formatQuantity(min, unit, 'da')}`,
    subtotal: 'Subtotal',
    totalDiscount: (bp) => (bp ? `Rabat ${formatPercent(bp, 'da')}` : 'Rabat'),
    net: 'Pris ekskl. moms',
    vat: (rateBp, exempt) => (exempt ? `Momsfrit (${formatPercent(rateBp, 'da')})` : `Moms ${formatPercent(rateBp, 'da')}`),
    vatOf: (label, base) => `${label} af ${base}`,
    vatTotal: 'Moms',
    gross: 'Pris inkl. moms',
    paymentTerms: 'Betalingsbetingelser',
    payTo: 'Betaling til',
    validity: (estimate, until) =>
      estimate
        ? `Prisoverslaget er vejledende og gælder til og med ${formatDate(until, 'da')}. Den endelige pris kan afvige.`
        : `Tilbuddet gælder til og med ${formatDate(until, 'da')}.`,
    notes: 'Bemærkninger',
    page: (n, of) => `Side ${n} af ${of}`,
    subject: (estimate, number, customer) => `${estimate ? 'Prisoverslag' : 'Tilbud'} ${number} til ${customer}`,
    language: 'da-DK',
  },
  en: {
    title: (estimate) => (estimate ? 'Estimate' : 'Quotation'),
    number: (estimate) => (estimate ? 'Estimate no.' : 'Quotation no.'),
    version: 'Version',
    date: 'Date',
    validUntil: 'Valid until',
    customer: 'Customer',
    attention: 'Attn.',
    cvr: (cvr) => `CVR no. ${cvr}`,
    phone: 'Tel.',
    email: 'Email',
    continued: 'continued',
    columns: { description: 'Description', quantity: 'Quantity', unitPrice: 'Unit price', discount: 'Discount', amount: 'Amount' },
    optional: 'optional',
    alternative: (letter) => `alternative\u00a0${letter}`,
    chosen: 'Chosen – included in the total',
    notChosen: 'Not chosen – not included in the total',
    notCounted: 'Not included in the total',
    agreedPrice: 'Agreed price',
    volumePrice: (from, unit) => `Volume price from ${formatQuantity(from, unit, 'en')}`,
    minimumQuantity: (min, unit) => `Minimum quantity: ${formatQuantity(min, unit, 'en')}`,
    subtotal: 'Subtotal',
    totalDiscount: (bp) => (bp ? `Discount ${formatPercent(bp, 'en')}` : 'Discount'),
    net: 'Net amount',
    vat: (rateBp, exempt) => (exempt ? `VAT exempt (${formatPercent(rateBp, 'en')})` : `VAT ${formatPercent(rateBp, 'en')}`),
    vatOf: (label, base) => `${label} of ${base}`,
    vatTotal: 'VAT',
    gross: 'Total incl. VAT',
    paymentTerms: 'Payment terms',
    payTo: 'Payment to',
    validity: (estimate, until) =>
      estimate
        ? `This estimate is indicative and valid until ${formatDate(until, 'en')}; the final price may differ.`
        : `This quotation is valid until ${formatDate(until, 'en')}.`,
    notes: 'Notes',
    page: (n, of) => `Page ${n} of ${of}`,
    subject: (estimate, number, customer) => `${estimate ? 'Estimate' : 'Quotation'} ${number} for ${customer}`,
    language: 'en-GB',
  },
};
