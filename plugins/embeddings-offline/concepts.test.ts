import { describe, expect, it } from 'vitest';
import { textAnalysis as text } from '../../core/plugins/context/text.ts';
import { CONCEPTS, buildConceptMaps, conceptId, conceptMaps, conceptOf } from './concepts.ts';

const forms = (field: string): string[] => field.split(' ').map((form) => form.replace(/=$/, ''));

describe('the concept lexicon', () => {
  it('has a few hundred groups, each with Danish and English forms and its own id', () => {
    expect(CONCEPTS.length).toBeGreaterThanOrEqual(250);
    expect(CONCEPTS.length).toBeLessThanOrEqual(400);
    const ids = CONCEPTS.map(([, en]) => conceptId(en));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [da, en] of CONCEPTS) {
      expect(forms(da).length, en).toBeGreaterThan(0);
      expect(forms(en).length, da).toBeGreaterThan(0);
    }
  });

  it('lists lower-case single words as tokenize yields them, no stop words', () => {
    for (const [da, en] of CONCEPTS) {
      for (const [lang, field] of [['da', da], ['en', en]] as const) {
        expect(field, field).toMatch(/^\S+( \S+)*$/);
        for (const word of forms(field)) {
          expect(text.tokenize(word), `${lang}: ${word}`).toEqual([word]);
          expect(text.isStopword(word, lang), `${lang}: ${word} is a stop word`).toBe(false);
        }
      }
    }
  });

  it('gives no form or stem to two concepts', () => {
    expect(buildConceptMaps(text, 'da').conflicts).toEqual([]);
    expect(buildConceptMaps(text, 'en').conflicts).toEqual([]);
  });

  it('finds the concept of Danish forms and their inflections', () => {
    for (const word of ['pris', 'priser', 'priserne', 'koster', 'kostede', 'omkostninger', 'prislisten']) expect(conceptOf(word, 'da', text), word).toBe('price');
    for (const word of ['åbningstid', 'åbningstiderne', 'åbent', 'lukket']) expect(conceptOf(word, 'da', text), word).toBe('open');
    // Snowball leaves "ugen"/"uger" and "året" apart from "uge" and "år"; the lexicon joins them.
    for (const word of ['uge', 'ugen', 'uger', 'ugerne']) expect(conceptOf(word, 'da', text), word).toBe('week');
    expect(conceptOf('året', 'da', text)).toBe('year');
    // Inflections that are not listed are found by their stem.
    expect(conceptOf('fakturaens', 'da', text)).toBe('invoice');
    expect(conceptOf('reklamationerne', 'da', text)).toBe('complaint');
    expect(conceptOf(text.tokenize('e-mail')[0]!, 'da', text)).toBe('email');
  });

  it('finds the concept of English forms and their inflections', () => {
    for (const word of ['price', 'prices', 'pricing', 'cost', 'costs']) expect(conceptOf(word, 'en', text), word).toBe('price');
    for (const word of ['open', 'opening', 'closed']) expect(conceptOf(word, 'en', text), word).toBe('open');
    expect(conceptOf('invoiced', 'en', text)).toBe('invoice');
    expect(conceptOf('refunds', 'en', text)).toBe('refund');
    expect(conceptOf('appointments', 'en', text)).toBe('booking');
  });

  it('joins Danish and English words of the same meaning', () => {
    const pairs = [['faktura', 'invoice'], ['levering', 'delivery'], ['medarbejdere', 'staff'], ['tagrender', 'gutters'], ['lærling', 'apprentice'], ['samtykke', 'consent'], ['fredag', 'friday']];
    for (const [da, en] of pairs) {
      expect(conceptOf(da!, 'da', text), da).toBeDefined();
      expect(conceptOf(da!, 'da', text), `${da} / ${en}`).toBe(conceptOf(en!, 'en', text));
    }
  });

  it('matches forms marked exact only as themselves, not by stem', () => {
    expect(conceptOf('koster', 'da', text)).toBe('price');
    expect(conceptOf('kost', 'da', text)).toBeUndefined(); // "diet", though "koster" stems to "kost"
    expect(conceptOf('leverer', 'da', text)).toBe('delivery');
    expect(conceptOf('leve', 'da', text)).toBeUndefined(); // "live": "levere" stems to "lev"
    expect(conceptOf('closed', 'en', text)).toBe('open');
    expect(conceptOf('close', 'en', text)).toBeUndefined(); // also "near"
  });

  it('keeps the languages apart, so false friends do not cross', () => {
    expect(conceptOf('gave', 'da', text)).toBe('gift');
    expect(conceptOf('gave', 'en', text)).toBeUndefined(); // "gave" is the past of "give"
    expect(conceptOf('gift', 'da', text)).toBeUndefined(); // "married"
    expect(conceptOf('tagrende', 'en', text)).toBeUndefined();
  });

  it('has no concept for unknown words and stop words', () => {
    for (const word of ['xyzzy', 'og', 'det', 'hvad']) expect(conceptOf(word, 'da', text), word).toBeUndefined();
    for (const word of ['the', 'what', 'when']) expect(conceptOf(word, 'en', text), word).toBeUndefined();
  });

  it('builds its maps once per text analysis', () => {
    expect(conceptMaps(text)).toBe(conceptMaps(text));
    expect(conceptMaps(text).da.forms.get('priser')).toBe('price');
  });
});
