import { describe, expect, it } from 'vitest';
import { classifyPage, pickProfilePages } from './index.ts';

/** The links on a Danish front page as the crawler finds them: menu, footer, externals, files and anchors. */
const links = [
  { url: '/', text: 'Forside' },
  { url: '#main', text: 'Gå til indhold' },
  { url: '/ydelser', text: 'Ydelser' },
  { url: '/blog/2019/vi-har-faaet-ny-bil', text: 'Læs mere' },
  { url: '/om-os', text: 'Om os' },
  { url: 'https://jensens-vvs.dk/kontakt#formular', text: 'Kontakt' },
  { url: 'https://www.jensens-vvs.dk/kontakt/', text: 'Kontakt os' },
  { url: '/l%C3%B8sninger/varmepumper', text: 'Varmepumper' },
  { url: '/handelsbetingelser', text: 'Handelsbetingelser' },
  { url: '/privatlivspolitik', text: 'Privatlivspolitik' },
  { url: '/prisliste.pdf', text: 'Prisliste (PDF)' },
  { url: 'https://www.facebook.com/jensensvvs', text: 'Facebook' },
  { url: 'https://andet-firma.dk/om-os', text: 'Om vores partner' },
  { url: 'mailto:info@jensens-vvs.dk', text: 'info@jensens-vvs.dk' },
  { url: 'tel:+4586123456', text: '86 12 34 56' },
  { url: '/hvem-er-vi', text: 'Hvem er vi?' },
  { url: '/side/42', text: 'Om Jensens VVS' },
  { url: '/alt-om-varmepumper', text: 'Alt om varmepumper' },
  { url: '/#top', text: 'Til toppen' },
];

describe('which front-page links to read for the profile', () => {
  it('ranks about, contact, legal and product pages on the same site, one of each kind first', () => {
    expect(pickProfilePages(links, 'https://www.jensens-vvs.dk/')).toEqual([
      'https://www.jensens-vvs.dk/om-os',
      'https://jensens-vvs.dk/kontakt',
      'https://www.jensens-vvs.dk/handelsbetingelser',
      'https://www.jensens-vvs.dk/ydelser',
      'https://www.jensens-vvs.dk/privatlivspolitik',
      'https://www.jensens-vvs.dk/hvem-er-vi',
    ]);
  });

  it('keeps to max, and reads æøå in paths and link texts', () => {
    expect(pickProfilePages(links, 'https://www.jensens-vvs.dk', 2)).toEqual(['https://www.jensens-vvs.dk/om-os', 'https://jensens-vvs.dk/kontakt']);
    expect(pickProfilePages(links, 'https://www.jensens-vvs.dk', 0)).toEqual([]);
    expect(pickProfilePages(links, 'https://www.jensens-vvs.dk', 20)).toEqual([
      'https://www.jensens-vvs.dk/om-os',
      'https://jensens-vvs.dk/kontakt',
      'https://www.jensens-vvs.dk/handelsbetingelser',
      'https://www.jensens-vvs.dk/ydelser',
      'https://www.jensens-vvs.dk/privatlivspolitik',
      'https://www.jensens-vvs.dk/hvem-er-vi',
      // Second pages of a kind after the firsts, by score: an about link (by its text only) before a second product page.
      'https://www.jensens-vvs.dk/side/42',
      'https://www.jensens-vvs.dk/l%C3%B8sninger/varmepumper',
    ]);
  });

  it('reads English sites and German legal pages', () => {
    const english = [
      { url: '/solutions', text: 'Solutions' },
      { url: '/about-us', text: 'About us' },
      { url: '/contact', text: 'Contact' },
      { url: '/impressum', text: 'Impressum' },
      { url: '/careers', text: 'Careers' },
    ];
    expect(pickProfilePages(english, 'https://www.northwind-analytics.co.uk/')).toEqual([
      'https://www.northwind-analytics.co.uk/about-us',
      'https://www.northwind-analytics.co.uk/contact',
      'https://www.northwind-analytics.co.uk/impressum',
      'https://www.northwind-analytics.co.uk/solutions',
    ]);
  });

  it('tells page kinds apart by path and text', () => {
    expect(classifyPage('https://jensens-vvs.dk/om-os', 'Om os')).toEqual({ kind: 'about', score: 15 });
    expect(classifyPage('https://jensens-vvs.dk/virksomheden')?.kind).toBe('about');
    expect(classifyPage('https://jensens-vvs.dk/kontakt-os')?.kind).toBe('contact');
    expect(classifyPage('https://jensens-vvs.dk/losninger')?.kind).toBe('products');
    expect(classifyPage('https://jensens-vvs.dk/page?id=7', 'Løsninger')?.kind).toBe('products');
    expect(classifyPage('https://jensens-vvs.dk/privatlivspolitik')?.kind).toBe('privacy');
    expect(classifyPage('https://jensens-vvs.dk/alt-om-varmepumper', 'Alt om varmepumper')).toBeUndefined();
    expect(classifyPage('https://jensens-vvs.dk/blog', 'Blog')).toBeUndefined();
  });

  it('gives nothing for a start URL that is no URL', () => {
    expect(pickProfilePages(links, 'ikke en url')).toEqual([]);
  });
});
