/**
 * A labelled set for reading quote lines from a customer's text (`parse/lines.ts`): the price list
 * of a made-up Danish roofing, gutter and plumbing business and requests as customers write them
 * (emails with greetings and signatures, chat messages without capitals, typos, Danish and English
 * number formats, compounds and inflections, approximate quantities, several products in one
 * request, things the business does not sell). About two thirds Danish, one third English. Written
 * by hand for this set; nothing here is a real customer, address or phone number.
 *
 * How the labels are decided, where the text alone leaves it open (the same rules `linesFromText`
 * documents):
 * - "N stk. à L m" (or "N x L m", "N downpipes of L m each") of an item priced per metre is N × L m.
 * - "A x B m" of an item priced per m² is A × B m².
 * - A product named without a quantity is 1 of its unit; if an earlier line of the same request has
 *   a quantity in the same unit ("120 m² tegltag inkl. undertag"), that quantity.
 * - A range ("40-45 m²", "mellem 9 og 10 m") is its upper end, approximate.
 * - "et par" / "a couple of" is 2, approximate.
 * - Lines are compared per SKU with their quantities summed (28 m + 12 m of the same gutter = 40 m).
 * - `unmatched` counts the parts that ask for something the price list does not have; greetings,
 *   signatures, addresses, dates and descriptions of the house are not parts.
 */
import type { Milli, PriceItem } from '../types.ts';

/** One expected quote line: SKU and quantity in thousandths of the item's unit. */
export interface ExpectedLine {
  sku: string;
  quantity: Milli;
  /** Whether the text gives the quantity as approximate ("ca.", "about", a range). */
  approximate?: boolean;
}

/** One labelled request. */
export interface LabelledRequest {
  id: string;
  lang: 'da' | 'en';
  text: string;
  expected: ExpectedLine[];
  /** How many parts name something not in the price list. */
  unmatched: number;
  /** What the request tests, for the failure list. */
  note?: string;
}

function item(sku: string, da: string, en: string, unit: PriceItem['unit'], kroner: number, synonyms: string[]): PriceItem {
  return {
    id: `item-${sku.toLowerCase()}`,
    sku,
    name: { da, en },
    synonyms,
    unit,
    unitPriceOre: Math.round(kroner * 100),
    vatClass: 'standard',
    breaks: [],
    minQuantity: null,
    addOns: [],
    validFrom: null,
    validTo: null,
    public: true,
  };
}

/** The price list of "Holm Tag & VVS ApS", Aarhus: 29 items, prices excluding moms. */
export const PRICE_LIST: PriceItem[] = [
  item('RND-ZN-125', 'Zinktagrende, halvrund 125 mm', 'Zinc gutter, half-round 125 mm', 'm', 289, ['tagrende', 'tagrende i zink', 'zinkrende', 'rende', 'gutter', 'zinc gutter', 'half-round gutter', 'eaves gutter']),
  item('RND-PVC-125', 'Plasttagrende 125 mm', 'PVC gutter 125 mm', 'm', 149, ['plastrende', 'pvc-rende', 'pvc-tagrende', 'tagrende i plast', 'plastic gutter', 'vinyl gutter']),
  item('RND-CU-125', 'Kobbertagrende 125 mm', 'Copper gutter 125 mm', 'm', 649, ['kobberrende', 'tagrende i kobber', 'copper gutter']),
  item('NED-ZN-75', 'Nedløbsrør i zink, Ø75', 'Zinc downpipe, Ø75', 'm', 249, ['nedløbsrør', 'nedløb', 'faldrør', 'zinknedløbsrør', 'downpipe', 'downspout', 'drainpipe', 'rainwater pipe']),
  item('NED-PVC-75', 'Plastnedløbsrør Ø75', 'PVC downpipe Ø75', 'm', 119, ['nedløbsrør i plast', 'pvc-nedløbsrør', 'plastic downpipe', 'pvc downpipe']),
  item('RND-BJL', 'Rendejern', 'Gutter bracket', 'stk', 45, ['rendebøjle', 'bøjle', 'rendekrog', 'gutter hanger', 'bracket', 'hanger']),
  item('RND-HJ', 'Rendehjørne 90°', 'Gutter corner 90°', 'stk', 185, ['hjørne', 'rendevinkel', 'hjørnestykke', 'corner', 'gutter angle']),
  item('RND-TUD', 'Tudstykke', 'Gutter outlet', 'stk', 165, ['tud', 'rendetud', 'afløbsstuds', 'outlet', 'running outlet']),
  item('SRV-RENS-RND', 'Rensning af tagrender', 'Gutter cleaning', 'm', 35, ['rens tagrender', 'rense tagrender', 'tagrenderens', 'rendevask', 'clean gutters', 'gutter clean']),
  item('TAG-TEGL', 'Tegltag, nyt (inkl. lægter)', 'New clay tile roof (incl. battens)', 'm2', 895, ['tag', 'nyt tag', 'tegltag', 'teglsten', 'tegl', 'roof', 'new roof', 'tile roof', 'clay tiles', 'roof tiles']),
  item('TAG-PAP', 'Tagpap, 2 lag', 'Roofing felt, two layers', 'm2', 425, ['tagpap', 'paptag', 'pap', 'fladt tag', 'felt roof', 'roofing felt', 'built-up roof', 'flat roof']),
  item('TAG-UNDER', 'Undertag, diffusionsåbent', 'Breathable roofing underlay', 'm2', 165, ['undertag', 'undertagsdug', 'underlay', 'roofing membrane', 'sarking']),
  item('TAG-NED', 'Nedtagning af eksisterende tag', 'Removal of existing roof', 'm2', 185, ['nedtagning', 'nedtagning af tag', 'nedrivning af tag', 'fjerne tag', 'fjernelse af tag', 'roof removal', 'strip old roof', 'tear off roof']),
  item('TAG-RENS', 'Tagrensning', 'Roof cleaning', 'm2', 45, ['tagvask', 'algebehandling', 'afrensning af tag', 'rens af tag', 'mosfjernelse', 'moss removal', 'roof wash', 'algae treatment']),
  item('TAG-RYG', 'Rygning, tegl', 'Ridge tiles', 'm', 395, ['rygning', 'rygsten', 'tagryg', 'ridge', 'ridge capping']),
  item('TAG-VIND', 'Tagvindue, monteret', 'Roof window, fitted', 'stk', 8450, ['velux', 'veluxvindue', 'ovenlysvindue', 'ovenlys', 'skylight', 'roof window']),
  item('TAG-INDD', 'Skorsteninddækning i zink', 'Chimney flashing, zinc', 'stk', 3950, ['inddækning', 'inddækning af skorsten', 'zinkinddækning', 'chimney flashing', 'flashing']),
  item('STIL-UGE', 'Stillads, leje pr. uge', 'Scaffolding, weekly hire', 'uge', 2500, ['stillads', 'stilladsleje', 'scaffold', 'scaffolding']),
  item('LIFT-DAG', 'Lift med fører', 'Lift with operator', 'dag', 4200, ['lift', 'skylift', 'personløfter', 'kranlift', 'cherry picker', 'boom lift']),
  item('CONT-10', 'Affaldscontainer 10 m³', 'Waste skip 10 m³', 'stk', 2850, ['container', 'affaldscontainer', 'skip', 'skraldecontainer', 'dumpster']),
  item('ARB-TAG', 'Montage, tagdækker', 'Roofer labour', 'time', 595, ['montage', 'montering', 'montør', 'tagdækker', 'tagarbejde', 'arbejde', 'arbejdstime', 'timeløn', 'installation', 'labour', 'labor', 'fitting', 'roofer', 'roofer time']),
  item('ARB-VVS', 'VVS-arbejde', 'Plumbing labour', 'time', 625, ['vvs-montør', "vvs'er", 'blikkenslager', 'vvs-timer', 'plumber', 'plumbing', 'plumbing work']),
  item('VVS-TOILET', 'Toilet, monteret', 'Toilet, fitted', 'stk', 4850, ['wc', 'toilet', 'gulvtoilet', 'væghængt toilet']),
  item('VVS-HANE', 'Køkkenarmatur', 'Kitchen mixer tap', 'stk', 1895, ['vandhane', 'armatur', 'blandingsbatteri', 'køkkenvandhane', 'tap', 'faucet', 'mixer tap']),
  item('VVS-VVB', 'Varmtvandsbeholder 110 l', 'Hot water cylinder 110 l', 'stk', 11950, ['vandvarmer', 'vvb', 'varmtvandsbeholder', 'hot water tank', 'water heater']),
  item('VVS-PEX', 'Vandrør, PEX', 'Water pipe, PEX', 'm', 185, ['pex-rør', 'vandrør', 'rør', 'water pipe', 'pex pipe', 'pipe']),
  item('VVS-SPUL', 'Spuling af afløb', 'Drain jetting', 'stk', 1450, ['spuling', 'kloakspuling', 'afløbsrens', 'stoppet afløb', 'drain cleaning', 'blocked drain']),
  item('KOR-KM', 'Kørsel', 'Mileage', 'km', 4.5, ['transport', 'kørsel', 'driving', 'travel', 'mileage']),
  item('LEV', 'Levering', 'Delivery', 'stk', 495, ['fragt', 'leveringsgebyr', 'udbringning', 'delivery', 'shipping', 'freight']),
];

const l = (sku: string, units: number, approximate?: boolean): ExpectedLine => ({ sku, quantity: Math.round(units * 1000), ...(approximate ? { approximate } : {}) });

/** The labelled requests. */
export const REQUESTS: LabelledRequest[] = [
  // ——— Danish ———
  { id: 'da-01', lang: 'da', text: '3 stk. tagrender à 12 m og 20 timers montage', expected: [l('RND-ZN-125', 36), l('ARB-TAG', 20)], unmatched: 0, note: 'the issue\'s example: N stk. à L m, genitive "timers"' },
  { id: 'da-02', lang: 'da', text: 'ca. 45 m² tag, levering i Aarhus', expected: [l('TAG-TEGL', 45, true), l('LEV', 1)], unmatched: 0, note: 'the issue\'s example: approximate area, delivery without quantity' },
  { id: 'da-03', lang: 'da', text: 'Hej\n\nVi skal have skiftet 12 m tagrende og 2 nedløbsrør à 3 m på vores hus i Viby. Kan I give et tilbud?\n\nMvh\nLone Kristensen', expected: [l('RND-ZN-125', 12), l('NED-ZN-75', 6)], unmatched: 0, note: 'email with greeting and signature' },
  { id: 'da-04', lang: 'da', text: 'Hvad koster det at få skiftet 12 m tagrende?', expected: [l('RND-ZN-125', 12)], unmatched: 0, note: 'chat price question' },
  { id: 'da-05', lang: 'da', text: 'Pris på 25 lbm zinktagrende + 10 rendejern', expected: [l('RND-ZN-125', 25), l('RND-BJL', 10)], unmatched: 0, note: 'lbm, compound, +' },
  { id: 'da-06', lang: 'da', text: 'Skal bruge 1.250 m pex-rør til et større byggeri', expected: [l('VVS-PEX', 1250)], unmatched: 0, note: '1.250 is one thousand two hundred and fifty' },
  { id: 'da-07', lang: 'da', text: 'Tagrensning af ca. 140 kvm tegltag samt rens af tagrender (ca 30 m)', expected: [l('TAG-RENS', 140, true), l('SRV-RENS-RND', 30, true)], unmatched: 0, note: 'kvm, samt, a service on a product word' },
  { id: 'da-08', lang: 'da', text: 'Nyt tegltag 8 x 12 m inkl. nedtagning af det gamle tag', expected: [l('TAG-TEGL', 96), l('TAG-NED', 96)], unmatched: 0, note: 'A x B m for an m² item, inkl. inherits the area' },
  { id: 'da-09', lang: 'da', text: 'Jeg vil gerne have et tilbud på udskiftning af toilet og ny køkkenvandhane. Gerne også spuling af afløbet i kælderen, det løber langsomt.', expected: [l('VVS-TOILET', 1), l('VVS-HANE', 1), l('VVS-SPUL', 1)], unmatched: 0, note: 'plumbing without quantities, a description clause' },
  { id: 'da-10', lang: 'da', text: '2 ovenlysvinduer og 1 solcelleanlæg', expected: [l('TAG-VIND', 2)], unmatched: 1, note: 'compound with inflection; solar panels are not sold' },
  { id: 'da-11', lang: 'da', text: 'Kan I levere 6 stk. rendehjørner, 4 tude og 14 rendejern? Vi monterer selv.', expected: [l('RND-HJ', 6), l('RND-TUD', 4), l('RND-BJL', 14)], unmatched: 0, note: '"vi monterer selv" is not a request for labour' },
  { id: 'da-12', lang: 'da', text: 'Stillads i 3 uger og lift en halv dag', expected: [l('STIL-UGE', 3), l('LIFT-DAG', 0.5)], unmatched: 0, note: 'weeks and half a day' },
  { id: 'da-13', lang: 'da', text: 'Tilbud ønskes: tagpap 2 lag på carport, 6 x 4,5 m. Også 9 m tagrende i plast.', expected: [l('TAG-PAP', 27), l('RND-PVC-125', 9)], unmatched: 0, note: '"2 lag" is the product, not a quantity; dimensions after a comma' },
  { id: 'da-14', lang: 'da', text: 'Hej Jens. Som aftalt i telefonen: nedtagning af eternittag ca 110 m2, nyt undertag og tegltag. Ring på 20 30 40 50 hvis der er spørgsmål.', expected: [l('TAG-NED', 110, true), l('TAG-UNDER', 110, true), l('TAG-TEGL', 110, true)], unmatched: 0, note: 'phone number, inherited area' },
  { id: 'da-15', lang: 'da', text: 'hej, hvad vil 2 dages lift + 16 timers arbejde koste? mvh Bo', expected: [l('LIFT-DAG', 2), l('ARB-TAG', 16)], unmatched: 0, note: 'genitive units in a chat' },
  { id: 'da-16', lang: 'da', text: 'Udskiftning af 2 stk 6 meter nedløbsrør i plast', expected: [l('NED-PVC-75', 12)], unmatched: 0, note: 'N stk L meter, material after the noun' },
  { id: 'da-17', lang: 'da', text: 'Jeg skal bruge en ny varmtvandsbeholder, gerne hurtigst muligt – den gamle er utæt', expected: [l('VVS-VVB', 1)], unmatched: 0 },
  { id: 'da-18', lang: 'da', text: 'Tilbud på rensning af tagrender, ca 40 m i alt, og algebehandling af taget (ca. 95 kvm)', expected: [l('SRV-RENS-RND', 40, true), l('TAG-RENS', 95, true)], unmatched: 0, note: 'quantity in its own comma part' },
  { id: 'da-19', lang: 'da', text: '3 x 12 m tagrende i kobber', expected: [l('RND-CU-125', 36)], unmatched: 0, note: 'N x L m, "tagrende i kobber" vs "kobbertagrende"' },
  { id: 'da-20', lang: 'da', text: 'Vi har brug for 12½ m kobberrende og 2 tudstykker', expected: [l('RND-CU-125', 12.5), l('RND-TUD', 2)], unmatched: 0, note: '12½' },
  { id: 'da-21', lang: 'da', text: 'Kan I sætte 5 meter ny rygning på, og skifte 2 tagvinduer', expected: [l('TAG-RYG', 5), l('TAG-VIND', 2)], unmatched: 0 },
  { id: 'da-22', lang: 'da', text: 'Pris pr. m for zinkrender? Skal bruge ca. 18 m.', expected: [l('RND-ZN-125', 18, true)], unmatched: 0, note: 'quantity in the next sentence' },
  { id: 'da-23', lang: 'da', text: '2 stk velux GGL CK04 + montering, samt stillads 1 uge', expected: [l('TAG-VIND', 2), l('ARB-TAG', 1), l('STIL-UGE', 1)], unmatched: 0, note: 'model code, labour without hours' },
  { id: 'da-24', lang: 'da', text: 'Tagrenderne skal skiftes på hele huset, det er ca 2 x 14 m + 2 x 6 m, og der skal 4 nye nedløbsrør på á 3 meter', expected: [l('RND-ZN-125', 40, true), l('NED-ZN-75', 12)], unmatched: 0, note: 'definite plural, two lengths summed, "á"' },
  { id: 'da-25', lang: 'da', text: 'Hej! Vi har et sommerhus ved Ebeltoft hvor taget trænger. Det er et paptag på ca. 60 m2. Kan I lægge nyt tagpap og evt. skifte tagrenderne (ca. 22 m)?', expected: [l('TAG-PAP', 60, true), l('RND-ZN-125', 22, true)], unmatched: 0, note: '"taget" in a description is not a line; a repeated product is one line' },
  { id: 'da-26', lang: 'da', text: 'tilbud på 1 toilet, 1 håndvask og 1 bruseniche', expected: [l('VVS-TOILET', 1)], unmatched: 2, note: 'two products not sold' },
  { id: 'da-27', lang: 'da', text: 'Vi skal have lagt nyt tagpap på et fladt tag, 7,5 x 8 m.', expected: [l('TAG-PAP', 60)], unmatched: 0, note: 'decimal comma in dimensions' },
  { id: 'da-28', lang: 'da', text: 'Hvad koster kørsel ud til os? Det er ca. 35 km.', expected: [l('KOR-KM', 35, true)], unmatched: 0 },
  { id: 'da-29', lang: 'da', text: '5 rendejern, 2 endebunde og 1 tud', expected: [l('RND-BJL', 5), l('RND-TUD', 1)], unmatched: 1, note: 'end caps are not on the list' },
  { id: 'da-30', lang: 'da', text: 'Kan i komme og rense tagrender d. 12.03.2026? Ca. 25 meter', expected: [l('SRV-RENS-RND', 25, true)], unmatched: 0, note: 'a date is not a quantity' },
  { id: 'da-31', lang: 'da', text: 'vi skal ha skiftet tagrender: 2 stk á 11,5 m og 1 stk á 4 m. Tlf 22 33 44 55', expected: [l('RND-ZN-125', 27)], unmatched: 0, note: 'elliptic second length, phone number' },
  { id: 'da-32', lang: 'da', text: '3 timers VVS-arbejde og en ny køkkenvandhane', expected: [l('ARB-VVS', 3), l('VVS-HANE', 1)], unmatched: 0 },
  { id: 'da-33', lang: 'da', text: 'Affaldscontainer til 2 uger + nedtagning af 85 m² gammelt tag', expected: [l('CONT-10', 1), l('TAG-NED', 85)], unmatched: 0, note: 'a duration is not a count of containers' },
  { id: 'da-34', lang: 'da', text: 'Vi ønsker pris på: 18 lbm rende, 3 hjørner, 2 nedløb á 2,5 m, 22 bøjler, montering ca. 10 t', expected: [l('RND-ZN-125', 18), l('RND-HJ', 3), l('NED-ZN-75', 5), l('RND-BJL', 22), l('ARB-TAG', 10, true)], unmatched: 0, note: 'trade shorthand' },
  { id: 'da-35', lang: 'da', text: 'Hvad koster en ny køkkenvandhane? Vi bor på 2. sal', expected: [l('VVS-HANE', 1)], unmatched: 0, note: 'an ordinal is not a quantity' },
  { id: 'da-36', lang: 'da', text: 'Skal have lavet 34 m2 tag med tagpap, samt 8,5 m zinkrende og 1 stk nedløbsrør 3 m', expected: [l('TAG-PAP', 34), l('RND-ZN-125', 8.5), l('NED-ZN-75', 3)], unmatched: 0, note: '"tag med tagpap" is one product' },
  { id: 'da-37', lang: 'da', text: 'Priser på stilladsleje pr. uge og lift pr. dag?', expected: [l('STIL-UGE', 1), l('LIFT-DAG', 1)], unmatched: 0, note: 'unit prices asked for' },
  { id: 'da-38', lang: 'da', text: 'Jeg vil gerne have repareret min skorsten og lagt nye teglsten på ca 30 kvm', expected: [l('TAG-TEGL', 30, true)], unmatched: 1, note: 'chimney repair is not chimney flashing' },
  { id: 'da-39', lang: 'da', text: 'Tilbud på nyt tag: 148 m² tegl, undertag, ny rygning 11 m og 4 stk. tagvinduer', expected: [l('TAG-TEGL', 148), l('TAG-UNDER', 148), l('TAG-RYG', 11), l('TAG-VIND', 4)], unmatched: 0 },
  { id: 'da-40', lang: 'da', text: 'Hej, vi har en stoppet afløb i køkkenet. Kan i komme i morgen?', expected: [l('VVS-SPUL', 1)], unmatched: 0 },
  { id: 'da-41', lang: 'da', text: 'Vi skal bruge nye nedløbsrør, 3 stk a 5,5 m, og tagrenden skal renses (ca. 16 m)', expected: [l('NED-ZN-75', 16.5), l('SRV-RENS-RND', 16, true)], unmatched: 0, note: '"tagrenden skal renses" is cleaning, not a gutter' },
  { id: 'da-42', lang: 'da', text: '1 stk affaldscontainer og 2 dage med lift', expected: [l('CONT-10', 1), l('LIFT-DAG', 2)], unmatched: 0 },
  { id: 'da-43', lang: 'da', text: 'tagrende ca 30m, nedløbsrør 2 x 4m', expected: [l('RND-ZN-125', 30, true), l('NED-ZN-75', 8)], unmatched: 0, note: 'units glued to numbers' },
  { id: 'da-44', lang: 'da', text: 'Hvad koster 1 time vvs\'er', expected: [l('ARB-VVS', 1)], unmatched: 0 },
  { id: 'da-45', lang: 'da', text: 'Jeg skal have sat 2 stk ovenlys i og have fjernet det gamle tag – ca 75 m2 – og lagt tagpap', expected: [l('TAG-VIND', 2), l('TAG-NED', 75, true), l('TAG-PAP', 75, true)], unmatched: 0 },
  { id: 'da-46', lang: 'da', text: 'Har I mulighed for at spule kloakken? Vi har problemer med at toilettet løber over', expected: [l('VVS-SPUL', 1)], unmatched: 0, note: '"toilettet" in a description is not a toilet to sell' },
  { id: 'da-47', lang: 'da', text: 'Tagrende 12 m, 2 stk hjørner, 1 tud, 8 rendejern, kørsel 40 km, levering', expected: [l('RND-ZN-125', 12), l('RND-HJ', 2), l('RND-TUD', 1), l('RND-BJL', 8), l('KOR-KM', 40), l('LEV', 1)], unmatched: 0, note: 'a list in one line' },
  { id: 'da-48', lang: 'da', text: 'Vi skal have udskiftet vores varmtvandsbeholder og lagt ca. 15 meter nye vandrør', expected: [l('VVS-VVB', 1), l('VVS-PEX', 15, true)], unmatched: 0 },
  { id: 'da-49', lang: 'da', text: 'halvanden times vvs arbejde + et par meter pex rør', expected: [l('ARB-VVS', 1.5), l('VVS-PEX', 2, true)], unmatched: 0, note: 'halvanden, et par, split compounds' },
  { id: 'da-50', lang: 'da', text: 'Pris for at rense tagrenderne på et rækkehus, ca. 9-10 m?', expected: [l('SRV-RENS-RND', 10, true)], unmatched: 0, note: 'a range' },
  { id: 'da-51', lang: 'da', text: 'to uger stillads og et dusin rendejern', expected: [l('STIL-UGE', 2), l('RND-BJL', 12)], unmatched: 0, note: 'number words' },
  { id: 'da-52', lang: 'da', text: 'Vi skal have ny kobbertagrende 14,5 meter, og 3 nye bøjler. Og så vil vi gerne have malet vinduerne.', expected: [l('RND-CU-125', 14.5), l('RND-BJL', 3)], unmatched: 1, note: 'painting windows is not a roof window' },
  { id: 'da-53', lang: 'da', text: 'Hej. Hvad koster det at få lagt undertag på ca 120m2? Og skal der stillads til?', expected: [l('TAG-UNDER', 120, true), l('STIL-UGE', 1)], unmatched: 0 },
  { id: 'da-54', lang: 'da', text: 'Tagpap til garage 3x6 meter', expected: [l('TAG-PAP', 18)], unmatched: 0, note: '3x6 glued' },
  { id: 'da-55', lang: 'da', text: 'skift af 2 toiletter og 2 armaturer i badeværelserne', expected: [l('VVS-TOILET', 2), l('VVS-HANE', 2)], unmatched: 0, note: 'plural with doubled consonant' },
  { id: 'da-56', lang: 'da', text: 'Nedløbsrør i zink Ø75, 4 stk. à 2,5 m', expected: [l('NED-ZN-75', 10)], unmatched: 0, note: 'Ø75 is a size' },
  { id: 'da-57', lang: 'da', text: 'Hvad tager I for at komme ud og kigge på en utæt tagrende? Vi bor i 8210 Aarhus V', expected: [], unmatched: 1, note: 'an inspection is not on the list; postal code' },
  { id: 'da-58', lang: 'da', text: 'tagrener 15 m og 2 nedløbsrør á 4m', expected: [l('RND-ZN-125', 15), l('NED-ZN-75', 8)], unmatched: 0, note: 'typo' },
  { id: 'da-59', lang: 'da', text: 'Hvad koster nyt tegltagg ca 100 kvm', expected: [l('TAG-TEGL', 100, true)], unmatched: 0, note: 'typo' },
  { id: 'da-60', lang: 'da', text: 'nedlobsror 3 stk a 3 m', expected: [l('NED-ZN-75', 9)], unmatched: 0, note: 'no Danish letters on the keyboard' },
  { id: 'da-61', lang: 'da', text: 'vi skal have 20 meter tagrende i plastik', expected: [l('RND-PVC-125', 20)], unmatched: 0 },
  { id: 'da-62', lang: 'da', text: 'Vi har fået et tilbud på 12 m tagrende til 4.500 kr. – kan I slå det?', expected: [l('RND-ZN-125', 12)], unmatched: 0, note: 'a price in the text is not a quantity' },
  { id: 'da-63', lang: 'da', text: 'Budget ca. 25.000 kr. til nyt tag på carporten, 24 m²', expected: [l('TAG-TEGL', 24)], unmatched: 0, note: 'budget' },
  { id: 'da-64', lang: 'da', text: 'Tilbud på følgende:\n- 22 m tagrende\n- 4 hjørner\n- 3 nedløbsrør á 2,75 m\n- 25 rendejern\n- montage\n\nMvh Per', expected: [l('RND-ZN-125', 22), l('RND-HJ', 4), l('NED-ZN-75', 8.25), l('RND-BJL', 25), l('ARB-TAG', 1)], unmatched: 0, note: 'bulleted list' },
  { id: 'da-65', lang: 'da', text: 'Hej\n\nKan I give et tilbud på 2 stk. tagvinduer og 3 ugers stillads?\n\nVenlig hilsen\nKarsten Holm\nSkovvej 14, 8600 Silkeborg\nTlf. 86 12 34 56', expected: [l('TAG-VIND', 2), l('STIL-UGE', 3)], unmatched: 0, note: 'signature with address and phone' },
  { id: 'da-66', lang: 'da', text: 'Laver I også solceller og varmepumper?', expected: [], unmatched: 2, note: 'nothing on the list' },
  { id: 'da-67', lang: 'da', text: 'Vi skal bruge 1.250 rendejern til en boligforening', expected: [l('RND-BJL', 1250)], unmatched: 0, note: 'Danish thousands' },
  { id: 'da-68', lang: 'da', text: '¾ times vvs-arbejde og cirka 2¼ time montage', expected: [l('ARB-VVS', 0.75), l('ARB-TAG', 2.25, true)], unmatched: 0, note: 'fractions' },
  { id: 'da-69', lang: 'da', text: 'Vi vil have tagrende i zink, 16 m', expected: [l('RND-ZN-125', 16)], unmatched: 0 },
  { id: 'da-70', lang: 'da', text: 'Tagrenderne på garagen skal skiftes, 2 x 6 m', expected: [l('RND-ZN-125', 12)], unmatched: 0, note: 'definite plural' },
  { id: 'da-71', lang: 'da', text: 'Hvad koster en lift pr. dag, og hvad koster en montør pr. time?', expected: [l('LIFT-DAG', 1), l('ARB-TAG', 1)], unmatched: 0 },
  { id: 'da-72', lang: 'da', text: 'kunne i give et bud på rensning af 80 kvm tag og ca 25 m tagrende rensning', expected: [l('TAG-RENS', 80), l('SRV-RENS-RND', 25, true)], unmatched: 0, note: '"rensning af tag" = tagrensning' },
  { id: 'da-73', lang: 'da', text: 'Pris på skiftning af 2 x 7 m tagrende og 1 x 4 m', expected: [l('RND-ZN-125', 18)], unmatched: 0 },
  { id: 'da-74', lang: 'da', text: 'Mellem 40 og 50 m² tagpap og en affaldscontainer', expected: [l('TAG-PAP', 50, true), l('CONT-10', 1)], unmatched: 0, note: 'a range with "og"' },

  // ——— English ———
  { id: 'en-01', lang: 'en', text: 'Hi, could you quote for 24 m of zinc gutter and 3 downpipes, 3 m each? Thanks, Mark', expected: [l('RND-ZN-125', 24), l('NED-ZN-75', 9)], unmatched: 0, note: 'length each after a comma' },
  { id: 'en-02', lang: 'en', text: 'We need a new roof, approx. 95 sqm, plus scaffolding for 2 weeks', expected: [l('TAG-TEGL', 95, true), l('STIL-UGE', 2)], unmatched: 0 },
  { id: 'en-03', lang: 'en', text: 'How much for cleaning our gutters? About 30 metres in total.', expected: [l('SRV-RENS-RND', 30, true)], unmatched: 0 },
  { id: 'en-04', lang: 'en', text: 'Please quote: 1,250 m PEX pipe', expected: [l('VVS-PEX', 1250)], unmatched: 0, note: 'English thousands separator' },
  { id: 'en-05', lang: 'en', text: '2 roof windows (Velux) fitted + 6 hours labour', expected: [l('TAG-VIND', 2), l('ARB-TAG', 6)], unmatched: 0 },
  { id: 'en-06', lang: 'en', text: 'Replace toilet and kitchen tap, also the water heater is leaking - needs a new one', expected: [l('VVS-TOILET', 1), l('VVS-HANE', 1), l('VVS-VVB', 1)], unmatched: 0 },
  { id: 'en-07', lang: 'en', text: 'Hi there, we\'d like a price for a new felt roof on our garage, 3.5 x 6 m, and 2 new downpipes of about 2.5m', expected: [l('TAG-PAP', 21), l('NED-ZN-75', 5, true)], unmatched: 0, note: 'English decimals' },
  { id: 'en-08', lang: 'en', text: 'Drain jetting please, the kitchen sink is blocked', expected: [l('VVS-SPUL', 1)], unmatched: 0 },
  { id: 'en-09', lang: 'en', text: 'Could you send me a quote on 40-45 m2 of roof cleaning and moss removal', expected: [l('TAG-RENS', 45, true)], unmatched: 0, note: 'range; a second name of the same service' },
  { id: 'en-10', lang: 'en', text: 'Looking for a price on copper gutters, roughly 16m, with 6 brackets', expected: [l('RND-CU-125', 16, true), l('RND-BJL', 6)], unmatched: 0 },
  { id: 'en-11', lang: 'en', text: 'Half a day with the cherry picker and 4 hrs of roofer time', expected: [l('LIFT-DAG', 0.5), l('ARB-TAG', 4)], unmatched: 0 },
  { id: 'en-12', lang: 'en', text: '3 gutter corners, 2 outlets, 12 hangers and a skip', expected: [l('RND-HJ', 3), l('RND-TUD', 2), l('RND-BJL', 12), l('CONT-10', 1)], unmatched: 0 },
  { id: 'en-13', lang: 'en', text: 'New clay tile roof, the house is 10 x 12 m, plus ridge tiles 12 m and removal of the existing roof', expected: [l('TAG-TEGL', 120), l('TAG-RYG', 12), l('TAG-NED', 120)], unmatched: 0 },
  { id: 'en-14', lang: 'en', text: 'What\'s your hourly rate for a plumber? We need someone for about 3 hours', expected: [l('ARB-VVS', 3, true)], unmatched: 0 },
  { id: 'en-15', lang: 'en', text: 'We\'d like 2 x 8.5 m PVC gutter and 2 PVC downpipes of 3 m', expected: [l('RND-PVC-125', 17), l('NED-PVC-75', 6)], unmatched: 0 },
  { id: 'en-16', lang: 'en', text: 'Quote for a 110 litre hot water cylinder, and delivery to Silkeborg please', expected: [l('VVS-VVB', 1), l('LEV', 1)], unmatched: 0, note: '110 litre is the size' },
  { id: 'en-17', lang: 'en', text: 'hi we need approx. 35 meters of gutter cleaned and a new drain pipe (3m)', expected: [l('SRV-RENS-RND', 35, true), l('NED-ZN-75', 3)], unmatched: 0 },
  { id: 'en-18', lang: 'en', text: 'Can you also install solar panels?', expected: [], unmatched: 1 },
  { id: 'en-19', lang: 'en', text: 'Approx 60 sq m of new underlay, 60 m2 roof tiles and 2 weeks scaffolding', expected: [l('TAG-UNDER', 60, true), l('TAG-TEGL', 60), l('STIL-UGE', 2)], unmatched: 0 },
  { id: 'en-20', lang: 'en', text: 'Mileage 2 x 30 km, 5 hours roofer, 1 skip, 2 chimney flashings', expected: [l('KOR-KM', 60), l('ARB-TAG', 5), l('CONT-10', 1), l('TAG-INDD', 2)], unmatched: 0 },
  { id: 'en-21', lang: 'en', text: 'Please price 18 feet of gutter', expected: [l('RND-ZN-125', 5.486)], unmatched: 0, note: 'feet to metres, rounded to thousandths' },
  { id: 'en-22', lang: 'en', text: 'A couple of hours of plumbing work and a new mixer tap for the kitchen, cheers', expected: [l('ARB-VVS', 2, true), l('VVS-HANE', 1)], unmatched: 0 },
  { id: 'en-23', lang: 'en', text: 'our roof is about 140 m2 and we want it cleaned, plus gutters cleaned (approx 40 m). Also a quote on painting the fascia boards', expected: [l('TAG-RENS', 140, true), l('SRV-RENS-RND', 40, true)], unmatched: 1, note: 'the product word comes after the quantity, in another part' },
  { id: 'en-24', lang: 'en', text: 'Gutter replacement: front 14 m, back 14 m, garage 6 m', expected: [l('RND-ZN-125', 34)], unmatched: 0, note: 'lengths per side' },
  { id: 'en-25', lang: 'en', text: 'Need 2 new toilets fitted in our holiday home near Ebeltoft. Phone +45 40 50 60 70', expected: [l('VVS-TOILET', 2)], unmatched: 0 },
  { id: 'en-26', lang: 'en', text: 'three weeks of scaffolding, a dozen brackets and one downpipe 6 m', expected: [l('STIL-UGE', 3), l('RND-BJL', 12), l('NED-ZN-75', 6)], unmatched: 0, note: 'number words' },
  { id: 'en-27', lang: 'en', text: 'Dear Sir/Madam,\n\nWe are renovating a house in Risskov and need a quote for the following:\n1) approx. 130 m2 roof removal\n2) new underlay and clay tiles for the same area\n3) 2 x 13 m zinc gutters\n\nKind regards,\nSarah Miller\n+45 31 22 10 09', expected: [l('TAG-NED', 130, true), l('TAG-UNDER', 130, true), l('TAG-TEGL', 130, true), l('RND-ZN-125', 26)], unmatched: 0, note: 'numbered list, "the same area"' },
  { id: 'en-28', lang: 'en', text: 'u do gutter cleaning? like 25m', expected: [l('SRV-RENS-RND', 25, true)], unmatched: 0, note: 'chat' },
  { id: 'en-29', lang: 'en', text: 'three hours plumber, two new taps', expected: [l('ARB-VVS', 3), l('VVS-HANE', 2)], unmatched: 0 },
  { id: 'en-30', lang: 'en', text: 'We need 1.5 hours of plumbing work and 12.5 m of water pipe', expected: [l('ARB-VVS', 1.5), l('VVS-PEX', 12.5)], unmatched: 0, note: 'English decimal point' },
  { id: 'en-31', lang: 'en', text: 'Do you sell rainwater pipes? I need 4 lengths of 3 m, plus 2 outlets and delivery', expected: [l('NED-ZN-75', 12), l('RND-TUD', 2), l('LEV', 1)], unmatched: 0 },
  { id: 'en-32', lang: 'en', text: 'Price for 1 skip, 3 days of lift hire and new windows for the living room?', expected: [l('CONT-10', 1), l('LIFT-DAG', 3)], unmatched: 1, note: 'ordinary windows are not roof windows' },
  { id: 'en-33', lang: 'en', text: 'Hello, could you clean our roof on 12/05/2026? The house was built in 1978 and the roof is about 120 m2. Call 21 43 65 87', expected: [l('TAG-RENS', 120, true)], unmatched: 0, note: 'date, a year, a phone number; the area is given with the roof, not with the service' },
];

/**
 * A held-out set, written after `linesFromText`'s rules were settled on `REQUESTS`: its figures are
 * the honest estimate of accuracy on requests the rules were not tuned to. Same price list, same
 * labelling rules. Its first run, as written: 36 requests, exact match 77,8 %, line precision
 * 90,6 %, recall 93,5 %, quantity accuracy 96,6 %, unmatched detection 88,9 %. One bug it showed
 * was fixed afterwards (a filler word, "flat", hid a word of the price list's own synonyms, "flat
 * roof"); nothing else was tuned to it. Don't tune the reader against it: write a new one.
 */
export const HELD_OUT: LabelledRequest[] = [
  { id: 'ho-da-01', lang: 'da', text: 'Hej, hvad vil det koste at få ny tagrende på begge sider af huset? Det er 2 gange 9,5 meter. Mvh Anne', expected: [l('RND-ZN-125', 19)], unmatched: 0 },
  { id: 'ho-da-02', lang: 'da', text: 'Skal have skiftet tagrender og nedløbsrør på et parcelhus. Tagrender ca. 28 m og 2 nedløbsrør a 3,5 m. Kan det laves i uge 14?', expected: [l('RND-ZN-125', 28, true), l('NED-ZN-75', 7)], unmatched: 0 },
  { id: 'ho-da-03', lang: 'da', text: 'Pris på 40 m² tagpap på garagen inkl. 2 dages lift?', expected: [l('TAG-PAP', 40), l('LIFT-DAG', 2)], unmatched: 0 },
  { id: 'ho-da-04', lang: 'da', text: "Jeg har brug for en VVS'er til at skifte en utæt vandhane i køkkenet", expected: [l('ARB-VVS', 1), l('VVS-HANE', 1)], unmatched: 0, note: 'two items in one part without quantities' },
  { id: 'ho-da-05', lang: 'da', text: '2 stk. rendehjørner udvendige og 1 indvendigt', expected: [l('RND-HJ', 3)], unmatched: 0, note: 'elliptic second item with an adjective' },
  { id: 'ho-da-06', lang: 'da', text: 'Tilbud på udskiftning af eternittag til tegltag, 135 m2, inkl. nedtagning og bortskaffelse af eternit', expected: [l('TAG-TEGL', 135), l('TAG-NED', 135)], unmatched: 1, note: 'asbestos disposal is not on the list' },
  { id: 'ho-da-07', lang: 'da', text: 'Hvad koster en lift i 3 dage?', expected: [l('LIFT-DAG', 3)], unmatched: 0 },
  { id: 'ho-da-08', lang: 'da', text: 'Vi mangler 6 meter zinkrende til udhuset + en tud', expected: [l('RND-ZN-125', 6), l('RND-TUD', 1)], unmatched: 0 },
  { id: 'ho-da-09', lang: 'da', text: 'Kan I rense tagrender på en villa? Der er omkring 45 løbende meter', expected: [l('SRV-RENS-RND', 45, true)], unmatched: 0 },
  { id: 'ho-da-10', lang: 'da', text: 'stillads 2 uger, tagrensning 120 kvm, algebehandling', expected: [l('STIL-UGE', 2), l('TAG-RENS', 120)], unmatched: 0 },
  { id: 'ho-da-11', lang: 'da', text: 'Vi vil gerne have 3 nye ovenlysvinduer monteret, og skorstenen skal have ny inddækning', expected: [l('TAG-VIND', 3), l('TAG-INDD', 1)], unmatched: 0 },
  { id: 'ho-da-12', lang: 'da', text: 'Spuling af kloak samt 8 m nyt PEX rør under køkkenet', expected: [l('VVS-SPUL', 1), l('VVS-PEX', 8)], unmatched: 0 },
  { id: 'ho-da-13', lang: 'da', text: 'Hvad er timeprisen for en tagdækker?', expected: [l('ARB-TAG', 1)], unmatched: 0 },
  { id: 'ho-da-14', lang: 'da', text: 'Tagpap 2 lag, 55 kvm, + 14 m sternkant i zink', expected: [l('TAG-PAP', 55)], unmatched: 1, note: 'fascia is not on the list' },
  { id: 'ho-da-15', lang: 'da', text: 'Kan i give pris på 1.500 rendejern og 300 rendehjørner til et boligbyggeri', expected: [l('RND-BJL', 1500), l('RND-HJ', 300)], unmatched: 0 },
  { id: 'ho-da-16', lang: 'da', text: 'Vi har fået vandskade og skal have nyt undertag på ca. 70 m2 samt lidt tømrerarbejde', expected: [l('TAG-UNDER', 70, true)], unmatched: 1, note: 'carpentry is not roofer labour' },
  { id: 'ho-da-17', lang: 'da', text: 'tilbud på nedløbsrør i plast 4x3m og 2 tude', expected: [l('NED-PVC-75', 12), l('RND-TUD', 2)], unmatched: 0 },
  { id: 'ho-da-18', lang: 'da', text: 'Hvor meget for at skifte 2 stk. nedløb? ca 4 meter hver', expected: [l('NED-ZN-75', 8, true)], unmatched: 0 },
  { id: 'ho-da-19', lang: 'da', text: 'Vi skal bruge en container i en uge', expected: [l('CONT-10', 1)], unmatched: 0 },
  { id: 'ho-da-20', lang: 'da', text: 'Hej. Vi har en gammel varmtvandsbeholder på 60 liter som skal udskiftes. Hvad koster en ny på 110 liter inkl. montering?', expected: [l('VVS-VVB', 1), l('ARB-VVS', 1)], unmatched: 0, note: 'fitting a cylinder is plumbing labour' },
  { id: 'ho-da-21', lang: 'da', text: '3 timers arbejde med at montere rendejern, og 25 rendejern', expected: [l('ARB-TAG', 3), l('RND-BJL', 25)], unmatched: 0 },
  { id: 'ho-da-22', lang: 'da', text: 'Hvad koster det pr. kvm at få renset tag for mos? Huset har ca 130 kvm tag.', expected: [l('TAG-RENS', 130, true)], unmatched: 0, note: 'the area is given with the roof' },
  { id: 'ho-da-23', lang: 'da', text: 'Kobberrende 2 x 8 m, 16 rendejern og 2 hjørner, gerne levering i næste uge', expected: [l('RND-CU-125', 16), l('RND-BJL', 16), l('RND-HJ', 2), l('LEV', 1)], unmatched: 0 },
  { id: 'ho-da-24', lang: 'da', text: 'halvanden dags lift og ca. 12 timers montage', expected: [l('LIFT-DAG', 1.5), l('ARB-TAG', 12, true)], unmatched: 0 },
  { id: 'ho-en-01', lang: 'en', text: 'Hi, can you quote for replacing approx 32m of guttering and 3 downpipes of 4 m?', expected: [l('RND-ZN-125', 32, true), l('NED-ZN-75', 12)], unmatched: 0 },
  { id: 'ho-en-02', lang: 'en', text: "We'd like a new tiled roof on our 110 sqm house plus new underlay", expected: [l('TAG-TEGL', 110), l('TAG-UNDER', 110)], unmatched: 0 },
  { id: 'ho-en-03', lang: 'en', text: 'How much is a plumber per hour?', expected: [l('ARB-VVS', 1)], unmatched: 0 },
  { id: 'ho-en-04', lang: 'en', text: 'Blocked drain in the basement, can someone come and jet it?', expected: [l('VVS-SPUL', 1)], unmatched: 0 },
  { id: 'ho-en-05', lang: 'en', text: 'Could you price 2 Velux windows, including fitting, and scaffolding for one week', expected: [l('TAG-VIND', 2), l('STIL-UGE', 1)], unmatched: 0, note: 'the roof window is priced fitted' },
  { id: 'ho-en-06', lang: 'en', text: 'I need about 20 metres of PEX water pipe and 4 hours of plumbing', expected: [l('VVS-PEX', 20, true), l('ARB-VVS', 4)], unmatched: 0 },
  { id: 'ho-en-07', lang: 'en', text: 'gutter clean 3 sides of house about 25m total, also moss removal on roof', expected: [l('SRV-RENS-RND', 25, true), l('TAG-RENS', 1)], unmatched: 0 },
  { id: 'ho-en-08', lang: 'en', text: 'New flat roof: 6 by 9 metres, felt', expected: [l('TAG-PAP', 54)], unmatched: 0 },
  { id: 'ho-en-09', lang: 'en', text: 'Please quote removal of the old roof (about 95 m2), 95 m2 new clay tiles and a skip', expected: [l('TAG-NED', 95, true), l('TAG-TEGL', 95), l('CONT-10', 1)], unmatched: 0 },
  { id: 'ho-en-10', lang: 'en', text: 'We need a new toilet and 2 hours of plumbing work, asap please', expected: [l('VVS-TOILET', 1), l('ARB-VVS', 2)], unmatched: 0 },
  { id: 'ho-en-11', lang: 'en', text: 'Can you do 2 chimney flashings and 8 metres of ridge tiles? Also we need solar panels cleaned.', expected: [l('TAG-INDD', 2), l('TAG-RYG', 8)], unmatched: 1 },
  { id: 'ho-en-12', lang: 'en', text: 'Hire of lift for 2 days and 4 hours of roofer labour', expected: [l('LIFT-DAG', 2), l('ARB-TAG', 4)], unmatched: 0 },
];
