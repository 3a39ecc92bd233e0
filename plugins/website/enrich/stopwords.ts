/**
 * Small Danish and English stop word lists for picking content words out of headings: the
 * function words, plus the words every company site uses in its headings ("velkommen", "kontakt",
 * "læs mere") that say nothing about the industry.
 */

const DANISH = `
af alle allerede alt altid andet andre anden at bag bare begge blev blive bliver blot da dag dage de dem den denne dens der deres derfor det dette dig din dine disse
dog du efter eftersom egen eller en end endnu ene eneste enhver er et etc fem fik fire flere fleste for foran fordi forrige fra fri få får gang gennem gerne god godt
gør gøre gør han hans har havde have hele hen her hende hendes herfra hos hun hvad hvem hver hvilke hvilken hvis hvor hvordan hvorfor hvornår i ikke ind ingen intet
igen jeg jer jeres jo kan kom komme kommer kun kunne lad lav lidt lige lille man mange med meget men mens mere mest mig min mine mit mod må måske ned nej nemlig noget
nogen nogle nok nu ny nye nyt når og også om op os over på rigtig samme sammen se selv sig sin sine sit skal skulle som stadig stor store står syv så sådan
til tit to tre ud uden under vel var ved vi via vil ville vor vore vores være været år
velkommen forside hjem kontakt kontakte læs mere se her klik ring skriv os om side sider menu info information nyheder nyhed
tilbud gratis bedste kvalitet erfaring hurtig hurtigt hjælp uden inden hver hvert laver lave finder find
handelsbetingelser salgsbetingelser betingelser privatlivspolitik persondatapolitik cookies cookiepolitik
`;

const ENGLISH = `
a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during
each few for from further get got had has have having he her here hers him his how i if in into is it its itself just let me more most my no nor not now of off on
once only or other our ours out over own same she should so some such than that the their them then there these they this those through to too under until up us
very was we were what when where which while who whom why will with would you your yours
welcome home contact read learn learns more click call us page pages menu info information news latest get started free best quality experience fast
without within across every many much new make makes made like need needs want way ways one two three today see find help helps
terms conditions privacy policy cookies
`;

/**
 * Words that are never industry keywords, Danish and English, lower case.
 *
 * @example
 * STOP_WORDS.has('velkommen'); // true
 * STOP_WORDS.has('varmepumper'); // false
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([...DANISH.split(/\s+/), ...ENGLISH.split(/\s+/)].filter(Boolean));
