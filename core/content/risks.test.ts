import { describe, expect, it } from 'vitest';
import { contentRisks } from './risks.ts';

const own = { ownDomains: ['nordlys-tag.dk'] };
const kinds = (text: string) => contentRisks(text, own).map((r) => `${r.kind}:${r.match}`);

describe('contentRisks', () => {
  it('finds a Danish registration and account number in a payment instruction', () => {
    expect(kinds('Betal venligst til konto 9999-1234567 i Evil Bank.')).toEqual(['payment_details:9999-1234567']);
    expect(kinds('Pay to account 9999 1234567890 at Evil Bank before Friday.')).toEqual(['payment_details:9999 1234567890']);
    expect(kinds('Indbetal på reg.nr. 1234 kontonr. 0012345678')).toContain('payment_details:0012345678');
  });

  it('finds IBANs (checked), SWIFT codes, MobilePay boxes, crypto wallets and card numbers', () => {
    expect(kinds('IBAN: DK50 0040 0440 1162 43')).toEqual(['payment_details:DK50 0040 0440 1162 43']);
    expect(kinds('Varenummer DK12 ABCD EFGH IJKL 34')).toEqual([]); // fails the IBAN check digits
    expect(kinds('SWIFT: DABADKKK')).toEqual(['payment_details:DABADKKK']);
    expect(kinds('Betal med MobilePay på 12345')).toEqual(['payment_details:MobilePay på 12345']);
    expect(kinds('Send bitcoin to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')[0]).toMatch(/^payment_details:bc1q/);
    expect(kinds('Card 4111 1111 1111 1111')).toEqual(['payment_details:4111 1111 1111 1111']);
  });

  it('leaves prices, phone numbers, dates, opening hours and product numbers alone', () => {
    expect(kinds('En tagrende koster kr. 450 pr. meter, og betaling sker efter 8 dage.')).toEqual([]);
    expect(kinds('Ring på 20304050, eller betal på faktura senest 20261231.')).toEqual([]);
    expect(kinds('Vi har åbent kl. 7-16. Varenummer 123456.')).toEqual([]);
  });

  it('finds links to other sites, and not to the own domain or its subdomains', () => {
    expect(kinds('Se https://www.nordlys-tag.dk/priser og https://shop.nordlys-tag.dk.')).toEqual([]);
    expect(kinds('Betal her: https://evil.example/pay, eller www.phish.example.')).toEqual([
      'external_link:https://evil.example/pay',
      'external_link:www.phish.example',
    ]);
  });
});
