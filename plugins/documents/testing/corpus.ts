/**
 * A labelled corpus of Danish and English business documents for the classifier's tests and
 * benchmark, generated from a seed: eight businesses (VVS, tømrer, IT-konsulent, rengøring,
 * el-installatør, revisor, webbureau, grossist), several layouts and phrasings per category,
 * random customers, items, amounts and dates, and some hard cases. `correctionSet` and
 * `heldOutLike` are documents in house styles the built-in cues get wrong, to measure learning.
 */
import type { Category } from '../classify/index.ts';

export type CorpusFormat = 'pdf' | 'docx' | 'xlsx' | 'scan' | 'text' | 'eml';
type Lang = 'da' | 'en';

export interface LabelledDocument {
  name: string;
  lang: Lang;
  category: Category;
  title: string;
  text: string;
  format: CorpusFormat;
}

/** A small seeded generator (mulberry32): the same seed gives the same corpus on every machine. */
class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  some<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(n, copy.length));
  }
}

type Item = [da: string, en: string, unitDa: string, unitEn: string, price: number];

interface Business {
  da: string;
  en: string;
  street: string;
  city: string;
  domain: string;
  people: string[];
  jobs: { da: string[]; en: string[] };
  items: Item[];
}

const BUSINESSES: Business[] = [
  {
    da: 'Jensens VVS ApS', en: 'Jensen Plumbing ApS', street: 'Håndværkervej 12', city: '4000 Roskilde', domain: 'jensens-vvs.dk', people: ['Mette Jensen', 'Per Jensen'],
    jobs: { da: ['nyt badeværelse', 'udskiftning af radiatorer', 'ny varmepumpe', 'omlægning af afløb'], en: ['a new bathroom', 'replacing radiators', 'a new heat pump', 'relaying the drains'] },
    items: [['Montering af toilet', 'Toilet installation', 'stk', 'pcs', 1850], ['Grohe blandingsbatteri', 'Grohe mixer tap', 'stk', 'pcs', 1295.5], ['Radiator 600x1000', 'Radiator 600x1000', 'stk', 'pcs', 2340], ['Arbejdstimer VVS-montør', 'Plumber, hours', 'time', 'hour', 575], ['PEX-rør 16 mm', 'PEX pipe 16 mm', 'm', 'm', 38.75], ['Kørsel', 'Call-out charge', 'stk', 'pcs', 395], ['Gulvafløb Unidrain', 'Unidrain floor drain', 'stk', 'pcs', 2890]],
  },
  {
    da: 'Holm Tømrer & Snedker', en: 'Holm Carpentry', street: 'Savværksvej 3', city: '8600 Silkeborg', domain: 'holm-toemrer.dk', people: ['Jakob Holm', 'Lise Holm'],
    jobs: { da: ['nyt tag på carport', 'udskiftning af vinduer', 'terrasse i lærk', 'nye indvendige døre'], en: ['a new carport roof', 'replacing windows', 'a larch deck', 'new interior doors'] },
    items: [['Tømrertimer', 'Carpenter, hours', 'time', 'hour', 545], ['Lærketræ 28x120', 'Larch boards 28x120', 'm', 'm', 62.5], ['Velux ovenlysvindue', 'Velux roof window', 'stk', 'pcs', 6450], ['Indvendig dør, hvid', 'Interior door, white', 'stk', 'pcs', 2195], ['Tagpap, 2 lag', 'Roofing felt, 2 layers', 'm2', 'm2', 189], ['Containerleje', 'Skip hire', 'stk', 'pcs', 2400]],
  },
  {
    da: 'Nordlys IT-konsulent', en: 'Nordlys IT Consulting', street: 'Åboulevarden 41, 2.', city: '8000 Aarhus C', domain: 'nordlys-it.dk', people: ['Sofie Lund', 'Anders Kirk'],
    jobs: { da: ['opsætning af Microsoft 365', 'nyt netværk på kontoret', 'migrering af server', 'IT-support'], en: ['setting up Microsoft 365', 'a new office network', 'a server migration', 'IT support'] },
    items: [['Konsulenttimer', 'Consultant, hours', 'time', 'hour', 950], ['Ubiquiti access point', 'Ubiquiti access point', 'stk', 'pcs', 1425], ['Microsoft 365 Business, licens', 'Microsoft 365 Business licence', 'md.', 'month', 98.9], ['Firewall Fortigate 40F', 'Fortigate 40F firewall', 'stk', 'pcs', 4875], ['Supportaftale, måned', 'Support plan, monthly', 'md.', 'month', 1500], ['Backup, pr. bruger', 'Backup per user', 'md.', 'month', 45]],
  },
  {
    da: 'Skinnende Rent ApS', en: 'Sparkle Cleaning ApS', street: 'Industrivej 8', city: '5000 Odense C', domain: 'skinnende-rent.dk', people: ['Fatima Ali', 'Henrik Bro'],
    jobs: { da: ['ugentlig kontorrengøring', 'vinduespudsning', 'flytterengøring', 'hovedrengøring'], en: ['weekly office cleaning', 'window cleaning', 'end-of-tenancy cleaning', 'a deep clean'] },
    items: [['Kontorrengøring, ugentlig', 'Office cleaning, weekly', 'uge', 'week', 1250], ['Vinduespudsning', 'Window cleaning', 'gang', 'visit', 850], ['Flytterengøring pr. m2', 'End-of-tenancy cleaning per m2', 'm2', 'm2', 32], ['Tæpperens', 'Carpet cleaning', 'm2', 'm2', 45.5], ['Rengøringstimer', 'Cleaner, hours', 'time', 'hour', 395]],
  },
  {
    da: 'Kraft El-installation', en: 'Kraft Electrical', street: 'Strømmen 22', city: '9000 Aalborg', domain: 'kraft-el.dk', people: ['Martin Kraft', 'Julie Dam'],
    jobs: { da: ['ny eltavle', 'ladestander til elbil', 'belysning i butik', 'el i tilbygning'], en: ['a new fuse board', 'an EV charger', 'shop lighting', 'wiring an extension'] },
    items: [['Elektrikertimer', 'Electrician, hours', 'time', 'hour', 595], ['Ladestander Easee One', 'Easee One EV charger', 'stk', 'pcs', 7995], ['HPFI-relæ', 'RCD', 'stk', 'pcs', 685], ['LED-panel 60x60', 'LED panel 60x60', 'stk', 'pcs', 749], ['Kabel 3G2,5', 'Cable 3G2.5', 'm', 'm', 18.5], ['Eltavle, komplet', 'Fuse board, complete', 'stk', 'pcs', 8450]],
  },
  {
    da: 'Revisionsfirmaet Dahl & Co', en: 'Dahl & Co Accountants', street: 'Torvet 5', city: '6700 Esbjerg', domain: 'dahl-revision.dk', people: ['Karen Dahl', 'Ole Berg'],
    jobs: { da: ['årsregnskab 2024', 'bogføring og moms', 'lønadministration', 'skatterådgivning'], en: ['the 2024 annual accounts', 'bookkeeping and VAT', 'payroll', 'tax advice'] },
    items: [['Udarbejdelse af årsregnskab', 'Annual accounts', 'stk', 'item', 14500], ['Bogføring, pr. måned', 'Bookkeeping, monthly', 'md.', 'month', 2250], ['Momsangivelse', 'VAT return', 'stk', 'item', 1200], ['Lønkørsel pr. medarbejder', 'Payroll per employee', 'md.', 'month', 165], ['Rådgivning, timer', 'Advisory, hours', 'time', 'hour', 1150]],
  },
  {
    da: 'Pixelværket', en: 'Pixelworks Studio', street: 'Vesterbrogade 101', city: '1620 København V', domain: 'pixelvaerket.dk', people: ['Emil Sand', 'Nanna Friis'],
    jobs: { da: ['ny hjemmeside', 'webshop i Shopify', 'SEO-forløb', 'redesign af logo'], en: ['a new website', 'a Shopify web shop', 'an SEO programme', 'a logo redesign'] },
    items: [['Design, timer', 'Design, hours', 'time', 'hour', 875], ['Udvikling, timer', 'Development, hours', 'time', 'hour', 925], ['Hosting, år', 'Hosting, yearly', 'år', 'year', 2400], ['Domæne .dk', '.dk domain', 'år', 'year', 125], ['SEO-pakke', 'SEO package', 'md.', 'month', 3500]],
  },
  {
    da: 'Nordic Grossist A/S', en: 'Nordic Wholesale A/S', street: 'Lagervej 60', city: '2630 Taastrup', domain: 'nordic-grossist.dk', people: ['Lars Winther', 'Camilla Holt'],
    jobs: { da: ['levering af kontorartikler', 'kaffe og kantinevarer', 'rengøringsmidler', 'emballage'], en: ['office supplies', 'coffee and canteen goods', 'cleaning products', 'packaging'] },
    items: [['Kopipapir A4, 5x500 ark', 'A4 copy paper, 5x500 sheets', 'kasse', 'box', 219], ['Kaffe, 1 kg', 'Coffee beans, 1 kg', 'pose', 'bag', 149.95], ['Håndsæbe 5 l', 'Hand soap 5 l', 'dunk', 'can', 189], ['Papkasse 40x30x30', 'Cardboard box 40x30x30', 'stk', 'pcs', 12.4], ['Toiletpapir, 64 ruller', 'Toilet paper, 64 rolls', 'sæk', 'sack', 329], ['Kuglepenne, 50 stk', 'Ballpoint pens, 50', 'pk', 'pack', 89]],
  },
];

const CUSTOMERS = {
  da: ['Bageriet Brødkassen', 'Andelsboligforeningen Solgården', 'Tandlæge Ravn', 'Fysioterapi Nord', 'Bilhuset Vest ApS', 'Karina Mølgaard', 'Thomas Nielsen', 'Restaurant Havnen', 'Boligselskabet Ny Tid', 'Frisør Lokken'],
  en: ['Harbour Café Ltd', 'Greenfield Dental', 'Maple Property Management', 'John Carter', 'Baltic Shipping ApS', 'Oakwood School', 'Sarah Thompson', 'Northgate Logistics'],
};
const PEOPLE = { da: ['Mette', 'Lars', 'Hanne', 'Søren', 'Pia', 'Jesper', 'Birgitte', 'Kasper'], en: ['Emma', 'James', 'Olivia', 'David', 'Sophie', 'Michael'] };
const MONTHS = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function money(r: Random, lang: Lang, value: number, style = r.int(0, 2)): string {
  const [int, dec] = Math.abs(value).toFixed(2).split('.') as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'da' ? '.' : ',');
  const n = `${value < 0 ? '-' : ''}${grouped}${lang === 'da' ? ',' : '.'}${dec}`;
  if (lang === 'da') return [`${n} kr.`, n, `DKK ${n}`][style % 3]!;
  return [`DKK ${n}`, n, `${n} DKK`][style % 3]!;
}

function date(r: Random, lang: Lang, offsetDays = 0, base = r.int(0, 700)): string {
  const d = new Date(Date.UTC(2024, 0, 1) + (base + offsetDays) * 86_400_000);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const pad = (x: number) => String(x).padStart(2, '0');
  const style = r.int(0, 2);
  if (lang === 'da') return [`${pad(day)}.${pad(m + 1)}.${y}`, `${day}. ${MONTHS.da[m]} ${y}`, `${pad(day)}-${pad(m + 1)}-${y}`][style]!;
  return [`${day} ${MONTHS.en[m]} ${y}`, `${y}-${pad(m + 1)}-${pad(day)}`, `${MONTHS.en[m]} ${day}, ${y}`][style]!;
}

const cvr = (r: Random) => String(r.int(10_000_000, 99_999_999));

function letterhead(r: Random, biz: Business, lang: Lang, withCvr = true): string {
  const name = lang === 'da' ? biz.da : r.pick([biz.en, biz.da]);
  const lines = [name, biz.street, biz.city];
  if (r.chance(0.6)) lines.push(`${lang === 'da' ? 'Tlf.' : 'Phone'} ${r.int(20, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`);
  if (r.chance(0.6)) lines.push(`${biz.people[0]!.split(' ')[0]!.toLowerCase()}@${biz.domain}`);
  if (withCvr) lines.push(r.pick(lang === 'da' ? [`CVR-nr. ${cvr(r)}`, `CVR: ${cvr(r)}`, `CVR nr.: ${cvr(r)}`] : [`CVR no. ${cvr(r)}`, `VAT no. DK${cvr(r)}`, `CVR: ${cvr(r)}`]));
  return lines.join('\n');
}

interface Line {
  text: string;
  unit: string;
  qty: number;
  price: number;
}

function itemLines(r: Random, biz: Business, lang: Lang, n = r.int(2, 6)): Line[] {
  return r.some(biz.items, n).map(([da, en, ud, ue, price]) => {
    const qty = ud === 'time' ? r.int(2, 40) : ud === 'm' || ud === 'm2' ? r.int(5, 120) : r.int(1, 12);
    const varied = Math.round(price * (0.85 + r.next() * 0.3) * 100) / 100;
    return { text: lang === 'da' ? da : en, unit: lang === 'da' ? ud : ue, qty, price: varied };
  });
}

/** Item rows in one of several layouts (a Markdown table as extraction keeps them, aligned columns, or "2 stk à …"). */
function table(r: Random, lang: Lang, lines: Line[], sign = 1): string {
  const h = lang === 'da' ? ['Beskrivelse', 'Antal', 'Enhed', 'Pris', 'Beløb'] : ['Description', 'Qty', 'Unit', 'Unit price', 'Amount'];
  const style = r.int(0, 2);
  if (style === 0) {
    const rows = lines.map((l) => `| ${l.text} | ${l.qty} | ${l.unit} | ${money(r, lang, l.price, 1)} | ${money(r, lang, sign * l.qty * l.price, 1)} |`);
    return [`| ${h.join(' | ')} |`, `|${h.map(() => '---').join('|')}|`, ...rows].join('\n');
  }
  if (style === 1) return [h.join('   '), ...lines.map((l) => `${l.text}   ${l.qty} ${l.unit}   ${money(r, lang, l.price, 1)}   ${money(r, lang, sign * l.qty * l.price, 1)}`)].join('\n');
  return lines.map((l) => `${l.qty} ${l.unit} ${l.text} à ${money(r, lang, l.price, 1)} = ${money(r, lang, sign * l.qty * l.price)}`).join('\n');
}

function totals(r: Random, lang: Lang, lines: Line[], sign = 1): string {
  const net = sign * lines.reduce((s, l) => s + l.qty * l.price, 0);
  const vat = net * 0.25;
  return lang === 'da'
    ? [`${r.pick(['Subtotal', 'I alt ekskl. moms', 'Beløb ekskl. moms'])}: ${money(r, lang, net)}`, `${r.pick(['Moms 25 %', 'Moms (25%)', 'Moms'])}: ${money(r, lang, vat)}`, `${r.pick(['I alt', 'Total inkl. moms', 'At betale'])}: ${money(r, lang, net + vat)}`].join('\n')
    : [`Subtotal: ${money(r, lang, net)}`, `${r.pick(['VAT 25%', 'VAT (25 %)', 'Danish VAT 25%'])}: ${money(r, lang, vat)}`, `${r.pick(['Total', 'Total incl. VAT', 'Amount due'])}: ${money(r, lang, net + vat)}`].join('\n');
}

const sign = (r: Random, lang: Lang, biz: Business) =>
  `${r.pick(lang === 'da' ? ['Med venlig hilsen', 'Venlig hilsen', 'Mvh.', 'De bedste hilsner'] : ['Best regards', 'Kind regards', 'Regards', 'Yours sincerely'])}\n${r.pick(biz.people)}\n${lang === 'da' ? biz.da : biz.en}`;

const customer = (r: Random, lang: Lang) => r.pick(CUSTOMERS[lang]);
const num = (r: Random) => String(r.int(1000, 9999));

type Doc = { title: string; text: string; format?: CorpusFormat };
type Generator = (r: Random, lang: Lang, biz: Business, hard: boolean) => Doc;

const quote: Generator = (r, lang, biz, hard) => {
  const job = r.pick(biz.jobs[lang]);
  const lines = itemLines(r, biz, lang);
  const n = num(r);
  const title = lang === 'da' ? r.pick([`Tilbud nr. ${n}`, `Tilbud på ${job}`, `Pristilbud – ${job}`, `Tilbud ${n}`]) : r.pick([`Quotation ${n}`, `Quote for ${job}`, `Offer: ${job}`, `Quote no. ${n}`]);
  const da = lang === 'da';
  const intro = da
    ? r.pick([`Tak for din henvendelse. Hermed tilbud på ${job}.`, `Som aftalt ved besigtigelsen fremsendes hermed tilbud på ${job}.`, `Vi har fornøjelsen at give tilbud på ${job} som beskrevet nedenfor.`])
    : r.pick([`Thank you for your enquiry. Please find our quote for ${job} below.`, `Following our visit, we are pleased to quote for ${job}.`, `As discussed, here is our price for ${job}.`]);
  const validity = da ? r.pick([`Tilbuddet er gyldigt til ${date(r, lang, 30)}.`, 'Tilbuddet gælder i 30 dage fra dato.', 'Vedståelsesfrist: 30 dage.']) : r.pick([`This quote is valid until ${date(r, lang, 30)}.`, 'Valid for 30 days from the date above.', 'This offer is valid for 14 days.']);
  const terms = hard
    ? da
      ? 'Betaling: 50 % faktureres ved opstart, og restbeløbet faktureres ved aflevering. Fakturaen forfalder netto 8 dage.'
      : 'Payment: 50% is invoiced at the start and the rest on completion; each invoice is due within 8 days.'
    : da
      ? r.pick(['Arbejdet kan påbegyndes inden for 3 uger efter accept.', 'Eventuelle ekstraarbejder afregnes efter medgået tid.', 'Prisen forudsætter fri adgang til arbejdsstedet.'])
      : r.pick(['Work can start within three weeks of acceptance.', 'Any extra work is charged by the hour.', 'The price assumes free access to the site.']);
  const accept = r.chance(0.4) ? (da ? '\n\nAccept af tilbud: ____________________  Dato: __________' : '\n\nAccepted by: ____________________  Date: __________') : '';
  const text = [letterhead(r, biz, lang), `${da ? 'Til' : 'To'}: ${customer(r, lang)}`, `${da ? 'Dato' : 'Date'}: ${date(r, lang)}`, title.toUpperCase(), intro, table(r, lang, lines), totals(r, lang, lines), validity, terms + accept, sign(r, lang, biz)].join('\n\n');
  return { title, text };
};

const order: Generator = (r, lang, biz, hard) => {
  const da = lang === 'da';
  const lines = itemLines(r, biz, lang);
  const n = num(r);
  const title = da ? r.pick([`Ordrebekræftelse nr. ${n}`, `Ordrebekræftelse ${n}`, `Bestilling ${n}`, `Indkøbsordre ${n}`]) : r.pick([`Order confirmation ${n}`, `Purchase order PO-${n}`, `Sales order ${n}`]);
  const po = title.startsWith('Indkøbsordre') || title.startsWith('Purchase');
  const intro = po
    ? da ? `Vi bestiller hermed følgende hos ${biz.da}:` : `Please supply the following to our address:`
    : da ? r.pick([`Vi bekræfter hermed jeres ordre af ${date(r, lang)}.`, 'Tak for din bestilling. Vi har registreret følgende:', 'Vi bekræfter modtagelsen af din ordre.']) : r.pick([`We confirm your order of ${date(r, lang)}.`, 'Thank you for your order. We have registered the following:', 'We have received your order and confirm it as below.']);
  const delivery = da ? r.pick([`Forventet levering: uge ${r.int(2, 50)}`, `Leveringsdato: ${date(r, lang, 10)}`, `Leveringsadresse: ${customer(r, lang)}, ${r.pick(['Nørregade 4', 'Parkvej 17', 'Søndergade 33'])}`]) : r.pick([`Expected delivery: week ${r.int(2, 50)}`, `Delivery date: ${date(r, lang, 10)}`, `Deliver to: ${customer(r, lang)}, 17 Park Road`]);
  const extra = hard
    ? da
      ? `Ordrenr.: ${n}\nKundenr.: ${r.int(100, 999)}\nBetalingsbetingelser: netto 8 dage\nFaktura fremsendes ved levering.`
      : `Order no.: ${n}\nCustomer no.: ${r.int(100, 999)}\nPayment terms: net 8 days\nAn invoice will follow on delivery.`
    : da ? r.pick(['Kontakt os, hvis ordren ikke stemmer.', 'Ændringer skal meddeles senest 2 dage før levering.']) : r.pick(['Please contact us if anything is wrong with the order.', 'Changes must be made at least two days before delivery.']);
  const parts = [letterhead(r, biz, lang, hard || r.chance(0.5)), `${da ? 'Kunde' : 'Customer'}: ${customer(r, lang)}`, title.toUpperCase(), intro, table(r, lang, lines)];
  if (hard || r.chance(0.5)) parts.push(totals(r, lang, lines));
  parts.push(delivery, extra, sign(r, lang, biz));
  return { title, text: parts.join('\n\n') };
};

const invoice: Generator = (r, lang, biz, hard) => {
  const da = lang === 'da';
  const lines = itemLines(r, biz, lang, hard ? 1 : r.int(2, 6));
  const n = `${r.pick(['', '2025-', 'F'])}${num(r)}`;
  const title = da ? r.pick([`Faktura ${n}`, `Faktura nr. ${n}`, 'Faktura']) : r.pick([`Invoice ${n}`, `Invoice no. ${n}`, `Tax invoice ${n}`]);
  const reg = `${r.int(1000, 9999)}`;
  const konto = `${r.int(1_000_000, 9_999_999)}${r.int(100, 999)}`;
  if (hard) {
    // A short one: a single line, a total and where to pay.
    const l = lines[0]!;
    const text = da
      ? `${biz.da}\nFaktura ${n}\n${l.text}: ${money(r, lang, l.qty * l.price * 1.25)} inkl. moms\nBetales senest ${date(r, lang, 8)} på reg.nr. ${reg} konto ${konto}.`
      : `${biz.en}\nInvoice ${n}\n${l.text}: ${money(r, lang, l.qty * l.price * 1.25)} incl. VAT\nPlease pay by ${date(r, lang, 8)} to account ${reg}-${konto}.`;
    return { title, text };
  }
  const meta = da
    ? [`Fakturanr.: ${n}`, `Fakturadato: ${date(r, lang)}`, r.pick([`Forfaldsdato: ${date(r, lang, 14)}`, `Betalingsbetingelser: netto ${r.pick([8, 14, 30])} dage`, 'Betalingsbetingelser: løbende måned + 15 dage'])]
    : [`Invoice number: ${n}`, `Invoice date: ${date(r, lang)}`, r.pick([`Due date: ${date(r, lang, 14)}`, `Payment terms: net ${r.pick([8, 14, 30])} days`])];
  const pay = da
    ? r.pick([`Beløbet bedes indbetalt på reg.nr. ${reg} kontonr. ${konto}. Angiv fakturanummer ved betaling.`, `Betaling til Danske Bank, reg. ${reg}, konto ${konto}.`, `Indbetalingskort: +71<${r.int(10 ** 8, 10 ** 9)}+${r.int(10 ** 7, 10 ** 8)}<`])
    : r.pick([`Bank details: reg. ${reg}, account ${konto}, IBAN DK${r.int(10, 99)}${reg}${konto}, SWIFT DABADKKK.`, `Please pay to account ${reg} ${konto} and quote the invoice number.`]);
  const text = [letterhead(r, biz, lang), `${da ? 'Faktureres til' : 'Bill to'}: ${customer(r, lang)}`, title.toUpperCase(), meta.join('\n'), table(r, lang, lines), totals(r, lang, lines), pay, r.chance(0.4) ? sign(r, lang, biz) : ''].filter(Boolean).join('\n\n');
  return { title, text };
};

const creditNote: Generator = (r, lang, biz) => {
  const da = lang === 'da';
  const lines = itemLines(r, biz, lang, r.int(1, 3));
  const n = num(r);
  const ref = num(r);
  const title = da ? r.pick([`Kreditnota ${n}`, `Kreditnota vedr. faktura ${ref}`, 'Kreditnota']) : r.pick([`Credit note CN-${n}`, `Credit note for invoice ${ref}`, 'Credit memo']);
  const why = da
    ? r.pick(['Kreditering af returnerede varer.', 'Kreditering på grund af fejl i fakturaen.', 'Rabat aftalt efter reklamation krediteres hermed.'])
    : r.pick(['Credit for returned goods.', 'Credited because of an error on the invoice.', 'The discount agreed after your complaint is credited here.']);
  const after = da ? r.pick(['Beløbet modregnes i næste faktura.', 'Beløbet tilbagebetales til jeres konto inden for 5 bankdage.', 'Beløbet godskrives jeres kundekonto.']) : r.pick(['The amount will be offset against your next invoice.', 'The amount will be refunded to your account within 5 working days.']);
  const text = [letterhead(r, biz, lang), `${da ? 'Kunde' : 'Customer'}: ${customer(r, lang)}`, title.toUpperCase(), da ? `Kreditnotanr.: ${n}\nDato: ${date(r, lang)}\nVedr. faktura nr. ${ref}` : `Credit note no.: ${n}\nDate: ${date(r, lang)}\nOriginal invoice: ${ref}`, why, table(r, lang, lines, -1), totals(r, lang, lines, -1), after].join('\n\n');
  return { title, text };
};

const CLAUSES = {
  da: [
    ['Parterne', (b: Business, c: string) => `Denne aftale er indgået mellem ${b.da}, ${b.street}, ${b.city} (herefter kaldet Leverandøren) og ${c} (herefter kaldet Kunden). Parterne er enige om følgende vilkår.`],
    ['Aftalens omfang', (b: Business) => `Leverandøren udfører ${r0(b.jobs.da)} for Kunden som beskrevet i bilag 1. Ydelsen leveres i overensstemmelse med god faglig skik og gældende lovgivning. Ændringer i omfanget aftales skriftligt mellem parterne, før de udføres.`],
    ['Pris og betaling', () => 'Vederlaget fremgår af bilag 2. Leverandøren fakturerer månedligt bagud, og betalingsbetingelserne er netto 14 dage. Ved for sen betaling beregnes renter efter renteloven. Priserne reguleres én gang årligt med nettoprisindekset.'],
    ['Varighed og opsigelse', () => 'Aftalen træder i kraft ved underskrift og løber, indtil den opsiges. Hver af parterne kan opsige aftalen skriftligt med tre måneders varsel til udgangen af en måned. Opsigelse skal ske skriftligt.'],
    ['Misligholdelse', () => 'Ved væsentlig misligholdelse kan den anden part ophæve aftalen med øjeblikkelig virkning, hvis misligholdelsen ikke er afhjulpet senest 14 dage efter skriftligt påkrav.'],
    ['Ansvar og ansvarsbegrænsning', () => 'Leverandøren er ansvarlig efter dansk rets almindelige regler. Leverandøren er ikke ansvarlig for driftstab, tabt avance eller andre indirekte tab. Leverandørens samlede ansvar er begrænset til det beløb, Kunden har betalt i de seneste 12 måneder.'],
    ['Fortrolighed', () => 'Parterne har tavshedspligt om alle forhold vedrørende den anden part, som de får kendskab til i forbindelse med aftalen. Tavshedspligten gælder også efter aftalens ophør.'],
    ['Force majeure', () => 'Ingen af parterne er ansvarlige for forhold, der skyldes force majeure, herunder krig, naturkatastrofer, strejke og lockout, brand eller andre forhold uden for partens kontrol.'],
    ['Tvister', () => 'Aftalen er underlagt dansk ret. Tvister, der ikke kan løses ved forhandling, afgøres ved de almindelige domstole med Retten i Kunden hjemting som værneting.'],
    ['Databehandling', () => 'I det omfang Leverandøren behandler personoplysninger på vegne af Kunden, indgås en særskilt databehandleraftale, som er en del af denne aftale.'],
  ] as [string, (b: Business, c: string) => string][],
  en: [
    ['The parties', (b: Business, c: string) => `This Agreement is made by and between ${b.en}, ${b.street}, ${b.city} (hereinafter the "Supplier") and ${c} (hereinafter the "Customer"). The parties agree as follows.`],
    ['Scope of services', (b: Business) => `The Supplier shall provide ${r0(b.jobs.en)} to the Customer as described in Schedule 1. The services shall be performed with reasonable skill and care and in accordance with applicable law. Changes to the scope must be agreed in writing by both parties.`],
    ['Fees and payment', () => 'The fees are set out in Schedule 2. The Supplier invoices monthly in arrears and invoices are payable within 14 days. Late payment bears interest under the Danish Interest Act. Fees are adjusted once a year.'],
    ['Term and termination', () => 'This Agreement takes effect on the date of signature and continues until terminated. Either party may terminate this Agreement by giving three months written notice to the end of a month.'],
    ['Breach', () => 'If either party commits a material breach of this Agreement which is not remedied within 14 days of written notice, the other party may terminate the Agreement with immediate effect.'],
    ['Limitation of liability', () => 'Neither party shall be liable for indirect or consequential loss, including loss of profit. The total liability of the Supplier under this Agreement is limited to the fees paid in the preceding 12 months.'],
    ['Confidentiality', () => 'Each party shall keep confidential all information about the other party that it receives in connection with this Agreement. This obligation survives termination.'],
    ['Governing law and jurisdiction', () => 'This Agreement is governed by Danish law. Any dispute that cannot be settled by negotiation shall be brought before the Danish courts.'],
    ['Force majeure', () => 'Neither party is liable for failure to perform caused by events beyond its reasonable control, including war, natural disaster, strikes, fire or epidemics.'],
  ] as [string, (b: Business, c: string) => string][],
};
// Picks without a Random: clause texts are fixed per business so contracts from one business read alike.
const r0 = (xs: string[]) => xs[0]!;

const contract: Generator = (r, lang, biz, hard) => {
  const da = lang === 'da';
  const c = customer(r, lang);
  const kind = r.pick(da ? ['Serviceaftale', 'Samarbejdsaftale', 'Aftale om levering af ydelser', 'Kontrakt'] : ['Service Agreement', 'Agreement for Services', 'Maintenance Contract']);
  const title = `${kind} – ${c}`;
  const clauses = CLAUSES[lang];
  const chosen = [clauses[0]!, ...r.some(clauses.slice(1), r.int(4, clauses.length - 1))];
  const style = r.int(0, 2);
  const body = chosen.map(([heading, make], i) => {
    const h = style === 0 ? `§ ${i + 1} ${heading}` : style === 1 ? `${i + 1}. ${heading}` : heading.toUpperCase();
    let clause = make(biz, c);
    if (hard && /betal|payment/i.test(heading)) {
      const lines = itemLines(r, biz, lang, 3);
      clause += `\n${table(r, lang, lines)}\n${da ? 'Alle priser er ekskl. moms.' : 'All prices exclude VAT.'}`;
    }
    return `${h}\n${clause}`;
  });
  const signature = da
    ? `Dato: ${date(r, lang)}\n\nFor Leverandøren: ______________________\n\nFor Kunden: ______________________`
    : `Date: ${date(r, lang)}\n\nSigned for the Supplier: ______________________\n\nSigned for the Customer: ______________________`;
  return { title, text: [kind.toUpperCase(), ...body, signature].join('\n\n') };
};

const priceList: Generator = (r, lang, biz) => {
  const da = lang === 'da';
  const year = r.int(2024, 2026);
  const title = da ? r.pick([`Prisliste ${year}`, `Priser gældende fra 1. januar ${year}`, `${biz.da} – prisliste`]) : r.pick([`Price list ${year}`, `Prices valid from 1 January ${year}`, `${biz.en} price list`]);
  const rows: string[] = [];
  const n = r.int(8, 18);
  for (let i = 0; i < n; i++) {
    const [d, e, ud, ue, price] = biz.items[i % biz.items.length]!;
    const variant = i >= biz.items.length ? (da ? ` ${r.pick(['premium', 'basis', 'stor', 'lille'])}` : ` ${r.pick(['premium', 'basic', 'large', 'small'])}`) : '';
    rows.push(`| ${r.int(1000, 9999)} | ${da ? d : e}${variant} | ${da ? ud : ue} | ${money(r, lang, Math.round(price * (0.7 + r.next() * 0.8) * 100) / 100, 1)} |`);
  }
  const header = da ? '| Varenr. | Beskrivelse | Enhed | Pris pr. enhed ekskl. moms |' : '| Item no. | Description | Unit | Price per unit excl. VAT |';
  const foot = da ? r.pick(['Alle priser er ekskl. moms. Med forbehold for trykfejl og prisændringer.', 'Priserne gælder til nyt prisblad udsendes.']) : r.pick(['All prices exclude VAT and are subject to change.', 'Prices are valid until a new list is issued.']);
  return { title, text: [letterhead(r, biz, lang, r.chance(0.5)), title.toUpperCase(), header, '|---|---|---|---|', ...rows, foot].join('\n'), format: r.pick(['xlsx', 'pdf', 'xlsx']) };
};

const REQUIREMENTS = {
  da: ['Systemet skal understøtte login med MitID Erhverv.', 'Løsningen skal kunne eksportere data til Excel.', 'Hjemmesiden skal overholde WCAG 2.1 niveau AA.', 'Systemet skal sende en kvittering på e-mail ved hver bestilling.', 'Installationen skal udføres i henhold til stærkstrømsbekendtgørelsen.', 'Anlægget skal dimensioneres til en kapacitet på 11 kW.', 'Løsningen skal kunne håndtere 500 samtidige brugere.', 'Data skal opbevares inden for EU.', 'Svartiden skal være under 2 sekunder for 95 % af kaldene.', 'Der skal tages backup hver nat, og en gendannelse skal kunne ske inden for 4 timer.', 'Brugerfladen skal fungere på mobil, tablet og computer.', 'Alle rør skal isoleres med mindst 30 mm isolering.'],
  en: ['The system shall support single sign-on with Microsoft Entra ID.', 'The solution must be able to export data to CSV.', 'The website shall comply with WCAG 2.1 level AA.', 'The system shall send an email receipt for each booking.', 'The installation shall comply with the current wiring regulations.', 'The solution must support 500 concurrent users.', 'All data shall be stored within the EU.', 'Response time shall be below 2 seconds for 95% of requests.', 'Backups shall be taken nightly and restored within 4 hours.', 'The user interface must work on phones, tablets and desktops.'],
};

const specification: Generator = (r, lang, biz) => {
  const da = lang === 'da';
  const job = r.pick(biz.jobs[lang]);
  const title = da ? r.pick([`Kravspecifikation – ${job}`, `Teknisk specifikation: ${job}`, `Kravspec for ${job}`]) : r.pick([`Requirements specification – ${job}`, `Technical specification: ${job}`]);
  const ids = r.int(0, 2);
  const reqs = r.some(REQUIREMENTS[lang], r.int(5, 10)).map((q, i) => (ids === 0 ? `K-${String(i + 1).padStart(2, '0')} ${q}` : ids === 1 ? `3.${i + 1} ${q}` : `- ${q}`));
  const body = da
    ? [`1. Baggrund\n${customer(r, lang)} ønsker ${job}. Dette dokument beskriver kravene til leverancen, så leverandørerne kan give et sammenligneligt tilbud.`, `2. Omfang og afgrænsning\nLeverancen omfatter design, udførelse, test og dokumentation. Drift efter aflevering er ikke omfattet.`, `3. Funktionelle krav\n${reqs.join('\n')}`, `4. Ikke-funktionelle krav\nLøsningen skal være dokumenteret, så en anden leverandør kan overtage den. Alle krav markeret med "skal" er mindstekrav.`, `5. Acceptkriterier\nLeverancen godkendes, når alle krav er testet og dokumenteret. Tidsplan: opstart uge ${r.int(2, 40)}.`]
    : [`1. Background\n${customer(r, lang)} needs ${job}. This document sets out the requirements so that suppliers can submit comparable proposals.`, `2. Scope\nThe delivery covers design, implementation, testing and documentation. Operation after handover is out of scope.`, `3. Functional requirements\n${reqs.join('\n')}`, `4. Non-functional requirements\nThe solution must be documented so that another supplier can take it over. Every requirement marked "shall" is mandatory.`, `5. Acceptance criteria\nThe delivery is accepted when all requirements have been tested and documented. Start: week ${r.int(2, 40)}.`];
  return { title, text: [title.toUpperCase(), `${da ? 'Version' : 'Version'} 1.${r.int(0, 5)} – ${date(r, lang)}`, ...body].join('\n\n'), format: r.pick(['docx', 'pdf']) };
};

const LETTERS = {
  da: ['Tak for et godt møde i går. Som aftalt sender jeg lidt flere oplysninger om vores behov. Vi vil gerne høre, om I har tid i næste uge til at kigge forbi.', 'Jeg skriver for at høre, hvornår vi kan forvente, at håndværkerne er færdige. Vi har kunder i butikken fra mandag, så det haster lidt.', 'Vi holder lukket i uge 29 og 30. Akutte henvendelser kan sendes til vores vagttelefon. God sommer til jer alle.', 'Kan vi flytte vores aftale fra torsdag til fredag formiddag? Jeg er desværre blevet forhindret.', 'Tak for hjælpen med installationen. Alt virker, som det skal, og vi er meget tilfredse med jeres arbejde.', 'Vi har desværre oplevet, at vandet drypper igen under vasken. Kan I sende en montør ud og se på det?'],
  en: ['Thank you for meeting us yesterday. As promised, here is a little more about what we need. Would you have time to visit us next week?', 'I am writing to ask when we can expect the work to be finished. We open to customers on Monday, so it is rather urgent.', 'Could we move our meeting from Thursday to Friday morning? Something has come up, I am afraid.', 'Many thanks for your help with the installation. Everything works as it should and we are very pleased.', 'Our office will be closed between Christmas and New Year. Urgent matters can be sent to our support line.'],
};

const correspondence: Generator = (r, lang, biz, hard) => {
  const da = lang === 'da';
  const person = r.pick(PEOPLE[lang]);
  const subject = hard
    ? da ? `SV: Tilbud på ${r.pick(biz.jobs.da)}` : `Re: Your quote for ${r.pick(biz.jobs.en)}`
    : da ? r.pick(['Møde i næste uge', 'Spørgsmål til opgaven', 'Ferielukning', 'Flytning af aftale', 'Tak for hjælpen']) : r.pick(['Meeting next week', 'Question about the job', 'Holiday closure', 'Rescheduling', 'Thank you']);
  const body = hard
    ? da
      ? `Tak for tilbuddet, som vi har modtaget. Vi skal lige drøfte det i bestyrelsen og vender tilbage i løbet af næste uge. Kan I i mellemtiden sende et par referencer?`
      : `Thanks for the quote, which we received today. We need to discuss it internally and will get back to you next week. Could you send us a couple of references in the meantime?`
    : r.some(LETTERS[lang], r.int(1, 3)).join('\n\n');
  const greeting = da ? r.pick([`Hej ${person}`, `Kære ${person}`, 'Hej']) : r.pick([`Dear ${person}`, `Hi ${person}`, 'Hello']);
  const email = r.chance(0.6) || hard;
  const headers = da
    ? `Fra: ${r.pick(biz.people)} <info@${biz.domain}>\nTil: ${person.toLowerCase()}@example.dk\nDato: ${date(r, lang)}\nEmne: ${subject}`
    : `From: ${r.pick(biz.people)} <info@${biz.domain}>\nTo: ${person.toLowerCase()}@example.com\nDate: ${date(r, lang)}\nSubject: ${subject}`;
  const text = [email ? headers : `${biz.city}, ${date(r, lang)}`, greeting, body, sign(r, lang, biz)].join('\n\n');
  return { title: subject, text, format: email ? 'eml' : r.pick(['docx', 'pdf']) };
};

const OTHER = {
  da: [
    (r: Random, b: Business) => ({ title: `Referat af personalemøde ${date(r, 'da')}`, text: `Referat\nDeltagere: ${b.people.join(', ')} og tre medarbejdere.\n\nDagsorden\n1. Nyt fra ledelsen\n2. Sikkerhed på byggepladsen\n3. Ferieplan\n\nAd 1: Vi har fået to nye medarbejdere, som starter i næste måned.\nAd 2: Husk hjelm og sikkerhedssko. Der kommer en ny førstehjælpskasse i bilerne.\nAd 3: Ferieplanen hænger på opslagstavlen og skal udfyldes inden fredag.\n\nNæste møde holdes om fire uger.` }),
    (r: Random, b: Business) => ({ title: 'Brugsvejledning', text: `Brugsvejledning – ${r.pick(['varmepumpe', 'termostat', 'ladestander', 'opvaskemaskine'])}\n\nTænd for anlægget på hovedafbryderen. Tryk på menuknappen i tre sekunder for at vælge program. Displayet viser den aktuelle temperatur.\n\nRengøring: Tør overfladen af med en fugtig klud. Brug ikke stærke rengøringsmidler.\n\nFejlfinding: Blinker lampen rødt, slukkes anlægget i et minut og tændes igen. Kontakt ${b.da}, hvis fejlen fortsætter.` }),
    (r: Random, b: Business) => ({ title: `Nyhedsbrev ${MONTHS.da[r.int(0, 11)]}`, text: `Nyhedsbrev fra ${b.da}\n\nI denne måned kan du læse om vores nye medarbejder, om hvordan du sparer på varmen i vinter, og om vores åbent hus-arrangement den ${date(r, 'da')}.\n\nVi glæder os til at se dig. Tilmeld dig på ${b.domain}.` }),
    (_r: Random, b: Business) => ({ title: 'Stillingsopslag: lærling', text: `Vi søger en lærling\n\n${b.da} søger en engageret lærling til vores team. Du er mødestabil, god til at samarbejde og har lyst til at lære faget fra bunden.\n\nVi tilbyder et godt arbejdsmiljø, faste arbejdstider og en grundig oplæring. Send din ansøgning til job@${b.domain}.` }),
    (_r: Random, b: Business) => ({ title: 'Note', text: `Husk nøgle til kælderen hos ${b.people[1]}. Parkering i gården.` }),
  ],
  en: [
    (r: Random, b: Business) => ({ title: `Minutes of staff meeting ${date(r, 'en')}`, text: `Minutes\nPresent: ${b.people.join(', ')} and three staff members.\n\nAgenda\n1. News from management\n2. Health and safety\n3. Holiday planning\n\nItem 1: Two new colleagues start next month.\nItem 2: Helmets and safety boots are mandatory on site.\nItem 3: Please add your holiday dates to the shared calendar by Friday.\n\nThe next meeting is in four weeks.` }),
    (r: Random, b: Business) => ({ title: 'User guide', text: `User guide – ${r.pick(['heat pump', 'thermostat', 'EV charger'])}\n\nSwitch the unit on at the main switch. Hold the menu button for three seconds to choose a programme. The display shows the current temperature.\n\nCleaning: wipe the surface with a damp cloth and avoid strong detergents.\n\nTroubleshooting: if the light flashes red, switch the unit off for a minute. Contact ${b.en} if the fault persists.` }),
    (r: Random, b: Business) => ({ title: 'Newsletter', text: `News from ${b.en}\n\nThis month: meet our new colleague, five ways to save energy this winter, and our open day on ${date(r, 'en')}.\n\nWe look forward to seeing you. Sign up at ${b.domain}.` }),
    (_r: Random, b: Business) => ({ title: 'We are hiring', text: `Job posting: apprentice\n\n${b.en} is looking for an apprentice to join our team. You are reliable, work well with others and want to learn the trade.\n\nWe offer a friendly workplace, regular hours and thorough training. Apply at jobs@${b.domain}.` }),
  ],
};

const other: Generator = (r, lang, biz) => {
  const made = r.pick(OTHER[lang])(r, biz);
  return { ...made, format: r.pick(['docx', 'pdf', 'text']) };
};

/** An email that forwards a quote in its body: the document is the quote. */
const forwardedQuote: Generator = (r, lang, biz) => {
  const q = quote(r, lang, biz, false);
  const da = lang === 'da';
  const head = da
    ? `Fra: ${r.pick(PEOPLE.da)} <kontor@example.dk>\nTil: ${r.pick(PEOPLE.da).toLowerCase()}@example.dk\nEmne: VS: ${q.title}\n\nHej\n\nHer er tilbuddet fra ${biz.da}, som vi talte om. Se nedenfor.\n\nMvh.\n${r.pick(PEOPLE.da)}\n\n---------- Videresendt besked ----------`
    : `From: ${r.pick(PEOPLE.en)} <office@example.com>\nTo: ${r.pick(PEOPLE.en).toLowerCase()}@example.com\nSubject: Fwd: ${q.title}\n\nHi\n\nHere is the quote from ${biz.en} we talked about, see below.\n\nThanks\n${r.pick(PEOPLE.en)}\n\n---------- Forwarded message ----------`;
  return { title: `${da ? 'VS' : 'Fwd'}: ${q.title}`, text: `${head}\n${q.text}`, format: 'eml' };
};

const GENERATORS: Record<Category, Generator> = { quote, order, invoice, credit_note: creditNote, contract, price_list: priceList, specification, correspondence, other };

// The hard cases, by category and position: which of the eight documents is made awkward, and how.
const HARD: Partial<Record<Category, Record<number, Generator | true>>> = {
  quote: { 6: true, 7: forwardedQuote },
  order: { 7: true },
  invoice: { 7: true },
  contract: { 7: true },
  correspondence: { 7: true },
};

/** OCR's usual slips on a scanned page: ø read as o, l as 1, rn as m, stray breaks. */
function scanned(r: Random, text: string): string {
  const swaps: Record<string, string> = { ø: 'o', å: 'a', æ: 'ae', l: '1', m: 'rn', e: 'c', i: 'l', ',': '.' };
  let out = '';
  for (const ch of text) out += swaps[ch] && r.chance(0.02) ? swaps[ch]! : ch;
  return out;
}

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40);
const EXT: Record<CorpusFormat, string> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', scan: 'pdf', text: 'txt', eml: 'eml' };

/**
 * The labelled corpus: `perCategory` (default 8) documents of each category, about 60 % Danish,
 * from eight businesses, with hard cases (a quote whose terms talk of "faktura", an email that
 * forwards a quote, an order confirmation laid out like an invoice, a contract with a price
 * table, a reply about a quote, a two-line invoice) and some scans with OCR slips.
 *
 * @example
 * const docs = labelledCorpus({ seed: 7 });
 * docs.length; // 72
 */
export function labelledCorpus(options: { seed?: number; perCategory?: number } = {}): LabelledDocument[] {
  const r = new Random(options.seed ?? 42);
  const per = options.perCategory ?? 8;
  const docs: LabelledDocument[] = [];
  for (const category of Object.keys(GENERATORS) as Category[]) {
    for (let i = 0; i < per; i++) {
      // Positions 0, 2, 4, 5, 7 Danish and 1, 3, 6 English: five in eight, mixed in order.
      const lang: Lang = [1, 3, 6].includes(i % 8) ? 'en' : 'da';
      const biz = BUSINESSES[(i * 3 + category.length) % BUSINESSES.length]!;
      const hard = HARD[category]?.[i];
      const made = typeof hard === 'function' ? hard(r, lang, biz, true) : GENERATORS[category](r, lang, biz, hard === true);
      const format = made.format ?? r.pick<CorpusFormat>(['pdf', 'pdf', 'docx', 'scan']);
      const text = format === 'scan' ? scanned(r, made.text) : made.text;
      docs.push({ name: `${slug(made.title) || category}.${EXT[format]}`, lang, category, title: made.title, text, format });
    }
  }
  return docs;
}

/** A house style: one business's own way of writing one kind of document. */
type Style = (r: Random, i: number) => { title: string; text: string; category: Category; lang: Lang; format: CorpusFormat };

const TOMRER = BUSINESSES[1]!;
const WEB = BUSINESSES[6]!;
const KRAFT = BUSINESSES[4]!;
const REVISOR = BUSINESSES[5]!;
const GROSSIST = BUSINESSES[7]!;

const STYLES: Style[] = [
  // A carpenter who calls quotes "Overslag" and prints payment details on them.
  (r) => {
    const job = r.pick(TOMRER.jobs.da);
    const lines = itemLines(r, TOMRER, 'da', r.int(2, 5));
    const title = `Overslag ${r.int(100, 999)} – ${job}`;
    const text = [letterhead(r, TOMRER, 'da'), `Kunde: ${customer(r, 'da')}`, title.toUpperCase(), `Overslag over ${job} efter besigtigelse den ${date(r, 'da')}. Overslaget er vejledende, og der kan forekomme afvigelser på op til 10 %.`, table(r, 'da', lines), totals(r, 'da', lines), `Arbejdet afregnes efter medgået tid og materialer. Betalingsbetingelser: netto 8 dage efter afsluttet arbejde.\nBank: reg.nr. ${r.int(1000, 9999)} kontonr. ${r.int(1_000_000, 9_999_999)}`, sign(r, 'da', TOMRER)].join('\n\n');
    return { title, text, category: 'quote', lang: 'da', format: 'pdf' };
  },
  // A web agency whose English "estimates" carry its payment terms and bank details.
  (r) => {
    const job = r.pick(WEB.jobs.en);
    const lines = itemLines(r, WEB, 'en', r.int(2, 4));
    const title = `Estimate E-${r.int(100, 999)}`;
    const text = [letterhead(r, WEB, 'en'), `Prepared for: ${customer(r, 'en')}`, `${title}: ${job}`, `Estimated effort and cost for ${job}, based on our workshop on ${date(r, 'en')}. Hours are estimated and billed as used.`, table(r, 'en', lines), totals(r, 'en', lines), `Payment terms: 40% upfront, the rest on launch, net 14 days.\nBank details: reg. ${r.int(1000, 9999)}, account ${r.int(1_000_000, 9_999_999)}.`, sign(r, 'en', WEB)].join('\n\n');
    return { title, text, category: 'quote', lang: 'en', format: 'pdf' };
  },
  // A wholesaler's web shop: its order confirmation is a "Kvittering" that looks like a bill.
  (r) => {
    const lines = itemLines(r, GROSSIST, 'da', r.int(2, 6));
    const n = r.int(100_000, 999_999);
    const title = `Kvittering #${n}`;
    const text = [letterhead(r, GROSSIST, 'da'), title, `Tak for dit køb hos ${GROSSIST.da}.\nKøbsnummer: ${n}\nKøbsdato: ${date(r, 'da')}\nBetalt med: ${r.pick(['Dankort', 'MobilePay', 'Visa'])}`, table(r, 'da', lines), totals(r, 'da', lines), `Forsendelse: ${r.pick(['GLS pakkeshop', 'PostNord', 'afhentning på lageret'])}. Du får en besked, når pakken er sendt.`].join('\n\n');
    return { title, text, category: 'order', lang: 'da', format: 'pdf' };
  },
  // An electrician's "Takstblad" with a worked example and its payment terms.
  (r) => {
    const year = r.int(2024, 2026);
    const title = `Takstblad ${year}`;
    const rows = r.some(KRAFT.items, r.int(4, 6)).map(([d, , ud, , p]) => `${d}: ${money(r, 'da', Math.round(p * (0.9 + r.next() * 0.2)))} / ${ud}`);
    const text = [letterhead(r, KRAFT, 'da'), title.toUpperCase(), ...rows, `Eksempel: 3 timer à ${money(r, 'da', 595)} + kørsel = I alt ${money(r, 'da', 2180)}`, `Betalingsbetingelser: netto 8 dage. Der faktureres månedligt. Reg.nr. ${r.int(1000, 9999)} kontonr. ${r.int(1_000_000, 9_999_999)}.`].join('\n');
    return { title, text, category: 'price_list', lang: 'da', format: 'xlsx' };
  },
  // An accountant's English "Statement of charges" instead of an invoice.
  (r) => {
    const lines = itemLines(r, REVISOR, 'en', r.int(2, 4));
    const title = `Statement of charges ${r.int(10, 99)}/${r.int(2024, 2026)}`;
    const text = [letterhead(r, REVISOR, 'en'), `Client: ${customer(r, 'en')}`, title.toUpperCase(), `Professional services for the period to ${date(r, 'en')}, as set out in our engagement letter.`, table(r, 'en', lines), totals(r, 'en', lines), 'Kindly settle the balance within 30 days. Questions about this statement are welcome.'].join('\n\n');
    return { title, text, category: 'invoice', lang: 'en', format: 'pdf' };
  },
];

function styled(seed: number, perStyle: number): LabelledDocument[] {
  const r = new Random(seed);
  const docs: LabelledDocument[] = [];
  for (let i = 0; i < perStyle; i++) {
    for (const style of STYLES) {
      const d = style(r, i);
      docs.push({ name: `${slug(d.title)}.${EXT[d.format]}`, lang: d.lang, category: d.category, title: d.title, text: d.text, format: d.format });
    }
  }
  return docs;
}

/**
 * Ten documents in five house styles the built-in cues get wrong (quotes called "Overslag" or
 * "Estimate" carrying bank details, a web shop's "Kvittering" for an order, a "Takstblad" price
 * list with a worked total, an accountant's "Statement of charges"): what staff would correct.
 *
 * @example
 * for (const d of correctionSet()) model = learn(model, { text: d.text, title: d.title, name: d.name, type: 'pdf' }, d.category, text);
 */
export function correctionSet(): LabelledDocument[] {
  return styled(1001, 2);
}

/**
 * Twenty other documents in the same five house styles (different customers, items, amounts and
 * dates), to measure whether learning the corrections carries over.
 *
 * @example
 * heldOutLike().length; // 20
 */
export function heldOutLike(): LabelledDocument[] {
  return styled(2002, 4);
}
