import { describe, expect, it } from 'vitest';
import { oioublInvoice, peppolCreditNote } from '../testing/text.ts';
import { ExtractionError, type ExtractOptions } from './types.ts';
import { extractUbl, isUbl, readInvoice } from './ubl.ts';
import { extractionFailure } from '../testing/failure.ts';

const options: ExtractOptions = { name: 'faktura.xml', maxUnpackedBytes: 100 * 1024 * 1024, maxPages: 500, ocr: { enabled: false, languages: 'dan+eng', timeoutMs: 1000 } };
const bytes = (s: string) => new TextEncoder().encode(s);

describe('isUbl', () => {
  it('recognises invoices and credit notes under any prefix, and nothing else', () => {
    expect(isUbl(oioublInvoice())).toBe(true);
    expect(isUbl(peppolCreditNote())).toBe(true);
    expect(isUbl('\uFEFF<!-- x --><inv:Invoice xmlns:inv="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>')).toBe(true);
    expect(isUbl('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>')).toBe(false);
    expect(isUbl('<Invoice><Number>1</Number></Invoice>')).toBe(false);
    expect(isUbl('<html><body>Invoice urn:oasis:names:specification:ubl:schema:xsd:Invoice-2</body></html>')).toBe(false);
  });
});

describe('extractUbl', () => {
  it('reads an OIOUBL 2.01 invoice: parties with CVR and EAN, number, dates, lines, moms and totals', async () => {
    const result = await extractUbl(bytes(oioublInvoice({ number: 'F-2024-117' })), options);
    const invoice = result.invoice!;
    expect(invoice).toMatchObject({ kind: 'invoice', profile: 'OIOUBL-2.01', number: 'F-2024-117', issueDate: '2024-03-01', dueDate: '2024-03-31', currency: 'DKK' });
    expect(invoice.seller).toEqual({ name: 'Nordlys Tag ApS', cvr: '12345678', ean: '5790001234567', address: 'Østergade 12, 8000 Aarhus C, DK' });
    expect(invoice.buyer).toMatchObject({ name: 'Hansen & Søn Byg A/S', cvr: '87654321', ean: '5790000123456' });
    expect(invoice.lines).toEqual([
      { id: '1', description: 'Tagsten, rød tegl - Vingetegl 1200 stk. inkl. levering', quantity: '1200', unit: 'EA', unitPrice: '18.50', lineTotal: '22200.00', vatPercent: '25' },
      { id: '2', description: 'Montering - Arbejdsløn, tømrer', quantity: '40', unit: 'HUR', unitPrice: '450.00', lineTotal: '18000.00', vatPercent: '25' },
    ]);
    expect(invoice).toMatchObject({ netTotal: '40200.00', vatTotal: '10050.00', payableTotal: '50250.00' });
    expect(result.title).toBe('Faktura F-2024-117 (Nordlys Tag ApS)');
    const [section] = result.sections;
    expect(section).toMatchObject({ anchor: 'invoice', format: 'markdown' });
    expect(section!.text).toContain('# Faktura F-2024-117 / Invoice F-2024-117');
    expect(section!.text).toContain('CVR: 12345678');
    expect(section!.text).toContain('| 2 | Montering - Arbejdsløn, tømrer | 40 | HUR | 450.00 | 18000.00 | 25 |');
    expect(section!.text).toContain('Moms / VAT: 10050.00 DKK');
    expect(section!.text).toContain('Ordre / Order: PO-5521');
  });

  it('reads a Peppol BIS 3 credit note: 0184 and 0088 endpoints, DK VAT number, ClassifiedTaxCategory', async () => {
    const result = await extractUbl(bytes(peppolCreditNote({ number: 'KN-2024-9', dueDate: '2024-05-01', lines: [{ name: 'Retur tagsten', quantity: 100, unit: 'EA', price: 18.5 }, { name: 'Fragt', quantity: 1, unit: 'C62', price: 350 }] })), options);
    const invoice = result.invoice!;
    expect(invoice).toMatchObject({ kind: 'credit_note', profile: 'PEPPOL-BIS-3', number: 'KN-2024-9', issueDate: '2024-04-02', dueDate: '2024-05-01' });
    expect(invoice.seller).toMatchObject({ cvr: '12345678', ean: '5790001234567' });
    expect(invoice.buyer).toMatchObject({ cvr: '87654321', ean: '5790000123456' });
    expect(invoice.lines.map((l) => [l.description, l.quantity, l.unit, l.unitPrice, l.lineTotal, l.vatPercent])).toEqual([
      ['Retur tagsten', '100', 'EA', '18.50', '1850.00', '25'],
      ['Fragt', '1', 'C62', '350.00', '350.00', '25'],
    ]);
    expect(invoice).toMatchObject({ netTotal: '2200.00', vatTotal: '550.00', payableTotal: '2750.00' });
    expect(result.sections[0]!.text).toContain('# Kreditnota KN-2024-9 / Credit note KN-2024-9');
    expect(result.sections[0]!.label).toEqual({ da: 'kreditnota', en: 'credit note' });
  });

  it('reads the same invoice under other prefixes, or none', () => {
    const xml = oioublInvoice();
    const otherPrefixes = xml.replace(/cbc:/g, 'b:').replace(/cac:/g, 'a:').replace(/<Invoice xmlns=/, '<in:Invoice xmlns:in=').replace('</Invoice>', '</in:Invoice>');
    const noPrefixes = xml.replace(/xmlns:(cbc|cac)="[^"]*"/g, '').replace(/<(\/?)(cbc|cac):/g, '<$1');
    for (const variant of [otherPrefixes, noPrefixes]) {
      expect(isUbl(variant)).toBe(true);
      const invoice = readInvoice(variant);
      expect(invoice.seller.cvr).toBe('12345678');
      expect(invoice.buyer.ean).toBe('5790000123456');
      expect(invoice.lines).toHaveLength(2);
      expect(invoice.payableTotal).toBe('50250.00');
    }
  });

  it('takes the CVR from a DK:CVR endpoint and the name from the legal entity when that is all there is', () => {
    const xml = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="c" xmlns:cac="a"><cbc:ID>7</cbc:ID>
      <cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="DK:CVR">DK 11 22 33 44</cbc:EndpointID><cac:PartyLegalEntity><cbc:RegistrationName>Lille Firma</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
      <cac:AccountingCustomerParty><cac:Party><cac:PartyTaxScheme><cbc:CompanyID>DE123456789</cbc:CompanyID></cac:PartyTaxScheme></cac:Party></cac:AccountingCustomerParty></Invoice>`;
    const invoice = readInvoice(xml);
    expect(invoice.profile).toBe('UBL-2.1');
    expect(invoice.seller).toEqual({ name: 'Lille Firma', cvr: '11223344', ean: null, address: null });
    expect(invoice.buyer.cvr).toBeNull();
    expect(invoice.lines).toEqual([]);
  });

  it('refuses XML with a DOCTYPE or entities (XXE, billion laughs) and broken XML', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&xxe;</ID></Invoice>`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>&lol2;</ID></Invoice>`;
    for (const xml of [xxe, laughs]) {
      const error = await extractionFailure(extractUbl(bytes(xml), options));
      expect(error.code).toBe('unsupported');
      expect(error.message).toMatch(/DOCTYPE/);
    }
    expect((await extractionFailure(extractUbl(bytes(oioublInvoice().slice(0, 2000)), options))).code).toBe('corrupt');
  });
});
