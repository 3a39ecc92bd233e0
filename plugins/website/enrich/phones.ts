/**
 * Phone numbers: tel: links, JSON-LD and numbers in the text, as E.164. Danish numbers are 8
 * digits (starting 2–9), written '86 12 34 56', '8612 3456', '86123456', '+45 86 12 34 56' or
 * '0045 86123456'. A company page is full of other 8-digit numbers (CVR, bank account, dates
 * like 12.03.2026, prices), so a number in the text must be written the way phone numbers
 * are, and not sit next to a label that says it is something else.
 */
import { textOf } from './jsonld.ts';
import type { ReadPage } from './read.ts';
import { sourced } from './read.ts';
import { fold } from './text.ts';
import type { Sourced } from './types.ts';

/** Digit groups with one separator between them; a leading '+' for international numbers. */
const RUN = /(?<![\p{L}\p{N}+,]|\p{N}[.-])\+?\d+(?:[ \u00a0.-]\d+)*/gu;
/** Words that say the number after them is a phone number. */
const PHONE_WORDS = /(?<![a-z])(?:tlf|telefon|telefonnr|telefonnummer|telephone|phone|tel|mobil|mobile|mob|ring|call|direkte|hotline|vagttelefon|vagt|fax)(?![a-z])/g;
/** Words that say the number after them is something else: register and tax numbers, bank accounts, prices, order numbers, PO boxes. */
const OTHER_WORDS = /(?<![a-z])(?:cvr|se|ean|gln|reg|regnr|konto|kontonr|kontonummer|account|iban|swift|bic|p-?nr|p-?nummer|vat|moms|momsnr|ordre|ordrenr|order|faktura|fakturanr|invoice|varenr|sku|kundenr|postboks|kr|dkk|eur|pris|price|fik|gironr)(?![a-z])/g;
/** What after a number makes it an amount or a measure. */
const AMOUNT_AFTER = /^\s*(?:,\d|,-|kr\b|dkk\b|eur\b|usd\b|€|\$|%|m2|m²|km\b|stk\b|\(?(?:cvr|se|ean)\b)/i;

function lastIndex(re: RegExp, text: string): { index: number; word: string } | undefined {
  let last: { index: number; word: string } | undefined;
  for (const m of text.matchAll(re)) last = { index: m.index, word: m[0] };
  return last;
}

/**
 * A number written as a link or in structured data as E.164: '+' numbers as they are, '00'
 * for '+', 8 digits as Danish.
 *
 * @example
 * normalisePhone('tel:86 12 34 56'); // '+4586123456'
 * normalisePhone('+44 (0)20 7946 0958'); // '+442079460958'
 */
export function normalisePhone(raw: string): string | undefined {
  const text = raw.replace(/^\s*tel:/i, '').replace(/\(\s*0\s*\)/g, '');
  const plus = /^\s*\+/.test(text);
  let digits = text.replace(/\D/g, '');
  if (!plus && digits.startsWith('00')) digits = digits.slice(2);
  else if (!plus) {
    if (/^[1-9]\d{7}$/.test(digits)) return `+45${digits}`;
    if (/^45[1-9]\d{7}$/.test(digits)) return `+${digits}`;
    return undefined;
  }
  return international(digits);
}

/** Digits after the '+': Danish ones must be 8 more; others 8–15 digits in all, as E.164 allows. */
function international(digits: string): string | undefined {
  if (digits.startsWith('45')) return /^45[1-9]\d{7}$/.test(digits) ? `+${digits}` : undefined;
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
}

/** Whether digit groups without a country code are laid out like a Danish phone number. */
function danishLayout(groups: string[], separators: string[], labelled: boolean): boolean {
  const sizes = groups.map((g) => g.length).join(',');
  // Subscriber numbers start with 2–9; a '1…' or '0…' one is taken only after 'Tlf.' (templates write 'Tlf. 12 34 56 78').
  if (groups.join('').length !== 8 || !(labelled ? /^[1-9]/ : /^[2-9]/).test(groups[0]!)) return false;
  // One separator throughout: '08.00-16.00' is opening hours.
  if (new Set(separators.map((s) => (s === '\u00a0' ? ' ' : s))).size > 1) return false;
  const sep = separators[0] ?? '';
  if (sizes === '2,2,2,2') return true;
  // '2010-2026' is a span of years.
  if (sizes === '4,4') return !(sep === '-' && groups.every((g) => /^(?:19|20)\d\d$/.test(g)));
  if (sizes === '4,2,2') return sep === ' ';
  // Eight digits in a row are as often an order or account number: only after 'Tlf.' and the like.
  if (sizes === '8') return labelled;
  // 2,2,4 is a date (12.03.2026), 2,3,3 an amount (12.500.000).
  return false;
}

/**
 * The phone numbers written in a line of text, as E.164. `skip` holds 8-digit numbers known
 * to be something else (the CVR numbers found on the site).
 *
 * @example
 * findPhones('Tlf. 86 12 34 56 · CVR-nr. 25313763 · Reg. 1234 Konto 12345678'); // ['+4586123456']
 * findPhones('Pris 1.250,00 kr. – tilbuddet gælder til 12.03.2026'); // []
 */
export function findPhones(line: string, skip: ReadonlySet<string> = new Set()): string[] {
  // '(+45)' and '+44 (0)20' are common; without the brackets the groups read as one number.
  const text = line.replace(/\(\s*0\s*\)/g, ' ').replace(/\(\s*(\+?\d{1,4})\s*\)/g, ' $1 ').replace(/ {2,}/g, ' ');
  const found: string[] = [];
  for (const m of text.matchAll(RUN)) {
    const raw = m[0];
    const after = text.slice(m.index + raw.length);
    if (AMOUNT_AFTER.test(after)) continue;
    // The number's own label: what stands before it, back to the previous list separator
    // ('Konto 12345678, tlf. 86 12 34 56': 'konto' is not the phone's label). Of several
    // labels the nearest counts ('Reg. 1234 Konto 12345678', 'CVR 25313763 Tlf. 86…').
    const head = text.slice(Math.max(0, m.index - 40), m.index);
    // Digits glued to letters just before ('IBAN DK50 0040 0440…', 'GB29 NWBK…') start an account number.
    if (/\p{L}\d+\s?$/u.test(head)) continue;
    const before = fold(head.slice(head.search(/[·|•;,][^·|•;,]*$/) + 1));
    const phoneWord = lastIndex(PHONE_WORDS, before);
    const otherWord = lastIndex(OTHER_WORDS, before);
    if (otherWord && (!phoneWord || otherWord.index > phoneWord.index)) continue;
    // A fax can't be called back; a CRM wants the numbers that can ('Tlf./fax 86…' can be).
    if (phoneWord?.word === 'fax' && !/(?<![a-z])(?:tlf|telefon|telephone|phone|tel|mobil)(?![a-z])/.test(before)) continue;
    const parts = raw.replace(/^\+/, '').split(/[ \u00a0.-]/);
    const separators = raw.replace(/^\+/, '').match(/[ \u00a0.-]/g) ?? [];
    let phone: string | undefined;
    if (raw.startsWith('+')) phone = international(parts.join(''));
    else if (raw.startsWith('00')) phone = international(parts.join('').slice(2));
    else if (danishLayout(parts, separators, Boolean(phoneWord))) phone = `+45${parts.join('')}`;
    if (!phone) continue;
    if (phone.startsWith('+45') && skip.has(phone.slice(3))) continue;
    found.push(phone);
  }
  return found;
}

/**
 * The company's phone numbers in E.164, each from the first page it was seen on: tel: links
 * and JSON-LD telephone, then numbers in the text.
 *
 * @example
 * extractPhones([readPage({ url: 'https://jensens-vvs.dk/kontakt', html: '<a href="tel:+4586123456">Ring</a>', fetchedAt: '2026-03-01T09:00:00Z' })]);
 * // [{ value: '+4586123456', url: 'https://jensens-vvs.dk/kontakt', at: '2026-03-01T09:00:00.000Z' }]
 */
export function extractPhones(pages: ReadPage[], skip: ReadonlySet<string> = new Set()): Sourced<string>[] {
  const found = new Map<string, Sourced<string>>();
  const add = (phone: string | undefined, page: ReadPage) => {
    if (phone && !found.has(phone)) found.set(phone, sourced(phone, page));
  };
  for (const page of pages) {
    for (const a of Array.from(page.doc.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href') ?? '';
      if (/^\s*tel:/i.test(href)) add(normalisePhone(safeDecode(href)), page);
    }
    for (const entity of page.jsonld) add(normalisePhone(textOf(entity.telephone) ?? ''), page);
    for (const line of page.lines) for (const phone of findPhones(line, skip)) add(phone, page);
  }
  return [...found.values()];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
