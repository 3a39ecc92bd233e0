/**
 * Text-based files made in code for the documents tests and benchmark: CSV as old Danish Excel
 * writes it, a web page with furniture around its article, an email with an attachment, and
 * Danish e-invoices (OIOUBL 2.01 invoice, Peppol BIS 3 credit note).
 */
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { windows1252Byte } from '../extract/encoding.ts';

/**
 * Rows as CSV in Windows-1252 with CRLF line ends (Danish Excel's "CSV (semikolonsepareret)"),
 * quoting fields that hold the delimiter, quotes or line breaks. Characters Windows-1252 lacks
 * become `?`, as Excel writes them.
 *
 * @example
 * csvWindows1252([['Vare', 'Pris'], ['Rødgran', '12,50']]); // bytes with ø as 0xF8
 */
export function csvWindows1252(rows: string[][], delimiter = ';'): Uint8Array {
  const quote = (f: string) => (f.includes(delimiter) || /["\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  const text = rows.map((r) => r.map(quote).join(delimiter)).join('\r\n') + '\r\n';
  return Uint8Array.from([...text], (ch) => windows1252Byte(ch) ?? 0x3f);
}

/**
 * A web page as sites are built: a menu, a script, a style, the article (heading, paragraphs,
 * an optional table) and a footer. Only the article is the page's text.
 *
 * @example
 * htmlPage({ title: 'Tagrenovering', paragraphs: ['Vi lægger tag i hele Jylland.'] });
 */
export function htmlPage(options: { title: string; heading?: string; paragraphs: string[]; table?: string[][]; nav?: string[]; footer?: string }): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const nav = (options.nav ?? ['Forside', 'Om os', 'Kontakt']).map((n) => `<li><a href="/${encodeURIComponent(n)}">${esc(n)}</a></li>`).join('');
  const table = options.table
    ? `<table><thead><tr>${options.table[0]!.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${options.table
        .slice(1)
        .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>${esc(options.title)}</title>
<style>body { font-family: sans-serif } .menu { display: flex }</style>
<script>window.dataLayer = [{ tracking: 'MENU_SCRIPT_TEXT' }];</script></head>
<body><header><nav class="menu"><ul>${nav}</ul></nav></header>
<main><article><h1>${esc(options.heading ?? options.title)}</h1>
${options.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${table}</article></main>
<footer><p>${esc(options.footer ?? '© Nordlys Tag ApS · CVR 12345678 · Alle rettigheder forbeholdes')}</p></footer>
<script>document.querySelector('.menu').classList.add('ready');</script></body></html>`;
}

/**
 * An email (RFC 822, as Outlook or Gmail would send it) with a text body and one attachment,
 * built with nodemailer's MailComposer.
 *
 * @example
 * const eml = await emlWithAttachment({ from: 'Jens <jens@kunde.dk>', to: 'salg@nordlys-tag.dk', subject: 'Tilbud', text: 'Se vedhæftet.', attachment: { name: 'tilbud.pdf', bytes, contentType: 'application/pdf' } });
 */
export async function emlWithAttachment(options: {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  cc?: string;
  date?: Date;
  attachment: { name: string; bytes: Uint8Array; contentType: string };
}): Promise<Uint8Array> {
  const mail = new MailComposer({
    from: options.from,
    to: options.to,
    ...(options.cc ? { cc: options.cc } : {}),
    subject: options.subject,
    text: options.text,
    ...(options.html ? { html: options.html } : {}),
    date: options.date ?? new Date('2024-03-05T09:30:00Z'),
    messageId: '<tilbud-4711@kunde.dk>',
    attachments: [{ filename: options.attachment.name, content: Buffer.from(options.attachment.bytes), contentType: options.attachment.contentType }],
  });
  const built = await new Promise<Buffer>((resolve, reject) => mail.compile().build((error, message) => (error ? reject(error) : resolve(message))));
  return new Uint8Array(built);
}

/** A party of a generated invoice. */
export interface TestParty {
  name: string;
  cvr: string;
  ean: string;
  street: string;
  number: string;
  city: string;
  zip: string;
}

/** A line of a generated invoice; amounts are computed from quantity × price. */
export interface TestLine {
  name: string;
  description?: string;
  quantity: number;
  unit: string;
  price: number;
}

/** What the invoice generators take; every field has a realistic default. */
export interface TestInvoiceOptions {
  number?: string;
  issueDate?: string;
  dueDate?: string;
  currency?: string;
  seller?: Partial<TestParty>;
  buyer?: Partial<TestParty>;
  lines?: TestLine[];
}

const SELLER: TestParty = { name: 'Nordlys Tag ApS', cvr: '12345678', ean: '5790001234567', street: 'Østergade', number: '12', city: 'Aarhus C', zip: '8000' };
const BUYER: TestParty = { name: 'Hansen & Søn Byg A/S', cvr: '87654321', ean: '5790000123456', street: 'Vestervej', number: '4', city: 'Vejle', zip: '7100' };
const LINES: TestLine[] = [
  { name: 'Tagsten, rød tegl', description: 'Vingetegl 1200 stk. inkl. levering', quantity: 1200, unit: 'EA', price: 18.5 },
  { name: 'Montering', description: 'Arbejdsløn, tømrer', quantity: 40, unit: 'HUR', price: 450 },
];

const money = (n: number) => n.toFixed(2);

function invoiceNumbers(options: TestInvoiceOptions) {
  const lines = (options.lines ?? LINES).map((l, i) => ({ ...l, id: String(i + 1), total: Math.round(l.quantity * l.price * 100) / 100 }));
  const net = lines.reduce((sum, l) => sum + l.total, 0);
  const vat = Math.round(net * 25) / 100;
  return { lines, net, vat, payable: net + vat, seller: { ...SELLER, ...options.seller }, buyer: { ...BUYER, ...options.buyer }, currency: options.currency ?? 'DKK' };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An OIOUBL 2.01 invoice (as Danish accounting systems send through NemHandel): GLN endpoints,
 * `DK:CVR` identifiers with the `DK` prefix, the due date under PaymentMeans, the VAT percent in
 * each line's TaxTotal, two lines and 25 % moms. Totals are computed.
 *
 * @example
 * const xml = oioublInvoice({ number: 'F-2024-117' }); // seller CVR 12345678, net 40200.00, moms 10050.00, payable 50250.00 DKK
 */
export function oioublInvoice(options: TestInvoiceOptions = {}): string {
  const { lines, net, vat, payable, seller, buyer, currency } = invoiceNumbers(options);
  const party = (p: TestParty) => `<cac:Party>
      <cbc:EndpointID schemeAgencyID="9" schemeID="GLN">${p.ean}</cbc:EndpointID>
      <cac:PartyIdentification><cbc:ID schemeAgencyID="320" schemeID="DK:CVR">DK${p.cvr}</cbc:ID></cac:PartyIdentification>
      <cac:PartyName><cbc:Name>${xml(p.name)}</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:AddressFormatCode listAgencyID="320" listID="urn:oioubl:codelist:addressformatcode-1.1">StructuredDK</cbc:AddressFormatCode>
        <cbc:StreetName>${xml(p.street)}</cbc:StreetName><cbc:BuildingNumber>${p.number}</cbc:BuildingNumber>
        <cbc:CityName>${xml(p.city)}</cbc:CityName><cbc:PostalZone>${p.zip}</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>DK</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID schemeAgencyID="320" schemeID="DK:SE">DK${p.cvr}</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID schemeAgencyID="320" schemeID="urn:oioubl:id:taxschemeid-1.1">63</cbc:ID><cbc:Name>Moms</cbc:Name></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity><cbc:RegistrationName>${xml(p.name)}</cbc:RegistrationName><cbc:CompanyID schemeAgencyID="320" schemeID="DK:CVR">DK${p.cvr}</cbc:CompanyID></cac:PartyLegalEntity>
    </cac:Party>`;
  const taxCategory = `<cac:TaxCategory><cbc:ID schemeAgencyID="320" schemeID="urn:oioubl:id:taxcategoryid-1.1">StandardRated</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID schemeAgencyID="320" schemeID="urn:oioubl:id:taxschemeid-1.1">63</cbc:ID><cbc:Name>Moms</cbc:Name></cac:TaxScheme></cac:TaxCategory>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ccts="urn:oasis:names:specification:ubl:schema:xsd:CoreComponentParameters-2" xmlns:sdt="urn:oasis:names:specification:ubl:schema:xsd:SpecializedDatatypes-2" xmlns:udt="urn:un:unece:uncefact:data:specification:UnqualifiedDataTypesSchemaModule:2">
  <cbc:UBLVersionID>2.0</cbc:UBLVersionID>
  <cbc:CustomizationID>OIOUBL-2.01</cbc:CustomizationID>
  <cbc:ProfileID schemeAgencyID="320" schemeID="urn:oioubl:id:profileid-1.2">urn:www.nesubl.eu:profiles:profile5:ver2.0</cbc:ProfileID>
  <cbc:ID>${xml(options.number ?? 'F-2024-117')}</cbc:ID>
  <cbc:CopyIndicator>false</cbc:CopyIndicator>
  <cbc:UUID>9756b4d0-8815-1029-857a-e388fe63f399</cbc:UUID>
  <cbc:IssueDate>${options.issueDate ?? '2024-03-01'}</cbc:IssueDate>
  <cbc:InvoiceTypeCode listAgencyID="320" listID="urn:oioubl:codelist:invoicetypecode-1.1">380</cbc:InvoiceTypeCode>
  <cbc:Note>Tagrenovering Vestervej 4, jf. tilbud T-88</cbc:Note>
  <cbc:DocumentCurrencyCode>${currency}</cbc:DocumentCurrencyCode>
  <cac:OrderReference><cbc:ID>PO-5521</cbc:ID><cbc:IssueDate>2024-02-10</cbc:IssueDate></cac:OrderReference>
  <cac:AccountingSupplierParty>
    ${party(seller)}
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    ${party(buyer)}
  </cac:AccountingCustomerParty>
  <cac:PaymentMeans>
    <cbc:ID>1</cbc:ID>
    <cbc:PaymentMeansCode>42</cbc:PaymentMeansCode>
    <cbc:PaymentDueDate>${options.dueDate ?? '2024-03-31'}</cbc:PaymentDueDate>
    <cbc:PaymentChannelCode listAgencyID="320" listID="urn:oioubl:codelist:paymentchannelcode-1.1">DK:BANK</cbc:PaymentChannelCode>
  </cac:PaymentMeans>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="${currency}">${money(vat)}</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="${currency}">${money(net)}</cbc:TaxableAmount><cbc:TaxAmount currencyID="${currency}">${money(vat)}</cbc:TaxAmount>${taxCategory}</cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="${currency}">${money(net)}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="${currency}">${money(vat)}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="${currency}">${money(net + vat)}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="${currency}">${money(payable)}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
${lines
  .map(
    (l) => `  <cac:InvoiceLine>
    <cbc:ID>${l.id}</cbc:ID>
    <cbc:InvoicedQuantity unitCode="${l.unit}">${l.quantity}</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="${currency}">${money(l.total)}</cbc:LineExtensionAmount>
    <cac:TaxTotal>
      <cbc:TaxAmount currencyID="${currency}">${money(l.total * 0.25)}</cbc:TaxAmount>
      <cac:TaxSubtotal><cbc:TaxableAmount currencyID="${currency}">${money(l.total)}</cbc:TaxableAmount><cbc:TaxAmount currencyID="${currency}">${money(l.total * 0.25)}</cbc:TaxAmount>${taxCategory}</cac:TaxSubtotal>
    </cac:TaxTotal>
    <cac:Item>
      ${l.description ? `<cbc:Description>${xml(l.description)}</cbc:Description>` : ''}
      <cbc:Name>${xml(l.name)}</cbc:Name>
      <cac:SellersItemIdentification><cbc:ID>ITEM-${l.id}</cbc:ID></cac:SellersItemIdentification>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="${currency}">${money(l.price)}</cbc:PriceAmount><cbc:BaseQuantity unitCode="${l.unit}">1</cbc:BaseQuantity></cac:Price>
  </cac:InvoiceLine>`,
  )
  .join('\n')}
</Invoice>
`;
}

/**
 * A Peppol BIS Billing 3.0 credit note (UBL 2.1): `0184` (CVR) and `0088` (GLN) endpoints, the
 * VAT number in PartyTaxScheme, ClassifiedTaxCategory on each line, two lines, 25 % moms.
 *
 * @example
 * const xml = peppolCreditNote({ number: 'KN-2024-9' }); // seller CVR 12345678 via schemeID 0184
 */
export function peppolCreditNote(options: TestInvoiceOptions = {}): string {
  const { lines, net, vat, payable, seller, buyer, currency } = invoiceNumbers(options);
  const party = (p: TestParty, endpoint: 'cvr' | 'ean') => `<cac:Party>
      <cbc:EndpointID schemeID="${endpoint === 'cvr' ? '0184' : '0088'}">${endpoint === 'cvr' ? p.cvr : p.ean}</cbc:EndpointID>
      ${endpoint === 'cvr' ? `<cac:PartyIdentification><cbc:ID schemeID="0088">${p.ean}</cbc:ID></cac:PartyIdentification>` : ''}
      <cac:PartyName><cbc:Name>${xml(p.name)}</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>${xml(p.street)} ${p.number}</cbc:StreetName>
        <cbc:CityName>${xml(p.city)}</cbc:CityName><cbc:PostalZone>${p.zip}</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>DK</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme><cbc:CompanyID>DK${p.cvr}</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
      <cac:PartyLegalEntity><cbc:RegistrationName>${xml(p.name)}</cbc:RegistrationName><cbc:CompanyID schemeID="0184">${p.cvr}</cbc:CompanyID></cac:PartyLegalEntity>
    </cac:Party>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>${xml(options.number ?? 'KN-2024-9')}</cbc:ID>
  <cbc:IssueDate>${options.issueDate ?? '2024-04-02'}</cbc:IssueDate>
  <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
  <cbc:Note>Kreditering af faktura F-2024-117, fejl i antal</cbc:Note>
  <cbc:DocumentCurrencyCode>${currency}</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>PO-5521</cbc:BuyerReference>
  <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>F-2024-117</cbc:ID><cbc:IssueDate>2024-03-01</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>
  <cac:AccountingSupplierParty>
    ${party(seller, 'cvr')}
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    ${party(buyer, 'ean')}
  </cac:AccountingCustomerParty>
  <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>${options.dueDate ? `<cbc:PaymentDueDate>${options.dueDate}</cbc:PaymentDueDate>` : ''}</cac:PaymentMeans>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="${currency}">${money(vat)}</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="${currency}">${money(net)}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="${currency}">${money(vat)}</cbc:TaxAmount>
      <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="${currency}">${money(net)}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="${currency}">${money(net)}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="${currency}">${money(net + vat)}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="${currency}">${money(payable)}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
${lines
  .map(
    (l) => `  <cac:CreditNoteLine>
    <cbc:ID>${l.id}</cbc:ID>
    <cbc:CreditedQuantity unitCode="${l.unit}">${l.quantity}</cbc:CreditedQuantity>
    <cbc:LineExtensionAmount currencyID="${currency}">${money(l.total)}</cbc:LineExtensionAmount>
    <cac:Item>
      ${l.description ? `<cbc:Description>${xml(l.description)}</cbc:Description>` : ''}
      <cbc:Name>${xml(l.name)}</cbc:Name>
      <cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="${currency}">${money(l.price)}</cbc:PriceAmount></cac:Price>
  </cac:CreditNoteLine>`,
  )
  .join('\n')}
</CreditNote>
`;
}
