/**
 * The offline classifier on the independent realistic set (plugins/documents/testing/realistic.ts):
 * 54 documents as extraction gets them from real business files, written without looking at the
 * classifier. Untrained model (`emptyModel()`), the default unsure threshold; a PDF unless the
 * document is an email. Prints per-class precision and recall of the best guess, the accuracy,
 * the unsure rate, the precision of the confident answers and every miss.
 *
 * `npx tsx bench/documents-realistic.ts` or `npm run bench -- documents-realistic`.
 */
import { pathToFileURL } from 'node:url';
import { textAnalysis } from '../core/plugins/context/text.ts';
import { classify, emptyModel } from '../plugins/documents/classify/index.ts';
import { realisticDocuments, type RealisticCategory } from '../plugins/documents/testing/realistic.ts';

const CATEGORIES: RealisticCategory[] = ['quote', 'order', 'invoice', 'credit_note', 'contract', 'price_list', 'specification', 'correspondence', 'other'];

/**
 * Classifies every document of the realistic set and prints the figures.
 *
 * @example
 * await runDocumentsRealisticBench();
 */
export async function runDocumentsRealisticBench(): Promise<void> {
  const docs = realisticDocuments();
  const model = emptyModel();
  const rows: { name: string; lang: string; expected: RealisticCategory; best: string; category: string; confidence: number }[] = [];
  for (const doc of docs) {
    const type = doc.name.endsWith('.eml') ? 'eml' : 'pdf';
    const result = await classify({ text: doc.text, name: doc.name, type, ...(doc.title ? { title: doc.title } : {}) }, model, textAnalysis, { unsureBelow: 0.5 });
    rows.push({ name: doc.name, lang: doc.lang, expected: doc.category, best: result.best, category: result.category, confidence: result.confidence });
  }

  const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
  console.log(`Realistic documents: ${rows.length} (${rows.filter((r) => r.lang === 'da').length} Danish, ${rows.filter((r) => r.lang === 'en').length} English), untrained model, unsure below 0.5\n`);
  console.log('class            n  guessed  precision  recall   confident-right/confident');
  for (const c of CATEGORIES) {
    const actual = rows.filter((r) => r.expected === c);
    const guessed = rows.filter((r) => r.best === c);
    const right = guessed.filter((r) => r.expected === c).length;
    const confident = rows.filter((r) => r.category === c);
    const confidentRight = confident.filter((r) => r.expected === c).length;
    console.log(`${c.padEnd(15)} ${String(actual.length).padStart(2)}  ${String(guessed.length).padStart(7)}  ${pct(right, guessed.length).padStart(9)}  ${pct(right, actual.length).padStart(6)}   ${confidentRight}/${confident.length}`);
  }
  const correct = rows.filter((r) => r.best === r.expected).length;
  const unsure = rows.filter((r) => r.category === 'unsure');
  const confident = rows.filter((r) => r.category !== 'unsure');
  const confidentRight = confident.filter((r) => r.category === r.expected).length;
  console.log('');
  console.log(`accuracy (best guess)         ${pct(correct, rows.length)}  (${correct}/${rows.length})`);
  for (const lang of ['da', 'en']) {
    const l = rows.filter((r) => r.lang === lang);
    console.log(`  ${lang}                          ${pct(l.filter((r) => r.best === r.expected).length, l.length)}  (${l.filter((r) => r.best === r.expected).length}/${l.length})`);
  }
  console.log(`unsure rate                   ${pct(unsure.length, rows.length)}  (${unsure.length}/${rows.length}; best guess right in ${unsure.filter((r) => r.best === r.expected).length})`);
  console.log(`precision of confident answers ${pct(confidentRight, confident.length)}  (${confidentRight}/${confident.length})`);

  const misses = rows.filter((r) => r.category !== r.expected);
  console.log(`\nConfusions and unsure answers (${misses.length}):`);
  console.log('name | expected | got (best guess) | confidence');
  for (const r of misses) {
    const got = r.category === 'unsure' ? `unsure (${r.best})` : r.category;
    console.log(`${r.name} | ${r.expected} | ${got} | ${r.confidence.toFixed(2)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runDocumentsRealisticBench();
