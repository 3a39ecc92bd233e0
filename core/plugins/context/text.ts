import type { TextAnalysis } from '../../../plugin-api.d.ts';
import { contentRisks } from '../../content/risks.ts';
import { detectLanguage, splitSentences, stem, stopwords, tokenize } from '../../search/text/index.ts';

/**
 * The core's Danish/English text analysis, as plugins see it.
 *
 * @example
 * ctx.text.stem('biler', 'da'); // 'bil'
 */
export const textAnalysis: TextAnalysis = {
  detectLanguage: (text) => detectLanguage(text),
  tokenize: (text) => tokenize(text),
  stem: (word, lang) => stem(word, lang),
  isStopword: (word, lang) => stopwords(lang).has(word),
  sentences: (text) => splitSentences(text),
  risks: (text, ownDomains) => contentRisks(text, { ownDomains }),
};
