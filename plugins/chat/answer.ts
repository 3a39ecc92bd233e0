import type { SearchHit, TextAnalysis } from '../../plugin-api.d.ts';
import { citationOf } from './citations.ts';
import { type Lang, TEXTS } from './texts.ts';

export interface Citation {
  n: number;
  title: string | null;
  url: string | null;
  /** The page of a paged document (PDF) the passage is on. */
  page: number | null;
}

export interface Answer {
  text: string;
  citations: Citation[];
  /** False when the passages don't answer the question: the bot says so and offers a person. */
  confident: boolean;
}

/** A passage answers when it holds at least this share of the question's content words (stemmed). */
const MIN_COVERAGE = 0.4;
const MAX_SOURCES = 2;
const SENTENCES_PER_SOURCE = 2;

/**
 * The answer without a language model: the sentences of the best passages that share the most
 * words (by stem, Danish and English) with the question, each source cited with a number. When
 * no passage holds enough of the question's content words, it says it does not know rather
 * than quote something beside the point.
 *
 * @example
 * extractiveAnswer('Hvad koster en tagrende?', hits, ctx.text, 'da'); // { text: 'Det her fandt jeg: … [1]', citations: [{ n: 1, … }], confident: true }
 */
export function extractiveAnswer(question: string, hits: SearchHit[], text: TextAnalysis, lang: Lang): Answer {
  const wanted = wordsOf(question, text);
  if (wanted.size === 0) return unsure(lang);
  const scored = hits
    .map((hit) => ({ hit, sentences: text.sentences(hit.content).map((s) => ({ s, matched: matchedStems(s, wanted, text) })) }))
    .map((h) => ({ ...h, coverage: new Set(h.sentences.flatMap((x) => [...x.matched])).size / wanted.size }))
    .filter((h) => h.coverage >= MIN_COVERAGE)
    .slice(0, MAX_SOURCES);
  if (scored.length === 0) return unsure(lang);
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const { hit, sentences } of scored) {
    const n = citations.length + 1;
    citations.push(citationOf(n, hit));
    const best = sentences
      .map((x, index) => ({ ...x, index }))
      .filter((x) => x.matched.size > 0)
      .sort((a, b) => b.matched.size - a.matched.size || a.index - b.index)
      .slice(0, SENTENCES_PER_SOURCE)
      .sort((a, b) => a.index - b.index);
    parts.push(`${best.map((x) => x.s).join(' ')} [${n}]`);
  }
  return { text: `${TEXTS[lang].found}\n\n${parts.join('\n\n')}`, citations, confident: true };
}

function unsure(lang: Lang): Answer {
  return { text: TEXTS[lang].unsure, citations: [], confident: false };
}

/** The words of a question that are not stop words in Danish or English. */
function wordsOf(question: string, text: TextAnalysis): Set<string> {
  return new Set(text.tokenize(question).filter((w) => !text.isStopword(w, 'da') && !text.isStopword(w, 'en')));
}

/** The question's words found in a sentence, comparing Danish and English stems. */
function matchedStems(sentence: string, wanted: Set<string>, text: TextAnalysis): Set<string> {
  const present = new Set<string>();
  for (const word of text.tokenize(sentence)) {
    present.add(`da:${text.stem(word, 'da')}`);
    present.add(`en:${text.stem(word, 'en')}`);
  }
  return new Set([...wanted].filter((w) => present.has(`da:${text.stem(w, 'da')}`) || present.has(`en:${text.stem(w, 'en')}`)));
}
