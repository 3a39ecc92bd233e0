import { DEMO_BUSINESS } from './business.ts';
import type { DemoApi } from './client.ts';

/** A file of the demo: whose it is, its name, and its bytes (text formats: no generator needed at run time). */
export interface DemoDocument {
  /** `self` (the demo business) or the name of a demo customer. */
  owner: 'self' | string;
  name: string;
  visibility: 'internal' | 'public';
  content: string;
}

const PRICE_LIST = `# Prisliste 2026 – service og småopgaver

Storå Tag & Tømrer ApS, ${DEMO_BUSINESS.address}. Alle priser er vejledende og inkl. 25 % moms.

## Eftersyn og service

| Ydelse | Enhed | Pris inkl. moms |
|---|---|---|
| Droneinspektion af tag med rapport og billeder | pr. tag | kr. 1.450 |
| Årligt taggennemgang (op til 200 m²) | pr. besøg | kr. 1.895 |
| Rensning af tagrender og nedløb | pr. meter | kr. 45 |
| Mosbehandling af tegltag | pr. m² | kr. 38 |

## Småopgaver

| Ydelse | Enhed | Pris inkl. moms |
|---|---|---|
| Udskiftning af knækket tagsten | pr. stk., første | kr. 695 |
| Ny inddækning ved skorsten i zink | pr. stk. | kr. 4.800 |
| Tømrertime, svend | pr. time | kr. 545 |
| Kørsel ud over 25 km fra Holstebro | pr. km | kr. 6 |

Tilbuddene gælder til 31. december 2026. Ret til ændringer forbeholdes.
`;

const QUOTE = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Tilbud 2026-118 – nyt tag på hal 3</title></head>
<body>
<nav>Storå Tag &amp; Tømrer · Forside · Kontakt</nav>
<main>
<h1>Tilbud 2026-118: nyt tag på hal 3</h1>
<p>Til Limfjord Maskinfabrik A/S, att. Kim Andersen. Dato: 14. oktober 2026. Tilbuddet er gyldigt til 14. december 2026.</p>
<p>Vi tilbyder at udskifte de gamle fibercementplader på hal 3 (ca. 640 m²) med nye stålplader med antidrypbelægning, inklusive nedtagning og bortskaffelse af de gamle plader.</p>
<table>
<tr><th>Post</th><th>Mængde</th><th>Enhedspris</th><th>I alt ekskl. moms</th></tr>
<tr><td>Nedtagning og bortskaffelse af fibercementplader</td><td>640 m²</td><td>kr. 210,00</td><td>kr. 134.400,00</td></tr>
<tr><td>Stålplader med antidryp, monteret</td><td>640 m²</td><td>kr. 585,00</td><td>kr. 374.400,00</td></tr>
<tr><td>Lift og afspærring</td><td>3 uger</td><td>kr. 9.500,00</td><td>kr. 28.500,00</td></tr>
</table>
<p>I alt ekskl. moms: kr. 537.300,00. Moms 25 %: kr. 134.325,00. I alt inkl. moms: kr. 671.625,00.</p>
<p>Betaling: 30 % ved opstart, resten ved aflevering, netto 8 dage. Med venlig hilsen, Mads Storgaard.</p>
</main>
<footer>Storå Tag &amp; Tømrer ApS · CVR ${DEMO_BUSINESS.cvr}</footer>
</body></html>
`;

const INVOICE = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:UBLVersionID>2.0</cbc:UBLVersionID>
  <cbc:CustomizationID>OIOUBL-2.02</cbc:CustomizationID>
  <cbc:ID>1187</cbc:ID>
  <cbc:IssueDate>2026-11-20</cbc:IssueDate>
  <cbc:InvoiceTypeCode listAgencyID="320" listID="urn:oioubl:codelist:invoicetypecode-1.1">380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>DKK</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party>
    <cbc:EndpointID schemeAgencyID="320" schemeID="DK:CVR">DK${DEMO_BUSINESS.cvr}</cbc:EndpointID>
    <cac:PartyName><cbc:Name>${DEMO_BUSINESS.name.replace('&', '&amp;')}</cbc:Name></cac:PartyName>
    <cac:PostalAddress><cbc:StreetName>Lægårdvej</cbc:StreetName><cbc:BuildingNumber>118</cbc:BuildingNumber><cbc:CityName>Holstebro</cbc:CityName><cbc:PostalZone>7500</cbc:PostalZone><cac:Country><cbc:IdentificationCode>DK</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
    <cac:PartyTaxScheme><cbc:CompanyID schemeAgencyID="320" schemeID="DK:SE">DK${DEMO_BUSINESS.cvr}</cbc:CompanyID><cac:TaxScheme><cbc:ID schemeAgencyID="320" schemeID="urn:oioubl:id:taxschemeid-1.1">63</cbc:ID><cbc:Name>Moms</cbc:Name></cac:TaxScheme></cac:PartyTaxScheme>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party>
    <cbc:EndpointID schemeAgencyID="9" schemeID="GLN">5790001234566</cbc:EndpointID>
    <cac:PartyName><cbc:Name>Vestjysk Ejendomsservice ApS</cbc:Name></cac:PartyName>
    <cac:PartyLegalEntity><cbc:RegistrationName>Vestjysk Ejendomsservice ApS</cbc:RegistrationName><cbc:CompanyID schemeID="DK:CVR">DK27805507</cbc:CompanyID></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingCustomerParty>
  <cac:PaymentMeans><cbc:PaymentMeansCode>42</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-12-04</cbc:PaymentDueDate></cac:PaymentMeans>
  <cac:TaxTotal><cbc:TaxAmount currencyID="DKK">2362.50</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="DKK">9450.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="DKK">2362.50</cbc:TaxAmount><cac:TaxCategory><cbc:ID>StandardRated</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>63</cbc:ID><cbc:Name>Moms</cbc:Name></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="DKK">9450.00</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID="DKK">2362.50</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="DKK">11812.50</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="DKK">11812.50</cbc:PayableAmount></cac:LegalMonetaryTotal>
  <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:InvoicedQuantity unitCode="HUR">12</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="DKK">5232.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Description>Tømrerarbejde, udskiftning af vindskeder, Bredgade 14</cbc:Description><cbc:Name>Tømrertime</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>StandardRated</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>63</cbc:ID><cbc:Name>Moms</cbc:Name></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="DKK">436.00</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
  <cac:InvoiceLine><cbc:ID>2</cbc:ID><cbc:InvoicedQuantity unitCode="EA">1</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="DKK">4218.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Description>Vindskeder i trykimprægneret fyr, malet, inkl. beslag</cbc:Description><cbc:Name>Materialer</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>StandardRated</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>63</cbc:ID><cbc:Name>Moms</cbc:Name></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="DKK">4218.00</cbc:PriceAmount></cac:Price></cac:InvoiceLine>
</Invoice>
`;

const EMAIL = [
  'From: Pia Holm <ph@vestjysk-ejendomsservice.dk>',
  `To: ${DEMO_BUSINESS.name} <${DEMO_BUSINESS.email}>`,
  'Subject: SV: Eftersyn af tage i Holstebro',
  'Date: Tue, 24 Nov 2026 09:12:00 +0100',
  'Message-ID: <demo-eftersyn-2026@vestjysk-ejendomsservice.dk>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="demo-boundary"',
  '',
  '--demo-boundary',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Hej Line',
  '',
  'Tak for tilbuddet på det årlige eftersyn. Vi vil gerne bestille eftersyn af de fire ejendomme på vedhæftede liste, gerne i uge 2.',
  'Portkoderne får I af viceværten dagen før.',
  '',
  'Med venlig hilsen',
  'Pia Holm, Vestjysk Ejendomsservice ApS',
  '',
  '--demo-boundary',
  'Content-Type: text/csv; charset=utf-8; name="ejendomme.csv"',
  'Content-Disposition: attachment; filename="ejendomme.csv"',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Adresse;Tagtype;Areal m²',
  'Bredgade 14, Holstebro;Tegl;220',
  'Nørregade 3, Holstebro;Tagpap;340',
  'Sønderbrogade 41, Holstebro;Betontagsten;180',
  'Ålykkevej 9, Struer;Tegl;260',
  '',
  '--demo-boundary--',
  '',
].join('\r\n');

/** The demo's documents: a public price list of the own company (the chatbot cites it), a quote, an e-invoice and an email with an attachment. */
export const DEMO_DOCUMENTS: DemoDocument[] = [
  { owner: 'self', name: 'Prisliste 2026 – service og småopgaver.md', visibility: 'public', content: PRICE_LIST },
  { owner: 'Limfjord Maskinfabrik A/S', name: 'Tilbud 2026-118 – nyt tag på hal 3.html', visibility: 'internal', content: QUOTE },
  { owner: 'Vestjysk Ejendomsservice ApS', name: 'Faktura 1187.xml', visibility: 'internal', content: INVOICE },
  { owner: 'Vestjysk Ejendomsservice ApS', name: 'SV Eftersyn af tage i Holstebro.eml', visibility: 'internal', content: EMAIL },
];

/**
 * Whether the documents plugin runs (the demo's files need it).
 *
 * @example
 * if (await documentsRunning(api)) await addDemoDocuments(api, companies, selfId);
 */
export async function documentsRunning(api: DemoApi): Promise<boolean> {
  const { items } = await api.call<{ items: { id: string; status: string }[] }>('GET', '/api/plugins');
  return items.some((p) => p.id === 'documents' && p.status === 'running');
}

/**
 * Uploads the demo's documents through `POST /api/documents`, as staff would; returns the ids of
 * the own company's (the customers' go with their companies when the demo is removed).
 *
 * @example
 * const ownIds = await addDemoDocuments(api, new Map([['Limfjord Maskinfabrik A/S', id]]), self.id);
 */
export async function addDemoDocuments(api: DemoApi, companies: Map<string, string>, selfId: string): Promise<{ own: string[]; count: number }> {
  const own: string[] = [];
  let count = 0;
  for (const doc of DEMO_DOCUMENTS) {
    const companyId = doc.owner === 'self' ? selfId : companies.get(doc.owner);
    if (!companyId) continue;
    const form = new FormData();
    form.set('company_id', companyId);
    form.set('visibility', doc.visibility);
    form.append('file', new Blob([doc.content]), doc.name);
    const { items } = await api.call<{ items: { outcome: string; document: { id: string } | null }[] }>('POST', '/api/documents', { body: form });
    const id = items[0]?.document?.id;
    if (!id) continue;
    count++;
    if (doc.owner === 'self') own.push(id);
  }
  return { own, count };
}
