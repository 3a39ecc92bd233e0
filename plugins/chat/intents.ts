import type { TextAnalysis } from '../../plugin-api.d.ts';

/** What a visitor wants, for scoring and for the staff's queue. */
export type Intent = 'price_request' | 'meeting_request' | 'support' | 'complaint' | 'job_application' | 'human' | 'spam';

/** Words (stemmed like the question's) that signal an intent, Danish and English. */
const SIGNALS: Record<Intent, string[]> = {
  price_request: ['pris', 'priser', 'koster', 'kostede', 'tilbud', 'overslag', 'rabat', 'price', 'prices', 'cost', 'costs', 'quote', 'estimate', 'discount'],
  meeting_request: ['møde', 'demo', 'besøg', 'besigtigelse', 'aftale', 'booke', 'bestille', 'meeting', 'demo', 'visit', 'appointment', 'book', 'schedule', 'call'],
  support: ['virker', 'fejl', 'problem', 'hjælp', 'reparation', 'utæt', 'defekt', 'broken', 'error', 'issue', 'help', 'repair', 'leak', 'faulty', 'support'],
  complaint: ['klage', 'utilfreds', 'skuffet', 'erstatning', 'reklamation', 'dårlig', 'complaint', 'complain', 'unhappy', 'disappointed', 'refund', 'compensation', 'terrible'],
  job_application: ['job', 'stilling', 'ansøgning', 'ansøge', 'elev', 'lærling', 'praktik', 'karriere', 'vacancy', 'position', 'apply', 'application', 'apprentice', 'career', 'cv'],
  human: ['menneske', 'person', 'medarbejder', 'ringe', 'ring', 'human', 'person', 'someone', 'agent', 'representative', 'phone'],
  spam: ['casino', 'crypto', 'bitcoin', 'seo', 'backlinks', 'viagra', 'loan', 'lån'],
};

/**
 * The intents a message shows, by words in Danish or English (stems compared, so "priserne"
 * counts as "pris"). Several can hold; none is fine. Spam is also a message that is mostly a
 * link.
 *
 * @example
 * intentsOf('Hvad koster en ny tagrende, og kan I komme forbi på tirsdag?', ctx.text); // ['price_request', 'meeting_request']
 */
export function intentsOf(message: string, text: TextAnalysis): Intent[] {
  const stems = new Set(text.tokenize(message).flatMap((w) => [text.stem(w, 'da'), text.stem(w, 'en')]));
  const found = (Object.keys(SIGNALS) as Intent[]).filter((intent) =>
    SIGNALS[intent].some((word) => stems.has(text.stem(word, 'da')) || stems.has(text.stem(word, 'en'))),
  );
  const links = message.match(/https?:\/\/\S+/g) ?? [];
  if (links.join('').length > message.length / 2 && !found.includes('spam')) found.push('spam');
  return found;
}
