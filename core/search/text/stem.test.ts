import { describe, expect, it } from 'vitest';
import { stem, stopwords } from './index.ts';

describe('stem', () => {
  it('joins Danish inflections', () => {
    expect(stem('biler', 'da')).toBe(stem('bil', 'da'));
    expect(stem('bilerne', 'da')).toBe(stem('bil', 'da'));
    expect(stem('virksomhederne', 'da')).toBe(stem('virksomhed', 'da'));
    expect(stem('virksomheder', 'da')).toBe(stem('virksomhed', 'da'));
    expect(stem('kunderne', 'da')).toBe(stem('kunde', 'da'));
    expect(stem('hjemmesiden', 'da')).toBe(stem('hjemmeside', 'da'));
    expect(stem('læreren', 'da')).toBe(stem('lærer', 'da'));
  });

  it('joins English inflections (Porter2)', () => {
    expect(stem('running', 'en')).toBe(stem('run', 'en'));
    expect(stem('companies', 'en')).toBe(stem('company', 'en'));
    expect(stem("company's", 'en')).toBe(stem('company', 'en'));
    expect(stem('installations', 'en')).toBe(stem('installation', 'en'));
    expect(stem('generously', 'en')).toBe('generous'); // Porter2, not Porter (1980): 'gener'
  });

  it('is idempotent and leaves numbers and very long tokens alone', () => {
    for (const word of ['virksomhederne', 'tagrenoveringerne', 'bageren', 'priserne']) expect(stem(stem(word, 'da'), 'da')).toBe(stem(word, 'da'));
    expect(stem('1.500,00', 'da')).toBe('1.500,00');
    const blob = 'a'.repeat(500);
    expect(stem(blob, 'en')).toBe(blob);
    expect(stem('', 'da')).toBe('');
  });

  it('lower-cases its input', () => {
    expect(stem('Biler', 'da')).toBe('bil');
  });
});

describe('stopwords', () => {
  it('has the Danish and English function words', () => {
    for (const word of ['og', 'i', 'at', 'på', 'ikke', 'hvad', 'også']) expect(stopwords('da').has(word)).toBe(true);
    for (const word of ['the', 'and', 'is', 'of', "don't", 'what']) expect(stopwords('en').has(word)).toBe(true);
    expect(stopwords('da').has('tagrende')).toBe(false);
    expect(stopwords('en').has('invoice')).toBe(false);
  });
});
