import type { TextAnalysis } from '../../../plugin-api.d.ts';
import { cueScores, type FiredCue } from './cues.ts';
import { type LearnedModel, modelScores } from './model.ts';
import { prepare } from './prepare.ts';
import { CATEGORY_NAMES, REASON_TEXTS, sentence } from './texts.ts';
import { CATEGORIES, type Category, type Classification, type ClassifyInput, type Scores, zeroScores } from './types.ts';

// Scores are summed log-odds-like cue weights; dividing by this before the softmax makes the
// confidence mean something: on the labelled corpus, answers at 0.5 or more are right about
// nine times in ten, and a document with one weak cue stays below it.
const TEMPERATURE = 1.6;
const UNSURE_BELOW = 0.5;
const MAX_REASONS = 3;

/**
 * Classifies a document offline: the built-in Danish and English cues (document words, amounts,
 * moms, CVR, due dates, signatures, greetings, …) plus what was learned from corrections.
 * Below `unsureBelow` the category is `unsure` and `best` keeps the guess.
 *
 * @example
 * const c = classify({ text, name: 'faktura-1042.pdf', type: 'pdf' }, model, ctx.text);
 * c.category; // 'invoice'
 * c.reason.da; // "Ordet 'faktura', en forfaldsdato og bankoplysninger"
 */
export function classify(input: ClassifyInput, model: LearnedModel, text: TextAnalysis, options: { unsureBelow?: number } = {}): Classification {
  const doc = prepare(input, text);
  const cues = cueScores(doc, input);
  const learned = modelScores(model, doc.features);
  const total = zeroScores();
  for (const c of CATEGORIES) total[c] = cues.scores[c] + learned.scores[c];
  const scores = softmax(total);
  const best = argmax(total);
  const confidence = scores[best];
  const fromModel = learned.scores[best] > 0;
  const reasons = (lang: 'da' | 'en') => {
    const parts = cueReasons(cues.fired, best, lang);
    const near = learned.nearest[best];
    if (fromModel && near) parts.unshift(REASON_TEXTS[lang].like(CATEGORY_NAMES[best][lang], near.shared));
    return sentence(parts.slice(0, MAX_REASONS), lang);
  };
  return {
    category: confidence >= (options.unsureBelow ?? UNSURE_BELOW) ? best : 'unsure',
    best,
    confidence: round(confidence),
    reason: { da: reasons('da'), en: reasons('en') },
    source: fromModel ? 'model' : 'cues',
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, round(scores[c])])) as Scores,
  };
}

/** The labels of the cues that speak most for `category`, strongest first, each once. */
function cueReasons(fired: FiredCue[], category: Category, lang: 'da' | 'en'): string[] {
  const labels = fired
    .map((cue) => ({ label: cue.label[lang], weight: (cue.weights[category] ?? 0) * cue.strength }))
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .map((c) => c.label);
  return [...new Set(labels)];
}

function softmax(total: Scores): Scores {
  const max = Math.max(...CATEGORIES.map((c) => total[c]));
  const exp = CATEGORIES.map((c) => Math.exp((total[c] - max) / TEMPERATURE));
  const sum = exp.reduce((a, b) => a + b, 0);
  return Object.fromEntries(CATEGORIES.map((c, i) => [c, exp[i]! / sum])) as Scores;
}

// Ties go to the category listed first, so the same document always gets the same answer.
function argmax(total: Scores): Category {
  return CATEGORIES.reduce((best, c) => (total[c] > total[best] ? c : best), CATEGORIES[0] as Category);
}

const round = (v: number) => Math.round(v * 1000) / 1000;
