import { describe, expect, it } from 'vitest';
import { tokenize } from './index.ts';

describe('tokenize', () => {
  it('lower-cases and keeps æ, ø and å inside words', () => {
    expect(tokenize('Åbningstider: Mandag–Fredag, kl. 8-16. Kør forsigtigt på Ærø!')).toEqual([
      'åbningstider',
      'mandag',
      'fredag',
      'kl',
      '8',
      '16',
      'kør',
      'forsigtigt',
      'på',
      'ærø',
    ]);
  });

  it('splits on punctuation and symbols, not inside numbers', () => {
    expect(tokenize('Pris: 1.500,00 kr. (inkl. moms) – ca. 3,5 m²')).toEqual(['pris', '1.500,00', 'kr', 'inkl', 'moms', 'ca', '3,5', 'm2']);
    expect(tokenize('f.eks. www.firma.dk eller info@firma.dk')).toEqual(['f', 'eks', 'www', 'firma', 'dk', 'eller', 'info', 'firma', 'dk']);
  });

  it('keeps apostrophes inside words, drops quotes around them', () => {
    expect(tokenize("Don't miss the company’s offer, 'Jens' sagde Jens' kone")).toEqual([
      "don't",
      'miss',
      'the',
      "company's",
      'offer',
      'jens',
      'sagde',
      'jens',
      'kone',
    ]);
  });

  it('splits hyphenated compounds but joins a leading single letter', () => {
    expect(tokenize('IT-support, e-mail, A-kasse, state-of-the-art, vitamin-C')).toEqual([
      'it',
      'support',
      'email',
      'akasse',
      'state',
      'of',
      'the',
      'art',
      'vitamin',
      'c',
    ]);
  });

  it('drops control and invisible characters', () => {
    expect(tokenize('tag\u00ADrenovering\u0000og\u0007 hus\u200Bbåd\r\n')).toEqual(['tagrenovering', 'og', 'hus', 'båd']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('😀 🚀 ... !!! ---')).toEqual([]);
  });

  it('handles other scripts and ligatures', () => {
    expect(tokenize('Привет, мир! ﬁnal ＡＢＣ')).toEqual(['привет', 'мир', 'final', 'abc']);
  });
});
