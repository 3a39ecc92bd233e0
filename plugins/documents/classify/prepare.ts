import type { TextAnalysis } from '../../../plugin-api.d.ts';
import type { ClassifyInput } from './types.ts';

/** A document read once for both the cues and the learned model. */
export interface Prepared {
  lang: 'da' | 'en';
  /** Title, file name and text, lower-cased (æøå kept), whitespace inside lines collapsed. */
  all: string;
  /** Title, file name and the start of the text: where a document says what it is. */
  head: string;
  /** Lower-cased lines of the text, blank ones dropped. */
  lines: string[];
  /** Sparse, L2-normalised word features for the learned model. */
  features: Map<string, number>;
}

// The first lines of a letterhead (name, address, CVR) and then the document's heading fit in
// this many characters; an invoice's "FAKTURA" or a contract's "Serviceaftale" sits here.
const HEAD_CHARS = 320;
// Long contracts and specifications have said what they are long before this; reading more only
// costs time and lets one long document outweigh the rest in the learned model.
const MAX_TOKENS = 4000;
// What the learned model keeps of one document: the heaviest features, enough to recognise a
// business's template, small enough to store a few hundred corrections in the plugin's kv.
const MAX_FEATURES = 300;
const TITLE_WEIGHT = 3;

/**
 * Normalises text for the cues: NFKC, lower case, typographic dashes and quotes to ASCII, runs of
 * spaces and tabs to one space. Danish letters stay as they are.
 *
 * @example
 * normalize('FAKTURA\u00A0 nr.\t 1042'); // 'faktura nr. 1042'
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[^\S\n]+/g, ' ');
}

/**
 * Reads a document for classification: normalised text, its head and lines, the language, and
 * the word features (stemmed unigrams without stopwords, bigrams of neighbouring content words,
 * and the title's words marked as such, since a business's document titles say most).
 *
 * @example
 * const doc = prepare({ text: 'Faktura nr. 1042 …', name: 'faktura.pdf', type: 'pdf' }, ctx.text);
 * doc.head.startsWith('faktura'); // true
 */
export function prepare(input: ClassifyInput, text: TextAnalysis): Prepared {
  const body = normalize(input.text ?? '');
  const title = normalize(`${input.title ?? ''}\n${input.name ?? ''}`).trim();
  const lang = text.detectLanguage(`${input.title ?? ''}\n${input.text ?? ''}`.slice(0, 5000));
  return {
    lang,
    all: `${title}\n${body}`,
    head: `${title}\n${body.trimStart().slice(0, HEAD_CHARS)}`,
    lines: body.split('\n').map((l) => l.trim()).filter(Boolean),
    features: featuresOf(input, lang, text),
  };
}

function featuresOf(input: ClassifyInput, lang: 'da' | 'en', text: TextAnalysis): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, n = 1) => counts.set(key, (counts.get(key) ?? 0) + n);
  const content = (source: string) =>
    text
      .tokenize(source)
      .slice(0, MAX_TOKENS)
      // Numbers, dates and item codes differ from one document to the next and say nothing of its kind.
      .filter((w) => !/\d/.test(w) && w.length > 1 && !text.isStopword(w, lang))
      .map((w) => text.stem(w, lang));
  const words = content(input.text ?? '');
  for (const [i, w] of words.entries()) {
    add(w);
    if (i > 0) add(`${words[i - 1]} ${w}`);
  }
  // The file name is left out: uploads are called "scan0001.pdf" as often as "faktura.pdf".
  for (const w of new Set(content(input.title ?? ''))) add(`title:${w}`, TITLE_WEIGHT);
  const weighted = [...counts].map(([k, n]) => [k, 1 + Math.log(n)] as [string, number]);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = weighted.slice(0, MAX_FEATURES);
  const norm = Math.hypot(...kept.map(([, v]) => v)) || 1;
  return new Map(kept.map(([k, v]) => [k, v / norm]));
}
