import { describe, expect, it } from 'vitest';
import { textAnalysis as text } from '../../../core/plugins/context/text.ts';
import type { Invoice } from '../extract/types.ts';
import { CATEGORIES, type Category, type ClassifyInput, classify, emptyModel } from './index.ts';

const doc = (title: string, body: string, type: ClassifyInput['type'] = 'pdf'): ClassifyInput => ({ title, text: body, name: `${title.toLowerCase().replace(/\W+/g, '-')}.pdf`, type });

// Written by hand, not by the corpus generator, so these test the cues on text they were not tuned on.
const CLEAR: [Category, 'da' | 'en', ClassifyInput][] = [
  ['quote', 'da', doc('Tilbud på nyt badeværelse', 'Vestjysk VVS ApS\nCVR-nr. 31245678\n\nTILBUD\nKære Hanne\nHermed tilbud på renovering af badeværelse.\n| Beskrivelse | Antal | Pris | Beløb |\n|---|---|---|---|\n| Fliser | 24 | 189,00 | 4.536,00 |\n| Montering | 16 | 575,00 | 9.200,00 |\nI alt ekskl. moms: 13.736,00 kr.\nTilbuddet er gyldigt til 1. marts 2026.\nMed venlig hilsen\nBo')],
  ['quote', 'en', doc('Quotation Q-2231', 'Riverside Roofing Ltd\nQUOTATION\nWe are pleased to quote for replacing the flat roof.\nRoofing membrane 40 m2 at 32.50 = 1,300.00\nLabour 24 hours at 45.00 = 1,080.00\nTotal: 2,380.00\nThis quote is valid for 30 days.')],
  ['order', 'da', doc('Ordrebekræftelse 5521', 'Grønnegård Trælast\nORDREBEKRÆFTELSE\nVi bekræfter hermed jeres ordre af 3. februar.\nAntal Vare Pris\n40 Terrassebrædder 28x120 62,50\nLeveringsdato: 14.02.2026\nLeveringsadresse: Skovvej 4, 7100 Vejle')],
  ['order', 'en', doc('Purchase order PO-7781', 'PURCHASE ORDER\nPO number: 7781\nPlease supply the following:\nQty Item Unit price\n10 Office chairs 1,450.00\nDelivery date: 3 March 2026\nDeliver to: 12 Harbour Street')],
  ['invoice', 'da', doc('Faktura 2026-014', 'Kraft El\nCVR-nr. 12345678\nFAKTURA\nFakturanr.: 2026-014\nFakturadato: 02.02.2026\nForfaldsdato: 16.02.2026\nElektrikertimer 6 á 595,00 = 3.570,00\nMoms 25 %: 892,50\nI alt: 4.462,50 kr.\nBeløbet bedes indbetalt på reg.nr. 1234 kontonr. 7654321.')],
  ['invoice', 'en', doc('Invoice INV-3301', 'Brightline Web Ltd\nINVOICE\nInvoice number: INV-3301\nDue date: 28 February 2026\nWebsite maintenance, January  1,200.00\nVAT 25%  300.00\nTotal due  1,500.00\nBank details: IBAN DK5000400440116243, SWIFT DABADKKK')],
  ['credit_note', 'da', doc('Kreditnota 118', 'Nordic Grossist A/S\nKREDITNOTA\nKreditnotanr. 118 vedr. faktura nr. 4471\nReturnerede varer krediteres:\n2 kasser kopipapir -438,00\nMoms -109,50\nI alt -547,50 kr.\nBeløbet modregnes i næste faktura.')],
  ['credit_note', 'en', doc('Credit note CN-220', 'CREDIT NOTE\nCredit note no. CN-220\nRelating to invoice INV-3190\nDiscount agreed after complaint: -250.00\nVAT: -62.50\nTotal credited: -312.50\nThe amount will be refunded within 5 days.')],
  ['contract', 'da', doc('Serviceaftale', 'SERVICEAFTALE\n§ 1 Parterne\nDenne aftale er indgået mellem Skinnende Rent ApS (herefter kaldet Leverandøren) og Tandlæge Ravn (herefter kaldet Kunden).\n§ 2 Ydelsen\nLeverandøren gør rent to gange om ugen.\n§ 3 Opsigelse\nAftalen kan opsiges med tre måneders varsel.\n§ 4 Misligholdelse\nVed væsentlig misligholdelse kan aftalen ophæves.\nFor Leverandøren: ____________  For Kunden: ____________')],
  ['contract', 'en', doc('Service Agreement', 'SERVICE AGREEMENT\nThis Agreement is made by and between Nordlys IT (the "Supplier") and Oakwood School (the "Customer").\n1. Services. The Supplier shall provide IT support.\n2. Term and termination. Either party may terminate on three months notice.\n3. Limitation of liability. Neither party is liable for indirect loss.\n4. Governing law. Danish law applies.\nSigned for the Supplier: __________  Signed for the Customer: __________')],
  ['price_list', 'da', doc('Prisliste 2026', 'PRISLISTE 2026\nPriser gældende fra 1. januar 2026, ekskl. moms\n| Varenr. | Vare | Pris pr. stk |\n|---|---|---|\n| 101 | Skrue 4x40 | 0,45 |\n| 102 | Skrue 5x60 | 0,65 |\n| 103 | Dybel 6 mm | 0,30 |\n| 104 | Vinkel 90 | 12,50 |\n| 105 | Hængsel | 34,00 |\n| 106 | Lim 1 l | 89,00 |\n| 107 | Maling 10 l | 649,00 |\n| 108 | Pensel | 39,00 |', 'xlsx')],
  ['price_list', 'en', doc('Price list spring 2026', 'PRICE LIST\nAll prices per unit, excluding VAT\nBasic clean 1 hour  395.00\nWindow cleaning per window  45.00\nCarpet cleaning per m2  45.50\nOven cleaning  650.00\nFridge cleaning  350.00\nBalcony  250.00\nStairwell per floor  120.00\nCall-out  195.00')],
  ['specification', 'da', doc('Kravspecifikation – ny webshop', 'KRAVSPECIFIKATION\n1. Baggrund\nVi ønsker en ny webshop.\n2. Funktionelle krav\nK-01 Systemet skal understøtte betaling med MobilePay.\nK-02 Systemet skal kunne eksportere ordrer til e-conomic.\nK-03 Løsningen skal overholde WCAG 2.1.\nK-04 Svartiden skal være under 2 sekunder.\n3. Acceptkriterier\nAlle krav skal være testet.')],
  ['specification', 'en', doc('Requirements specification', 'REQUIREMENTS SPECIFICATION\n1. Scope\nA booking system for a dental clinic.\n2. Functional requirements\nR1 The system shall send reminders by SMS.\nR2 The system shall support online booking.\nR3 The solution must be able to export to CSV.\n3. Non-functional requirements\nR4 Response time shall be under 2 seconds.')],
  ['correspondence', 'da', doc('Møde torsdag', 'Fra: Pia Holm <pia@example.dk>\nTil: bo@vestjysk-vvs.dk\nEmne: Møde torsdag\n\nHej Bo\n\nPasser det jer, at vi mødes torsdag kl. 10 og ser på køkkenet? Jeg kan også fredag.\n\nMed venlig hilsen\nPia', 'eml')],
  ['correspondence', 'en', doc('Thank you', 'Dear Sarah,\n\nThank you for your help last week. Everything is working well now and the team is very happy with the new setup.\n\nCould you let me know when you are free for a short follow-up call?\n\nKind regards,\nJames')],
  ['other', 'da', doc('Referat af bestyrelsesmøde', 'REFERAT\nDagsorden\n1. Godkendelse af referat\n2. Økonomi\n3. Eventuelt\nAd 1: Referatet blev godkendt.\nAd 2: Kassereren gennemgik regnskabet.\nAd 3: Intet.')],
  ['other', 'en', doc('User guide', 'USER GUIDE\nSwitch the heat pump on at the main switch. Hold the menu button to change programme. Clean the filter every three months. If the light flashes red, restart the unit.')],
];

describe('classify offline', () => {
  it.each(CLEAR)('a clear %s (%s) is classified as such, confidently', (category, _lang, input) => {
    const c = classify(input, emptyModel(), text);
    expect(c.best).toBe(category);
    expect(c.category).toBe(category);
    expect(c.confidence).toBeGreaterThanOrEqual(0.5);
    expect(c.source).toBe('cues');
  });

  it('covers every category in Danish and English', () => {
    for (const category of CATEGORIES) {
      expect(CLEAR.filter(([c]) => c === category).map(([, lang]) => lang).sort()).toEqual(['da', 'en']);
    }
  });

  it('scores are probabilities over every category', () => {
    const c = classify(CLEAR[0]![2], emptyModel(), text);
    expect(Object.keys(c.scores).sort()).toEqual([...CATEGORIES].sort());
    expect(Object.values(c.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    expect(c.scores[c.best]).toBe(c.confidence);
  });

  it('names the cues in the reason, in Danish and English', () => {
    const c = classify(CLEAR[4]![2], emptyModel(), text);
    expect(c.reason.da).toMatch(/^Ordet 'faktura'/);
    expect(c.reason.da).toMatch(/forfaldsdato|betalingsanmodning|fakturanummer|bankoplysninger/);
    expect(c.reason.en).toMatch(/^The word 'faktura'/);
    expect(c.reason.en).not.toBe(c.reason.da);
  });

  it('an e-invoice is an invoice with near certainty, an e-credit note a credit note', () => {
    const invoice: Invoice = {
      kind: 'invoice', profile: 'OIOUBL-2.1', number: 'A-100', issueDate: '2026-02-01', dueDate: '2026-02-15', currency: 'DKK',
      seller: { name: 'Kraft El', cvr: '12345678', ean: null, address: null }, buyer: { name: 'Bageriet', cvr: '87654321', ean: '5790000000000', address: null },
      lines: [{ id: '1', description: 'Elektrikertimer', quantity: '2', unit: 'HUR', unitPrice: '595.00', lineTotal: '1190.00', vatPercent: '25' }],
      netTotal: '1190.00', vatTotal: '297.50', payableTotal: '1487.50',
    };
    // The text of an e-invoice is whatever extraction made of its fields; the structure decides.
    const c = classify({ text: 'Kraft El\nElektrikertimer 2 HUR 595.00', name: 'a-100.xml', type: 'ubl', invoice }, emptyModel(), text);
    expect(c.category).toBe('invoice');
    expect(c.confidence).toBeGreaterThan(0.9);
    expect(c.reason.en).toMatch(/e-invoice/);
    const credit = classify({ text: 'Kraft El', name: 'c.xml', type: 'ubl', invoice: { ...invoice, kind: 'credit_note' } }, emptyModel(), text);
    expect(credit.category).toBe('credit_note');
    expect(credit.confidence).toBeGreaterThan(0.9);
  });

  it.each([
    ['empty', ''],
    ['a scrap', 'Se vedlagte.'],
    ['one weak mention', 'Kopi til sagen, jf. aftale.'],
    ['numbers only', '12 34 56 78 2026'],
  ])('%s text is unsure and keeps a best guess', (_what, body) => {
    const c = classify({ text: body, name: 'scan0001.pdf', type: 'pdf' }, emptyModel(), text);
    expect(c.category).toBe('unsure');
    expect(CATEGORIES).toContain(c.best);
    expect(c.confidence).toBeLessThan(0.5);
  });

  it('the threshold is the caller\'s to choose', () => {
    const input = CLEAR[0]![2];
    const c = classify(input, emptyModel(), text);
    expect(classify(input, emptyModel(), text, { unsureBelow: Math.min(1, c.confidence + 0.001) }).category).toBe('unsure');
    expect(classify(input, emptyModel(), text, { unsureBelow: 0 }).category).toBe(c.best);
  });

  it('a quote whose terms talk of invoices stays a quote; an email about a quote stays correspondence', () => {
    const quote = doc('Tilbud nr. 88', 'TILBUD\nHermed tilbud på ny carport.\nTømrertimer 20 á 545,00 = 10.900,00\nI alt: 13.625,00 kr. inkl. moms\nTilbuddet er gyldigt i 30 dage.\nBetaling: 50 % faktureres ved opstart. Fakturaen forfalder netto 8 dage.');
    expect(classify(quote, emptyModel(), text).best).toBe('quote');
    const reply = doc('SV: Tilbud på carport', 'Fra: Lis <lis@example.dk>\nTil: info@holm-toemrer.dk\nEmne: SV: Tilbud på carport\n\nHej Jakob\n\nTak for tilbuddet. Vi vender tilbage i næste uge, når vi har talt det igennem.\n\nMvh. Lis', 'eml');
    expect(classify(reply, emptyModel(), text).best).toBe('correspondence');
  });
});
