import { describe, expect, it } from 'vitest';
import { fileNameOf, normalizeUrl, pathMatcher, sameSite, siteKey } from './url.ts';

describe('normalizeUrl', () => {
  it('spells one page one way', () => {
    const forms = [
      'https://www.firma.dk/om-os', 'https://WWW.FIRMA.DK/om-os/', 'https://www.firma.dk:443/om-os#team', 'https://www.firma.dk/om-os?utm_source=nyhedsbrev&utm_medium=mail',
      'https://www.firma.dk/om-os?fbclid=abc', 'https://www.firma.dk/./x/../om-os', 'HTTPS://www.firma.dk/om-os?gclid=1&_ga=2',
      'https://www.firma.dk/om-os;jsessionid=A1B2C3', 'https://www.firma.dk/om-os?PHPSESSID=9f8e7d',
    ];
    expect(new Set(forms.map((f) => normalizeUrl(f)))).toEqual(new Set(['https://www.firma.dk/om-os']));
  });
  it('keeps parameters that choose content, sorted', () => {
    expect(normalizeUrl('http://firma.dk:80/shop/?side=2&kategori=tag')).toBe('http://firma.dk/shop?kategori=tag&side=2');
    expect(normalizeUrl('https://firma.dk/')).toBe('https://firma.dk/');
  });
  it('resolves relative links and refuses what is not http', () => {
    expect(normalizeUrl('../priser', 'https://firma.dk/om/os')).toBe('https://firma.dk/priser');
    expect(normalizeUrl('mailto:info@firma.dk')).toBeNull();
    expect(normalizeUrl('javascript:void(0)')).toBeNull();
    expect(normalizeUrl('http://')).toBeNull();
  });
  it('punycodes international hosts', () => {
    expect(normalizeUrl('https://blåbær.dk/Side')).toBe('https://xn--blbr-roah.dk/Side');
  });
});

describe('site', () => {
  it('is the registrable domain: www and the bare domain are one site', () => {
    expect(siteKey('https://www.jensens-vvs.dk/x')).toBe('jensens-vvs.dk');
    expect(sameSite('https://jensens-vvs.dk/', 'https://shop.jensens-vvs.dk/kurv')).toBe(true);
    expect(sameSite('https://jensens-vvs.dk/', 'https://jensens-vvs.com/')).toBe(false);
    expect(sameSite('https://a.co.uk/', 'https://b.co.uk/')).toBe(false);
    expect(sameSite('https://firma.github.io/', 'https://andet.github.io/')).toBe(false);
  });
  it('is host and port for addresses', () => {
    expect(siteKey('http://127.0.0.1:8080/')).toBe('127.0.0.1:8080');
    expect(sameSite('http://127.0.0.1:8080/', 'http://127.0.0.1:9090/')).toBe(false);
    expect(sameSite('http://127.0.0.1:8080/', 'http://10.0.0.5/admin')).toBe(false);
  });
});

describe('pathMatcher', () => {
  it('matches a folder and what is under it, or a glob', () => {
    expect(pathMatcher('/intern')('https://firma.dk/intern/løn')).toBe(true);
    expect(pathMatcher('/intern')('https://firma.dk/internet')).toBe(false);
    expect(pathMatcher('*.php')('https://firma.dk/a/b.php')).toBe(true);
    expect(pathMatcher('/blog/*')('https://firma.dk/blog/2026/tag')).toBe(true);
    expect(pathMatcher('/shop?side=*')('https://firma.dk/shop?side=3')).toBe(true);
  });
  it('names files', () => {
    expect(fileNameOf('https://firma.dk/filer/Prisliste%202026.pdf')).toBe('Prisliste 2026.pdf');
  });
});
