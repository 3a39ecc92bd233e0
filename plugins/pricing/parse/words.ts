/**
 * The small closed word classes the line reader needs, Danish and English: markers of an
 * approximate quantity, of a total, of a range, of "A x B", of a request, of a description,
 * of a negation; and the filler that does not name a product (greetings, pronouns, verbs of
 * asking and doing, rooms and parts of a house, time words), which decides whether a part that
 * matched nothing names something the price list lacks.
 */

const set = (words: string) => new Set(words.split(/\s+/).filter(Boolean));

/** Before a number: the quantity is approximate. ("like" only in English chat: "like 25m".) */
export const APPROX = set('ca c cirka circa omkring ungefær cirkaa approx approximately about around roughly ~ ± like some');
/** After a length: each piece has it ("3 m each", "12 m hver", "6 m stk."). */
export const EACH_AFTER = set('each hver stk pr per apiece');
/** The quantity is a total, not per piece. */
export const TOTAL = set('ialt total samlet tilsammen altogether');
export const TOTAL_PAIRS = [['i', 'alt'], ['in', 'total'], ['in', 'all']];

/** Range words between two numbers. */
export const RANGE = set('- – — til to \u0001');

/** "3 x 12 m", "10 by 12 m". */
export const TIMES = set('x × gange by');

/** Count nouns that behave as `stk` after a number ("4 længder", "4 lengths"). */
export const COUNT_NOUNS = set('længde længder længden lengths length');

/** A finite verb of description: the part says how things are rather than asking for something. */
export const DESCRIPTIVE = set('er var har havde bliver blev løber drypper trænger lækker utæt is are was were has had leaks leaking drips dripping broken');
/** Copulas: "taget er ca. 120 m²", "the roof is about 120 m2". */
export const COPULA = set('er var is are was were');

/** A request: asking, needing, wanting, a price. */
export const CUES = set(`skal vil ønsker ønskes ønske brug bruge mangler pris priser prisen tilbud koster bud overslag kan kunne mulighed laver tilbyder sælger leverer
  need needs want wants like please pls quote quotation price prices cost costs can could would looking require required do`);

/** What follows is not wanted: "uden montering", "without fitting". */
export const WITHOUT = set('uden without ekskl excl excluding except');
/** The customer does it: "vi monterer selv", "we'll fit them ourselves". */
export const SELF = set('selv ourselves myself');

/** A part starting with one of these is a clause (a description, a condition), not a list item. */
export const CLAUSE_START = set('det der den han hun vi jeg de it this that there which who we i they he she hvis if fordi because når when men but hvor where som');

/** Words that don't name a product, in either language. */
export const FILLER = set(`
  hej hejsa hey kære goddag dav tak mange forhånd venlig venligst hilsen hilsner mvh vh kh
  jeg vi du de dem han hun man os mig dig jer det den der dette disse her nu så også lige bare kun helst gerne meget mere flere nogle noget nogen alle alt hele andet anden andre samme sådan
  hvad hvor hvornår hvordan hvorfor hvilken hvilke hvis om at er var være været bliver blive blev har have ha havde haft skal skulle vil ville kan kunne må måtte bør får få fik fået gør gøre gjort
  lave laver lavet laves lægge lægges lagt sætte sætter sat sættes skifte skiftet skiftes skift skiftning udskifte udskiftet udskiftes udskiftning komme kommer kigge se ser bruge bruger brug behov
  ønsker ønske ønskes mangler mangle give giv sende send tilbud tilbuddet pris priser prisen koster koste bud overslag estimat tid snarest hurtigst hurtigt muligt mulighed mulig asap idag morgen næste
  uge ugen måned weekend dag dage hus huset husets hjem bolig villa rækkehus rækkehuset sommerhus sommerhuset lejlighed garage garagen carport carporten udhus udhuset skur skuret anneks kælder kælderen
  køkken køkkenet bad badet badeværelse badeværelset badeværelserne loft loftet etage sal forside forsiden bagside bagsiden gavl gavlen side siden front adresse aftalt aftale telefon telefonen snak
  snakket samtale ring ringe spørgsmål hjælp hjælpen svar ok okay ja nej evt eventuelt ca cirka omkring ialt samlet stk styk fint godt god gode hurtig stor større store lille små ny nye nyt gammel
  gamle gammelt eksisterende nuværende egen eget selv ud ind op ned over under hen rundt fra til med uden på af for efter før ved hos mellem inden ifm vedr angående følgende nedenstående ovenstående
  som samt og eller men fordi da når mens end tager tage regne regner tilbyder tilbyde sælger sælge firma jeres vores min mit mine din dit dine sin sit sine hans hendes deres igen endnu allerede
  stadig altid aldrig måske sikkert nok vel jo dog ellers lidt par opgave opgaven job sted stedet område området areal arealet hvert hver stykke stykker længder længde ialt monteret leveret opsat
  sidst sidste forrige begge huse husene
  hi hello dear sir madam there thanks thank you regards best kind cheers please pls i we us me my our ours your yours it its this that these those they them he she someone something anything
  need needs needed want wants would like could can will shall should may might must do does did done be is are was were been being have has had having get got getting make made put send give
  quote quotation quoted price prices pricing priced cost costs estimate rate hourly how much many what when where which who why whether if also too just only some any all whole entire same new old
  existing current other another more less about approx approximately around roughly total in on at to for from of with without by and or but so as than the a an asap soon possible tomorrow today
  week weeks next month weekend house home garage shed annex cottage holiday flat apartment property building kitchen bathroom bath basement attic loft floor front back side rear gable living room
  near area address phone call following below above looking replace replaced replacement renew fix install installed fitted delivered job ok okay yes no sorry renovating renovation u ur thx hire
  rent rental lengths length pieces piece each per both one someone anyone us
`);

/** Filler nouns, whose inflections are filler too ("huse", "garagerne", "rooms"). */
export const FILLER_NOUNS = set(`hus garage carport udhus skur anneks kælder køkken bad badeværelse loft etage sal side gavl sted område areal opgave job
  bolig villa rækkehus sommerhus lejlighed adresse spørgsmål tilbud pris
  house home room kitchen bathroom floor area job shed annex cottage flat apartment property building address question quote price`);
