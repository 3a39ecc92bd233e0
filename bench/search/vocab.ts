/**
 * Vocabularies for the search benchmark's synthetic corpus: trades with their products and
 * services in Danish and English, price ranges, and Danish places and names. All made up;
 * the amounts are plausible, not real quotes.
 */

/** A product or service a trade sells: Danish and English noun phrase, unit, price range (DKK). */
export interface Item {
  da: string;
  en: string;
  unit: Unit;
  price: [number, number];
}

export type Unit = 'fixed' | 'hour' | 'metre' | 'piece' | 'month' | 'm2' | 'person' | 'night';

export const UNITS: Record<Unit, { da: string; en: string }> = {
  fixed: { da: '', en: '' },
  hour: { da: ' pr. time', en: ' per hour' },
  metre: { da: ' pr. løbende meter', en: ' per metre' },
  piece: { da: ' pr. stk.', en: ' each' },
  month: { da: ' pr. måned', en: ' per month' },
  m2: { da: ' pr. m²', en: ' per m²' },
  person: { da: ' pr. person', en: ' per person' },
  night: { da: ' pr. nat', en: ' per night' },
};

export interface Trade {
  key: string;
  /** The kind of business, as in "et lokalt {da}" / "a local {en}". */
  da: string;
  en: string;
  /** Name suffixes, e.g. "Tag" → "Nordlys Tag ApS". */
  suffixes: string[];
  /** A job title it hires for. */
  role: { da: string; en: string };
  items: Item[];
}

const i = (da: string, en: string, unit: Unit, min: number, max: number): Item => ({ da, en, unit, price: [min, max] });

export const TRADES: Trade[] = [
  {
    key: 'roofing', da: 'tagfirma', en: 'roofing company', suffixes: ['Tag', 'Tagdækning', 'Tag & Facade'],
    role: { da: 'tagdækker', en: 'roofer' },
    items: [
      i('nye tagrender i zink', 'new zinc gutters', 'metre', 450, 900), i('rensning af tagrender', 'gutter cleaning', 'fixed', 1200, 3500),
      i('tagudskiftning med tegltag', 'a new clay tile roof', 'm2', 1100, 1900), i('ovenlysvinduer', 'skylights', 'piece', 9500, 24000),
      i('tageftersyn', 'a roof inspection', 'fixed', 1500, 2900), i('nedløbsrør', 'downpipes', 'metre', 300, 650),
      i('tagpap på carporte', 'roofing felt for carports', 'm2', 450, 800), i('solceller på taget', 'rooftop solar panels', 'fixed', 65000, 140000),
    ],
  },
  {
    key: 'it', da: 'IT-firma', en: 'IT support company', suffixes: ['IT', 'Data', 'IT-Service'],
    role: { da: 'IT-supporter', en: 'IT support technician' },
    items: [
      i('fjernsupport', 'remote support', 'hour', 750, 1150), i('opsætning af server', 'server setup', 'fixed', 12000, 35000),
      i('backup i skyen', 'cloud backup', 'month', 150, 900), i('Microsoft 365-licenser', 'Microsoft 365 licences', 'month', 95, 280),
      i('firewall og netværk', 'firewalls and networking', 'fixed', 6500, 22000), i('bærbare computere', 'laptops', 'piece', 6500, 16000),
      i('en helpdeskaftale', 'a helpdesk agreement', 'month', 1500, 9000), i('IT-sikkerhedstjek', 'an IT security review', 'fixed', 4500, 14000),
    ],
  },
  {
    key: 'bakery', da: 'bageri', en: 'bakery', suffixes: ['Bageri', 'Brød', 'Konditori'],
    role: { da: 'bager', en: 'baker' },
    items: [
      i('surdejsrugbrød', 'sourdough rye bread', 'piece', 35, 55), i('wienerbrød', 'Danish pastries', 'piece', 18, 32),
      i('lagkager til fødselsdage', 'birthday layer cakes', 'person', 45, 75), i('kringler', 'kringle pastries', 'piece', 120, 260),
      i('glutenfri boller', 'gluten-free rolls', 'piece', 12, 22), i('morgenbrød til virksomheder', 'breakfast bread for offices', 'person', 35, 65),
      i('bryllupskager', 'wedding cakes', 'person', 60, 110), i('sandwich til mødet', 'meeting sandwiches', 'piece', 55, 95),
    ],
  },
  {
    key: 'accounting', da: 'revisionsfirma', en: 'accounting firm', suffixes: ['Revision', 'Regnskab', 'Revisorer'],
    role: { da: 'bogholder', en: 'bookkeeper' },
    items: [
      i('årsregnskab for ApS', 'annual accounts for private limited companies', 'fixed', 8500, 25000), i('løbende bogføring', 'ongoing bookkeeping', 'month', 1200, 6500),
      i('momsindberetning', 'VAT returns', 'fixed', 950, 2500), i('lønadministration', 'payroll administration', 'month', 450, 3000),
      i('skatterådgivning', 'tax advice', 'hour', 1100, 1900), i('budget og likviditet', 'budgets and cash-flow planning', 'fixed', 4500, 15000),
      i('selvangivelse for selvstændige', 'tax returns for the self-employed', 'fixed', 2500, 6000), i('stiftelse af selskab', 'company formation', 'fixed', 3500, 8500),
    ],
  },
  {
    key: 'cars', da: 'bilforhandler', en: 'car dealership', suffixes: ['Biler', 'Auto', 'Bilcenter'],
    role: { da: 'mekaniker', en: 'mechanic' },
    items: [
      i('brugte biler', 'used cars', 'fixed', 79000, 289000), i('elbiler', 'electric cars', 'fixed', 219000, 429000),
      i('privatleasing', 'private leasing', 'month', 2900, 6900), i('service på bilen', 'car servicing', 'fixed', 1800, 4800),
      i('dækskifte', 'tyre changes', 'fixed', 350, 650), i('klargøring til syn', 'MOT preparation', 'fixed', 900, 2500),
      i('dækhotel', 'tyre storage', 'fixed', 600, 1100), i('lakering og buler', 'paintwork and dent repair', 'hour', 550, 850),
    ],
  },
  {
    key: 'cleaning', da: 'rengøringsfirma', en: 'cleaning company', suffixes: ['Rengøring', 'Service', 'Facility'],
    role: { da: 'rengøringsassistent', en: 'cleaner' },
    items: [
      i('kontorrengøring', 'office cleaning', 'hour', 320, 450), i('vinduespudsning', 'window cleaning', 'fixed', 450, 1800),
      i('trappevask', 'stairwell cleaning', 'month', 600, 2200), i('flytterengøring', 'move-out cleaning', 'm2', 35, 60),
      i('tæpperens', 'carpet cleaning', 'm2', 30, 55), i('hovedrengøring', 'deep cleaning', 'fixed', 2500, 7500),
      i('rengøring af solceller', 'solar panel cleaning', 'fixed', 1200, 3200), i('byggerengøring', 'post-construction cleaning', 'hour', 380, 520),
    ],
  },
  {
    key: 'plumbing', da: 'VVS-firma', en: 'plumbing company', suffixes: ['VVS', 'VVS & Energi', 'Blik & VVS'],
    role: { da: 'VVS-montør', en: 'plumber' },
    items: [
      i('varmepumper', 'heat pumps', 'fixed', 85000, 145000), i('nye badeværelser', 'bathroom renovation', 'fixed', 95000, 240000),
      i('gulvvarme', 'underfloor heating', 'm2', 650, 1100), i('udskiftning af vandhaner', 'tap replacement', 'fixed', 1400, 3200),
      i('toiletter', 'toilets', 'fixed', 4500, 9500), i('fjernvarmeunits', 'district heating units', 'fixed', 22000, 38000),
      i('afhjælpning af vandskade', 'water damage repair', 'hour', 595, 895), i('service på gasfyr', 'gas boiler servicing', 'fixed', 1200, 2100),
    ],
  },
  {
    key: 'web', da: 'webbureau', en: 'web agency', suffixes: ['Digital', 'Web', 'Media'],
    role: { da: 'frontendudvikler', en: 'front-end developer' },
    items: [
      i('en ny hjemmeside', 'a new website', 'fixed', 15000, 65000), i('webshops', 'online shops', 'fixed', 35000, 150000),
      i('søgemaskineoptimering', 'search engine optimisation', 'month', 3500, 12000), i('hosting og drift', 'hosting and maintenance', 'month', 250, 1500),
      i('Google Ads-kampagner', 'Google Ads campaigns', 'month', 2500, 9000), i('logo og grafisk design', 'logo and graphic design', 'fixed', 6000, 25000),
      i('tilgængelighedstjek', 'accessibility audits', 'fixed', 8000, 20000), i('nyhedsbreve', 'email newsletters', 'month', 900, 3500),
    ],
  },
  {
    key: 'dental', da: 'tandlægeklinik', en: 'dental clinic', suffixes: ['Tandklinik', 'Tandlægerne', 'Tandlægehus'],
    role: { da: 'tandplejer', en: 'dental hygienist' },
    items: [
      i('tandrensning', 'dental cleaning', 'fixed', 450, 900), i('fyldninger', 'fillings', 'piece', 600, 1500),
      i('tandblegning', 'teeth whitening', 'fixed', 2500, 4500), i('implantater', 'dental implants', 'piece', 14000, 22000),
      i('akut tandpine', 'emergency toothache', 'fixed', 500, 1200), i('rodbehandling', 'root canal treatment', 'fixed', 3500, 7500),
      i('bideskinner', 'night guards', 'fixed', 2500, 4200), i('undersøgelse for børn', 'check-ups for children', 'fixed', 0, 0),
    ],
  },
  {
    key: 'law', da: 'advokatfirma', en: 'law firm', suffixes: ['Advokater', 'Advokatfirma', 'Law'],
    role: { da: 'advokatsekretær', en: 'legal secretary' },
    items: [
      i('testamenter', 'wills', 'fixed', 4500, 9500), i('skilsmisse og bodeling', 'divorce and division of property', 'hour', 1800, 2800),
      i('boligkøb', 'home purchases', 'fixed', 6500, 12000), i('arbejdsret', 'employment law', 'hour', 1900, 2900),
      i('inkasso', 'debt collection', 'fixed', 900, 3500), i('ejeraftaler', 'shareholder agreements', 'fixed', 12000, 30000),
      i('generationsskifte', 'business succession', 'hour', 2200, 3200), i('lejeret', 'tenancy law', 'hour', 1600, 2400),
    ],
  },
  {
    key: 'fitness', da: 'fitnesscenter', en: 'fitness centre', suffixes: ['Fitness', 'Træning', 'Gym'],
    role: { da: 'instruktør', en: 'instructor' },
    items: [
      i('medlemskab', 'membership', 'month', 199, 449), i('personlig træning', 'personal training', 'hour', 450, 800),
      i('holdtræning', 'group classes', 'month', 99, 249), i('spinning', 'indoor cycling', 'month', 99, 199),
      i('yoga', 'yoga classes', 'month', 149, 299), i('firmafitness', 'corporate fitness', 'person', 150, 300),
      i('kostvejledning', 'nutrition coaching', 'hour', 450, 750), i('svømmehal og sauna', 'pool and sauna access', 'month', 79, 149),
    ],
  },
  {
    key: 'haulage', da: 'vognmandsfirma', en: 'haulage company', suffixes: ['Transport', 'Vognmand', 'Logistik'],
    role: { da: 'chauffør', en: 'driver' },
    items: [
      i('flytning af private hjem', 'home removals', 'hour', 650, 1100), i('palletransport', 'pallet transport', 'piece', 450, 1200),
      i('kranbil', 'crane trucks', 'hour', 1100, 1700), i('containerudlejning', 'skip hire', 'fixed', 1800, 4200),
      i('budkørsel', 'courier services', 'fixed', 250, 900), i('opmagasinering', 'storage units', 'month', 450, 1800),
      i('kontorflytning', 'office relocation', 'hour', 850, 1400), i('bortkørsel af affald', 'waste removal', 'fixed', 900, 2800),
    ],
  },
  {
    key: 'electrician', da: 'el-firma', en: 'electrical contractor', suffixes: ['El', 'El-Service', 'Elteknik'],
    role: { da: 'elektriker', en: 'electrician' },
    items: [
      i('ladestandere til elbiler', 'EV chargers', 'fixed', 8500, 16000), i('tavleskift', 'fuse box replacement', 'fixed', 9000, 18000),
      i('nye stikkontakter', 'new sockets', 'piece', 450, 850), i('LED-belysning', 'LED lighting', 'fixed', 3500, 25000),
      i('el-eftersyn', 'electrical inspections', 'fixed', 1900, 3900), i('hjemmebatterier', 'home batteries', 'fixed', 45000, 90000),
      i('fejlfinding', 'fault finding', 'hour', 595, 850), i('smart home-installationer', 'smart home installations', 'fixed', 6500, 30000),
    ],
  },
  {
    key: 'garden', da: 'anlægsgartner', en: 'landscaping company', suffixes: ['Have & Anlæg', 'Anlægsgartner', 'Grønne Områder'],
    role: { da: 'anlægsgartner', en: 'landscape gardener' },
    items: [
      i('belægning med fliser', 'paving', 'm2', 650, 1200), i('hækklipning', 'hedge trimming', 'metre', 25, 60),
      i('græsslåning', 'lawn mowing', 'month', 400, 1600), i('træfældning', 'tree felling', 'fixed', 2500, 12000),
      i('havedesign', 'garden design', 'fixed', 5000, 18000), i('snerydning', 'snow clearing', 'month', 900, 4500),
      i('terrasser i træ', 'wooden decking', 'm2', 1400, 2600), i('vandingsanlæg', 'irrigation systems', 'fixed', 7500, 22000),
    ],
  },
  {
    key: 'printing', da: 'trykkeri', en: 'printing house', suffixes: ['Tryk', 'Grafisk', 'Print'],
    role: { da: 'trykker', en: 'printer operator' },
    items: [
      i('visitkort', 'business cards', 'fixed', 295, 900), i('foldere', 'leaflets', 'fixed', 900, 4500),
      i('plakater', 'posters', 'piece', 60, 450), i('roll-up bannere', 'roll-up banners', 'piece', 650, 1400),
      i('kuverter med logo', 'printed envelopes', 'fixed', 800, 3200), i('bøger og magasiner', 'books and magazines', 'fixed', 8000, 45000),
      i('klistermærker', 'stickers', 'fixed', 350, 1800), i('skilte til butikken', 'shop signs', 'piece', 1500, 9000),
    ],
  },
  {
    key: 'realestate', da: 'ejendomsmægler', en: 'estate agency', suffixes: ['Bolig', 'Ejendomme', 'Boligsalg'],
    role: { da: 'ejendomsmæglerassistent', en: 'estate agent assistant' },
    items: [
      i('gratis salgsvurdering', 'a free valuation', 'fixed', 0, 0), i('salg af villaer', 'selling detached houses', 'fixed', 45000, 95000),
      i('salg af ejerlejligheder', 'selling flats', 'fixed', 35000, 65000), i('udlejning af boliger', 'letting homes', 'month', 1500, 4000),
      i('energimærker', 'energy performance certificates', 'fixed', 4500, 9000), i('boligfotos', 'property photography', 'fixed', 2500, 5500),
      i('erhvervslejemål', 'commercial leases', 'fixed', 15000, 60000), i('tilstandsrapporter', 'condition reports', 'fixed', 6000, 12000),
    ],
  },
  {
    key: 'hotel', da: 'hotel', en: 'hotel', suffixes: ['Hotel', 'Kro', 'Badehotel'],
    role: { da: 'receptionist', en: 'receptionist' },
    items: [
      i('dobbeltværelser', 'double rooms', 'night', 895, 1800), i('morgenbuffet', 'breakfast buffet', 'person', 125, 195),
      i('konferencelokaler', 'conference rooms', 'person', 395, 895), i('parkering', 'parking', 'night', 75, 150),
      i('spa og wellness', 'spa and wellness', 'person', 395, 995), i('weekendophold', 'weekend breaks', 'person', 1495, 2995),
      i('julefrokoster', 'Christmas parties', 'person', 495, 895), i('familieværelser', 'family rooms', 'night', 1295, 2400),
    ],
  },
  {
    key: 'restaurant', da: 'restaurant', en: 'restaurant', suffixes: ['Restaurant', 'Spisehus', 'Brasserie'],
    role: { da: 'kok', en: 'chef' },
    items: [
      i('frokostbuffet', 'lunch buffet', 'person', 149, 249), i('aftenmenu med tre retter', 'three-course dinner', 'person', 395, 695),
      i('selskaber', 'private parties', 'person', 495, 995), i('take-away', 'takeaway', 'fixed', 99, 250),
      i('vinmenu', 'wine pairing', 'person', 295, 595), i('smørrebrød', 'open sandwiches', 'piece', 45, 95),
      i('børnemenu', 'children’s menu', 'person', 79, 129), i('catering til firmaer', 'corporate catering', 'person', 150, 350),
    ],
  },
  {
    key: 'saas', da: 'softwarevirksomhed', en: 'software company', suffixes: ['Software', 'Systems', 'Cloud'],
    role: { da: 'kundesucceskonsulent', en: 'customer success manager' },
    items: [
      i('abonnement', 'a subscription', 'month', 299, 2499), i('ekstra brugerlicenser', 'extra user licences', 'month', 49, 199),
      i('integration til e-conomic', 'the e-conomic integration', 'month', 99, 399), i('API-adgang', 'API access', 'month', 499, 1999),
      i('onboarding', 'onboarding', 'fixed', 2500, 12000), i('datamigrering', 'data migration', 'fixed', 5000, 25000),
      i('support med svartidsgaranti', 'support with a guaranteed response time', 'month', 990, 4990), i('to-faktor-login', 'two-factor login', 'fixed', 0, 0),
    ],
  },
  {
    key: 'furniture', da: 'møbelforretning', en: 'furniture shop', suffixes: ['Møbler', 'Interiør', 'Boligindretning'],
    role: { da: 'møbelsælger', en: 'furniture sales assistant' },
    items: [
      i('sofaer', 'sofas', 'piece', 6995, 24995), i('spiseborde i egetræ', 'oak dining tables', 'piece', 7995, 19995),
      i('kontorstole', 'office chairs', 'piece', 1995, 7995), i('senge og madrasser', 'beds and mattresses', 'piece', 4995, 22995),
      i('reoler', 'shelving', 'piece', 1495, 6995), i('montering af møbler', 'furniture assembly', 'hour', 450, 650),
      i('gardiner efter mål', 'made-to-measure curtains', 'metre', 300, 900), i('tæpper', 'rugs', 'piece', 995, 8995),
    ],
  },
];

export interface Place {
  city: string;
  zip: string;
  region: { da: string; en: string };
}

const r = (da: string, en: string) => ({ da, en });
const EAST_JUTLAND = r('Østjylland', 'East Jutland');
const MID_JUTLAND = r('Midtjylland', 'Central Jutland');
const NORTH_JUTLAND = r('Nordjylland', 'North Jutland');
const SOUTH = r('Syddanmark', 'Southern Denmark');
const FUNEN = r('Fyn', 'Funen');
const ZEALAND = r('Sjælland', 'Zealand');
const CAPITAL = r('Storkøbenhavn', 'Greater Copenhagen');
const NORTH_ZEALAND = r('Nordsjælland', 'North Zealand');

export const PLACES: Place[] = [
  { city: 'Aarhus C', zip: '8000', region: EAST_JUTLAND }, { city: 'Tranbjerg J', zip: '8310', region: EAST_JUTLAND },
  { city: 'Randers', zip: '8900', region: EAST_JUTLAND }, { city: 'Horsens', zip: '8700', region: EAST_JUTLAND },
  { city: 'Silkeborg', zip: '8600', region: MID_JUTLAND }, { city: 'Herning', zip: '7400', region: MID_JUTLAND },
  { city: 'Viborg', zip: '8800', region: MID_JUTLAND }, { city: 'Holstebro', zip: '7500', region: MID_JUTLAND },
  { city: 'Aalborg', zip: '9000', region: NORTH_JUTLAND }, { city: 'Hjørring', zip: '9800', region: NORTH_JUTLAND },
  { city: 'Frederikshavn', zip: '9900', region: NORTH_JUTLAND }, { city: 'Kolding', zip: '6000', region: SOUTH },
  { city: 'Vejle', zip: '7100', region: SOUTH }, { city: 'Esbjerg', zip: '6700', region: SOUTH },
  { city: 'Sønderborg', zip: '6400', region: SOUTH }, { city: 'Odense C', zip: '5000', region: FUNEN },
  { city: 'Svendborg', zip: '5700', region: FUNEN }, { city: 'Middelfart', zip: '5500', region: FUNEN },
  { city: 'Roskilde', zip: '4000', region: ZEALAND }, { city: 'Næstved', zip: '4700', region: ZEALAND },
  { city: 'Slagelse', zip: '4200', region: ZEALAND }, { city: 'Holbæk', zip: '4300', region: ZEALAND },
  { city: 'København K', zip: '1050', region: CAPITAL }, { city: 'Frederiksberg', zip: '2000', region: CAPITAL },
  { city: 'Valby', zip: '2500', region: CAPITAL }, { city: 'Glostrup', zip: '2600', region: CAPITAL },
  { city: 'Hillerød', zip: '3400', region: NORTH_ZEALAND }, { city: 'Helsingør', zip: '3000', region: NORTH_ZEALAND },
];

export const STREETS = [
  'Vestergade', 'Østergade', 'Søndergade', 'Nørregade', 'Industrivej', 'Hovedgaden', 'Stationsvej', 'Havnegade', 'Jernbanegade',
  'Kirkevej', 'Engvej', 'Birkevej', 'Møllevej', 'Sletvej', 'Åboulevarden', 'Strandvejen', 'Bygaden', 'Fabriksvej', 'Skovvej', 'Torvet',
];

export const NAME_WORDS = [
  'Nordlys', 'Fjord', 'Kragh', 'Holm', 'Bøgh', 'Lindegaard', 'Skov', 'Havbo', 'Mølgaard', 'Vestkyst', 'Kastrup', 'Ravn', 'Brink',
  'Egholm', 'Sønderby', 'Toft', 'Aagaard', 'Bakke', 'Kildegaard', 'Lyngby', 'Strand', 'Dalsgaard', 'Hedegaard', 'Østergaard',
  'Vang', 'Nygaard', 'Bjerre', 'Klitgaard', 'Elmegaard', 'Fyrtårn',
];

export const FIRST_NAMES = [
  'Jens', 'Mette', 'Søren', 'Anne', 'Lars', 'Camilla', 'Mikkel', 'Louise', 'Henrik', 'Sofie', 'Rasmus', 'Julie', 'Peter', 'Maria',
  'Thomas', 'Ida', 'Martin', 'Katrine', 'Anders', 'Line', 'Jesper', 'Signe', 'Kasper', 'Emma', 'Frederik', 'Helle',
];

export const SURNAMES = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Kragh', 'Holm', 'Madsen'];

export const DAYS = {
  da: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export const MONTHS = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export const ASSOCIATIONS = ['Dansk Byggeri', 'TEKNIQ Arbejdsgiverne', 'Dansk Erhverv', 'Håndværksrådet', 'SMVdanmark', 'Dansk Industri'];
