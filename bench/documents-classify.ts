/**
 * Document classification quality (`npm run bench -- documents-classify`, or `npx tsx
 * bench/documents-classify.ts`): per-class precision and recall, macro-F1, accuracy, the share
 * answered `unsure` and the precision of the confident answers, on the labelled corpus's text
 * and on the held-out house-style set, before and after learning the 10 corrections. Offline
 * only (no LLM). Prints Markdown.
 */
import { pathToFileURL } from 'node:url';
import { textAnalysis as text } from '../core/plugins/context/text.ts';
import { classify, emptyModel, type LearnedModel, learn } from '../plugins/documents/classify/index.ts';
import { correctionSet, heldOutLike, type LabelledDocument, labelledCorpus } from '../plugins/documents/testing/corpus.ts';
import { classificationFigures, type Figures, pct, perClassTable, sourceInput } from './documents-figures.ts';

const input = sourceInput;

/** Classifies each document's text with `model` and counts the answers. */
function measure(docs: LabelledDocument[], model: LearnedModel): Figures {
  return classificationFigures(docs.map((d) => {
    const c = classify(input(d), model, text);
    return { truth: d.category, category: c.category, best: c.best };
  }));
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
