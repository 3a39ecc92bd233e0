/**
 * The quote PDF read back as a customer's PDF reader (and the documents plugin) reads it: its
 * text layer through pdfjs, page by page, and its metadata.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../documents/extract/pdf.ts';
import type { QuoteTotals } from '../types.ts';
import { renderQuotePdf, shownPrice, type QuotePdfInput } from './render.ts';
import { DANISH_LINES, DANISH_QUOTE, ENGLISH_QUOTE, line, longTotals } from './testing.ts';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Each page's text as the documents plugin extracts it, no-break spaces as spaces. */
async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  const result = await extractPdf(bytes, { name: 'tilbud.pdf', maxPages: 100, maxUnpackedBytes: 100_000_000, ocr: { enabled: false, languages: 'dan+eng', timeoutMs: 10_000 } });
  expect(result.ocrPages).toBe(0);
  return result.sections.map((section) => section.text.replace(/\u00a0/g, ' '));
}

/** The document information and language, as pdfjs reports them. */
async function infoOf(bytes: Uint8Array): Promise<{ Title?: string; Author?: string; Subject?: string; Language?: string }> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  });
  try {
    const pdf = await task.promise;
    return (await pdf.getMetadata()).info as never;
  } finally {
    await task.destroy();
  }
}

/** A quote input with other totals (and whatever else is overridden). */
const withTotals = (base: QuotePdfInput, totals: QuoteTotals, over: Partial<QuotePdfInput> = {}): QuotePdfInput => ({ ...base, ...over, quote: { ...base.quote, totals } });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A line of the page's text that holds these parts in this order, with only spacing between them. */
const row = (...parts: string[]) => new RegExp(`^${parts.map(escape).join('\\s+')}$`, 'm');

describe('a Danish quote', () => {
  it('says, in Danish, who sells to whom, what, when and for how much', async () => {
    const bytes = await renderQuotePdf(DANISH_QUOTE);
    const pages = await pagesOf(bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const flat = text.replace(/\s+/g, ' ');

    // The seller, the customer, the quote.
    expect(text).toContain('Nordlys Tag & Facade ApS');
    expect(text).toContain('CVR-nr. 12345678');
    expect(text).toContain('Havnegade 4, 2. sal');
    expect(text).toContain('tilbud@nordlystag.dk');
    expect(text).toContain('Bageriet Ørsted ApS');
    expect(text).toContain('Att.: Mette Særkjær');
    expect(text).toContain('Åboulevarden 17');
    expect(text).toContain('CVR-nr. 87654321');
    expect(text).toMatch(/^Tilbud$/m);
    expect(text).toMatch(row('Tilbudsnr.', '2026-0042'));
    expect(text).toMatch(row('Version', '2'));
    expect(text).toMatch(row('Dato', '3. december 2026'));
    expect(text).toMatch(row('Gyldig til', '2. januar 2027'));

    // Every line, wrapped or not, with its numbers in Danish format on its own row.
    for (const line of DANISH_LINES.filter((l) => !l.name.da.startsWith('Bortkørsel'))) expect(flat).toContain(line.name.da);
    // A long description wraps; its numbers stand on its first line.
    const wrapped = /^Bortkørsel og (.+?)\s+1 stk\.\s+750,00\s+750,00\n((?:[^\n]+\n)+?)\nSnefangere/m.exec(text);
    expect(wrapped).not.toBeNull();
    expect(wrapped![2]!.trim().split('\n').length).toBeGreaterThan(1);
    expect(`Bortkørsel og ${wrapped![1]} ${wrapped![2]!.trim().replace(/\n/g, ' ')}`).toBe(DANISH_LINES[3]!.name.da);
    expect(text).toMatch(row('Beskrivelse', 'Antal', 'Enhedspris', 'Rabat', 'Beløb'));
    expect(text).toMatch(row('Zinktagrende, halvrund Ø 150 mm', '12 m', '1.250,50', '15.006,00'));
    // List price, the line's discount, and the amount after it.
    expect(text).toMatch(row('Montage af tagrender inkl. bøjler og samlestykker', '20 timer', '545,00', '10 %', '9.810,00'));
    expect(text).toMatch(row('Tagpap, 2-lags på fladt tag', '45,5 m²', '289,00', '13.149,50'));
    expect(text).toContain('Mængdepris fra 40 m²');
    expect(text).toMatch(row('Snefangere i sort stål (tilvalg)', '6 stk.', '425,00', '2.550,00'));
    expect(text).toMatch(/^Snefangere i sort stål \(tilvalg\)[^\n]*\nIkke valgt – ikke medregnet i prisen$/m);
    expect(text).toMatch(/^Rensning af nedløbsrør og brønde \(tilvalg\)[^\n]*\nValgt – medregnet i prisen$/m);
    expect(text).toMatch(/^Nedløbsrør i zink, Ø 100 mm \(alternativ A\)[^\n]*\nValgt – medregnet i prisen$/m);
    expect(text).toMatch(/^Nedløbsrør i kobber, Ø 100 mm \(alternativ A\)[^\n]*\nIkke valgt – ikke medregnet i prisen$/m);

    // The totals: no subtotal without a discount on the total; moms per class with its base.
    expect(text).not.toContain('Subtotal');
    expect(text).toMatch(row('Pris ekskl. moms', '42.745,50'));
    expect(text).toMatch(row('Moms 25 % af 41.545,50', '10.386,38'));
    expect(text).toMatch(row('Momsfrit (0 %) af 1.200,00', '0,00'));
    expect(text).toMatch(row('Pris inkl. moms', '53.131,88 kr.'));

    // Terms, validity, notes (with ½ and an en dash), the page number.
    expect(text).toContain('Betalingsbetingelser: Netto 8 dage');
    expect(text).toContain('Betaling til: Reg.nr. 1234 kontonr. 0012345678');
    expect(text).toContain('Tilbuddet gælder til og med 2. januar 2027.');
    expect(text).toMatch(/^Bemærkninger\nArbejdet udføres i uge 3–4, så vejret tillader det\. Stillads er ikke medregnet\.\nPriser på ekstra tagrende: 12½ m svarer til ca\. 4 timers montage\.$/m);
    expect(text).toMatch(/Side 1 af 1$/);
    expect(text).not.toMatch(/\?|undefined|null|NaN/);
  });

  it('has its title, the seller as author and Danish as its language in the metadata', async () => {
    const info = await infoOf(await renderQuotePdf(DANISH_QUOTE));
    expect(info.Title).toBe('Tilbud 2026-0042');
    expect(info.Author).toBe('Nordlys Tag & Facade ApS');
    expect(info.Subject).toBe('Tilbud 2026-0042 til Bageriet Ørsted ApS');
    expect(info.Language).toBe('da-DK');
  });

  it('is A4', async () => {
    const task = getDocument({ data: await renderQuotePdf(DANISH_QUOTE), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false });
    try {
      const page = await (await task.promise).getPage(1);
      expect(page.view.map(Math.round)).toEqual([0, 0, 595, 842]);
    } finally {
      await task.destroy();
    }
  });
});

describe('an English quote', () => {
  it('says the same in English, with English numbers and a discount on the total', async () => {
    const bytes = await renderQuotePdf(ENGLISH_QUOTE);
    const [text, ...rest] = await pagesOf(bytes);
    expect(rest).toHaveLength(0);
    expect(text).toContain('Nordlys Tag & Facade ApS');
    expect(text).toContain('CVR no. 12345678');
    expect(text).toContain('Fjord Logistics A/S');
    expect(text).toContain('Attn.: Søren Åkesson');
    // The customer has no CVR number: no line for it.
    expect(text!.match(/CVR/g)).toHaveLength(2); // the letterhead and the footer
    expect(text).toMatch(/^Quotation$/m);
    expect(text).toMatch(row('Quotation no.', 'Q-2026-107'));
    expect(text).toMatch(row('Date', '3 December 2026'));
    expect(text).toMatch(row('Valid until', '2 January 2027'));
    expect(text).toMatch(row('Description', 'Quantity', 'Unit price', 'Amount'));
    expect(text).not.toContain('Discount Amount');
    expect(text).toMatch(row('Zinc gutter, half-round', '12 m', '1,250.50', '15,006.00'));
    expect(text).toMatch(row('Fitting of gutters', '20 hours', '545.00', '10,900.00'));
    expect(text).toMatch(row('Subtotal', '25,906.00'));
    expect(text).toMatch(row('Discount 5%', '-1,295.30'));
    expect(text).toMatch(row('Net amount', '24,610.70'));
    expect(text).toMatch(row('VAT 25%', '6,152.68'));
    expect(text).toMatch(row('Total incl. VAT', 'DKK 30,763.38'));
    expect(text).toContain('Payment terms: Net 8 days');
    expect(text).toContain('This quotation is valid until 2 January 2027.');
    expect(text).toMatch(/Page 1 of 1$/);
    expect(text).not.toMatch(/Tilbud|Moms|kr\./);

    const info = await infoOf(bytes);
    expect(info.Title).toBe('Quotation Q-2026-107');
    expect(info.Language).toBe('en-GB');
  });
});

describe('a long quote', () => {
  it('runs over pages with the table header repeated, every line once and the pages numbered', async () => {
    const bytes = await renderQuotePdf(withTotals(DANISH_QUOTE, longTotals(60)));
    const pages = await pagesOf(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const count = pages.length;
    pages.forEach((text, i) => {
      expect(text).toMatch(row('Beskrivelse', 'Antal', 'Enhedspris', 'Beløb'));
      expect(text).toMatch(new RegExp(`Side ${i + 1} af ${count}$`));
      if (i > 0) expect(text).toMatch(/^Tilbud 2026-0042, version 2 \(fortsat\)/m);
    });
    expect(pages[1]).toContain(`Side 2 af ${count}`);
    const all = pages.join('\n');
    for (let n = 1; n <= 60; n++) expect(all.match(new RegExp(`^Position ${n}: facadeplade type [A-Z]\\s+1 stk\\.\\s+100,00\\s+100,00$`, 'gm'))).toHaveLength(1);
    // The totals come once, after the last line.
    expect(all.match(/Pris inkl\. moms/g)).toHaveLength(1);
    expect(pages.at(-1)).toMatch(row('Pris inkl. moms', '7.500,00 kr.'));
    expect(all.indexOf('Position 60:')).toBeLessThan(all.indexOf('Pris ekskl. moms'));
  });

  it('breaks a description longer than a page across pages without losing a word', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `ord${i}`);
    const totals = longTotals(1);
    totals.lines[0] = line({ name: { da: words.join(' '), en: words.join(' ') }, unit: 'stk', quantity: 1_000, unitPriceOre: 10_000, netOre: 10_000 });
    const pages = await pagesOf(await renderQuotePdf(withTotals(DANISH_QUOTE, totals)));
    expect(pages.length).toBeGreaterThan(2);
    const found = pages.join(' ').match(/ord\d+/g)!;
    expect(found).toEqual(words);
    for (const text of pages) expect(text).toMatch(row('Beskrivelse', 'Antal', 'Enhedspris', 'Beløb'));
  });
});

describe('an estimate', () => {
  it('is titled and worded as one, in Danish and in English', async () => {
    const da = await renderQuotePdf({ ...DANISH_QUOTE, estimate: true });
    const [text] = await pagesOf(da);
    expect(text).toMatch(/^Prisoverslag$/m);
    expect(text).not.toMatch(/^Tilbud$/m);
    expect(text).toMatch(row('Overslagsnr.', '2026-0042'));
    expect(text).toContain('Prisoverslaget er vejledende og gælder til og med 2. januar 2027. Den endelige pris kan afvige.');
    expect((await infoOf(da)).Title).toBe('Prisoverslag 2026-0042');

    const en = await renderQuotePdf({ ...ENGLISH_QUOTE, estimate: true });
    const [english] = await pagesOf(en);
    expect(english).toMatch(/^Estimate$/m);
    expect(english).toMatch(row('Estimate no.', 'Q-2026-107'));
    expect(english).toContain('This estimate is indicative and valid until 2 January 2027; the final price may differ.');
    expect((await infoOf(en)).Title).toBe('Estimate Q-2026-107');
  });
});

describe('awkward input', () => {
  it('prints characters Helvetica lacks as their nearest spelling, never failing', async () => {
    const bytes = await renderQuotePdf({
      ...DANISH_QUOTE,
      customer: { name: 'Café Łódź 🙂', address: ['Ulica\tDługa 5', '80-831 Gdańsk'], contact: 'Zoë “Zo” O’Brien' },
      quote: { ...DANISH_QUOTE.quote, notes: 'Levering → Gdańsk ≈ 3 dage\u0007; pris i € efter aftale.' },
    });
    const [text] = await pagesOf(bytes);
    expect(text).toContain('Café Lódz ?');
    expect(text).toContain('Ulica Dluga 5');
    expect(text).toContain('80-831 Gdansk');
    expect(text).toContain('Att.: Zoë “Zo” O’Brien');
    expect(text).toContain('Levering -> Gdansk ~ 3 dage; pris i € efter aftale.');
    // The metadata is Unicode and keeps the name as written.
    expect((await infoOf(bytes)).Subject).toBe('Tilbud 2026-0042 til Café Łódź 🙂');
  });

  it('prints a quote without lines, contact details or notes', async () => {
    const empty: QuoteTotals = { lines: [], subtotalOre: 0, totalDiscountBp: 0, totalDiscountOre: 0, netOre: 0, vat: [], vatOre: 0, grossOre: 0, rounding: 'line' };
    const [text] = await pagesOf(
      await renderQuotePdf({
        lang: 'da',
        quote: { number: '1', version: 1, date: '2026-01-05', validUntil: '2026-02-04', totals: empty, paymentTerms: 'Netto 8 dage' },
        seller: { name: 'Enkeltmandsfirma', cvr: null, address: [] },
        customer: { name: 'Privatkunde' },
      }),
    );
    expect(text).toContain('Enkeltmandsfirma');
    expect(text).not.toContain('CVR');
    expect(text).not.toContain('Bemærkninger');
    expect(text).toMatch(row('Pris ekskl. moms', '0,00'));
    expect(text).toMatch(row('Moms', '0,00'));
    expect(text).toMatch(row('Pris inkl. moms', '0,00 kr.'));
  });

  it('refuses an amount that is not whole øre', async () => {
    const totals = { ...DANISH_QUOTE.quote.totals, grossOre: 5_313_188.5 };
    await expect(renderQuotePdf(withTotals(DANISH_QUOTE, totals))).rejects.toThrow(/whole number/);
  });
});

describe('the unit price shown', () => {
  it('is the price before the discounts when they explain the net price, else the net price', () => {
    const base = { name: { da: 'x', en: 'x' }, unit: 'stk', quantity: 1_000 } as const;
    // Agreement discount then line discount: 1.000,00 less 10 % less 5 % = 855,00.
    expect(
      shownPrice(line({ ...base, unitPriceOre: 85_500, netOre: 85_500, reasons: [{ kind: 'list', unitPriceOre: 100_000 }, { kind: 'agreement_discount', discountBp: 1000 }, { kind: 'line_discount', discountBp: 500 }] })),
    ).toEqual({ unitPriceOre: 100_000, discounts: [1000, 500] });
    // An agreed price replaces the list price; the discount applies to it.
    expect(
      shownPrice(line({ ...base, unitPriceOre: 72_000, netOre: 72_000, reasons: [{ kind: 'list', unitPriceOre: 100_000 }, { kind: 'agreement_price', unitPriceOre: 80_000 }, { kind: 'line_discount', discountBp: 1000 }] })),
    ).toEqual({ unitPriceOre: 80_000, discounts: [1000] });
    // Reasons that don't add up to the net price are not printed as a calculation the customer can't repeat.
    expect(shownPrice(line({ ...base, unitPriceOre: 70_000, netOre: 70_000, reasons: [{ kind: 'list', unitPriceOre: 100_000 }, { kind: 'line_discount', discountBp: 1000 }] }))).toEqual({ unitPriceOre: 70_000, discounts: [] });
    expect(shownPrice(line({ ...base, unitPriceOre: 70_000, netOre: 70_000, reasons: [] }))).toEqual({ unitPriceOre: 70_000, discounts: [] });
  });

  it('prints agreed prices and minimum quantities as notes under the line', async () => {
    const totals = longTotals(1);
    totals.lines[0] = line({
      name: { da: 'Tagrende', en: 'Gutter' },
      unit: 'm',
      quantity: 10_000,
      unitPriceOre: 10_000,
      netOre: 100_000,
      reasons: [{ kind: 'list', unitPriceOre: 12_000 }, { kind: 'agreement_price', unitPriceOre: 10_000 }, { kind: 'minimum_quantity', minQuantity: 10_000 }],
    });
    const [text] = await pagesOf(await renderQuotePdf(withTotals(DANISH_QUOTE, totals)));
    expect(text).toMatch(/^Tagrende\s+10 m\s+100,00\s+1\.000,00\nAftalepris\nMindste antal: 10 m$/m);
  });
});
