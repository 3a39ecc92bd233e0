/** The languages the search core stems and indexes with their own Postgres config. */
export type Lang = 'da' | 'en';

// Function words that are frequent in one language and (almost) absent from the other.
// Words that are common in both are left out on purpose: "at", "i", "to", "for", "men",
// "man", "under", "over", "by", "end", "have", "her" (Danish "here"), "den", "bare", "it"
// (Danish business text writes "IT" all the time) and "send".
const DANISH_WORDS = new Set(
  `og det en er som på de med af ikke der var mig sig et har om vi min mit mine havde ham hun nu da fra
du ud sin sit sine dem os op hans hvor eller hvad hvem hvordan hvornår hvorfor hvilken hvilke hvilket
skal selv alle vil blev kunne ind når være dog noget nogen nogle ville jo deres vores jeres efter ned
skulle denne dette disse også dig anden andet andre hende alt meget mod hvis din dit dine hos blive
bliver hendes været jer sådan jeg kan kun ved uden mellem gennem inden siden allerede lige helt godt
gode mere mest mange flere samme hver hvert hele første næste sidste nye nyt små måske altid aldrig
igen stadig endnu både enten fordi derfor hvorfor ja nej tak hej venlig venlige hilsen kr moms
pris priser tilbud`.split(/\s+/),
);

const ENGLISH_WORDS = new Set(
  `the a an and of in on is are was were be been being this that these those with from what which who
whom whose how why when where you your yours we our ours they their them he him his she hers its not
can cannot will would should could may might must has had having do does did doing done about please
thanks thank if or but than then there here all any some my me us into yes just only also get got
very much many such each every other after before because while during through between out up new
one price prices quote`.split(/\s+/),
);

// Endings that mark Danish or English morphology (definite plurals, -lig adjectives, -hed
// nouns, past participles in -eret; English -ly, -ness, "th", contractions). Endings that
// both languages share (-ing: "regning"; -tion: "information"; -ment: "abonnement") are not
// evidence and are left out.
const DANISH_ENDING = /(?:lig|ligt|lige|ligere|ligste|hed|heden|heder|hederne|erne|ningen|ninger|ningerne|eret|erede|erer|ende|endes|elsen|elser|tionen|tioner|sionen|dt)$/;
const ENGLISH_ENDING = /(?:ly|ness|ous|ght|ful|ies|ied|'s|n't|'re|'ll|'ve|'d)$/;
const DANISH_LETTERS = /[æøå]/;
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’]*/gu;

// Long texts are judged on a sample: a few thousand words decide the language as well
// as millions, and detection stays O(1) for a 10 MB document.
const SAMPLE = 24_000;

/** Evidence for each language (internal; `detectLanguage` is the public face). */
export interface LanguageScores {
  da: number;
  en: number;
}

/**
 * Adds up the evidence for Danish and English in a text. Stop-word hits count 1, a
 * lower-case word with æ/ø/å counts 2, a capitalised one only 0.5 (it is likely a name,
 * such as "Søren" in an English email), a telling ending 0.5. Counting stops early once one
 * language leads clearly (≥ 12 and three times the other), so scores are only comparable
 * with each other.
 */
export function languageScores(text: string): LanguageScores {
  const sample = text.length > SAMPLE ? `${text.slice(0, SAMPLE / 2)} ${text.slice(text.length / 2, text.length / 2 + SAMPLE / 4)} ${text.slice(-SAMPLE / 4)}` : text;
  const scores = { da: 0, en: 0 };
  for (const match of sample.matchAll(WORD)) {
    const word = match[0];
    const lower = word.toLowerCase().replaceAll('’', "'");
    if (DANISH_WORDS.has(lower)) scores.da += 1;
    else if (ENGLISH_WORDS.has(lower)) scores.en += 1;
    if (DANISH_LETTERS.test(lower)) {
      scores.da += word === lower ? 2 : 0.5;
      continue;
    }
    if (lower.length < 4) continue;
    if (DANISH_ENDING.test(lower)) scores.da += 0.5;
    else if (ENGLISH_ENDING.test(lower) || (word === lower && lower.includes('th'))) scores.en += 0.5;
    // Decided: a clear lead stops the count (chunking calls this for every passage).
    if ((scores.da >= 12 && scores.da >= 3 * scores.en) || (scores.en >= 12 && scores.en >= 3 * scores.da)) break;
  }
  return scores;
}

/**
 * Tells Danish from English. Works on a three-word question as well as on a long
 * document. When the evidence is even, any Danish evidence wins (a Danish business is the
 * reason this exists, and English text nearly always has plenty of "the", "is", "of");
 * with no evidence at all the answer is `'en'`.
 *
 * @example
 * detectLanguage('Hvad koster det at få lavet en hjemmeside?'); // 'da'
 * detectLanguage('Hvad koster det'); // 'da'
 * detectLanguage('Please call Søren Ørsted about the invoice'); // 'en'
 * detectLanguage(''); // 'en'
 */
export function detectLanguage(text: string): Lang {
  const { da, en } = languageScores(text);
  if (en > da) return 'en';
  return da > 0 ? 'da' : 'en';
}
