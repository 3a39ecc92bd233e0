/**
 * Document classification quality (`npm run bench -- documents-classify`, or `npx tsx
 * bench/documents-classify.ts`): per-class precision and recall, macro-F1, accuracy, the share
 * answered `unsure` and the precision of the confident answers, on the labelled corpus's text
 * and on the held-out house-style set, before and after learning the 10 corrections. Offline
 * only (no LLM). Prints Markdown.
 */
import { pathToFileURL } from 'node:url';
import { textAnalysis as text } from '../core/plugins/context/text.ts';
import { CATEGORIES, type Category, type ClassifyInput, classify, emptyModel, type LearnedModel, learn } from '../plugins/documents/classify/index.ts';
import { correctionSet, heldOutLike, type LabelledDocument, labelledCorpus } from '../plugins/documents/testing/corpus.ts';

const TYPES = { pdf: 'pdf', scan: 'pdf', docx: 'docx', xlsx: 'xlsx', text: 'text', eml: 'eml' } as const;
const input = (d: LabelledDocument): ClassifyInput => ({ text: d.text, title: d.title, name: d.name, type: TYPES[d.format] });

interface Figures {
  n: number;
  accuracy: number;
  unsure: number;
  confidentPrecision: number;
  macroF1: number;
  perClass: Record<Category, { precision: number; recall: number; n: number }>;
}

/** Precision and recall count the answer shown: an `unsure` is no answer (a miss for recall, not a wrong claim). */
function measure(docs: LabelledDocument[], model: LearnedModel): Figures {
  const results = docs.map((d) => ({ truth: d.category, c: classify(input(d), model, text) }));
  const perClass = {} as Figures['perClass'];
  const f1s: number[] = [];
  for (const cat of CATEGORIES) {
    const claimed = results.filter((r) => r.c.category === cat);
    const actual = results.filter((r) => r.truth === cat);
    if (actual.length === 0 && claimed.length === 0) continue;
    const tp = claimed.filter((r) => r.truth === cat).length;
    const precision = claimed.length ? tp / claimed.length : Number.NaN;
    const recall = actual.length ? tp / actual.length : 1;
    perClass[cat] = { precision, recall, n: actual.length };
    if (actual.length) f1s.push(tp ? (2 * precision * recall) / (precision + recall) : 0);
  }
  const confident = results.filter((r) => r.c.category !== 'unsure');
  return {
    n: docs.length,
    accuracy: results.filter((r) => r.c.best === r.truth).length / docs.length,
    unsure: (docs.length - confident.length) / docs.length,
    confidentPrecision: confident.length ? confident.filter((r) => r.c.category === r.truth).length / confident.length : 1,
    macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length,
    perClass,
  };
}

// A class nothing was claimed for has no precision: shown as a dash, not as 100 %.
const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(100 * x).toFixed(0)} %`);

function perClassTable(before: Figures, after: Figures): string {
  const rows = CATEGORIES.filter((c) => before.perClass[c]?.n).map((c) => {
    const b = before.perClass[c]!;
    const a = after.perClass[c]!;
    return `| ${c} | ${b.n} | ${pct(b.precision)} | ${pct(b.recall)} | ${pct(a.precision)} | ${pct(a.recall)} |`;
  });
  return ['| category | docs | precision before | recall before | precision after | recall after |', '|---|---:|---:|---:|---:|---:|', ...rows].join('\n');
}

const summaryRow = (label: string, f: Figures) => `| ${label} | ${f.n} | ${pct(f.accuracy)} | ${pct(f.macroF1)} | ${pct(f.unsure)} | ${pct(f.confidentPrecision)} |`;

export async function runDocumentsClassifyBench(): Promise<void> {
  const model = correctionSet().reduce((m, d) => learn(m, input(d), d.category, text), emptyModel());
  const corpus = labelledCorpus({ seed: 42 });
  const more = [1, 2, 3, 4, 5].flatMap((seed) => labelledCorpus({ seed }));
  const held = heldOutLike();
  const started = performance.now();
  const figures = {
    corpus: [measure(corpus, emptyModel()), measure(corpus, model)] as const,
    more: [measure(more, emptyModel()), measure(more, model)] as const,
    held: [measure(held, emptyModel()), measure(held, model)] as const,
  };
  const docs = 2 * (corpus.length + more.length + held.length);
  const ms = (performance.now() - started) / docs;
  console.log(`# documents-classify — ${new Date().toISOString()}, node ${process.version}, offline (cues + learned), unsure below 0.5\n`);
  console.log(`## Labelled corpus (seed 42, ${corpus.length} documents), before and after 10 corrections\n`);
  console.log(perClassTable(...figures.corpus));
  console.log(`\n## Held-out house-style documents (${held.length}), before and after the 10 corrections\n`);
  console.log(perClassTable(...figures.held));
  console.log('\n## Summary\n');
  console.log('| set | docs | accuracy (best guess) | macro-F1 | unsure | precision of confident answers |\n|---|---:|---:|---:|---:|---:|');
  console.log(summaryRow('labelled corpus, before', figures.corpus[0]));
  console.log(summaryRow('labelled corpus, after 10 corrections', figures.corpus[1]));
  console.log(summaryRow('corpus seeds 1–5, before', figures.more[0]));
  console.log(summaryRow('corpus seeds 1–5, after 10 corrections', figures.more[1]));
  console.log(summaryRow('held-out house styles, before', figures.held[0]));
  console.log(summaryRow('held-out house styles, after 10 corrections', figures.held[1]));
  console.log(`\n${ms.toFixed(2)} ms per classification (text only, ${docs} classifications).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runDocumentsClassifyBench();
