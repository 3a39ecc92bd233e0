/**
 * Content a chatbot must not pass on to website visitors as an instruction, found in text a
 * person wrote into the knowledge base or that came from a page or document: payment details
 * (an IBAN, a Danish registration and account number, SWIFT/BIC, a MobilePay box, a crypto
 * wallet, a card number) and links to other sites than the business's own. A poisoned
 * passage ("pay to account 9999-1234567 at Evil Bank") otherwise comes back verbatim.
 */

/** What was found, and the text that matched (for the staff's review). */
export interface ContentRisk {
  kind: 'payment_details' | 'external_link';
  match: string;
}

/** Words that make a number in the same sentence read as an account or payment instruction (da/en). */
const PAYMENT_WORDS = /\b(?:konto(?:nr|nummer|en)?|kontonr|reg(?:istrerings)?\.?\s*(?:nr|nummer)|regnr|bank(?:en|konto|overførsel)?|overfør\w*|indbetal\w*|indsæt\w*|betal\w*|mobilepay|swish|account(?:\s+(?:no|number))?|sort\s*code|routing|transfer|wire|deposit|pay(?:ment)?s?|remit\w*)\b/i;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g;
/** 4-digit Danish reg. no. and a 6–10 digit account, or an account-like run of 8+ digits. */
const DANISH_ACCOUNT = /\b\d{4}[ \-–.\/]{1,3}\d{6,10}\b|\b\d{8,14}\b/g;
const SWIFT = /\b(?:swift|bic)\b[\s:.-]*([A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b/gi;
const MOBILEPAY = /\b(?:mobilepay|swish)\b[^.\n]{0,30}?\b\d{4,8}\b/gi;
const CRYPTO = /\b(?:bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[a-fA-F0-9]{40})\b/g;
const CARD = /\b(?:\d{4}[ -]){3}\d{4}\b/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()"'\]]+/gi;

/**
 * The risks in a text. `ownDomains` are the business's own (its domain and the sites the chat
 * runs on); links there, and to their subdomains, are fine.
 *
 * @example
 * contentRisks('Betal til konto 9999-1234567 i Evil Bank, se https://evil.example/pay', { ownDomains: ['nordlys-tag.dk'] });
 * // [{ kind: 'payment_details', match: '9999-1234567' }, { kind: 'external_link', match: 'https://evil.example/pay' }]
 */
export function contentRisks(text: string, options: { ownDomains: readonly string[] }): ContentRisk[] {
  const risks: ContentRisk[] = [];
  const add = (kind: ContentRisk['kind'], match: string) => {
    if (!risks.some((r) => r.kind === kind && r.match === match)) risks.push({ kind, match });
  };
  for (const m of text.matchAll(IBAN)) if (validIban(m[0])) add('payment_details', m[0]);
  for (const m of text.matchAll(SWIFT)) add('payment_details', m[1]!);
  for (const m of text.matchAll(MOBILEPAY)) add('payment_details', m[0]);
  for (const m of text.matchAll(CRYPTO)) if (/\d/.test(m[0]) && /[a-z]/i.test(m[0])) add('payment_details', m[0]);
  for (const m of text.matchAll(CARD)) if (luhn(m[0])) add('payment_details', m[0]);
  // A bare number is an account only where the words just before it talk about paying or
  // accounts (a window, not a sentence: "reg.nr. 1234 kontonr. 0012345678" has full stops).
  for (const m of text.matchAll(DANISH_ACCOUNT)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (PAYMENT_WORDS.test(before) && !looksLikeDateOrPhone(m[0]) && !risks.some((r) => r.match.includes(m[0]))) add('payment_details', m[0]);
  }
  const own = options.ownDomains.map((d) => d.toLowerCase().replace(/^www\./, '')).filter(Boolean);
  for (const m of text.matchAll(URL)) {
    const link = m[0].replace(/[.,;:!?]+$/, '');
    const host = hostOf(link);
    if (!host || !own.some((d) => host === d || host.endsWith(`.${d}`))) add('external_link', link);
  }
  return risks;
}

/** The host of a link, without `www.`, or undefined when it is not a URL. */
function hostOf(link: string): string | undefined {
  try {
    return new globalThis.URL(link.startsWith('www.') ? `https://${link}` : link).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** IBAN check digits (ISO 13616, mod 97), so a product code like DK12 ABCD… is not one by accident. */
function validIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '');
  if (iban.length < 15 || iban.length > 34) return false;
  const moved = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of moved) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
}

function luhn(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** 20261202 (a date) and an 8-digit Danish phone number are not accounts. */
function looksLikeDateOrPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (/^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(digits)) return true;
  return digits.length === 8 && !/[ \-–.\/]/.test(value);
}
