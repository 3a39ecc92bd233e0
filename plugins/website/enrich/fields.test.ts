import { describe, expect, it } from 'vitest';
import { extractAddress, findAddress } from './address.ts';
import { extractCvr, findCvrNumbers, isValidCvr } from './cvr.ts';
import { cutAtSentence } from './description.ts';
import { cleanEmail, deobfuscate, extractEmails, findEmails } from './emails.ts';
import { headingTerms } from './keywords.ts';
import { extractLanguages, primaryLanguage } from './languages.ts';
import { copyrightName, extractName, hasLegalForm } from './name.ts';
import { extractPhones, findPhones, normalisePhone } from './phones.ts';
import { readPage } from './read.ts';
import { socialProfile } from './social.ts';
import { fold, parseHtml, visibleLines } from './text.ts';

const at = '2026-03-02T08:15:00.000Z';
const page = (html: string, url = 'https://www.jensens-vvs.dk/') => readPage({ url, html, fetchedAt: at });

describe('visible text', () => {
  it('keeps footers and address lines apart, drops scripts and styles', () => {
    const doc = parseHtml('<body><script>var tlf = "40404040"</script><style>p{}</style><noscript>Slå JavaScript til</noscript><main><p>Hej <b>med</b> dig</p></main><footer><address>Industrivej 12<br>8260 Viby J</address><table><tr><td>Tlf.</td><td>86 12 34 56</td></tr></table></footer></body>');
    expect(visibleLines(doc.body!)).toEqual(['Hej med dig', 'Industrivej 12', '8260 Viby J', 'Tlf. 86 12 34 56']);
  });

  it('folds Danish letters and accents for matching', () => {
    expect(fold('Løsninger, Æbler, Århus, Café')).toBe('losninger, aebler, aarhus, cafe');
  });
});

describe('phone numbers', () => {
  it('reads the Danish ways of writing a number as E.164', () => {
    expect(findPhones('+45 12 34 56 78')).toEqual(['+4512345678']);
    expect(findPhones('Ring 0045 86123456')).toEqual(['+4586123456']);
    expect(findPhones('Vagt: 40 50 60 70')).toEqual(['+4540506070']);
    expect(findPhones('Mobil 4050 6070')).toEqual(['+4540506070']);
    expect(findPhones('Tlf. 12345678')).toEqual(['+4512345678']);
    expect(findPhones('tlf.: 70 20 30 40')).toEqual(['+4570203040']);
    expect(findPhones('Telefon (+45) 86 12 34 56')).toEqual(['+4586123456']);
    expect(findPhones('Tlf.86123456 / 40506070')).toEqual(['+4586123456', '+4540506070']);
    expect(findPhones('Tlf./fax 86 12 34 56')).toEqual(['+4586123456']);
  });

  it('reads foreign numbers with a country code', () => {
    expect(findPhones('Call +44 (0)20 7946 0958 or +49 30 1234567')).toEqual(['+442079460958', '+49301234567']);
  });

  it('skips CVR, bank, EAN, P-numbers, prices, dates, postcodes, hours and years', () => {
    expect(findPhones('CVR-nr. 25313763 · SE-nr. 25313763 · CVR: 25 31 37 63')).toEqual([]);
    expect(findPhones('Reg. 1234 Konto 12345678 · Kontonr. 45678912 · IBAN DK50 0040 0440 1162 43')).toEqual([]);
    expect(findPhones('EAN 5790000123456 · GLN 5790001234567 · P-nr. 1012345678')).toEqual([]);
    expect(findPhones('Pris 1.250,00 kr. · 12.500.000 kr · DKK 45 000 000 · 25 50 00 00 kr.')).toEqual([]);
    expect(findPhones('Gyldig til 12.03.2026 · 2026-03-12 · 12-03-2026')).toEqual([]);
    expect(findPhones('Industrivej 12, 8260 Viby J · Postboks 1234 8000 Aarhus C')).toEqual([]);
    expect(findPhones('Åbent 07.00-15.30 og 20.00-22.00 · siden 2010-2026')).toEqual([]);
    expect(findPhones('Ordrenr. 45678912 · Fax 86 12 34 57')).toEqual([]);
    // Eight digits in a row are a phone only when labelled as one.
    expect(findPhones('Sag 45678912')).toEqual([]);
  });

  it('skips numbers known to be CVR numbers even without their label', () => {
    expect(findPhones('25 31 37 63', new Set(['25313763']))).toEqual([]);
  });

  it('normalises tel: links and structured data', () => {
    expect(normalisePhone('tel:+45 86 12 34 56')).toBe('+4586123456');
    expect(normalisePhone('tel:86123456')).toBe('+4586123456');
    expect(normalisePhone('tel:004586123456')).toBe('+4586123456');
    expect(normalisePhone('+44 (0)20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('tel:112')).toBeUndefined();
  });

  it('takes tel: links and JSON-LD telephone before the text, each number once', () => {
    const p = page('<script type="application/ld+json">{"@type":"LocalBusiness","name":"X","telephone":"+45 70 20 30 40"}</script><p>Tlf. 70 20 30 40</p><a href="tel:86%2012%2034%2056">Ring</a>');
    expect(extractPhones([p]).map((s) => s.value)).toEqual(['+4586123456', '+4570203040']);
  });
});

describe('email addresses', () => {
  it('undoes spelt-out addresses', () => {
    expect(deobfuscate('info [at] firma [dot] dk')).toBe('info@firma.dk');
    expect(deobfuscate('info(at)firma.dk')).toBe('info@firma.dk');
    expect(deobfuscate('info {snabel-a} firma (punktum) dk')).toBe('info@firma.dk');
    expect(deobfuscate('press at northwind dot co dot uk')).toBe('press@northwind.co.uk');
    expect(deobfuscate('Mød os at messen i Herning')).toBe('Mød os at messen i Herning');
  });

  it('finds addresses in text, cut where glued to the next word', () => {
    expect(findEmails('Mail: info@jensens-vvs.dkTlf. 86 12 34 56')).toEqual(['info@jensens-vvs.dk']);
    expect(findEmails('Skriv til søren@bøgh-vvs.dk.')).toEqual(['søren@bøgh-vvs.dk']);
  });

  it('throws out image names, tool domains and placeholders', () => {
    expect(cleanEmail('logo@2x.png')).toBeUndefined();
    expect(cleanEmail('hero-image@3x.webp')).toBeUndefined();
    expect(cleanEmail('8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d@o123.ingest.sentry.io')).toBeUndefined();
    expect(cleanEmail('abc@sentry-next.wixpress.com')).toBeUndefined();
    expect(cleanEmail('info@example.com')).toBeUndefined();
    expect(cleanEmail('din@email.dk')).toBeUndefined();
    expect(cleanEmail(' Info@Jensens-VVS.dk ')).toBe('info@jensens-vvs.dk');
  });

  it('reads mailto: links (several, with a subject) and Cloudflare-protected addresses, own domain first', () => {
    // Cloudflare writes key 0x42, then each byte XOR 0x42: 'kontakt@jensens-vvs.dk'.
    const cf = [...'kontakt@jensens-vvs.dk'].map((c) => (c.charCodeAt(0) ^ 0x42).toString(16).padStart(2, '0')).join('');
    const p = page(`<a href="mailto:partner@andetfirma.dk,Info@Jensens-VVS.dk?subject=Tilbud">Skriv</a><a href="/cdn-cgi/l/email-protection#42${cf}"><span class="__cf_email__" data-cfemail="42${cf}">[email&#160;protected]</span></a>`);
    expect(extractEmails([p]).map((s) => s.value)).toEqual(['info@jensens-vvs.dk', 'kontakt@jensens-vvs.dk', 'partner@andetfirma.dk']);
  });
});

describe('CVR numbers', () => {
  it('checks modulus 11', () => {
    expect(['25313763', '10150817', '29403473'].map(isValidCvr)).toEqual([true, true, true]);
    expect(['12345678', '25313764', '02531376', '2531376'].map(isValidCvr)).toEqual([false, false, false, false]);
  });

  it('finds labelled numbers in the ways sites write them', () => {
    const text = 'CVR-nr. 25313763\nCVR nr: 10150817\nCVR: 29 40 34 73\nVAT DK 25313763\nMomsnr. 10150817\nDK29403473\nDK-8000 Aarhus';
    expect(findCvrNumbers(text)).toEqual([
      { digits: '25313763', label: 'cvr' },
      { digits: '10150817', label: 'cvr' },
      { digits: '29403473', label: 'cvr' },
      { digits: '25313763', label: 'vat' },
      { digits: '10150817', label: 'vat' },
      { digits: '29403473', label: 'dk' },
    ]);
  });

  it('prefers JSON-LD vatID, then a valid labelled number, and never an invalid one', () => {
    const jsonld = page('<script type="application/ld+json">{"@type":"Organization","name":"X","vatID":"DK29403473"}</script><p>CVR 25313763</p>', 'https://x.dk/');
    expect(extractCvr([jsonld])).toEqual({ value: '29403473', url: 'https://x.dk/', at });
    expect(extractCvr([page('<p>CVR 12345678</p><p>CVR-nr.</p><p>25313763</p>')])?.value).toBe('25313763');
    expect(extractCvr([page('<p>CVR 12345678 · 25313763</p>')])).toBeNull();
  });
});

describe('addresses', () => {
  it('reads Danish addresses on one line or two, with floor and side', () => {
    expect(findAddress(['Jensens VVS ApS · Industrivej 12, 8260 Viby J · Tlf. 86 12 34 56'])).toEqual({ street: 'Industrivej 12', postalCode: '8260', city: 'Viby J', country: 'DK' });
    expect(findAddress(['Nørregade 7A, 2. tv, 8000 Aarhus C'])).toEqual({ street: 'Nørregade 7A, 2. tv', postalCode: '8000', city: 'Aarhus C', country: 'DK' });
    expect(findAddress(['Jensens VVS ApS', 'H.C. Andersens Boulevard 27', 'DK-1553 København V', 'Danmark'])).toEqual({ street: 'H.C. Andersens Boulevard 27', postalCode: '1553', city: 'København V', country: 'DK' });
    expect(findAddress(['Vestergade 3, st. th., 5000 Odense C Tlf. 66 11 22 33'])).toEqual({ street: 'Vestergade 3, st. th.', postalCode: '5000', city: 'Odense C', country: 'DK' });
  });

  it('does not take a year, a phone or a sentence for an address', () => {
    expect(findAddress(['Industrivej 12', '© 2026 Jensens VVS ApS'])).toBeUndefined();
    expect(findAddress(['Vi har lavet 1200 Badeværelser'])).toBeUndefined();
    expect(findAddress(['Tlf. 86 12 34 56'])).toBeUndefined();
    expect(findAddress(['Postnummer 0800 Oslo'])).toBeUndefined();
  });

  it('takes a JSON-LD PostalAddress before the text, with the country as a code', () => {
    const p = page('<script type="application/ld+json">{"@type":"Plumber","name":"X","address":{"@type":"PostalAddress","streetAddress":"Industrivej 12","postalCode":"8260","addressLocality":"Viby J","addressCountry":{"@type":"Country","name":"Danmark"}}}</script><footer>Søndergade 1, 8000 Aarhus C</footer>');
    expect(extractAddress([p])?.value).toEqual({ street: 'Industrivej 12', postalCode: '8260', city: 'Viby J', country: 'DK' });
  });
});

describe('names', () => {
  it('knows legal forms', () => {
    expect(['Jensens VVS ApS', 'Byg & Bo A/S', 'Northwind Data Services Ltd', 'Müller GmbH', 'Holm & Søn I/S'].every(hasLegalForm)).toBe(true);
    expect(['Jensens VVS', 'Apsis', 'Asta'].some(hasLegalForm)).toBe(false);
  });

  it('reads the name out of a copyright line', () => {
    expect(copyrightName('© 2019–2026 Jensens VVS ApS. Alle rettigheder forbeholdes.')).toBe('Jensens VVS ApS');
    expect(copyrightName('Copyright © 2026 Northwind Data Services Ltd. Registered in England, No. 09876543.')).toBe('Northwind Data Services Ltd');
    expect(copyrightName('Copyright © Tømrerfirmaet Holm 2026')).toBe('Tømrerfirmaet Holm');
    expect(copyrightName('© 2026')).toBeUndefined();
  });

  it('takes the title part all pages share, and its legal form from the footer', () => {
    const pages = [
      page('<title>Forside - Holm Tømrer</title><footer>Holm Tømrer A/S · Skovvej 4, 4000 Roskilde</footer>', 'https://holm.dk/'),
      page('<title>Tagrenovering - Holm Tømrer</title>', 'https://holm.dk/tag'),
      page('<title>Kontakt - Holm Tømrer</title>', 'https://holm.dk/kontakt'),
    ];
    expect(extractName(pages)).toEqual({ name: { value: 'Holm Tømrer A/S', url: 'https://holm.dk/', at } });
  });

  it('keeps a brand as the name and the registered name as legalName', () => {
    const pages = [page('<title>Northwind | Home</title><meta property="og:site_name" content="Northwind"><footer>© 2026 Northwind Data Services Ltd.</footer>', 'https://northwind.co.uk/')];
    expect(extractName(pages)).toEqual({
      name: { value: 'Northwind', url: 'https://northwind.co.uk/', at },
      legalName: { value: 'Northwind Data Services Ltd', url: 'https://northwind.co.uk/', at },
    });
  });
});

describe('social profiles', () => {
  it('keeps company profiles in one spelling', () => {
    expect(socialProfile('https://www.facebook.com/JensensVVS/?ref=footer')).toBe('https://facebook.com/jensensvvs');
    expect(socialProfile('https://m.facebook.com/profile.php?id=100064123456789&ref=x')).toBe('https://facebook.com/profile.php?id=100064123456789');
    expect(socialProfile('https://dk.linkedin.com/company/jensens-vvs/')).toBe('https://linkedin.com/company/jensens-vvs');
    expect(socialProfile('https://twitter.com/JensensVVS')).toBe('https://x.com/jensensvvs');
    expect(socialProfile('https://www.youtube.com/channel/UCa1B2c3D4e5F6g7H8i9J0kL')).toBe('https://youtube.com/channel/UCa1B2c3D4e5F6g7H8i9J0kL');
    expect(socialProfile('https://www.tiktok.com/@jensensvvs?lang=da')).toBe('https://tiktok.com/@jensensvvs');
  });

  it('leaves out share links, posts, people and the networks themselves', () => {
    for (const href of [
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fjensens-vvs.dk',
      'https://www.facebook.com/share.php?u=x',
      'https://www.facebook.com/jensensvvs/posts/123456',
      'https://twitter.com/intent/tweet?url=x',
      'https://x.com/share?url=x',
      'https://www.linkedin.com/shareArticle?mini=true&url=x',
      'https://www.linkedin.com/in/poul-jensen',
      'https://www.instagram.com/p/C1a2B3c4D5e/',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.facebook.com/',
      'https://jensens-vvs.dk/facebook',
    ]) expect(socialProfile(href), href).toBeUndefined();
  });
});

describe('keywords, descriptions and languages', () => {
  it('counts heading words without stop words, keeping acronyms', () => {
    expect(headingTerms(['Velkommen til VVS i Aarhus', 'Varmepumper og VVS', 'Læs mere om varmepumper', 'Welcome to our services'], 3)).toEqual(['VVS', 'varmepumper', 'aarhus']);
  });

  it('cuts a description at a sentence, or a word when no sentence ends in time', () => {
    const long = `${'Vi laver badeværelser. '.repeat(20)}`;
    expect(cutAtSentence(long, 60)).toBe('Vi laver badeværelser. Vi laver badeværelser.');
    expect(cutAtSentence('a'.repeat(10) + ' ' + 'b'.repeat(100), 50)).toBe('aaaaaaaaaa…');
  });

  it('normalises language tags', () => {
    expect(['da-DK', 'en_GB', 'DE', 'x-default', ''].map(primaryLanguage)).toEqual(['da', 'en', 'de', undefined, undefined]);
    expect(extractLanguages([page('<html lang="da-DK"><head><link rel="alternate" hreflang="de-DE" href="/de/"></head><body></body></html>')])?.value).toEqual(['da', 'de']);
  });
});
