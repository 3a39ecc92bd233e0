import { describe, expect, it } from 'vitest';
import { splitSentences } from './index.ts';

describe('splitSentences', () => {
  it('splits on sentence ends', () => {
    expect(splitSentences('Vi har åbent i dag. Ring gerne! Har du spørgsmål? Skriv til os…  Tak.')).toEqual([
      'Vi har åbent i dag.',
      'Ring gerne!',
      'Har du spørgsmål?',
      'Skriv til os…',
      'Tak.',
    ]);
  });

  it('does not end a sentence at Danish abbreviations', () => {
    expect(splitSentences('Vi kan f.eks. komme kl. 8. Det koster bl.a. ca. 500 kr. pr. time, jf. prislisten. Se nr. 5 i listen.')).toEqual([
      'Vi kan f.eks. komme kl. 8.',
      'Det koster bl.a. ca. 500 kr. pr. time, jf. prislisten.',
      'Se nr. 5 i listen.',
    ]);
    expect(splitSentences('Vi lukker den 1. januar. Fra d. 2. januar har vi åbent. H.C. Andersen boede her.')).toEqual([
      'Vi lukker den 1. januar.',
      'Fra d. 2. januar har vi åbent.',
      'H.C. Andersen boede her.',
    ]);
  });

  it('does not end a sentence at English abbreviations and initials', () => {
    expect(splitSentences('Ask Mr. Smith or Dr. J. Jensen, e.g. by phone. See No. 5, i.e. the last one. The answer is no. Then call.')).toEqual([
      'Ask Mr. Smith or Dr. J. Jensen, e.g. by phone.',
      'See No. 5, i.e. the last one.',
      'The answer is no.',
      'Then call.',
    ]);
  });

  it('lets "kr." and "etc." end a sentence before a capital', () => {
    expect(splitSentences('Prisen er 500 kr. Det er inkl. moms. Tools, parts etc. We have it all.')).toEqual([
      'Prisen er 500 kr.',
      'Det er inkl. moms.',
      'Tools, parts etc.',
      'We have it all.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(splitSentences('Han sagde: "Det er fint." Så gik han.')).toEqual(['Han sagde: "Det er fint."', 'Så gik han.']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
  });
});
