import { describe, expect, it } from 'vitest';
import { nameFromDomain, nameFromLocalPart, normalizeCvr, normalizeDomain, normalizeEmail } from './normalize.ts';

describe('normalizeDomain', () => {
  it.each([
    ['Firma.DK', 'firma.dk'],
    ['https://www.firma.dk/kontakt?x=1', 'firma.dk'],
    ['www.firma.dk.', 'firma.dk'],
    ['bøger.dk', 'xn--bger-gra.dk'],
    ['http://shop.firma.co.uk:8080/', 'shop.firma.co.uk'],
  ])('%s → %s', (input, expected) => expect(normalizeDomain(input)).toBe(expected));

  it.each(['', 'localhost', 'not a domain', "x'; drop table companies;--.dk", 'a..dk'])('refuses %j', (input) => {
    expect(() => normalizeDomain(input)).toThrow(/is not a domain name/);
  });
});

describe('normalizeCvr', () => {
  it.each(['25313763', 'DK25313763', 'dk 25 31 37 63', '25-31-37-63'])('accepts %s', (input) => {
    expect(normalizeCvr(input)).toBe('25313763');
  });

  it('refuses a wrong check digit and wrong lengths', () => {
    expect(() => normalizeCvr('25313764')).toThrow(/check digit/);
    expect(() => normalizeCvr('1234567')).toThrow(/8 digits/);
  });
});

describe('normalizeEmail and names', () => {
  it('lower-cases and splits an address', () => {
    expect(normalizeEmail(' Mette.Jensen@Firma.DK ')).toEqual({ email: 'mette.jensen@firma.dk', local: 'mette.jensen', domain: 'firma.dk' });
  });

  it.each(['mette', '@firma.dk', 'a b@firma.dk', 'mette@', 'mette@localhost'])('refuses %j', (input) => {
    expect(() => normalizeEmail(input)).toThrow();
  });

  it('derives readable names', () => {
    expect(nameFromDomain('jensens-vvs.dk')).toBe('Jensens Vvs');
    expect(nameFromLocalPart('anne.marie_larsen+crm')).toBe('Anne Marie Larsen');
  });
});
