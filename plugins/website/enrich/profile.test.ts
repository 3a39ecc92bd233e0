import { describe, expect, it } from 'vitest';
import { extractProfile, isValidCvr, type Sourced } from './index.ts';

const at = '2026-03-02T08:15:00.000Z';
const footer = `
  <footer class="site-footer">
    <p>Jensens VVS ApS · Industrivej 12, 8260 Viby J · Tlf. 86 12 34 56 · CVR-nr. 25313763 · info@jensens-vvs.dk</p>
    <p><a href="https://www.facebook.com/jensensvvs">Facebook</a> <a href="https://www.instagram.com/jensens_vvs/">Instagram</a>
       <a href="https://www.linkedin.com/company/jensens-vvs-aps/">LinkedIn</a></p>
    <p>© 2026 Jensens VVS ApS. Alle rettigheder forbeholdes.</p>
    <p><a href="/handelsbetingelser">Handelsbetingelser</a> | <a href="/privatlivspolitik">Privatlivspolitik</a></p>
  </footer>`;
const header = `
  <header>
    <a href="/"><img src="/img/logo@2x.png" alt="Jensens VVS"></a>
    <nav><a href="/">Forside</a> <a href="/ydelser">Ydelser</a> <a href="/om-os">Om os</a> <a href="/kontakt">Kontakt</a></nav>
    <a class="cta" href="tel:+4586123456">Ring 86 12 34 56</a>
  </header>`;

/** A Danish plumber's front page: meta description, keywords, hreflang, a price, a date and a share link. */
const vvsFront = `<!doctype html>
<html lang="da-DK">
<head>
  <meta charset="utf-8">
  <title>VVS-installatør i Aarhus | Jensens VVS ApS</title>
  <meta name="description" content="Jensens VVS ApS er din autoriserede VVS-installatør i Aarhus og omegn. Vi klarer alt fra nye badeværelser og varmepumper til akut hjælp ved vandskade – døgnet rundt.">
  <meta name="keywords" content="VVS, varmepumper, badeværelse, blikkenslager Aarhus">
  <meta property="og:site_name" content="Jensens VVS">
  <link rel="alternate" hreflang="da" href="https://www.jensens-vvs.dk/">
  <link rel="alternate" hreflang="en-GB" href="https://www.jensens-vvs.dk/en/">
  <link rel="alternate" hreflang="x-default" href="https://www.jensens-vvs.dk/">
  <script>window.dataLayer = []; var debug = "tlf 40404040 tracker@analytics-cdn.dk";</script>
  <style>.logo { background: url(/img/logo@2x.png) }</style>
  <script type="application/ld+json">
    { "@context": "https://schema.org", "@type": "Plumber", "name": "Jensens VVS", "url": "https://www.jensens-vvs.dk/",
      "knowsAbout": ["Varmepumper", "Fjernvarme"], }
  </script>
</head>
<body>
  ${header}
  <main>
    <h1>VVS-installatør i Aarhus</h1>
    <p>Vi er 14 autoriserede VVS'ere og rykker ud i hele Østjylland.</p>
    <h2>Varmepumper og fjernvarme</h2>
    <p>Vi rådgiver om den rigtige varmepumpe til dit hus.</p>
    <h2>Nyt badeværelse</h2>
    <h3>Akut hjælp ved vandskade</h3>
    <section class="offer">
      <h2>Tilbud på varmepumper</h2>
      <p>Luft-til-vand varmepumpe inkl. montering: 1.250,00 kr. pr. måned. Tilbuddet gælder til 12.03.2026.</p>
      <p>Del tilbuddet: <a href="https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.jensens-vvs.dk%2F">Facebook</a>
         <a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fwww.jensens-vvs.dk%2F">X</a></p>
    </section>
  </main>
  ${footer}
</body>
</html>`;

/** The about page: no meta description, a cookie banner before the first real paragraph. */
const vvsAbout = `<!doctype html>
<html lang="da-DK">
<head><title>Om os | Jensens VVS ApS</title><meta property="og:site_name" content="Jensens VVS"></head>
<body>
  <div class="cookie-banner"><p>Vi bruger cookies til at forbedre din oplevelse på hjemmesiden. Læs mere i vores privatlivspolitik, eller accepter alle cookies.</p></div>
  ${header}
  <main>
    <h1>Om Jensens VVS</h1>
    <p>Kort fortalt:</p>
    <p>Jensens VVS ApS blev grundlagt i 1987 af Poul Jensen og er i dag en af de største VVS-virksomheder i Aarhus. Vi har 14 autoriserede VVS-installatører og to lærlinge, og vi løser alt fra små reparationer til store renoveringer af badeværelser og varmeanlæg. Vores kunder er både private boligejere, andelsboligforeninger og erhverv. Vi er medlem af TEKNIQ og giver altid en skriftlig pris, før vi går i gang.</p>
    <h2>Hvem er vi?</h2>
    <p>Mød holdet bag varmepumper, badeværelser og vandskader.</p>
  </main>
  ${footer}
</body>
</html>`;

/** The contact page: a tel: link, an <address>, spelt-out emails, a Maps link, opening hours, a fax and junk addresses. */
const vvsContact = `<!doctype html>
<html lang="da">
<head><title>Kontakt | Jensens VVS ApS</title></head>
<body>
  ${header}
  <main>
    <h1>Kontakt os</h1>
    <address>Jensens VVS ApS<br>Industrivej 12<br>8260 Viby J</address>
    <p>Telefon: <a href="tel:+4586123456">86 12 34 56</a><br>Vagttelefon (døgnet rundt): 40 50 60 70<br>Fax 86 12 34 57</p>
    <p>Skriv til service [at] jensens-vvs [dot] dk – eller book et besøg på booking(at)jensens-vvs.dk.</p>
    <p>Vores bogholder: <a href="mailto:Regnskab@Revisorhuset.dk?subject=Faktura">regnskab@revisorhuset.dk</a></p>
    <p><a href="https://www.google.com/maps/place/Industrivej+12,+8260+Viby+J">Find vej på Google Maps</a></p>
    <p>Åbningstider: man–tors 07.00-15.30, fre 07.00-14.00</p>
    <img src="https://static.wixstatic.com/media/logo@2x.png" alt="">
    <p class="build-info" style="font-size:0">8b7a6c5d4e3f2a1b0c9d8e7f6a5b4c3d@sentry.wixpress.com · kontakt@example.com</p>
  </main>
  ${footer}
</body>
</html>`;

/** Terms of sale: bank details, EAN, a mistyped CVR number and a bank account starting like a phone number. */
const vvsTerms = `<!doctype html>
<html lang="da">
<head><title>Handelsbetingelser | Jensens VVS ApS</title></head>
<body>
  <main>
    <h1>Handelsbetingelser</h1>
    <p>Sælger: Jensens VVS ApS, CVR 12345678 (se dog CVR-nr. nederst på siden).</p>
    <p>Betaling sker til Danske Bank, Reg. 1234 Konto 12345678, eller Kontonr. 45678912, senest 8 dage efter fakturadato.</p>
    <p>Offentlige kunder fakturerer vi elektronisk til EAN 5790000123456. P-nr. 1012345678.</p>
  </main>
  ${footer}
</body>
</html>`;

const vvs = [
  { url: 'https://www.jensens-vvs.dk/', html: vvsFront, fetchedAt: '2026-03-02T09:15:00+01:00' },
  { url: 'https://www.jensens-vvs.dk/om-os', html: vvsAbout, fetchedAt: at },
  { url: 'https://www.jensens-vvs.dk/kontakt', html: vvsContact, fetchedAt: at },
  { url: 'https://www.jensens-vvs.dk/handelsbetingelser', html: vvsTerms, fetchedAt: at },
];

/** An English limited company: JSON-LD Organization with legal name, address and a (British) VAT number. */
const nwFront = `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Northwind | Demand forecasting for retailers</title>
  <meta property="og:site_name" content="Northwind">
  <meta property="og:description" content="Northwind helps mid-sized retailers forecast demand, plan stock and cut waste with analytics built on their own sales data.">
  <script type="application/ld+json">
  {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", "name": "Northwind", "url": "https://www.northwind-analytics.co.uk/" },
      {
        "@type": "Organization",
        "name": "Northwind",
        "legalName": "Northwind Data Services Ltd",
        "url": "https://www.northwind-analytics.co.uk/",
        "email": "Hello@northwind-analytics.co.uk",
        "telephone": "+44 20 7946 0958",
        "vatID": "GB 123 4567 89",
        "knowsAbout": ["Demand forecasting", { "@type": "Thing", "name": "Retail analytics" }],
        "address": { "@type": "PostalAddress", "streetAddress": "71 Shelton Street", "addressLocality": "London", "postalCode": "WC2H 9JQ", "addressCountry": "United Kingdom" },
        "sameAs": ["https://www.linkedin.com/company/northwind-data/", "https://twitter.com/northwinddata", "https://www.youtube.com/@NorthwindData"]
      }
    ]
  }
  </script>
</head>
<body>
  <nav><a href="/about-us">About us</a> <a href="/solutions">Solutions</a> <a href="/contact">Contact</a></nav>
  <h1>Demand forecasting for retailers</h1>
  <h2>Forecasting that learns from your sales</h2>
  <h2>Stock planning without spreadsheets</h2>
  <footer>
    <p>© 2019–2026 Northwind Data Services Ltd. Registered in England and Wales, company No. 09876543. VAT GB 123 4567 89.</p>
  </footer>
</body>
</html>`;

const nwContact = `<!DOCTYPE html>
<html lang="en">
<head><title>Contact | Northwind</title></head>
<body>
  <h1>Contact us</h1>
  <p>Call us on +44 (0)20 7946 0958, Monday to Friday 9.00-17.30.</p>
  <p>Our Copenhagen office: tel. +45 33 12 34 56</p>
  <p>Press enquiries: press at northwind-analytics dot co dot uk</p>
  <p>Meet the founder on <a href="https://www.linkedin.com/in/jane-northwind/">LinkedIn</a>.</p>
  <footer><p>© 2019–2026 Northwind Data Services Ltd. All rights reserved.</p></footer>
</body>
</html>`;

const northwind = [
  { url: 'https://www.northwind-analytics.co.uk/', html: nwFront, fetchedAt: at },
  { url: 'https://www.northwind-analytics.co.uk/contact', html: nwContact, fetchedAt: at },
];

const front = 'https://www.jensens-vvs.dk/';
const about = 'https://www.jensens-vvs.dk/om-os';
const contact = 'https://www.jensens-vvs.dk/kontakt';
const from = <T>(value: T, url: string): Sourced<T> => ({ value, url, at });

describe('a company profile from a Danish plumber\'s website', () => {
  const profile = extractProfile(vvs);

  it('has the test numbers it needs: the footer CVR passes modulus 11, the trap does not', () => {
    expect(isValidCvr('25313763')).toBe(true);
    expect(isValidCvr('12345678')).toBe(false);
  });

  it('names the company by its registered name, from the title, og:site_name, JSON-LD and © line together', () => {
    // The fetch time is given with an offset; the profile says it in UTC.
    expect(profile.name).toEqual(from('Jensens VVS ApS', front));
    expect(profile.legalName).toBeUndefined();
  });

  it('describes it with the front page\'s meta description', () => {
    expect(profile.description).toEqual(
      from('Jensens VVS ApS er din autoriserede VVS-installatør i Aarhus og omegn. Vi klarer alt fra nye badeværelser og varmepumper til akut hjælp ved vandskade – døgnet rundt.', front),
    );
  });

  it('finds industry keywords: meta keywords, the JSON-LD type and knowsAbout, then heading words', () => {
    expect(profile.keywords).toEqual(
      from(['VVS', 'varmepumper', 'badeværelse', 'blikkenslager Aarhus', 'Plumber', 'Fjernvarme', 'vvs-installatør', 'aarhus', 'akut', 'vandskade'], front),
    );
  });

  it('collects the emails, spelt-out ones too, the company\'s own first, without image names and tool junk', () => {
    expect(profile.emails).toEqual([
      from('info@jensens-vvs.dk', front),
      from('service@jensens-vvs.dk', contact),
      from('booking@jensens-vvs.dk', contact),
      from('regnskab@revisorhuset.dk', contact),
    ]);
  });

  it('collects the phones as E.164, not the fax, the CVR, bank, EAN, price or date numbers', () => {
    expect(profile.phones).toEqual([from('+4586123456', front), from('+4540506070', contact)]);
  });

  it('reads the address from the contact page\'s <address>', () => {
    expect(profile.address).toEqual(from({ street: 'Industrivej 12', postalCode: '8260', city: 'Viby J', country: 'DK' }, contact));
  });

  it('takes the valid CVR number and leaves the mistyped one', () => {
    expect(profile.cvr).toEqual(from('25313763', front));
  });

  it('lists the social profiles, not the share buttons', () => {
    expect(profile.social).toEqual([
      from('https://facebook.com/jensensvvs', front),
      from('https://instagram.com/jensens_vvs', front),
      from('https://linkedin.com/company/jensens-vvs-aps', front),
    ]);
  });

  it('knows the site\'s languages from <html lang> and hreflang', () => {
    expect(profile.languages).toEqual(from(['da', 'en'], front));
  });

  it('describes from the about page when the front page has no meta description, cut at a sentence', () => {
    const withoutMeta = vvsFront.replace(/<meta name="description"[^>]*>/, '');
    const p = extractProfile([{ ...vvs[0]!, html: withoutMeta }, vvs[1]!]);
    expect(p.description).toEqual(
      from(
        'Jensens VVS ApS blev grundlagt i 1987 af Poul Jensen og er i dag en af de største VVS-virksomheder i Aarhus. Vi har 14 autoriserede VVS-installatører og to lærlinge, og vi løser alt fra små reparationer til store renoveringer af badeværelser og varmeanlæg.',
        about,
      ),
    );
    expect(p.description!.value.length).toBeLessThanOrEqual(300);
  });

  it('reads the address from the footer line when there is no <address>, and from a Maps link as a last resort', () => {
    expect(extractProfile([vvs[0]!]).address).toEqual(from({ street: 'Industrivej 12', postalCode: '8260', city: 'Viby J', country: 'DK' }, front));
    const mapsOnly = '<html><body><a href="https://maps.google.com/?q=Industrivej+12,+8260+Viby+J">Kort</a></body></html>';
    expect(extractProfile([{ url: contact, html: mapsOnly, fetchedAt: at }]).address?.value).toEqual({ street: 'Industrivej 12', postalCode: '8260', city: 'Viby J', country: 'DK' });
  });
});

describe('a company profile from an English limited company\'s website', () => {
  const home = 'https://www.northwind-analytics.co.uk/';
  const contactPage = 'https://www.northwind-analytics.co.uk/contact';
  const profile = extractProfile(northwind);

  it('names the brand and keeps the distinct legal name from JSON-LD', () => {
    expect(profile.name).toEqual(from('Northwind', home));
    expect(profile.legalName).toEqual(from('Northwind Data Services Ltd', home));
  });

  it('describes it with og:description', () => {
    expect(profile.description).toEqual(from('Northwind helps mid-sized retailers forecast demand, plan stock and cut waste with analytics built on their own sales data.', home));
  });

  it('takes knowsAbout and heading words as keywords, not the generic Organization type', () => {
    expect(profile.keywords).toEqual(from(['Demand forecasting', 'Retail analytics', 'forecasting', 'demand', 'retailers', 'sales', 'stock', 'planning', 'spreadsheets'], home));
  });

  it('reads email, phone and address from JSON-LD, and the rest from the text', () => {
    expect(profile.emails).toEqual([from('hello@northwind-analytics.co.uk', home), from('press@northwind-analytics.co.uk', contactPage)]);
    expect(profile.phones).toEqual([from('+442079460958', home), from('+4533123456', contactPage)]);
    expect(profile.address).toEqual(from({ street: '71 Shelton Street', postalCode: 'WC2H 9JQ', city: 'London', country: 'GB' }, home));
  });

  it('has no CVR number: a British VAT number is none, nor is the company number', () => {
    expect(profile.cvr).toBeNull();
  });

  it('takes the company\'s profiles from sameAs, not an employee\'s LinkedIn', () => {
    expect(profile.social).toEqual([
      from('https://linkedin.com/company/northwind-data', home),
      from('https://x.com/northwinddata', home),
      from('https://youtube.com/@NorthwindData', home),
    ]);
    expect(profile.languages).toEqual(from(['en'], home));
  });
});

describe('a profile from little or nothing', () => {
  it('is empty rather than invented', () => {
    expect(extractProfile([{ url: 'https://tom.dk/', html: '<html><body><p>Under opbygning</p></body></html>', fetchedAt: at }])).toEqual({
      name: null, description: null, keywords: null, emails: [], phones: [], address: null, cvr: null, social: [], languages: null,
    });
    expect(extractProfile([])).toMatchObject({ name: null, emails: [], cvr: null });
  });
});
