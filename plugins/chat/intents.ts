import type { TextAnalysis } from '../../plugin-api.d.ts';

/** What a visitor wants, for scoring and for the staff's queue. */
export type Intent = 'price_request' | 'meeting_request' | 'support' | 'complaint' | 'job_application' | 'human' | 'spam';

/** Words (stemmed like the question's) that signal an intent, Danish and English. */
const SIGNALS: Record<Exclude<Intent, 'human'>, string[]> = {
  price_request: ['pris', 'priser', 'koster', 'kostede', 'tilbud', 'overslag', 'rabat', 'price', 'prices', 'cost', 'costs', 'quote', 'estimate', 'discount'],
  meeting_request: ['møde', 'demo', 'besøg', 'besigtigelse', 'aftale', 'booke', 'bestille', 'meeting', 'demo', 'visit', 'appointment', 'book', 'schedule'],
  support: ['virker', 'fejl', 'problem', 'hjælp', 'reparation', 'utæt', 'defekt', 'broken', 'error', 'issue', 'help', 'repair', 'leak', 'faulty', 'support'],
  complaint: ['klage', 'utilfreds', 'skuffet', 'erstatning', 'reklamation', 'dårlig', 'complaint', 'complain', 'unhappy', 'disappointed', 'refund', 'compensation', 'terrible'],
  job_application: ['job', 'stilling', 'ansøgning', 'ansøge', 'elev', 'lærling', 'praktik', 'karriere', 'vacancy', 'position', 'apply', 'application', 'apprentice', 'career', 'cv'],
  spam: ['casino', 'crypto', 'bitcoin', 'seo', 'backlinks', 'viagra', 'loan', 'lån'],
};

// Asking for a person is a request, not a word: "Hvor mange mennesker bor i Aarhus?" and "What
// does the logo represent?" mention people and are questions for the bot. These patterns need a
// verb of talking or calling aimed at a person, or a short message that is only the request.
const PERSON_DA = String.raw`(?:en |et |nogen |jeres |din |jer )?(?:rigtig(?:t)? |levende |fysisk )?(?:person|menneske|medarbejder|kollega|sælger|rådgiver|konsulent|kundeservice|kundeservicen|support|nogen|jer)`;
const PERSON_EN = String.raw`(?:a |an |some |the |your |one of your )?(?:real |live |actual |human )?(?:human|person|agent|representative|rep|someone|somebody|staff|operator|employee|people|customer service|support team|colleague)`;
const REQUESTS: RegExp[] = [
  new RegExp(String.raw`\b(?:tale|snakke|chatte|skrive|komme i (?:kontakt|forbindelse)) (?:med|til) ${PERSON_DA}\b`, 'i'),
  new RegExp(String.raw`\b(?:få fat (?:i|på)|få kontakt (?:med|til)|stille mig (?:om|videre) til|sætte mig i forbindelse med|viderestille\w*(?: mig)?(?: til)?) ${PERSON_DA}\b`, 'i'),
  new RegExp(String.raw`\b(?:vil|ønsker|gerne|kan jeg få|må jeg få|jeg vil have|giv mig)(?![a-zæøå]).{0,20}\b(?:et menneske|en person|en medarbejder|en rigtig person|et rigtigt menneske)\b`, 'i'),
  /\b(?:ring(?:e)?|kontakt(?:e)?)\s+(?:(?:til|op til)\s+)?mig(?:\s+op)?\b/i,
  /\bring\s+mig\s+op\b/i,
  new RegExp(String.raw`\b(?:talk|speak|chat) (?:to|with) ${PERSON_EN}\b`, 'i'),
  new RegExp(String.raw`\b(?:want|need|get|have|give me|connect me (?:to|with)|transfer me to|put me through to)\b.{0,15}\b(?:a|an|to a|with a)?\s*(?:real |live |actual )?(?:human|person|agent|representative|operator)\b`, 'i'),
  /\b(?:call|phone|ring)\s+me(?:\s+back)?\b/i,
  /\bcontact\s+me\b/i,
];
/** A message that is nothing but the request: "menneske!", "human please", "agent". */
const ONLY_A_PERSON = /^\s*(?:et\s+|en\s+|a\s+)?(?:menneske|person|medarbejder|human|agent|operator|representative|real person|rigtig person)\s*(?:tak|please|pls|nu|now)?\s*[!.?]*\s*$/i;

/**
 * The intents a message shows, by words in Danish or English (stems compared, so "priserne"
 * counts as "pris"), and `human` when the visitor asks to talk to a person. Several can hold;
 * none is fine. Spam is also a message that is mostly a link.
 *
 * @example
 * intentsOf('Hvad koster en ny tagrende, og kan I komme forbi på tirsdag?', ctx.text); // ['price_request', 'meeting_request']
 * intentsOf('Kan jeg tale med en person?', ctx.text); // ['human']
 * intentsOf('Hvor mange medarbejdere har I?', ctx.text); // []
 */
export function intentsOf(message: string, text: TextAnalysis): Intent[] {
  const stems = new Set(text.tokenize(message).flatMap((w) => [text.stem(w, 'da'), text.stem(w, 'en')]));
  const found: Intent[] = (Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]).filter((intent) =>
    SIGNALS[intent].some((word) => stems.has(text.stem(word, 'da')) || stems.has(text.stem(word, 'en'))),
  );
  if (asksForPerson(message)) found.push('human');
  const links = message.match(/https?:\/\/\S+/g) ?? [];
  if (links.join('').length > message.length / 2 && !found.includes('spam')) found.push('spam');
  return found;
}

/** True when the message asks to be put through to a person (a request, not a mention). */
export function asksForPerson(message: string): boolean {
  const flat = message.replace(/\s+/g, ' ').trim();
  return ONLY_A_PERSON.test(flat) || REQUESTS.some((pattern) => pattern.test(flat));
}
