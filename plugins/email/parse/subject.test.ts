import { describe, expect, it } from 'vitest';
import { isForwardSubject, isReplySubject, normalizeSubject } from './subject.ts';

describe('normalizeSubject', () => {
  it.each([
    ['Tilbud på tagrenovering', 'tilbud på tagrenovering'],
    ['Re: Tilbud på tagrenovering', 'tilbud på tagrenovering'],
    ['RE: RE: re: Tilbud', 'tilbud'],
    ['SV: SV: VS: Tilbud', 'tilbud'],
    ['Sv: Vs: Tilbud', 'tilbud'],
    ['AW: WG: Angebot', 'angebot'],
    ['Fwd: Fw: FW: Tilbud', 'tilbud'],
    ['Re[2]: Tilbud', 'tilbud'],
    ['Re(3): Tilbud', 'tilbud'],
    ['RE^2: Tilbud', 'tilbud'],
    ['Re:Tilbud', 'tilbud'],
    ['Re : Tilbud', 'tilbud'],
    ['TR : Réf. : Devis', 'devis'],
    ['Réf.: Devis', 'devis'],
    ['Vedr.: Tilbud', 'tilbud'],
    ['Vedr: Tilbud', 'tilbud'],
    ['Ang.: Tilbud', 'tilbud'],
    ['Ang: Tilbud', 'tilbud'],
    ['Antw: Offerte', 'offerte'],
    ['Svar: Tilbud', 'tilbud'],
    ['RV: Presupuesto', 'presupuesto'],
    ['回复：报价', '报价'],
    ['Automatisk svar: Tilbud', 'tilbud'],
    ['Automatic reply: Quote', 'quote'],
    ['  Re:   Tilbud   på\ttag  ', 'tilbud på tag'],
    ['RE: SV: Tilbud\u00a0på tag', 'tilbud på tag'],
  ])('%j → %j', (subject, expected) => {
    expect(normalizeSubject(subject)).toBe(expected);
  });

  it('drops gateway tags before, between and after the prefixes, and at the end', () => {
    expect(normalizeSubject('[EXTERNAL] Re: Tilbud')).toBe('tilbud');
    expect(normalizeSubject('SV: [Ekstern] SV: Tilbud')).toBe('tilbud');
    expect(normalizeSubject('Re: [EXTERNAL] Tilbud')).toBe('tilbud');
    expect(normalizeSubject('[SPAM] [External] Fwd: Tilbud')).toBe('tilbud');
    expect(normalizeSubject('*** SPAM *** Tilbud')).toBe('tilbud');
    expect(normalizeSubject('[Mulig spam] Tilbud')).toBe('tilbud');
    expect(normalizeSubject('Tilbud [EXTERNAL]')).toBe('tilbud');
    // The sender's copy and the recipient's tagged reply thread together.
    expect(normalizeSubject('SV: [EKSTERN] Tilbud på  Tag')).toBe(normalizeSubject('Tilbud på tag'));
  });

  it('keeps a ticket or list tag as content, once, wherever it stood among the prefixes', () => {
    expect(normalizeSubject('[Ticket #123] Vandskade')).toBe('[ticket #123] vandskade');
    expect(normalizeSubject('Re: [Ticket #123] Vandskade')).toBe('[ticket #123] vandskade');
    expect(normalizeSubject('[Ticket #123] RE: Vandskade')).toBe('[ticket #123] vandskade');
    expect(normalizeSubject('[crm-dev] Re: [crm-dev] Release')).toBe('[crm-dev] release');
    expect(normalizeSubject('[Ticket #123]')).toBe('[ticket #123]');
  });

  it('leaves tags and prefix-like words inside the subject alone', () => {
    expect(normalizeSubject('Tilbud [rev. 2] på tag')).toBe('tilbud [rev. 2] på tag');
    expect(normalizeSubject('Tilbud, re: tag')).toBe('tilbud, re: tag');
    expect(normalizeSubject('Fwd til Ole')).toBe('fwd til ole');
    expect(normalizeSubject('Resultat: 12-3')).toBe('resultat: 12-3');
    expect(normalizeSubject('Vedr. tilbud')).toBe('vedr. tilbud');
  });

  it('an empty or only-prefix subject normalises to an empty string', () => {
    expect(normalizeSubject(null)).toBe('');
    expect(normalizeSubject('')).toBe('');
    expect(normalizeSubject('   ')).toBe('');
    expect(normalizeSubject('Re:')).toBe('');
    expect(normalizeSubject('RE: SV: Fwd: ')).toBe('');
    expect(normalizeSubject('[EXTERNAL] Re: ')).toBe('');
  });

  it('treats decomposed and composed å alike and ignores zero-width characters', () => {
    expect(normalizeSubject('Tilbud pa\u030a tag')).toBe(normalizeSubject('Tilbud på tag'));
    expect(normalizeSubject('\u200bRE: Tilbud\ufeff')).toBe('tilbud');
  });
});

describe('isReplySubject / isForwardSubject', () => {
  it('decide by the first prefix, after tags', () => {
    expect(isReplySubject('Re: Tilbud')).toBe(true);
    expect(isReplySubject('SV: Tilbud')).toBe(true);
    expect(isReplySubject('AW: Angebot')).toBe(true);
    expect(isReplySubject('[EXTERNAL] SV: Tilbud')).toBe(true);
    expect(isReplySubject('Re[2]: Tilbud')).toBe(true);
    expect(isReplySubject('Fwd: Re: Tilbud')).toBe(false);
    expect(isReplySubject('Tilbud')).toBe(false);
    expect(isReplySubject(null)).toBe(false);

    expect(isForwardSubject('VS: Tilbud')).toBe(true);
    expect(isForwardSubject('WG: Angebot')).toBe(true);
    expect(isForwardSubject('FW: Tilbud')).toBe(true);
    expect(isForwardSubject('Fwd: Re: Tilbud')).toBe(true);
    expect(isForwardSubject('Re: Fwd: Tilbud')).toBe(false);
    expect(isForwardSubject('Fwd til Ole')).toBe(false);
  });
});
