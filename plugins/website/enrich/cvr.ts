/**
 * The company's CVR number (the Danish company register's 8 digits, also its VAT number as
 * 'DK' + CVR). Only a number labelled as one counts: a site is full of 8-digit numbers (phones,
 * account numbers), and the label is what tells them apart. The modulus-11 check then throws
 * out typos and the '12345678' of templates.
 */
import { textOf } from './jsonld.ts';
import type { ReadPage } from './read.ts';
import { sourced } from './read.ts';
import type { Sourced } from './types.ts';

/**
 * Whether 8 digits pass the CVR modulus-11 check (weights 2,7,6,5,4,3,2,1).
 *
 * @example
 * isValidCvr('25313763'); // true
 * isValidCvr('12345678'); // false
 */
export function isValidCvr(digits: string): boolean {
  if (!/^[1-9]\d{7}$/.test(digits)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
  return sum % 11 === 0;
}

const DIGITS = String.raw`(\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2})(?![\d])`;
/** 'CVR-nr.: 25 31 37 63', 'CVR nr: 25313763', 'VAT no. DK 25313763', 'Momsnr. 25313763'; the label may sit on the line before. */
const LABELLED = new RegExp(String.raw`(?<![\p{L}])(cvr|c\.v\.r|vat|moms)(?:[\s.\-]*(?:nr|nummer|no|number|reg(?:istration)?|id))?\.?[\s:.\-–#]{0,4}(?:dk[\s\-]?)?` + DIGITS, 'giu');
/** 'DK25313763', 'DK-25313763': the Danish VAT number form. */
const DK_PREFIXED = new RegExp(String.raw`(?<![\p{L}\d])dk[\s\-]?(\d{8})(?!\d)`, 'giu');

/**
 * The CVR-shaped numbers in a text with how they were labelled, valid or not.
 *
 * @example
 * findCvrNumbers('Jensens VVS ApS · CVR-nr. 25313763'); // [{ digits: '25313763', label: 'cvr' }]
 */
export function findCvrNumbers(text: string): { digits: string; label: 'cvr' | 'vat' | 'dk' }[] {
  const found: { digits: string; label: 'cvr' | 'vat' | 'dk'; start: number; end: number }[] = [];
  for (const m of text.matchAll(LABELLED)) {
    const label = m[1]!.toLowerCase().replace(/\./g, '') === 'cvr' ? 'cvr' : 'vat';
    found.push({ digits: m[2]!.replace(/\D/g, ''), label, start: m.index, end: m.index + m[0].length });
  }
  // 'VAT DK25313763' is one number, already found with its label.
  for (const m of text.matchAll(DK_PREFIXED)) if (!found.some((f) => m.index >= f.start && m.index < f.end)) found.push({ digits: m[1]!, label: 'dk', start: m.index, end: m.index + m[0].length });
  return found.sort((a, b) => a.start - b.start).map(({ digits, label }) => ({ digits, label }));
}

/** Where a number comes from, most trustworthy first. */
const RANK = { jsonld: 0, cvr: 1, vat: 2, dk: 3 } as const;

/**
 * The company's CVR number: JSON-LD vatID/taxID first, then a number labelled CVR, then VAT or
 * moms, then a 'DK12345678'; only numbers that pass the modulus-11 check.
 *
 * @example
 * extractCvr([readPage({ url: 'https://jensens-vvs.dk/', html: '<footer>CVR 12345678 · CVR-nr. 25313763</footer>', fetchedAt: '2026-03-01T09:00:00Z' })])?.value; // '25313763'
 */
export function extractCvr(pages: ReadPage[]): Sourced<string> | null {
  const candidates: { digits: string; rank: number; page: ReadPage }[] = [];
  for (const page of pages) {
    for (const entity of page.jsonld) {
      for (const field of ['vatID', 'taxID']) {
        const raw = textOf(entity[field]);
        // A foreign VAT number (GB…, DE…) is no CVR number; a bare or DK-prefixed one may be.
        const m = raw && /^\s*(?:dk)?[\s\-]*((?:\d[ \u00a0]?){8})\s*$/i.exec(raw);
        if (m?.[1]) candidates.push({ digits: m[1].replace(/\D/g, ''), rank: RANK.jsonld, page });
      }
    }
    // Joined, so that a label in one table cell or <dt> finds its number in the next line.
    for (const f of findCvrNumbers(page.lines.join('\n'))) candidates.push({ digits: f.digits, rank: RANK[f.label], page });
  }
  const best = candidates.filter((c) => isValidCvr(c.digits)).sort((a, b) => a.rank - b.rank)[0];
  return best ? sourced(best.digits, best.page) : null;
}
