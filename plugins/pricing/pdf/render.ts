/**
 * A quote (or an estimate) as an A4 PDF in Danish or English, drawn with pdf-lib's standard
 * Helvetica: the seller's letterhead, the customer, the quote's number, version and dates, a
 * table of its lines (wrapped, paginated with the header repeated), the totals excluding and
 * including moms per VAT class, the payment terms, the validity and the notes; every page
 * numbered "Side 1 af 2" / "Page 1 of 2".
 */
import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts, type RGB } from 'pdf-lib';
import type { BasisPoints, Ore, QuoteLine, QuoteTotals } from '../types.ts';
import { formatAmount, formatDate, formatMoney, formatPercent, formatQuantity, type Lang } from './format.ts';
import { LABELS, type Labels } from './labels.ts';
import { type Encodable, fit, fontCharset, winAnsi, wrap } from './text.ts';

export interface QuotePdfSeller {
  name: string;
  cvr: string | null;
  address: string[];
  email?: string;
  phone?: string;
  website?: string;
  /** How to pay, as it should be printed: "Reg.nr. 1234 kontonr. 0012345678". */
  bank?: string;
}

export interface QuotePdfCustomer {
  name: string;
  cvr?: string | null;
  address?: string[];
  /** The person the quote is for ("Att.: Mette Hansen"). */
  contact?: string;
  email?: string;
}

export interface QuotePdfInput {
  lang: Lang;
  quote: {
    number: string;
    version: number;
    /** yyyy-mm-dd */
    date: string;
    /** yyyy-mm-dd, the last day the quote holds. */
    validUntil: string;
    totals: QuoteTotals;
    notes?: string;
    /** As printed, e.g. 'Netto 8 dage' / 'Net 8 days'. */
    paymentTerms: string;
  };
  seller: QuotePdfSeller;
  customer: QuotePdfCustomer;
  /** An estimate (the chatbot's, or a rough one): titled "Prisoverslag" / "Estimate" and said to be indicative. */
  estimate?: boolean;
}

const [PAGE_W, PAGE_H] = PageSizes.A4 as [number, number];
const MARGIN = 50;
const RIGHT = PAGE_W - MARGIN;
const CONTENT_W = RIGHT - MARGIN;
/** The lowest a line of content goes; below it are the footer's rule and text. */
const BOTTOM = 66;
const FOOTER_Y = 32;

const INK = rgb(0.12, 0.12, 0.12);
const GREY = rgb(0.4, 0.4, 0.4);
const RULE = rgb(0.78, 0.78, 0.78);
const BAND = rgb(0.93, 0.94, 0.95);

const TABLE_SIZE = 9.5;
const TABLE_LEADING = 12;
const NOTE_SIZE = 8;
const NOTE_LEADING = 10.5;
const ROW_PAD = 5;
const HEADER_H = 20;
/** Space between the table's edge and the text in its first and last columns. */
const INSET = 6;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  charset: Encodable;
}

interface TextOptions {
  font?: PDFFont;
  size?: number;
  color?: RGB;
  align?: 'left' | 'right';
}

/** The pages being written and where on the current one the next line goes. */
class Writer {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  /** Drawn at the top of every page after the first (the continuation header, the table header). */
  onNewPage: (() => void) | undefined;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {}

  newPage(): void {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.page);
    this.y = PAGE_H - MARGIN;
    if (this.pages.length > 1) this.onNewPage?.();
  }

  /** Room for `height` more points on this page, else a new page. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /** Room left on a fresh page below its continuation header and table header. */
  get fresh(): number {
    return PAGE_H - MARGIN - BOTTOM - 60;
  }

  /** One line of text at a baseline (`x` is its right edge when right-aligned). Returns its width. */
  text(value: string, x: number, y: number, options: TextOptions = {}, page = this.page): number {
    const font = options.font ?? this.fonts.regular;
    const size = options.size ?? 10;
    const safe = winAnsi(value, this.fonts.charset);
    if (!safe) return 0;
    const width = font.widthOfTextAtSize(safe, size);
    page.drawText(safe, { x: options.align === 'right' ? x - width : x, y, size, font, color: options.color ?? INK });
    return width;
  }

  width(value: string, font: PDFFont, size: number): number {
    return font.widthOfTextAtSize(winAnsi(value, this.fonts.charset), size);
  }

  wrap(value: string, width: number, font: PDFFont = this.fonts.regular, size = 10): string[] {
    return wrap(value, font, size, width, this.fonts.charset);
  }

  rule(y: number, x0 = MARGIN, x1 = RIGHT, color = RULE, thickness = 0.6): void {
    this.page.drawLine({ start: { x: x0, y }, end: { x: x1, y }, thickness, color });
  }
}

/** The unit price to print before the line's discounts, and those discounts, when the reasons explain the net unit price. */
export function shownPrice(line: QuoteLine): { unitPriceOre: Ore; discounts: BasisPoints[] } {
  const reasons = line.reasons ?? [];
  let base = -1;
  reasons.forEach((reason, i) => {
    if (reason.kind === 'list' || reason.kind === 'break' || reason.kind === 'agreement_price' || reason.kind === 'manual') base = i;
  });
  const plain = { unitPriceOre: line.unitPriceOre, discounts: [] };
  if (base < 0) return plain;
  const from = reasons[base] as { unitPriceOre: Ore };
  const discounts = reasons
    .slice(base + 1)
    .flatMap((reason) => ((reason.kind === 'agreement_discount' || reason.kind === 'line_discount') && reason.discountBp > 0 ? [reason.discountBp] : []));
  if (!discounts.length) return plain;
  // Printed only when list price less the discounts is the line's unit price (to the øre): a customer checks the sum.
  let exact = from.unitPriceOre;
  for (const bp of discounts) exact = (exact * (10_000 - bp)) / 10_000;
  if (Math.abs(exact - line.unitPriceOre) > 1) return plain;
  return { unitPriceOre: from.unitPriceOre, discounts };
}

interface Column {
  key: 'description' | 'quantity' | 'unitPrice' | 'discount' | 'amount';
  x: number;
  width: number;
  align: 'left' | 'right';
}

type Cells = Record<Exclude<Column['key'], 'description'>, string>;
const NUMERIC: Array<Exclude<Column['key'], 'description'>> = ['quantity', 'unitPrice', 'discount', 'amount'];
/** The narrowest each numeric column is (so a short quote's table doesn't look cramped), and the narrowest the description is. */
const MIN_WIDTH: Record<Column['key'], number> = { description: 170, quantity: 46, unitPrice: 56, discount: 40, amount: 62 };
const GAP = 10;

/**
 * The table's columns: each numeric one as wide as its widest cell or header (the discount one
 * only when a line has a discount), the description the rest.
 */
function columns(cells: Cells[], labels: Labels, w: Writer): Column[] {
  const keys = NUMERIC.filter((key) => key !== 'discount' || cells.some((c) => c.discount));
  const widths = keys.map((key) =>
    Math.max(MIN_WIDTH[key], w.width(labels.columns[key], w.fonts.bold, 9), ...cells.map((c) => w.width(c[key], w.fonts.regular, TABLE_SIZE))),
  );
  const numericWidth = widths.reduce((sum, width) => sum + width + GAP, 0) + INSET;
  const descriptionWidth = Math.max(MIN_WIDTH.description, CONTENT_W - numericWidth - INSET);
  const out: Column[] = [{ key: 'description', x: MARGIN + INSET, width: descriptionWidth, align: 'left' }];
  let x = MARGIN + INSET + descriptionWidth;
  keys.forEach((key, i) => {
    x += GAP;
    out.push({ key, x, width: widths[i]!, align: 'right' });
    x += widths[i]!;
  });
  return out;
}

interface Row {
  description: string[];
  notes: string[];
  cells: Cells;
  counted: boolean;
}

function cellsOf(line: QuoteLine, lang: Lang): Cells {
  const price = shownPrice(line);
  return {
    quantity: formatQuantity(line.quantity, line.unit, lang),
    unitPrice: formatAmount(price.unitPriceOre, lang),
    discount: price.discounts.map((bp) => formatPercent(bp, lang)).join(' + '),
    amount: formatAmount(line.netOre, lang),
  };
}

function rowOf(line: QuoteLine, cells: Cells, lang: Lang, labels: Labels, groupLetter: string | undefined, descriptionWidth: number, w: Writer): Row {
  const other: Lang = lang === 'da' ? 'en' : 'da';
  const name = line.name?.[lang]?.trim() || line.name?.[other]?.trim() || line.sku;
  const marks = [line.optional ? labels.optional : '', groupLetter ? labels.alternative(groupLetter) : ''].filter(Boolean);
  const description = w.wrap(marks.length ? `${name} (${marks.join(', ')})` : name, descriptionWidth, w.fonts.regular, TABLE_SIZE);

  const notes: string[] = [];
  const reasons = line.reasons ?? [];
  const lastPrice = [...reasons].reverse().find((r) => r.kind === 'list' || r.kind === 'break' || r.kind === 'agreement_price' || r.kind === 'manual');
  if (lastPrice?.kind === 'agreement_price') notes.push(labels.agreedPrice);
  if (lastPrice?.kind === 'break') notes.push(labels.volumePrice(lastPrice.minQuantity, line.unit));
  for (const reason of reasons) if (reason.kind === 'minimum_quantity') notes.push(labels.minimumQuantity(reason.minQuantity, line.unit));
  if (line.optional || groupLetter) notes.push(line.counted ? labels.chosen : labels.notChosen);
  else if (!line.counted) notes.push(labels.notCounted);

  return {
    description,
    notes: notes.flatMap((note) => w.wrap(note, descriptionWidth, w.fonts.italic, NOTE_SIZE)),
    cells,
    counted: line.counted,
  };
}

/**
 * Renders a quote as a PDF (A4, Helvetica, WinAnsi: Danish letters, `m²`, `½` and `€` as
 * written; characters the font lacks replaced, never an error). Amounts must be whole øre.
 *
 * @example
 * const bytes = await renderQuotePdf({
 *   lang: 'da',
 *   quote: { number: '2026-0042', version: 1, date: '2026-12-03', validUntil: '2027-01-02', totals, paymentTerms: 'Netto 8 dage' },
 *   seller: { name: 'Nordlys Tag ApS', cvr: '12345678', address: ['Havnegade 4', '8000 Aarhus C'] },
 *   customer: { name: 'Bageriet Ørsted', contact: 'Mette Hansen' },
 * });
 */
export async function renderQuotePdf(input: QuotePdfInput): Promise<Uint8Array> {
  const lang: Lang = input.lang === 'en' ? 'en' : 'da';
  const labels = LABELS[lang];
  const estimate = input.estimate === true;
  const { quote, seller, customer } = input;
  const totals = quote.totals;
  const title = labels.title(estimate);

  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const italic = await doc.embedFont(StandardFonts.HelveticaOblique);
  const fonts: Fonts = { regular, bold, italic, charset: fontCharset(regular) };
  const w = new Writer(doc, fonts);

  doc.setTitle(`${title} ${quote.number}`, { showInWindowTitleBar: true });
  doc.setAuthor(seller.name);
  doc.setSubject(labels.subject(estimate, quote.number, customer.name));
  doc.setLanguage(labels.language);
  doc.setCreator('open-crm pricing');
  doc.setProducer('open-crm pricing (pdf-lib)');

  w.newPage();

  // Letterhead: the seller's name on the left, address, CVR and contact on the right.
  let left = w.y - 16;
  for (const line of w.wrap(seller.name, 270, bold, 18)) {
    w.text(line, MARGIN, left, { font: bold, size: 18 });
    left -= 21;
  }
  const contact = [
    ...(seller.address ?? []),
    seller.cvr ? labels.cvr(seller.cvr) : '',
    seller.phone ? `${labels.phone} ${seller.phone}` : '',
    seller.email ?? '',
    seller.website ?? '',
  ].filter((line) => line.trim());
  let right = w.y - 8;
  for (const line of contact.flatMap((text) => w.wrap(text, 200, regular, 9))) {
    w.text(line, RIGHT, right, { size: 9, color: GREY, align: 'right' });
    right -= 12;
  }
  // Below the lower of the two: the name's last baseline (and its descenders), the contact's last line.
  w.y = Math.min(left + 21 - 4, right + 12) - 32;

  // The customer on the left; the title, number, version and dates on the right.
  const top = w.y;
  let cy = top - 10;
  w.text(labels.customer, MARGIN, cy, { size: 8.5, color: GREY });
  cy -= 15;
  for (const line of w.wrap(customer.name, 260, bold, 11)) {
    w.text(line, MARGIN, cy, { font: bold, size: 11 });
    cy -= 14;
  }
  const customerLines = [
    customer.contact ? `${labels.attention}: ${customer.contact}` : '',
    ...(customer.address ?? []),
    customer.cvr ? labels.cvr(customer.cvr) : '',
    customer.email ?? '',
  ].filter((line) => line.trim());
  for (const text of customerLines) {
    for (const line of w.wrap(text, 260)) {
      w.text(line, MARGIN, cy);
      cy -= 13.5;
    }
  }
  const infoX = 345;
  const infoValueX = 430;
  let iy = top - 18;
  w.text(title, infoX, iy, { font: bold, size: 22 });
  iy -= 22;
  const info: Array<[string, string]> = [
    [labels.number(estimate), quote.number],
    [labels.version, String(quote.version)],
    [labels.date, formatDate(quote.date, lang)],
    [labels.validUntil, formatDate(quote.validUntil, lang)],
  ];
  for (const [label, value] of info) {
    w.text(label, infoX, iy, { size: 9.5, color: GREY });
    w.text(fit(winAnsi(value, fonts.charset), regular, 10, RIGHT - infoValueX), infoValueX, iy);
    iy -= 14;
  }
  w.y = Math.min(cy + 13.5, iy + 14) - 28;

  // The lines.
  const lines = totals.lines ?? [];
  const cells = lines.map((line) => cellsOf(line, lang));
  const cols = columns(cells, labels, w);
  const descriptionWidth = cols[0]!.width;
  const groupLetters = new Map<string, string>();
  for (const line of lines) if (line.group && !groupLetters.has(line.group)) groupLetters.set(line.group, letter(groupLetters.size));

  let inTable = false;
  const tableHeader = () => {
    const y = w.y;
    w.page.drawRectangle({ x: MARGIN, y: y - HEADER_H, width: CONTENT_W, height: HEADER_H, color: BAND });
    for (const col of cols) {
      w.text(labels.columns[col.key], col.align === 'right' ? col.x + col.width : col.x, y - 13.5, { font: bold, size: 9, align: col.align });
    }
    w.y = y - HEADER_H;
  };
  w.onNewPage = () => {
    const y = w.y - 10;
    w.text(`${title} ${quote.number}, ${labels.version.toLowerCase()} ${quote.version} (${labels.continued})`, MARGIN, y, { font: bold, size: 10 });
    w.text(fit(winAnsi(seller.name, fonts.charset), regular, 9, 200), RIGHT, y, { size: 9, color: GREY, align: 'right' });
    w.y = y - 22;
    if (inTable) tableHeader();
  };

  w.ensure(HEADER_H + 2 * ROW_PAD + 2 * TABLE_LEADING);
  inTable = true;
  tableHeader();
  for (const [i, line] of lines.entries()) {
    const row = rowOf(line, cells[i]!, lang, labels, line.group ? groupLetters.get(line.group) : undefined, descriptionWidth, w);
    const height = 2 * ROW_PAD + row.description.length * TABLE_LEADING + row.notes.length * NOTE_LEADING;
    // A row stays on one page unless it is longer than a page.
    if (w.y - height < BOTTOM && height <= w.fresh) w.newPage();
    const color = row.counted ? INK : GREY;
    const slots = [
      ...row.description.map((text, i) => ({ text, font: regular, size: TABLE_SIZE, leading: TABLE_LEADING, color, cells: i === 0 })),
      ...row.notes.map((text) => ({ text, font: italic, size: NOTE_SIZE, leading: NOTE_LEADING, color: GREY, cells: false })),
    ];
    let cursor = w.y - ROW_PAD;
    for (const slot of slots) {
      if (cursor - slot.leading < BOTTOM) {
        w.newPage();
        cursor = w.y - ROW_PAD;
      }
      const baseline = cursor - slot.size * 0.8 - (slot.leading - slot.size) / 2;
      w.text(slot.text, cols[0]!.x, baseline, { font: slot.font, size: slot.size, color: slot.color });
      if (slot.cells) {
        for (const col of cols.slice(1)) {
          const value = col.key === 'description' ? '' : row.cells[col.key];
          if (value) w.text(value, col.x + col.width, baseline, { size: TABLE_SIZE, color, align: 'right' });
        }
      }
      cursor -= slot.leading;
    }
    w.y = cursor - ROW_PAD;
    w.rule(w.y);
  }
  inTable = false;

  // The totals, kept together on one page.
  const totalRows: Array<{ label: string; value: string; strong?: boolean }> = [];
  if (totals.totalDiscountOre) {
    totalRows.push({ label: labels.subtotal, value: formatAmount(totals.subtotalOre, lang) });
    totalRows.push({ label: labels.totalDiscount(totals.totalDiscountBp), value: formatAmount(-Math.abs(totals.totalDiscountOre), lang) });
  }
  totalRows.push({ label: labels.net, value: formatAmount(totals.netOre, lang) });
  const classes = totals.vat ?? [];
  for (const vat of classes) {
    const label = labels.vat(vat.rateBp, vat.vatClass === 'exempt');
    const several = classes.length > 1 || vat.baseOre !== totals.netOre;
    totalRows.push({ label: several ? labels.vatOf(label, formatAmount(vat.baseOre, lang)) : label, value: formatAmount(vat.vatOre, lang) });
  }
  if (!classes.length) totalRows.push({ label: labels.vatTotal, value: formatAmount(totals.vatOre, lang) });
  totalRows.push({ label: labels.gross, value: formatMoney(totals.grossOre, lang), strong: true });

  const labelX = RIGHT - 250;
  const amountX = RIGHT - INSET;
  w.ensure(16 + totalRows.length * 16 + 6);
  w.y -= 16;
  for (const row of totalRows) {
    if (row.strong) {
      w.y -= 4;
      w.rule(w.y + 12.5, labelX, RIGHT, INK, 0.8);
      w.y -= 2;
    }
    const font = row.strong ? bold : regular;
    const size = row.strong ? 11 : 10;
    w.text(row.label, labelX, w.y, { font, size });
    w.text(row.value, amountX, w.y, { font, size, align: 'right' });
    w.y -= 16;
  }

  // Terms, validity and notes: a short block is kept on one page, a long one flows onto the next.
  w.y -= 10;
  const paragraph = (text: string, options: TextOptions = {}, gapAfter = 4, keep = 0) => {
    const size = options.size ?? 10;
    const leading = size * 1.4;
    const lines = w.wrap(text, CONTENT_W, options.font ?? regular, size);
    const height = (lines.length + keep) * leading;
    if (height <= w.fresh) w.ensure(height);
    for (const line of lines) {
      w.ensure(leading);
      if (line) w.text(line, MARGIN, w.y, { ...options, size });
      w.y -= leading;
    }
    w.y -= gapAfter;
  };
  paragraph(`${labels.paymentTerms}: ${quote.paymentTerms}`);
  if (seller.bank?.trim()) paragraph(`${labels.payTo}: ${seller.bank}`);
  paragraph(labels.validity(estimate, quote.validUntil));
  const notes = quote.notes?.trim();
  if (notes) {
    w.y -= 8;
    // The heading goes with the notes (all of them when they fit on a page, else at least their first lines).
    const noteLines = w.wrap(notes, CONTENT_W).length;
    paragraph(labels.notes, { font: bold }, 0, (noteLines + 1) * 14 <= w.fresh ? noteLines : 3);
    paragraph(notes);
  }

  // Footers, now that the pages are counted.
  const footer = [seller.name, seller.cvr ? labels.cvr(seller.cvr) : '', seller.phone ? `${labels.phone} ${seller.phone}` : '', seller.email ?? '', seller.website ?? '']
    .filter((part) => part.trim())
    .join('  ·  ');
  w.pages.forEach((page, i) => {
    const pageLabel = labels.page(i + 1, w.pages.length);
    const pageWidth = w.width(pageLabel, regular, 8);
    page.drawLine({ start: { x: MARGIN, y: FOOTER_Y + 12 }, end: { x: RIGHT, y: FOOTER_Y + 12 }, thickness: 0.6, color: RULE });
    w.text(fit(winAnsi(footer, fonts.charset), regular, 8, CONTENT_W - pageWidth - 20), MARGIN, FOOTER_Y, { size: 8, color: GREY }, page);
    w.text(pageLabel, RIGHT, FOOTER_Y, { size: 8, color: GREY, align: 'right' }, page);
  });

  return doc.save();
}

/** A, B, …, Z, AA, AB, … for the n-th group of alternatives (from 0). */
function letter(n: number): string {
  let out = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) out = String.fromCharCode(65 + ((i - 1) % 26)) + out;
  return out;
}
