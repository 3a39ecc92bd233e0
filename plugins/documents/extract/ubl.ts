import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeText } from './encoding.ts';
import { markdownTable } from './text.ts';
import { ExtractionError, type Extraction, type ExtractOptions, type Invoice, type InvoiceLine, type InvoiceParty } from './types.ts';

const UBL_NAMESPACE = /urn:oasis:names:specification:ubl:schema:xsd:(Invoice|CreditNote)-2/;

/** Elements that may repeat in UBL and are read as lists whether they appear once or more. */
const ARRAYS = new Set([
  'InvoiceLine', 'CreditNoteLine', 'TaxTotal', 'TaxSubtotal', 'PaymentMeans', 'PartyTaxScheme', 'PartyName', 'PartyIdentification',
  'PartyLegalEntity', 'Note', 'AddressLine', 'Description', 'Name', 'ClassifiedTaxCategory', 'OrderReference', 'BillingReference',
]);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the five XML entities; a DOCTYPE never gets this far (refused below).
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

/**
 * Whether a text is a UBL 2.x invoice or credit note (OIOUBL 2.x, Peppol BIS 3 or plain UBL):
 * the root element is `Invoice` or `CreditNote`, under any prefix, in the UBL namespace.
 *
 * @example
 * isUbl(oioublInvoice()); // true
 * isUbl('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>'); // false
 */
export function isUbl(text: string): boolean {
  const head = text.slice(0, 8192).replace(/^\uFEFF/, '');
  // The first element after the prolog, comments and processing instructions.
  const root = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*<(?:[\w.-]+:)?(Invoice|CreditNote)[\s>/][^>]*>?/.exec(head);
  if (!root) return false;
  const ns = UBL_NAMESPACE.exec(head);
  return ns !== null && ns[1] === root[1];
}

const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]) as Node[];
const child = (node: unknown, name: string): Node | undefined => list((node as Node | undefined)?.[name])[0];

/** The text of an element: a string, or `#text` when it carries attributes (`currencyID`, `schemeID`). */
function text(node: unknown): string | null {
  const value = typeof node === 'object' && node !== null ? (node as Node)['#text'] : node;
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

const at = (node: unknown, ...path: string[]): unknown => path.reduce<unknown>((n, name) => child(n, name), node);
const textAt = (node: unknown, ...path: string[]) => text(at(node, ...path));
const attr = (node: unknown, name: string) => (typeof node === 'object' && node !== null ? text((node as Node)[`@_${name}`]) : null);

const CVR_SCHEMES = /^(DK:CVR|0184|DK:SE|0198|9902)$/i;
const GLN_SCHEMES = /^(GLN|0088)$/i;

/** A CVR number from an identifier as written: `DK12345678`, `DK 12 34 56 78`, `12345678`. */
function cvrOf(value: string | null): string | null {
  const bare = value?.replace(/[\s.-]/g, '').replace(/^DK/i, '') ?? '';
  return /^\d{8}$/.test(bare) ? bare : null;
}

function glnOf(value: string | null): string | null {
  const bare = value?.replace(/\s/g, '') ?? '';
  return /^\d{13}$/.test(bare) ? bare : null;
}

/** Every identifier of a party with its scheme: endpoint, party identifications, tax and legal ids. */
function identifiers(party: Node): { value: string | null; scheme: string | null; kind: 'legal' | 'tax' | 'id' | 'endpoint' }[] {
  return [
    ...list(party.PartyLegalEntity).map((e) => ({ value: textAt(e, 'CompanyID'), scheme: attr(child(e, 'CompanyID'), 'schemeID'), kind: 'legal' as const })),
    ...list(party.PartyTaxScheme).map((e) => ({ value: textAt(e, 'CompanyID'), scheme: attr(child(e, 'CompanyID'), 'schemeID'), kind: 'tax' as const })),
    { value: textAt(party, 'EndpointID'), scheme: attr(child(party, 'EndpointID'), 'schemeID'), kind: 'endpoint' as const },
    ...list(party.PartyIdentification).map((e) => ({ value: textAt(e, 'ID'), scheme: attr(child(e, 'ID'), 'schemeID'), kind: 'id' as const })),
  ];
}

function address(party: Node): string | null {
  const a = child(party, 'PostalAddress');
  if (!a) return null;
  const street = [textAt(a, 'StreetName'), textAt(a, 'BuildingNumber')].filter(Boolean).join(' ');
  const lines = list(a.AddressLine).map((l) => textAt(l, 'Line'));
  const city = [textAt(a, 'PostalZone'), textAt(a, 'CityName')].filter(Boolean).join(' ');
  const parts = [street, textAt(a, 'AdditionalStreetName'), ...lines, city, textAt(a, 'Country', 'IdentificationCode')].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(', ') : null;
}

/**
 * A seller or buyer. The CVR is read from the legal entity, then the tax scheme, then a CVR
 * endpoint or identification (schemes `DK:CVR`/`0184`, or a plain `DK`+8 digits); the EAN from a
 * GLN endpoint or identification (`GLN`/`0088`).
 */
function partyOf(role: unknown): InvoiceParty {
  const party = child(role, 'Party') ?? (role as Node | undefined);
  if (!party) return { name: null, cvr: null, ean: null, address: null };
  const ids = identifiers(party);
  const cvr =
    ids
      .filter((i) => i.kind === 'legal' || i.kind === 'tax' || (i.scheme !== null && CVR_SCHEMES.test(i.scheme)))
      .filter((i) => i.scheme === null || !GLN_SCHEMES.test(i.scheme))
      .map((i) => cvrOf(i.value))
      .find(Boolean) ?? null;
  const ean = ids.filter((i) => i.scheme !== null && GLN_SCHEMES.test(i.scheme)).map((i) => glnOf(i.value)).find(Boolean) ?? null;
  const name = textAt(party, 'PartyName', 'Name') ?? textAt(party, 'PartyLegalEntity', 'RegistrationName');
  return { name, cvr, ean, address: address(party) };
}

function lineOf(line: Node, kind: Invoice['kind']): InvoiceLine {
  const item = child(line, 'Item');
  const name = textAt(item, 'Name');
  const description = list(item?.Description).map(text).filter(Boolean).join(' ') || null;
  const quantity = child(line, kind === 'invoice' ? 'InvoicedQuantity' : 'CreditedQuantity') ?? child(line, 'InvoicedQuantity') ?? child(line, 'CreditedQuantity');
  // Peppol puts the rate on the item; OIOUBL in the line's own TaxTotal.
  const vatPercent = textAt(item, 'ClassifiedTaxCategory', 'Percent') ?? textAt(line, 'TaxTotal', 'TaxSubtotal', 'TaxCategory', 'Percent') ?? textAt(line, 'TaxTotal', 'TaxSubtotal', 'Percent');
  return {
    id: textAt(line, 'ID'),
    description: name && description && !description.includes(name) ? `${name} - ${description}` : (description ?? name),
    quantity: text(quantity),
    unit: attr(quantity, 'unitCode'),
    unitPrice: textAt(line, 'Price', 'PriceAmount'),
    lineTotal: textAt(line, 'LineExtensionAmount'),
    vatPercent,
  };
}

function profileOf(customization: string | null): string {
  const oio = customization ? /OIOUBL-2(?:\.\d+)?/i.exec(customization)?.[0] : undefined;
  if (oio) return oio.toUpperCase();
  if (customization && /peppol\.eu:2017:poacc:billing:3/i.test(customization)) return 'PEPPOL-BIS-3';
  return 'UBL-2.1';
}

/**
 * The fields of a UBL invoice or credit note (OIOUBL 2.x, Peppol BIS 3): parties with CVR, EAN
 * and address, number, dates, currency, lines, VAT and totals. Amounts are kept as written.
 *
 * @example
 * readInvoice(oioublInvoice()).seller.cvr; // '12345678'
 */
export function readInvoice(xml: string, name = 'invoice.xml'): Invoice {
  return parseUbl(xml, name).invoice;
}

function parseUbl(xml: string, name: string): { invoice: Invoice; doc: Node } {
  // E-invoices never declare a DOCTYPE; one that does is refused before parsing, so entity
  // tricks (XXE, "billion laughs") never reach a parser.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ExtractionError('unsupported', `${name} declares a DOCTYPE or entities, which e-invoices never do; refused as possibly malicious (XXE)`);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ExtractionError('corrupt', `${name} is not well-formed XML (${valid.err.msg}, line ${valid.err.line})`);
  const parsed = parser.parse(xml) as Node;
  const kind: Invoice['kind'] = parsed.CreditNote ? 'credit_note' : 'invoice';
  const doc = list(parsed.CreditNote ?? parsed.Invoice)[0];
  if (!doc) throw new ExtractionError('unsupported', `${name} is XML but not a UBL invoice or credit note`);
  const currency = textAt(doc, 'DocumentCurrencyCode');
  const taxTotals = list(doc.TaxTotal);
  // Peppol may add a second TaxTotal in the tax currency: the one in the document's currency counts.
  const taxTotal = taxTotals.find((t) => currency && attr(child(t, 'TaxAmount'), 'currencyID') === currency) ?? taxTotals[0];
  const dueDate = textAt(doc, 'DueDate') ?? list(doc.PaymentMeans).map((p) => textAt(p, 'PaymentDueDate')).find(Boolean) ?? textAt(doc, 'PaymentTerms', 'PaymentDueDate') ?? null;
  const invoice: Invoice = {
    kind,
    profile: profileOf(textAt(doc, 'CustomizationID')),
    number: textAt(doc, 'ID'),
    issueDate: textAt(doc, 'IssueDate'),
    dueDate,
    currency,
    seller: partyOf(child(doc, 'AccountingSupplierParty')),
    buyer: partyOf(child(doc, 'AccountingCustomerParty')),
    lines: list(kind === 'invoice' ? doc.InvoiceLine : doc.CreditNoteLine).map((l) => lineOf(l, kind)),
    netTotal: textAt(doc, 'LegalMonetaryTotal', 'LineExtensionAmount'),
    vatTotal: textAt(taxTotal, 'TaxAmount'),
    payableTotal: textAt(doc, 'LegalMonetaryTotal', 'PayableAmount'),
  };
  return { invoice, doc };
}

function partyText(heading: string, p: InvoiceParty): string {
  const lines = [p.name, p.cvr ? `CVR: ${p.cvr}` : null, p.ean ? `EAN: ${p.ean}` : null, p.address].filter(Boolean);
  return `## ${heading}\n\n${lines.length > 0 ? lines.join('\n') : '-'}`;
}

/**
 * An invoice as searchable text in both languages: heading, dates, parties with CVR and EAN,
 * a table of lines, totals with moms, and the notes and references the sender wrote.
 *
 * @example
 * invoiceText(readInvoice(xml), ['Tagrenovering Vestervej 4']); // '# Faktura F-2024-117 / Invoice F-2024-117\n…'
 */
export function invoiceText(invoice: Invoice, notes: string[] = []): string {
  const credit = invoice.kind === 'credit_note';
  const number = invoice.number ?? '-';
  const cur = invoice.currency ? ` ${invoice.currency}` : '';
  const facts = [
    `Profil / Profile: ${invoice.profile}`,
    invoice.issueDate ? `Udstedt / Issue date: ${invoice.issueDate}` : null,
    invoice.dueDate ? `Forfaldsdato / Due date: ${invoice.dueDate}` : null,
    invoice.currency ? `Valuta / Currency: ${invoice.currency}` : null,
  ].filter(Boolean);
  const blocks = [
    credit ? `# Kreditnota ${number} / Credit note ${number}` : `# Faktura ${number} / Invoice ${number}`,
    facts.join('\n'),
    partyText('Sælger / Seller', invoice.seller),
    partyText('Køber / Buyer', invoice.buyer),
  ];
  if (invoice.lines.length > 0) {
    blocks.push(
      '## Linjer / Lines',
      markdownTable([
        ['Nr. / No.', 'Beskrivelse / Description', 'Antal / Quantity', 'Enhed / Unit', 'Pris / Price', 'Beløb / Amount', 'Moms % / VAT %'],
        ...invoice.lines.map((l) => [l.id, l.description, l.quantity, l.unit, l.unitPrice, l.lineTotal, l.vatPercent].map((v) => v ?? '')),
      ]),
    );
  }
  const totals = [
    invoice.netTotal ? `Beløb ekskl. moms / Net amount: ${invoice.netTotal}${cur}` : null,
    invoice.vatTotal ? `Moms / VAT: ${invoice.vatTotal}${cur}` : null,
    invoice.payableTotal ? `${credit ? 'Krediteret i alt / Total credited' : 'At betale / Amount due'}: ${invoice.payableTotal}${cur}` : null,
  ].filter(Boolean);
  if (totals.length > 0) blocks.push(`## Total\n\n${totals.join('\n')}`);
  if (notes.length > 0) blocks.push(`## Bemærkninger / Notes\n\n${notes.join('\n')}`);
  return blocks.join('\n\n');
}

/**
 * A Danish e-invoice or credit note (OIOUBL 2.x, Peppol BIS 3): its fields in `invoice`, and one
 * section `invoice` with the readable rendering so it is searchable and citable.
 *
 * @example
 * const { invoice, sections } = await extractUbl(bytes, options); // invoice.seller.cvr === '12345678'
 */
export async function extractUbl(bytes: Uint8Array, options: ExtractOptions): Promise<Extraction> {
  const { text: xml } = decodeText(bytes);
  const { invoice, doc } = parseUbl(xml, options.name);
  const notes = [
    ...list(doc.Note).map(text),
    ...list(doc.OrderReference).map((o) => (textAt(o, 'ID') ? `Ordre / Order: ${textAt(o, 'ID')}` : null)),
    textAt(doc, 'BuyerReference') ? `Købers reference / Buyer reference: ${textAt(doc, 'BuyerReference')}` : null,
    ...list(doc.BillingReference).map((b) => (textAt(b, 'InvoiceDocumentReference', 'ID') ? `Vedr. faktura / Regarding invoice: ${textAt(b, 'InvoiceDocumentReference', 'ID')}` : null)),
  ].filter((n): n is string => Boolean(n));
  const kindDa = invoice.kind === 'credit_note' ? 'Kreditnota' : 'Faktura';
  const title = [kindDa, invoice.number, invoice.seller.name ? `(${invoice.seller.name})` : null].filter(Boolean).join(' ');
  return {
    sections: [{ anchor: 'invoice', label: { da: kindDa.toLowerCase(), en: invoice.kind === 'credit_note' ? 'credit note' : 'invoice' }, text: invoiceText(invoice, notes), format: 'markdown' }],
    title,
    invoice,
    meta: { profile: invoice.profile, customizationId: textAt(doc, 'CustomizationID'), lines: invoice.lines.length },
  };
}
