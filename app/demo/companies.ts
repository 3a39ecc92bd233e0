/**
 * The demo business's customers: West Jutland firms, institutions and a few private persons,
 * at every stage of the pipeline, with their people and the notes staff wrote about them.
 * Invented; the CVR numbers carry valid check digits (the core verifies them) but belong to no
 * firm named here.
 */
export interface DemoContact {
  name: string;
  email: string;
  phone: string;
  role?: string;
}

export interface DemoNote {
  /** How many days ago it was written. */
  daysAgo: number;
  by: string;
  text: string;
}

export interface DemoCompany {
  name: string;
  kind: 'business' | 'private';
  domain?: string;
  cvr?: string;
  stage: 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'customer' | 'lost';
  score: number;
  segment: string;
  city: string;
  address: string;
  contacts: DemoContact[];
  notes?: DemoNote[];
}

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    name: 'Vestjysk Ejendomsservice ApS', kind: 'business', domain: 'vestjysk-ejendomsservice.dk', cvr: '27805507',
    stage: 'customer', score: 82, segment: 'ejendomsadministration', city: 'Holstebro', address: 'Nørregade 41, 7500 Holstebro',
    contacts: [
      { name: 'Søren Mikkelsen', email: 'sm@vestjysk-ejendomsservice.dk', phone: '+45 24 61 38 90', role: 'Driftschef' },
      { name: 'Pia Holm', email: 'ph@vestjysk-ejendomsservice.dk', phone: '+45 97 42 55 10', role: 'Administration' },
    ],
    notes: [
      { daysAgo: 120, by: 'Mads Storgaard', text: 'Rammeaftale om tagrender og tagtjek på 14 ejendomme underskrevet. 8 % på materialer.' },
      { daysAgo: 21, by: 'Line Kjærgaard', text: 'Søren vil have det årlige tagtjek lagt i uge 40 som sidste år.' },
    ],
  },
  {
    name: 'Limfjord Maskinfabrik A/S', kind: 'business', domain: 'limfjord-maskinfabrik.dk', cvr: '30645847',
    stage: 'proposal', score: 64, segment: 'industri', city: 'Struer', address: 'Havnevej 7, 7600 Struer',
    contacts: [
      { name: 'Kim Andersen', email: 'ka@limfjord-maskinfabrik.dk', phone: '+45 40 12 77 63', role: 'Teknisk chef' },
    ],
    notes: [
      { daysAgo: 16, by: 'Jonas Bech', text: 'Besigtiget hal 2: 1.800 m² fibercement fra 1979, sandsynligvis asbest. Foreslår nyt tag med sandwichpaneler.' },
      { daysAgo: 9, by: 'Mads Storgaard', text: 'Tilbud sendt: kr. 1.940.000 inkl. moms, opstart tidligst i marts.' },
    ],
  },
  {
    name: 'Bjerregaard Landbrug I/S', kind: 'business', domain: 'bjerregaard-landbrug.dk', cvr: '22088521',
    stage: 'customer', score: 75, segment: 'landbrug', city: 'Vinderup', address: 'Bjerregaardvej 12, 7830 Vinderup',
    contacts: [
      { name: 'Niels Bjerregaard', email: 'niels@bjerregaard-landbrug.dk', phone: '+45 21 84 30 17', role: 'Ejer' },
      { name: 'Anne Bjerregaard', email: 'anne@bjerregaard-landbrug.dk', phone: '+45 23 40 91 66', role: 'Ejer' },
    ],
    notes: [
      { daysAgo: 200, by: 'Jonas Bech', text: 'Nyt tag på kostald afleveret. Niels meget tilfreds; nævnte maskinhuset til næste år.' },
    ],
  },
  {
    name: 'Lemvig Havnecafé ApS', kind: 'business', domain: 'lemvig-havnecafe.dk', cvr: '49134029',
    stage: 'lead', score: 30, segment: 'restauration', city: 'Lemvig', address: 'Havnen 3, 7620 Lemvig',
    contacts: [
      { name: 'Mette Kristoffersen', email: 'mette@lemvig-havnecafe.dk', phone: '+45 28 55 04 12', role: 'Indehaver' },
    ],
  },
  {
    name: 'Tandlægerne på Torvet I/S', kind: 'business', domain: 'tandlaegerne-torvet.dk', cvr: '21003123',
    stage: 'qualified', score: 55, segment: 'klinik', city: 'Skive', address: 'Torvet 9, 7800 Skive',
    contacts: [
      { name: 'Louise Damgaard', email: 'ld@tandlaegerne-torvet.dk', phone: '+45 97 52 10 44', role: 'Klinikchef' },
      { name: 'Peter Winther', email: 'pw@tandlaegerne-torvet.dk', phone: '+45 30 22 81 59', role: 'Tandlæge, medejer' },
    ],
    notes: [
      { daysAgo: 5, by: 'Line Kjærgaard', text: 'Louise ringede: fladt tag over venteværelset er utæt. Besigtigelse aftalt tirsdag kl. 8.' },
    ],
  },
  {
    name: 'Friskolen ved Storåen', kind: 'business', domain: 'friskolen-storaaen.dk', cvr: '41476826',
    stage: 'negotiation', score: 70, segment: 'institution', city: 'Holstebro', address: 'Skolevej 2, 7500 Holstebro',
    contacts: [
      { name: 'Henriette Lauritsen', email: 'hl@friskolen-storaaen.dk', phone: '+45 97 41 22 00', role: 'Skoleleder' },
      { name: 'Bo Frandsen', email: 'bf@friskolen-storaaen.dk', phone: '+45 51 90 33 27', role: 'Pedel' },
    ],
    notes: [
      { daysAgo: 30, by: 'Mads Storgaard', text: 'Tilbud på efterisolering og nye ovenlysvinduer i gymnastiksalen: kr. 386.000 inkl. moms.' },
      { daysAgo: 3, by: 'Mads Storgaard', text: 'Bestyrelsen vil have arbejdet lagt i sommerferien og beder om 5 % rabat. Svarer fredag.' },
    ],
  },
  {
    name: 'Vinderup Autoværksted ApS', kind: 'business', domain: 'vinderup-autovaerksted.dk', cvr: '13123357',
    stage: 'customer', score: 60, segment: 'erhverv', city: 'Vinderup', address: 'Industrivej 5, 7830 Vinderup',
    contacts: [
      { name: 'Brian Thomsen', email: 'brian@vinderup-autovaerksted.dk', phone: '+45 26 14 70 38', role: 'Indehaver' },
    ],
  },
  {
    name: 'Andelsboligforeningen Mejrupparken', kind: 'business', domain: 'mejrupparken.dk', cvr: '15985348',
    stage: 'proposal', score: 66, segment: 'boligforening', city: 'Holstebro', address: 'Mejrupparken 1, 7500 Holstebro',
    contacts: [
      { name: 'Grethe Sønderby', email: 'formand@mejrupparken.dk', phone: '+45 29 63 18 42', role: 'Formand' },
      { name: 'Ole Mortensen', email: 'ole.mortensen@mejrupparken.dk', phone: '+45 22 47 09 81', role: 'Kasserer' },
    ],
    notes: [
      { daysAgo: 45, by: 'Jonas Bech', text: '36 rækkehuse med betontagsten fra 1984. Undertaget er mørt flere steder.' },
      { daysAgo: 12, by: 'Mads Storgaard', text: 'Tilbud i tre etaper sendt til bestyrelsen; generalforsamling stemmer om det i april.' },
    ],
  },
  {
    name: 'Kjærgaard Byg & Anlæg ApS', kind: 'business', domain: 'kjaergaard-byg-anlaeg.dk', cvr: '33895836',
    stage: 'customer', score: 70, segment: 'samarbejdspartner', city: 'Herning', address: 'Fabriksvej 22, 7400 Herning',
    contacts: [
      { name: 'Thomas Kjærgaard', email: 'tk@kjaergaard-byg-anlaeg.dk', phone: '+45 20 33 56 71', role: 'Direktør' },
      { name: 'Rikke Nygaard', email: 'rn@kjaergaard-byg-anlaeg.dk', phone: '+45 96 26 40 80', role: 'Projektleder' },
    ],
    notes: [
      { daysAgo: 60, by: 'Mads Storgaard', text: 'Vi tager tagdelen på deres parcelhusbyggerier i Gjellerup, 6 huse i år.' },
    ],
  },
  {
    name: 'Ulfborg Campingcenter ApS', kind: 'business', domain: 'ulfborg-campingcenter.dk', cvr: '19693872',
    stage: 'lead', score: 25, segment: 'turisme', city: 'Ulfborg', address: 'Klitvejen 80, 6990 Ulfborg',
    contacts: [
      { name: 'Jette Bruun', email: 'jette@ulfborg-campingcenter.dk', phone: '+45 61 27 84 05', role: 'Indehaver' },
    ],
  },
  {
    name: 'Thorsminde Fiskeeksport A/S', kind: 'business', domain: 'thorsminde-fiskeeksport.dk', cvr: '39891603',
    stage: 'lost', score: 10, segment: 'industri', city: 'Thorsminde', address: 'Havnevej 21, 6990 Ulfborg',
    contacts: [
      { name: 'Allan Vestergaard', email: 'av@thorsminde-fiskeeksport.dk', phone: '+45 40 88 12 63', role: 'Indkøber' },
    ],
    notes: [
      { daysAgo: 75, by: 'Mads Storgaard', text: 'Tabt: de valgte en entreprenør fra Esbjerg, der var 12 % billigere. Spørg igen om et år.' },
    ],
  },
  {
    name: 'Nybo El & VVS ApS', kind: 'business', domain: 'nybo-el-vvs.dk', cvr: '30401387',
    stage: 'customer', score: 68, segment: 'samarbejdspartner', city: 'Holstebro', address: 'Rugvænget 14, 7500 Holstebro',
    contacts: [
      { name: 'Kasper Nybo', email: 'kasper@nybo-el-vvs.dk', phone: '+45 25 71 38 04', role: 'Indehaver' },
    ],
  },
  {
    name: 'Rydhave Bed & Breakfast I/S', kind: 'business', domain: 'rydhave-bb.dk', cvr: '42950947',
    stage: 'qualified', score: 45, segment: 'turisme', city: 'Vinderup', address: 'Rydhavevej 3, 7830 Vinderup',
    contacts: [
      { name: 'Inge Rasmussen', email: 'inge@rydhave-bb.dk', phone: '+45 42 19 60 33', role: 'Indehaver' },
      { name: 'Erik Rasmussen', email: 'erik@rydhave-bb.dk', phone: '+45 42 19 60 34', role: 'Indehaver' },
    ],
    notes: [
      { daysAgo: 8, by: 'Line Kjærgaard', text: 'Vil have tagrensning og algebehandling af hovedhus og lade før sæsonstart 1. maj.' },
    ],
  },
  {
    name: 'Grønhøj Planteskole ApS', kind: 'business', domain: 'groenhoej-planteskole.dk', cvr: '14189548',
    stage: 'negotiation', score: 72, segment: 'erhverv', city: 'Struer', address: 'Grønhøjvej 40, 7600 Struer',
    contacts: [
      { name: 'Lars Grønhøj', email: 'lars@groenhoej-planteskole.dk', phone: '+45 24 80 15 92', role: 'Ejer' },
      { name: 'Sara Lindberg', email: 'sara@groenhoej-planteskole.dk', phone: '+45 53 61 27 48', role: 'Butiksleder' },
    ],
    notes: [
      { daysAgo: 14, by: 'Jonas Bech', text: 'Ny carport til firmabiler og overdækning ved butikken. Lars vil se en tegning i lærk.' },
    ],
  },
  {
    name: 'Kroen ved Vestervang ApS', kind: 'business', domain: 'kroen-vestervang.dk', cvr: '26639182',
    stage: 'proposal', score: 58, segment: 'restauration', city: 'Holstebro', address: 'Vestervang 12, 7500 Holstebro',
    contacts: [
      { name: 'Morten Bak', email: 'morten@kroen-vestervang.dk', phone: '+45 97 42 08 80', role: 'Kromand' },
    ],
  },
  {
    name: 'Måbjerg Kvæg I/S', kind: 'business', domain: 'maabjerg-kvaeg.dk', cvr: '17672312',
    stage: 'qualified', score: 50, segment: 'landbrug', city: 'Holstebro', address: 'Måbjergvej 201, 7500 Holstebro',
    contacts: [
      { name: 'Jens Christian Madsen', email: 'jc@maabjerg-kvaeg.dk', phone: '+45 21 47 83 90', role: 'Ejer' },
    ],
  },
  {
    name: 'Vestkyst Feriehuse A/S', kind: 'business', domain: 'vestkyst-feriehuse-udlejning.dk', cvr: '36585501',
    stage: 'customer', score: 88, segment: 'ferieudlejning', city: 'Søndervig', address: 'Søndervig Landevej 4, 6950 Ringkøbing',
    contacts: [
      { name: 'Charlotte Friis', email: 'cf@vestkyst-feriehuse-udlejning.dk', phone: '+45 96 80 21 00', role: 'Driftsansvarlig' },
      { name: 'Henrik Lykke', email: 'hl@vestkyst-feriehuse-udlejning.dk', phone: '+45 31 75 42 19', role: 'Servicetekniker' },
      { name: 'Maria Østergaard', email: 'mo@vestkyst-feriehuse-udlejning.dk', phone: '+45 96 80 21 05', role: 'Bogholder' },
    ],
    notes: [
      { daysAgo: 90, by: 'Mads Storgaard', text: 'Serviceaftale på 62 sommerhuse: tagtjek efter hver storm og tagrenderens hvert efterår.' },
      { daysAgo: 18, by: 'Jonas Bech', text: 'Efter stormen: 7 huse med løse tagsten, alle afdækket samme dag. Skadesrapporter sendt til Charlotte.' },
    ],
  },
  {
    name: 'Efterskolen Nissumbakken', kind: 'business', domain: 'efterskolen-nissumbakken.dk', cvr: '15499753',
    stage: 'negotiation', score: 74, segment: 'institution', city: 'Lemvig', address: 'Bakkevej 30, 7620 Lemvig',
    contacts: [
      { name: 'Anders Lykkegaard', email: 'al@efterskolen-nissumbakken.dk', phone: '+45 97 89 14 50', role: 'Forstander' },
      { name: 'Karina Hedegaard', email: 'kh@efterskolen-nissumbakken.dk', phone: '+45 97 89 14 52', role: 'Økonomiansvarlig' },
    ],
    notes: [
      { daysAgo: 25, by: 'Mads Storgaard', text: 'Nyt tegltag på elevfløjen, ca. 900 m². De har også et tilbud fra Lemvig; vi er 4 % dyrere men kan starte før.' },
    ],
  },
  {
    name: 'Aulum Byggemarked ApS', kind: 'business', domain: 'aulum-byggemarked.dk', cvr: '16217891',
    stage: 'customer', score: 40, segment: 'leverandør', city: 'Aulum', address: 'Hovedgaden 55, 7490 Aulum',
    contacts: [
      { name: 'Jan Pedersen', email: 'jan@aulum-byggemarked.dk', phone: '+45 97 47 30 11', role: 'Proffsalg' },
    ],
  },
  {
    name: 'Sevel Smedie ApS', kind: 'business', domain: 'sevel-smedie.dk', cvr: '22061593',
    stage: 'lost', score: 15, segment: 'erhverv', city: 'Sevel', address: 'Smedevej 2, 7830 Vinderup',
    contacts: [
      { name: 'Poul Erik Dam', email: 'ped@sevel-smedie.dk', phone: '+45 40 51 66 28', role: 'Indehaver' },
    ],
  },
  {
    name: 'Nørgaard Revision I/S', kind: 'business', domain: 'noergaard-revision-holstebro.dk', cvr: '17238183',
    stage: 'lead', score: 20, segment: 'erhverv', city: 'Holstebro', address: 'Kirkestræde 6, 7500 Holstebro',
    contacts: [
      { name: 'Susanne Nørgaard', email: 'sn@noergaard-revision-holstebro.dk', phone: '+45 97 42 90 70', role: 'Partner' },
    ],
  },
  {
    name: 'Idom Fjernvarme A.m.b.a.', kind: 'business', domain: 'idom-fjernvarme.dk', cvr: '45822125',
    stage: 'proposal', score: 62, segment: 'forsyning', city: 'Idom', address: 'Værkvej 1, 7500 Holstebro',
    contacts: [
      { name: 'Flemming Kirk', email: 'fk@idom-fjernvarme.dk', phone: '+45 97 46 11 20', role: 'Driftsleder' },
    ],
    notes: [
      { daysAgo: 11, by: 'Jonas Bech', text: 'Nyt tagpap på værksbygningen, 420 m². Tilbud sendt; Flemming forelægger det for bestyrelsen.' },
    ],
  },
  {
    name: 'Tangsø Vandværk I/S', kind: 'business', domain: 'tangsoe-vandvaerk.dk', cvr: '43266144',
    stage: 'qualified', score: 48, segment: 'forsyning', city: 'Struer', address: 'Tangsøvej 9, 7600 Struer',
    contacts: [
      { name: 'Villy Hansen', email: 'formand@tangsoe-vandvaerk.dk', phone: '+45 20 19 48 63', role: 'Formand' },
    ],
  },
  {
    name: 'Padelhallen Vest ApS', kind: 'business', domain: 'padelhallen-vest.dk', cvr: '39197685',
    stage: 'lead', score: 35, segment: 'fritid', city: 'Holstebro', address: 'Sportsvej 18, 7500 Holstebro',
    contacts: [
      { name: 'Rasmus Iversen', email: 'rasmus@padelhallen-vest.dk', phone: '+45 60 24 91 77', role: 'Direktør' },
      { name: 'Nadia Holt', email: 'nadia@padelhallen-vest.dk', phone: '+45 60 24 91 78', role: 'Centerleder' },
    ],
  },
  {
    name: 'Vestergaard Trælast A/S', kind: 'business', domain: 'vestergaard-traelast.dk', cvr: '21776726',
    stage: 'customer', score: 55, segment: 'leverandør', city: 'Skjern', address: 'Tømrervej 3, 6900 Skjern',
    contacts: [
      { name: 'Bent Vestergaard', email: 'bent@vestergaard-traelast.dk', phone: '+45 97 35 04 40', role: 'Salgschef' },
      { name: 'Dorthe Riis', email: 'dorthe@vestergaard-traelast.dk', phone: '+45 97 35 04 46', role: 'Ordrekontor' },
    ],
  },
  {
    name: 'Hogager Dyreklinik ApS', kind: 'business', domain: 'hogager-dyreklinik.dk', cvr: '24852148',
    stage: 'lost', score: 12, segment: 'klinik', city: 'Hogager', address: 'Hogagervej 14, 7500 Holstebro',
    contacts: [
      { name: 'Camilla Juul', email: 'cj@hogager-dyreklinik.dk', phone: '+45 28 70 35 16', role: 'Dyrlæge' },
    ],
    notes: [
      { daysAgo: 40, by: 'Line Kjærgaard', text: 'Projektet med ny tilbygning er udskudt på ubestemt tid.' },
    ],
  },
  {
    name: 'Karen og Poul Nørgaard', kind: 'private', stage: 'customer', score: 65, segment: 'privat', city: 'Humlum', address: 'Humlumvej 77, 7600 Struer',
    contacts: [{ name: 'Karen Nørgaard', email: 'karen.noergaard@gmail.com', phone: '+45 22 91 45 08' }],
    notes: [
      { daysAgo: 150, by: 'Jonas Bech', text: 'Nyt tegltag og zinktagrender på parcelhuset afleveret. Ønsker tilbud på carport til foråret.' },
    ],
  },
  {
    name: 'Jesper Lund Sørensen', kind: 'private', stage: 'proposal', score: 60, segment: 'privat', city: 'Holstebro', address: 'Birkevej 19, 7500 Holstebro',
    contacts: [{ name: 'Jesper Lund Sørensen', email: 'jesperlund.s@hotmail.com', phone: '+45 27 38 61 94' }],
    notes: [
      { daysAgo: 6, by: 'Line Kjærgaard', text: 'Tilbud på efterisolering af loft (85 m²) og to ovenlysvinduer sendt.' },
    ],
  },
  {
    name: 'Birthe Kirkegaard', kind: 'private', stage: 'lead', score: 30, segment: 'privat', city: 'Struer', address: 'Østergade 8, 7600 Struer',
    contacts: [{ name: 'Birthe Kirkegaard', email: 'birthe.kirkegaard@mail.dk', phone: '+45 97 85 22 61' }],
  },
  {
    name: 'Ahmad Rahimi', kind: 'private', stage: 'qualified', score: 50, segment: 'privat', city: 'Holstebro', address: 'Lyngvej 4, 7500 Holstebro',
    contacts: [{ name: 'Ahmad Rahimi', email: 'ahmad.rahimi@outlook.dk', phone: '+45 50 28 74 13' }],
    notes: [
      { daysAgo: 4, by: 'Line Kjærgaard', text: 'Vil have ny terrasse i hårdttræ, ca. 40 m². Besigtigelse næste onsdag.' },
    ],
  },
];
