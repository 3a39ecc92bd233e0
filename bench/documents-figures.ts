/**
 * How the documents benches count a classifier's answers, in one place so every bench means the
 * same by "precision" (bench/documents-classify.ts on texts, bench/documents.ts on real files).
 */
import { CATEGORIES, type Category, type ClassifyInput } from '../plugins/documents/classify/index.ts';
import type { LabelledDocument } from '../plugins/documents/testing/corpus.ts';

const SOURCE_TYPES = { pdf: 'pdf', scan: 'pdf', docx: 'docx', xlsx: 'xlsx', text: 'text', eml: 'eml' } as const;

/**
 * A corpus document as the classifier sees it without a file in between (its source text).
 *
 * @example
 * classify(sourceInput(doc), model, text);
 */
export const sourceInput = (d: LabelledDocument): ClassifyInput => ({ text: d.text, title: d.title, name: d.name, type: SOURCE_TYPES[d.format] });

/** One document's answer: what it is, what was shown, and the best guess behind an `unsure`. */
export interface Answer {
  truth: Category;
  /** `failed` when nothing could be extracted: no answer, like `unsure`. */
  category: Category | 'unsure' | 'failed';
  best: Category | 'failed';
}

export interface Figures {
  n: number;
  /** Of the best guesses. */
  accuracy: number;
  unsure: number;
  failed: number;
  confidentPrecision: number;
  macroF1: number;
  perClass: Partial<Record<Category, { precision: number; recall: number; n: number }>>;
}

/**
 * Per-class precision and recall count the answer shown: an `unsure` (or a failed file) is no
 * answer, a miss for recall and not a wrong claim; a class nothing was claimed for has no
 * precision (NaN).
 *
 * @example
 * const f = classificationFigures([{ truth: 'invoice', category: 'invoice', best: 'invoice' }]); // f.perClass.invoice.precision === 1
 */
export function classificationFigures(results: Answer[]): Figures {
  const perClass: Figures['perClass'] = {};
  const f1s: number[] = [];
  for (const cat of CATEGORIES) {
    const claimed = results.filter((r) => r.category === cat);
    const actual = results.filter((r) => r.truth === cat);
    if (actual.length === 0 && claimed.length === 0) continue;
    const tp = claimed.filter((r) => r.truth === cat).length;
    const precision = claimed.length ? tp / claimed.length : Number.NaN;
    const recall = actual.length ? tp / actual.length : 1;
    perClass[cat] = { precision, recall, n: actual.length };
    if (actual.length) f1s.push(tp ? (2 * precision * recall) / (precision + recall) : 0);
  }
  const confident = results.filter((r) => r.category !== 'unsure' && r.category !== 'failed');
  return {
    n: results.length,
    accuracy: results.filter((r) => r.best === r.truth).length / results.length,
    unsure: results.filter((r) => r.category === 'unsure').length / results.length,
    failed: results.filter((r) => r.category === 'failed').length / results.length,
    confidentPrecision: confident.length ? confident.filter((r) => r.category === r.truth).length / confident.length : 1,
    macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    perClass,
  };
}

/** A share as a percentage; no value (a class nothing was claimed for) is a dash, not 100 %. */
export const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(0)} %`);

/**
 * The Markdown table of per-class precision and recall before and after the corrections.
 *
 * @example
 * console.log(perClassTable(before, after));
 */
export function perClassTable(before: Figures, after: Figures): string {
  const rows = CATEGORIES.filter((c) => before.perClass[c]?.n).map((c) => {
    const b = before.perClass[c]!;
    const a = after.perClass[c]!;
    return `| ${c} | ${b.n} | ${pct(b.precision)} | ${pct(b.recall)} | ${pct(a.precision)} | ${pct(a.recall)} |`;
  });
  return ['| category | docs | precision before | recall before | precision after | recall after |', '|---|---:|---:|---:|---:|---:|', ...rows].join('\n');
}
