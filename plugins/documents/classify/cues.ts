import type { Prepared } from './prepare.ts';
import { type ClassifyInput, type Scores, zeroScores } from './types.ts';
import type { Category } from './types.ts';

/** A cue that fired: how strongly, what it adds to each category, and how a person is told about it. */
export interface FiredCue {
  id: string;
  strength: number;
  weights: Partial<Scores>;
  label: { da: string; en: string };
}

/**
 * One piece of prior knowledge about documents: `fire` says how strongly it is present (0: not
 * at all, 1: plainly, more: in the heading or many times), `weights` what that does to each
 * category, in log-odds-like units (3 is a strong sign, 1 a hint, negative counts against).
 */
interface Cue {
  id: string;
  weights: Partial<Scores>;
  fire(doc: Prepared, input: ClassifyInput): { strength: number; label: { da: string; en: string } } | null;
}

// Word boundaries that know æ, ø and å are letters (\b does not).
const word = (alternatives: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
const quoted = (m: string) => ({ da: `ordet '${m}'`, en: `the word '${m}'` });

/**
 * A word that names the kind of document. In the title or heading it says what the document is;
 * in the body it is often only mentioned ("fakturaen fremsendes ved levering" in a quote), so it
 * counts for `body` of its weight there.
 */
function kindWord(id: string, alternatives: string, weights: Partial<Scores>, body = 0.3): Cue {
  const re = word(alternatives);
  return {
    id,
    weights,
    fire(doc) {
      const inHead = doc.head.match(re);
      if (inHead) return { strength: 1, label: quoted(inHead[0]) };
      const inBody = doc.all.match(re);
      return inBody ? { strength: body, label: quoted(inBody[0]) } : null;
    },
  };
}

/** A phrase that fires once, wherever it is. */
function phrase(id: string, re: RegExp, weights: Partial<Scores>, label: { da: string; en: string }): Cue {
  return { id, weights, fire: (doc) => (doc.all.search(re) >= 0 ? { strength: 1, label } : null) };
}

/** Something that counts more the more often it occurs, but with diminishing returns (log2), up to `cap`. */
function counted(id: string, count: (doc: Prepared) => number, weights: Partial<Scores>, label: (n: number) => { da: string; en: string }, min = 1, cap = 3): Cue {
  return {
    id,
    weights,
    fire(doc) {
      const n = count(doc);
      return n >= min ? { strength: Math.min(cap, Math.log2(1 + n - min + 1)), label: label(n) } : null;
    },
  };
}

const matches = (doc: Prepared, re: RegExp) => doc.all.match(re)?.length ?? 0;
// `search` and a fresh non-global copy: a global regex's `test` keeps its place between calls.
const linesMatching = (doc: Prepared, re: RegExp) => {
  const once = new RegExp(re.source, re.flags.replace('g', ''));
  return doc.lines.filter((l) => once.test(l)).length;
};

// Money as Danish and English documents write it: 1.250,50 / 1250,50 / 1,250.50 / kr. 450 / 450,- /
// DKK 1.250. Dates like 12.03.2025 are not amounts, hence the guards on both sides.
const AMOUNT = /(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+,\d{2}|\d+,\d{2}|\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})(?![.,]?\d)|(?:kr\.?|dkk|eur|gbp|usd|€|£|\$)\s?\d[\d.,]*\d|\d[\d.,]*\s?(?:kr\.?|dkk|,-)(?![\p{L}])/gu;
const TOTAL = word('i alt|total|totalt|subtotal|sub-total|at betale|til betaling|beløb i alt|samlet pris|total due|amount due|balance due|grand total|total amount|sum');
const MOMS = word('moms|momsbeløb|moms 25 ?%|vat|vat 25 ?%|sales tax|tax');
const CVR = /(?<![\p{L}])(?:cvr|se)[-.\s]*(?:nr\.?|nummer|no\.?)?[:.\s]*(?:dk)?\s?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}(?!\d)|vat (?:no|reg|number)\.?:?\s*(?:dk|gb)?\s?\d{8,}/u;
const EMAIL_HEADER = /^(?:fra|from|til|to|emne|subject|sendt|sent|dato|date|cc|afsender):\s*\S/;
const GREETING = /^(?:hej|hejsa|kære|goddag|dear|hi|hello)(?![\p{L}])/u;
const CLOSING = word("med venlig hilsen|venlig hilsen|de bedste hilsner|bedste hilsner|mange hilsner|mvh|vh|best regards|kind regards|warm regards|regards|yours sincerely|yours faithfully|sincerely|cheers|thanks again");

const CUES: Cue[] = [
  // What the document calls itself.
  kindWord('word_invoice', 'faktura|fakturaen|fakturanr\\.?|fakturanummer|fakturadato|invoice|invoices|tax invoice', { invoice: 4 }),
  kindWord('word_credit_note', 'kreditnota|kreditnotaen|kreditnotanr\\.?|credit note|credit memo|creditnote', { credit_note: 6, invoice: 0.5 }, 0.5),
  kindWord('word_quote', 'tilbud|tilbuddet|pristilbud|tilbudsnr\\.?|tilbudsnummer|quotation|quote|quote no\\.?|offer|price offer', { quote: 4 }),
  kindWord('word_order', 'ordrebekræftelse|ordrebekræftelsen|ordre|ordren|ordrenr\\.?|ordrenummer|bestilling|bestillingen|bestillingsnr\\.?|indkøbsordre|rekvisition|order|order confirmation|purchase order|po number|po no\\.?|sales order', { order: 4 }),
  // "aftale" alone is as often an appointment ("flytte vores aftale") as an agreement.
  kindWord('word_agreement', 'aftale|aftalen', { contract: 2 }, 0.15),
  kindWord('word_contract', 'kontrakt|kontrakten|serviceaftale|samarbejdsaftale|leveranceaftale|lejekontrakt|lejeaftale|abonnementsaftale|databehandleraftale|agreement|contract|service agreement|terms of engagement|engagement letter', { contract: 4 }, 0.15),
  kindWord('word_price_list', 'prisliste|prislisten|prisliste \\d{4}|price list|pricelist|price sheet|rate card', { price_list: 5 }),
  kindWord('word_specification', 'kravspecifikation|kravspec|specifikation|teknisk specifikation|funktionsbeskrivelse|requirements|requirements specification|specification|technical specification|spec', { specification: 5 }, 0.25),
  kindWord('word_other', 'referat|mødereferat|dagsorden|manual|vejledning|brugsvejledning|brugsanvisning|nyhedsbrev|stillingsopslag|årsrapport|rapport|politik|privatlivspolitik|brochure|minutes|meeting minutes|agenda|user guide|instructions|newsletter|job posting|annual report|report|policy|privacy policy', { other: 3.5 }, 0.2),

  // Quotes.
  phrase('validity', word('gyldigt? til|gyldigt? i \\d+ dage|gyldigt? indtil|tilbuddet gælder|tilbuddet er gældende|vedståelsesfrist|acceptfrist|valid until|valid for \\d+ days|valid through|this (?:quote|quotation|offer) is valid|open for acceptance'), { quote: 2.5 }, { da: 'en gyldighedsdato', en: 'a validity date' }),
  phrase('acceptance', word('ved accept|accept af tilbud(?:det)?|accepteres|accepteret af|to accept this|accepted by|please confirm (?:your )?acceptance|hermed tilbud|fremsendes hermed tilbud|vi tilbyder|we are pleased to quote|we are pleased to offer'), { quote: 1.5 }, { da: 'en accept af tilbuddet', en: 'an acceptance of the offer' }),

  // Orders.
  phrase('order_confirm', word('vi bekræfter (?:hermed )?(?:din|jeres|ordren|bestillingen)|bekræfter modtagelsen af (?:din|jeres) (?:ordre|bestilling)|tak for (?:din|jeres) (?:ordre|bestilling)|we confirm (?:your|the) order|thank you for your order|we have received your order|please supply|please deliver'), { order: 3 }, { da: 'en bekræftelse af ordren', en: 'a confirmation of the order' }),
  phrase('delivery', word('leveringsdato|forventet levering|leveringstid|leveringsadresse|leveres|levering uge \\d+|delivery date|expected delivery|delivery address|ship to|shipping|deliver to'), { order: 1.2, quote: 0.3, invoice: 0.2 }, { da: 'en levering', en: 'a delivery' }),

  // Invoices and credit notes.
  phrase('due_date', word('forfaldsdato|forfald|forfalder|sidste rettidige betalingsdato|betalingsfrist|betales senest|bedes betalt senest|due date|payment due|due on|pay by|please pay by|payable by'), { invoice: 2.5, credit_note: 0.3 }, { da: 'en forfaldsdato', en: 'a due date' }),
  phrase('payment_terms', word('betalingsbetingelser|betaling(?:s)?: netto|netto \\d+ dage|netto kontant|løbende måned \\+ \\d+|lb\\. ?md\\. ?\\+ ?\\d+|payment terms|net \\d+ days|net \\d+'), { invoice: 1, order: 0.5, quote: 0.4, contract: 0.2 }, { da: 'betalingsbetingelser', en: 'payment terms' }),
  phrase('invoice_number', word('fakturanr\\.?|faktura nr\\.?|fakturanummer|invoice no\\.?|invoice number|invoice #|inv-\\d+'), { invoice: 2 }, { da: 'et fakturanummer', en: 'an invoice number' }),
  phrase('bank', /reg\.?\s?-?nr|kontonr|konto nr|konto:|iban|swift|bic|bankoplysninger|bank details|sort code|account number|account no|fi-kort|\+71<|indbetalingskort|mobilepay|betales til/u, { invoice: 1.8, credit_note: 0.3, order: 0.2 }, { da: 'bankoplysninger', en: 'bank details' }),
  phrase('please_pay', word('beløbet bedes indbetalt|bedes indbetalt|bedes betalt|venligst indbetal|betal venligst|beløbet overføres|please pay|please remit|kindly pay|payment is due'), { invoice: 2 }, { da: 'en betalingsanmodning', en: 'a request to pay' }),
  phrase('credit_reference', word('vedr\\.? faktura|vedrørende faktura|krediterer|krediteres|krediteret|kreditering|til kredit|refers to invoice|relating to invoice|original invoice|against invoice|credited'), { credit_note: 1.5 }, { da: 'en henvisning til en faktura, der krediteres', en: 'a reference to an invoice being credited' }),
  phrase('refund', word('tilbagebetales|tilbagebetaling|refunderes|refunderet|godskrives|godskrevet|modregnes|modregnet|returneret|refund|refunded|will be offset|returned goods'), { credit_note: 1.2 }, { da: 'en tilbagebetaling', en: 'a refund' }),
  counted('negative_amounts', (doc) => matches(doc, /(?:^|[\s|:])-\s?(?:kr\.?\s?)?\d[\d.]*,\d{2}|\(\d[\d.,]*\)/gmu), { credit_note: 1.3 }, () => ({ da: 'negative beløb', en: 'negative amounts' })),

  // Money and tax.
  counted('amounts', (doc) => matches(doc, AMOUNT), { invoice: 0.4, quote: 0.4, order: 0.4, credit_note: 0.3, price_list: 0.5, correspondence: -0.6, contract: -0.2, specification: -0.5, other: -0.5 }, (n) => ({ da: n > 1 ? 'beløb i kroner' : 'et beløb', en: n > 1 ? 'amounts of money' : 'an amount' }), 1, 4),
  counted('totals', (doc) => linesMatching(doc, TOTAL), { invoice: 0.8, quote: 0.6, order: 0.6, credit_note: 0.6, price_list: -0.8 }, () => ({ da: 'en totallinje', en: 'a total line' }), 1, 1.5),
  phrase('moms', MOMS, { invoice: 0.7, quote: 0.5, order: 0.5, credit_note: 0.6, price_list: 0.2 }, { da: 'en momslinje', en: 'a VAT line' }),
  phrase('cvr', CVR, { invoice: 0.8, quote: 0.3, order: 0.3, credit_note: 0.6, contract: 0.3, price_list: 0.1 }, { da: 'et CVR-nummer', en: 'a CVR number' }),
  phrase('item_table', /(?:antal|qty|quantity|mængde|stk)[^\n]*(?:pris|price|beløb|amount|rate)|(?:pris|price)[^\n]*(?:antal|qty|quantity)/u, { quote: 0.6, invoice: 0.6, order: 0.6, credit_note: 0.4, price_list: 0.3 }, { da: 'en tabel med varer og priser', en: 'a table of items and prices' }),
  phrase('unit_prices', word('pris pr\\.?|pr\\. stk\\.?|pr\\. time|pr\\. m2|pr\\. meter|stk\\.? ?pris|enhedspris|vejl\\.? pris|listepris|timepris|per unit|unit price|price per|per hour|hourly rate|list price|rrp'), { price_list: 1, quote: 0.4, invoice: 0.3, order: 0.2 }, { da: 'priser pr. enhed', en: 'prices per unit' }),
  phrase('excl_vat', word('ekskl\\.? moms|eksklusive moms|ex\\.? moms|excl\\.? vat|excluding vat|ex\\.? vat|exclusive of vat|plus vat|\\+ moms'), { price_list: 0.6, quote: 0.4 }, { da: 'priser ekskl. moms', en: 'prices excluding VAT' }),
  phrase('prices_from', word('priser gældende fra|priserne gælder|gældende fra|gyldig fra|gyldige fra|prices valid from|effective from|valid from|prices are subject to change|med forbehold for prisændringer'), { price_list: 1.5, quote: 0.2 }, { da: 'priser gældende fra en dato', en: 'prices valid from a date' }),
  {
    id: 'many_prices_no_total',
    weights: { price_list: 2.5, quote: -0.5, invoice: -0.8, order: -0.5 },
    fire(doc) {
      const priced = linesMatching(doc, new RegExp(AMOUNT.source, 'u'));
      const totals = linesMatching(doc, TOTAL);
      return priced >= 8 && totals === 0 ? { strength: 1, label: { da: 'mange priser uden en total', en: 'many prices and no total' } } : null;
    },
  },

  // Contracts.
  phrase('parties', word('parterne|mellem undertegnede|mellem parterne|herefter kaldet|i det følgende kaldet|the parties|between the parties|by and between|hereinafter|hereinafter referred to'), { contract: 2.5 }, { da: 'parterne', en: 'the parties' }),
  counted('paragraphs', (doc) => matches(doc, /§\s?\d+/gu), { contract: 1.2, specification: 0.2 }, () => ({ da: 'paragraffer (§)', en: 'numbered clauses (§)' }), 2),
  phrase('signature', /underskrift|underskrevet|underskriver|dato og underskrift|date and signature|signature|signed by|signed for|for kunden:|for leverandøren:|_{5,}|\.{8,}/u, { contract: 2, quote: 0.4, order: 0.2 }, { da: 'en underskriftslinje', en: 'a signature line' }),
  counted('legal_terms', (doc) => matches(doc, word('opsigelse|opsiges|opsigelsesvarsel|misligholdelse|væsentlig misligholdelse|ansvarsbegrænsning|force majeure|tvister|værneting|fortrolighed|tavshedspligt|ikrafttræden|træder i kraft|ophævelse|termination|terminate|breach|liability|governing law|jurisdiction|confidentiality|indemnif\\p{L}*|effective date|term and termination|in witness whereof')), { contract: 0.9 }, () => ({ da: 'juridiske vilkår (opsigelse, misligholdelse)', en: 'legal terms (termination, breach)' }), 1, 3),

  // Specifications.
  counted('requirement_ids', (doc) => linesMatching(doc, /^(?:k|r|req|fr|nfr|krav|kr|us)[-\s.]?\d+(?:\.\d+)*\b/u), { specification: 2, contract: -0.3 }, () => ({ da: 'nummererede krav', en: 'numbered requirements' }), 3),
  counted('shall', (doc) => matches(doc, word('systemet skal|løsningen skal|anlægget skal|installationen skal|leverancen skal|skal kunne|skal understøtte|skal overholde|the system shall|the system must|the solution must|the solution shall|shall support|must support|must be able|shall be able|shall comply|must comply|shall')), { specification: 1.2, contract: 0.2 }, () => ({ da: 'krav med "skal"', en: 'requirements with "shall"' }), 2),
  counted('spec_terms', (doc) => matches(doc, word('krav|kravene|funktionelle krav|ikke-funktionelle krav|acceptkriterier|testkriterier|brugerhistorie|use case|målgruppe|afgrænsning|tekniske data|dimensionering|kapacitet|requirement|requirements|functional requirements|non-functional|acceptance criteria|user story|scope|technical data|performance|compatibility')), { specification: 0.7 }, () => ({ da: 'tekniske krav', en: 'technical requirements' }), 2),
  counted('numbered_sections', (doc) => linesMatching(doc, /^\d+\.\d+(?:\.\d+)*\.?\s+\p{L}/u), { specification: 0.6, contract: 0.4 }, () => ({ da: 'nummererede afsnit', en: 'numbered sections' }), 4, 2),

  // Correspondence.
  counted('email_headers', (doc) => doc.lines.slice(0, 40).filter((l) => EMAIL_HEADER.test(l)).length, { correspondence: 2 }, () => ({ da: 'e-mailhoveder (Fra:, Til:, Emne:)', en: 'email headers (From:, To:, Subject:)' }), 2, 1.6),
  phrase('reply', /^(?:re|sv|aw|antw)\s?:/mu, { correspondence: 1.2 }, { da: 'et svar (Re:/SV:)', en: 'a reply (Re:)' }),
  { id: 'greeting', weights: { correspondence: 1.4 }, fire: (doc) => (doc.lines.some((l) => l.search(GREETING) >= 0) ? { strength: 1, label: { da: 'en hilsen (Hej/Kære)', en: 'a greeting (Dear/Hi)' } } : null) },
  phrase('closing', CLOSING, { correspondence: 1.2, quote: 0.1 }, { da: 'en afslutning (Med venlig hilsen)', en: 'a sign-off (Best regards)' }),
  counted('questions', (doc) => matches(doc, /\?/g), { correspondence: 0.5, other: 0.1 }, () => ({ da: 'spørgsmål', en: 'questions' }), 1, 2),
  {
    id: 'prose_without_prices',
    weights: { correspondence: 0.8, contract: 0.3, specification: 0.3, other: 0.8, invoice: -1.5, quote: -1.2, order: -1.2, credit_note: -1.5, price_list: -1.5 },
    fire(doc) {
      const amounts = matches(doc, AMOUNT);
      const sentences = matches(doc, /\p{L}{2,}[.!?](?:\s|$)/gu);
      return amounts === 0 && sentences >= 2 ? { strength: 1, label: { da: 'løbende tekst uden priser', en: 'running text without prices' } } : null;
    },
  },

  // What the file is.
  { id: 'type_email', weights: { correspondence: 1.5 }, fire: (_doc, input) => (input.type === 'eml' ? { strength: 1, label: { da: 'en e-mail', en: 'an email' } } : null) },
  { id: 'type_sheet', weights: { price_list: 0.8, quote: 0.2 }, fire: (_doc, input) => (input.type === 'xlsx' || input.type === 'csv' ? { strength: 1, label: { da: 'et regneark', en: 'a spreadsheet' } } : null) },
  {
    id: 'e_invoice',
    weights: { invoice: 12 },
    fire: (_doc, input) => (input.invoice?.kind === 'invoice' || (input.type === 'ubl' && !input.invoice) ? { strength: input.invoice ? 1 : 0.4, label: { da: 'en e-faktura (OIOUBL/Peppol)', en: 'an e-invoice (OIOUBL/Peppol)' } } : null),
  },
  {
    id: 'e_credit_note',
    weights: { credit_note: 12 },
    fire: (_doc, input) => (input.invoice?.kind === 'credit_note' ? { strength: 1, label: { da: 'en e-kreditnota (OIOUBL/Peppol)', en: 'an e-credit note (OIOUBL/Peppol)' } } : null),
  },
];

// With nothing to go on a document is most likely "something else"; the small head start keeps
// a bare mention of one word from outweighing that.
const PRIOR: Partial<Scores> = { other: 1 };

/**
 * The cues that fire for a document, and the score each category gets from them.
 *
 * @example
 * const { scores, fired } = cueScores(prepare(input, ctx.text), input);
 * fired.map((c) => c.id); // ['word_invoice', 'due_date', 'moms', …]
 */
export function cueScores(doc: Prepared, input: ClassifyInput): { scores: Scores; fired: FiredCue[] } {
  const scores = zeroScores();
  for (const [c, w] of Object.entries(PRIOR) as [Category, number][]) scores[c] += w;
  const fired: FiredCue[] = [];
  for (const cue of CUES) {
    const hit = cue.fire(doc, input);
    if (!hit || hit.strength <= 0) continue;
    fired.push({ id: cue.id, strength: hit.strength, weights: cue.weights, label: hit.label });
    for (const [c, w] of Object.entries(cue.weights) as [Category, number][]) scores[c] += w * hit.strength;
  }
  return { scores, fired };
}
