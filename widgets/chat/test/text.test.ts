import { describe, expect, it } from 'vitest';
import { pickLang, TEXTS } from '../src/i18n.ts';
import { safeUrl, tokenize } from '../src/markdown.ts';

describe('tokenize (the safe Markdown subset)', () => {
  it('makes bold, http(s) links and bare URLs; everything else stays text', () => {
    expect(tokenize('Se **åbningstider** på [vores side](https://example.dk/a?b=1) eller https://example.dk/kontakt.')).toEqual([
      { type: 'text', text: 'Se ' },
      { type: 'bold', text: 'åbningstider' },
      { type: 'text', text: ' på ' },
      { type: 'link', text: 'vores side', href: 'https://example.dk/a?b=1' },
      { type: 'text', text: ' eller ' },
      { type: 'link', text: 'https://example.dk/kontakt', href: 'https://example.dk/kontakt' },
      { type: 'text', text: '.' },
    ]);
  });

  it('never links other schemes and keeps markup as text', () => {
    for (const source of [
      '[x](javascript:alert(1))',
      '[x](data:text/html,<script>alert(1)</script>)',
      '[x](//evil.example/a)',
      '<img src=x onerror=alert(1)>',
      '<a href="https://x.dk">x</a>',
    ]) {
      const tokens = tokenize(source);
      expect(tokens.map((t) => t.text).join(''), source).toBe(source.replace(/https:\/\/x\.dk/, 'https://x.dk'));
      for (const t of tokens) if (t.type === 'link') expect(t.href).toMatch(/^https?:\/\//);
    }
    expect(tokenize('[x](javascript:alert(1))').every((t) => t.type === 'text')).toBe(true);
  });

  it('safeUrl accepts only absolute http(s) URLs', () => {
    expect(safeUrl('https://a.dk/x')).toBe('https://a.dk/x');
    expect(safeUrl('HTTP://A.DK')).toBe('http://a.dk/');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl(' javascript:alert(1)')).toBeNull();
    expect(safeUrl('/relative')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});

describe('pickLang and the dictionary', () => {
  it('takes the first non-empty candidate; Danish for da and da-*, else English', () => {
    expect(pickLang('da', 'en')).toBe('da');
    expect(pickLang(null, '', 'da-DK')).toBe('da');
    expect(pickLang('en', 'da')).toBe('en');
    expect(pickLang('de-DE')).toBe('en');
    expect(pickLang(undefined, undefined, undefined)).toBe('en');
  });

  it('has every text in both languages', () => {
    expect(Object.keys(TEXTS.da).sort()).toEqual(Object.keys(TEXTS.en).sort());
    expect(TEXTS.da.unread(2)).toBe('2 ulæste beskeder');
    expect(TEXTS.en.rateLimited(5)).toBe('Too many messages. Try again in 5 seconds.');
  });
});
