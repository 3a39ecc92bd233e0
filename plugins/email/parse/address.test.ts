import { describe, expect, it } from 'vitest';
import { normalizeAddress, parseAddresses } from './address.ts';

describe('normalizeAddress', () => {
  it.each([
    [' Mette@Firma.DK ', 'mette@firma.dk'],
    ['<mette@firma.dk>', 'mette@firma.dk'],
    ['mailto:Mette@firma.dk', 'mette@firma.dk'],
    ['mette+crm@sub.firma.co.uk', 'mette+crm@sub.firma.co.uk'],
    ['søren@ærø.dk', 'søren@ærø.dk'],
    ['a@xn--r-1ga.dk', 'a@xn--r-1ga.dk'],
    ['mette@firma.dk.', 'mette@firma.dk'],
  ])('%j → %j', (value, expected) => {
    expect(normalizeAddress(value)).toBe(expected);
  });

  it.each([null, '', 'undisclosed-recipients', 'mette', 'mette@', '@firma.dk', 'mette@firma', 'mette@@firma.dk', 'me tte@firma.dk', '.mette@firma.dk', 'me..tte@firma.dk', 'mette@-firma.dk', 'mette@firma.d', '"quoted"@firma.dk'])('%j is not an address', (value) => {
    expect(normalizeAddress(value)).toBeNull();
  });
});

describe('parseAddresses', () => {
  it('flattens groups, decodes names, drops duplicates and invalid entries across headers', () => {
    expect(parseAddresses(['=?utf-8?Q?S=C3=B8ren?= <SOREN@Firma.dk>, team: a@x.dk, "B" <b@y.dk>;', 'undisclosed-recipients:;', 'soren@firma.dk, Ikke en adresse, c@z.dk'])).toEqual([
      { name: 'Søren', address: 'soren@firma.dk' },
      { name: null, address: 'a@x.dk' },
      { name: 'B', address: 'b@y.dk' },
      { name: null, address: 'c@z.dk' },
    ]);
  });

  it('a name that is the address again is no name', () => {
    expect(parseAddresses(['"mette@firma.dk" <Mette@Firma.dk>'])).toEqual([{ name: null, address: 'mette@firma.dk' }]);
  });

  it('an encoded word hiding another address is not taken as one', () => {
    expect(parseAddresses(['=?utf-8?B?Y2VvQGJhbmsuZGs=?= <mette@firma.dk>'])).toEqual([{ name: 'ceo@bank.dk', address: 'mette@firma.dk' }]);
  });
});
