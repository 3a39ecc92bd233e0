import { describe, expect, it } from 'vitest';
import { detectLanguage } from './index.ts';

describe('detectLanguage', () => {
  it.each([
    'Hvad koster det at få lavet en hjemmeside?',
    'Hvad koster det at lave en hjemmeside?', // no æøå at all
    'Hvad koster det',
    'Kan I sende et tilbud?',
    'Ring til os',
    'Har I åbent i weekenden?',
    'Tak for din henvendelse, vi vender tilbage hurtigst muligt.',
    'Vi tilbyder IT-support og hosting til små og mellemstore virksomheder i hele Danmark.',
    'Fakturaen skal betales senest 14 dage efter modtagelsen. Ved for sen betaling opkræves et gebyr.',
    'Prisen er inkl. moms',
  ])('Danish: %s', (text) => {
    expect(detectLanguage(text)).toBe('da');
  });

  it.each([
    'What does it cost?',
    'How much is a website?',
    'Please call Søren Ørsted about the invoice',
    'Can Mette Sørensen from Århus send me the offer?',
    'Thanks for your email, we will get back to you shortly.',
    'Our opening hours are Monday to Friday, 8 am to 4 pm.',
    'We deliver to Københaven, Ærø and Bornholm within two business days.',
    'The invoice is payable within 14 days of receipt.',
  ])('English: %s', (text) => {
    expect(detectLanguage(text)).toBe('en');
  });

  it('defaults to English only when nothing points to Danish', () => {
    expect(detectLanguage('')).toBe('en');
    expect(detectLanguage('   \n\t ')).toBe('en');
    expect(detectLanguage('12345 67 89')).toBe('en');
    expect(detectLanguage('😀 🚀')).toBe('en');
    expect(detectLanguage('blå')).toBe('da');
  });

  it('judges long texts, and a 10 MB text quickly, from a sample', () => {
    const danish = 'Vi er et lille firma, der laver tagrenovering og montering af tagrender. '.repeat(150_000);
    const english = 'We are a small company that renovates roofs and installs gutters. '.repeat(150_000);
    const started = performance.now();
    expect(detectLanguage(danish)).toBe('da');
    expect(detectLanguage(english)).toBe('en');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('survives control characters and other scripts', () => {
    expect(['da', 'en']).toContain(detectLanguage('\u0000\u0007\u001b[31m Привет мир 你好'));
    expect(detectLanguage('\u0000Hvad\u0007 koster\u001b det?')).toBe('da');
  });
});
