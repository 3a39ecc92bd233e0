/**
 * The documents pipeline on real files (`npm run bench -- documents [--seed 42] [--runs 5]
 * [--ocr-runs 3]`): every labelled corpus document, the 10 corrections and the 20 held-out
 * documents are rendered into a real file of their format (text-layer PDF, scanned PDF, DOCX,
 * XLSX, email, text; bench/documents-render.ts), then typed from their bytes (detectType),
 * extracted (extract, Tesseract for the scans) and classified from what extraction produced, as
 * the extraction job does. Reports per-class precision and recall before and after learning the
 * 10 corrections (learned from their extracted text), the same documents classified from their
 * source text as the reference, and extraction throughput against poppler's pdftotext, the
 * Tesseract CLI, mammoth and ExcelJS run on the same files in the same run. Prints Markdown.
 * Needs poppler-utils and tesseract-ocr (+ -dan) on the system.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { textAnalysis as text } from '../core/plugins/context/text.ts';
import { type Classification, type ClassifyInput, classify, emptyModel, type LearnedModel, learn } from '../plugins/documents/classify/index.ts';
import { detectType } from '../plugins/documents/detect.ts';
import { type DocumentType, type Extraction, type ExtractOptions, ExtractionError, extract } from '../plugins/documents/extract/index.ts';
import { correctionSet, heldOutLike, type LabelledDocument, labelledCorpus } from '../plugins/documents/testing/corpus.ts';
import { scannedPdf, scanPng, textPdf } from '../plugins/documents/testing/pdf.ts';
import { type RenderedFile, renderDocument, splitPages } from './documents-render.ts';
import { type Answer, classificationFigures, type Figures, pct, perClassTable, sourceInput } from './documents-figures.ts';

const run = promisify(execFile);

/** The plugin's defaults (plugins/documents/config.ts). */
const OPTIONS: Omit<ExtractOptions, 'name'> = { maxUnpackedBytes: 200 * 1024 * 1024, maxPages: 2000, ocr: { enabled: true, languages: 'dan+eng', timeoutMs: 120_000 } };
/** What the plugin runs Tesseract with (extract/ocr.ts): one OpenMP thread per process unless set. */
const TESSERACT_ENV = { ...process.env, OMP_THREAD_LIMIT: process.env.OMP_THREAD_LIMIT ?? '1' };

interface Options {
  seed: number;
  runs: number;
  ocrRuns: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    if (i === -1) return fallback;
    const n = Number(argv[i + 1]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number, got ${argv[i + 1]}`);
    return n;
  };
  return { seed: value('--seed', 42), runs: value('--runs', 5), ocrRuns: value('--ocr-runs', 3) };
}

// ---------------------------------------------------------------------------------------------
// The pipeline on one file

interface Processed {
  file: RenderedFile;
  detected: DocumentType | `refused: ${string}`;
  detectMs: number;
  extractMs: number;
  extraction?: Extraction;
  failure?: string;
  /** What classification is given: built from the extraction as plugins/documents/process.ts does. */
  input?: ClassifyInput;
  /** Share of the source text's distinct words (3+ letters or digits) found in the extracted text. */
  wordsKept: number;
}

const stream = (bytes: Uint8Array) => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(bytes.slice()), c.close()) });
const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);

function kept(source: string, extracted: string): number {
  const want = words(source);
  const got = words(extracted);
  let n = 0;
  for (const w of want) if (got.has(w)) n++;
  return want.size ? n / want.size : 1;
}

async function processFile(file: RenderedFile): Promise<Processed> {
  let started = performance.now();
  const type = await detectType(stream(file.bytes), file.name, file.bytes.subarray(0, 4100));
  const detectMs = performance.now() - started;
  if ('code' in type) return { file, detected: `refused: ${type.code} (${type.reason})`, detectMs, extractMs: 0, failure: `refused at upload: ${type.reason}`, wordsKept: 0 };
  started = performance.now();
  try {
    const extraction = await extract(file.bytes, type.type, { ...OPTIONS, name: file.name });
    const extractMs = performance.now() - started;
    const body = extraction.sections.map((s) => s.text).join('\n\n');
    const input: ClassifyInput = {
      text: body, name: file.name, type: type.type,
      ...(extraction.title ? { title: extraction.title } : {}), ...(extraction.invoice ? { invoice: extraction.invoice } : {}),
    };
    return { file, detected: type.type, detectMs, extractMs, extraction, input, wordsKept: kept(file.doc.text, body) };
  } catch (error) {
    const extractMs = performance.now() - started;
    const reason = error instanceof ExtractionError ? `${error.code}: ${error.message}` : `unexpected ${(error as Error).name}: ${(error as Error).message}`;
    return { file, detected: type.type, detectMs, extractMs, failure: reason, wordsKept: 0 };
  }
}

// ---------------------------------------------------------------------------------------------
// Classification answers (counted by bench/documents-figures.ts, as bench/documents-classify.ts counts them)


function answersFromFiles(processed: Processed[], model: LearnedModel): { answers: Answer[]; classifications: (Classification | undefined)[]; ms: number[] } {
  const ms: number[] = [];
  const classifications = processed.map((p) => {
    if (!p.input) return undefined;
    const started = performance.now();
    const c = classify(p.input, model, text);
    ms.push(performance.now() - started);
    return c;
  });
  const answers = processed.map((p, i) => {
    const c = classifications[i];
    return { truth: p.file.doc.category, category: c ? c.category : 'failed', best: c ? c.best : 'failed' } as Answer;
  });
  return { answers, classifications, ms };
}

function answersFromSource(docs: LabelledDocument[], model: LearnedModel): Answer[] {
  return docs.map((d) => {
    const c = classify(sourceInput(d), model, text);
    return { truth: d.category, category: c.category, best: c.best };
  });
}

// ---------------------------------------------------------------------------------------------
// Formatting

const fixed = (x: number, digits = 1) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

const SUMMARY_HEAD = '| set | input | docs | accuracy (best guess) | macro-F1 | unsure | failed | precision of confident answers |\n|---|---|---:|---:|---:|---:|---:|---:|';
const summaryRow = (set: string, input: string, f: Figures) =>
  `| ${set} | ${input} | ${f.n} | ${pct(f.accuracy)} | ${pct(f.macroF1)} | ${pct(f.unsure)} | ${pct(f.failed)} | ${pct(f.confidentPrecision)} |`;

// ---------------------------------------------------------------------------------------------
// Throughput against references run on the same bytes

/**
 * Runs each piece of work `runs` times, taking turns (and turning the order round every run), so a
 * change in the machine's load falls on ours and the reference alike. `limit` caps a piece's runs.
 */
async function interleaved<T extends unknown[]>(runs: number, works: { [K in keyof T]: { work: () => Promise<T[K]>; limit?: number } }): Promise<{ [K in keyof T]: { ms: number[]; last: T[K] } }> {
  const out = works.map(() => ({ ms: [] as number[], last: undefined as unknown }));
  for (let i = 0; i < runs; i++) {
    const order = works.map((_, k) => k);
    if (i % 2) order.reverse();
    for (const k of order) {
      if ((works[k]!.limit ?? runs) <= i) continue;
      const started = performance.now();
      out[k]!.last = await works[k]!.work();
      out[k]!.ms.push(performance.now() - started);
    }
  }
  return out as never;
}

async function toolVersion(file: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(file, args);
    return `${stdout}${stderr}`.trim().split('\n')[0]!.trim();
  } catch (error) {
    return `not available (${(error as Error).message.split('\n')[0]})`;
  }
}

/** Fifty pages of the corpus's business prose, full pages, for the text-layer throughput. */
function fiftyPages(): string[] {
  const pages: string[] = [];
  for (let seed = 1; pages.length < 50; seed++) {
    const prose = labelledCorpus({ seed }).filter((d) => d.format !== 'scan').map((d) => d.text).join('\n\n');
    pages.push(...splitPages(prose));
  }
  return pages.slice(0, 50);
}

interface Throughput {
  label: string;
  unit: 'pages' | 'files';
  units: number;
  oursMs: number[];
  refLabel: string;
  refMs: number[];
  agreement?: number;
  note?: string;
}

async function textPdfThroughput(dir: string, runs: number): Promise<Throughput> {
  const pages = fiftyPages();
  const pdf = await textPdf(pages, { title: 'Benchmark, 50 sider' });
  const path = join(dir, 'fifty.pdf');
  await writeFile(path, pdf);
  await extract(pdf, 'pdf', { ...OPTIONS, name: 'fifty.pdf' }); // warm-up: pdfjs's module and fonts
  await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  const [ours, ref] = await interleaved(runs, [{ work: () => extract(pdf, 'pdf', { ...OPTIONS, name: 'fifty.pdf' }) }, { work: () => run('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 << 20 }) }]);
  // A page that overflows continues on another, so the file may have a page or two more than 50.
  const count = ours.last.pages ?? 0;
  if (count < 50) throw new Error(`the 50-page PDF came out as ${count} pages`);
  const oursText = ours.last.sections.map((s) => s.text).join('\n');
  return {
    label: `Text-layer PDF, ${count} pages (pdfjs, \`extract\`)`, unit: 'pages', units: count, oursMs: ours.ms, refLabel: '`pdftotext` (poppler, one process per run)', refMs: ref.ms,
    agreement: kept(ref.last.stdout, oursText), note: `${(pdf.length / 1024).toFixed(0)} KiB`,
  };
}

/** The text of a full invoice page and of a three-page contract, from the corpus. */
function ocrTexts(): { page: string; threePages: string[] } {
  const corpus = [1, 2, 3, 4, 5].flatMap((seed) => labelledCorpus({ seed }));
  const invoice = corpus.find((d) => d.category === 'invoice' && d.lang === 'da' && d.format !== 'scan' && d.text.length > 700)!;
  const contracts = corpus.filter((d) => d.category === 'contract' && d.lang === 'da').map((d) => d.text).join('\n\n');
  return { page: splitPages(invoice.text)[0]!, threePages: splitPages(contracts).slice(0, 3) };
}

async function ocrImageThroughput(dir: string, runs: number, page: string): Promise<Throughput[]> {
  const png = await scanPng(page);
  const path = join(dir, 'page.png');
  await writeFile(path, png);
  const args = [path, 'stdout', '-l', 'dan+eng', '--psm', '3'];
  const [ours, ref, refThreads] = await interleaved(runs, [
    { work: () => extract(png, 'image', { ...OPTIONS, name: 'page.png' }) },
    { work: () => run('tesseract', args, { env: TESSERACT_ENV, maxBuffer: 16 << 20 }) },
    // OpenMP's threads spin while they wait: on a busy machine this one is slow, so it gets at most two runs.
    { work: () => run('tesseract', args, { env: { ...process.env, OMP_THREAD_LIMIT: String(cpus().length) }, maxBuffer: 16 << 20 }), limit: 2 },
  ]);
  const oursText = ours.last.sections.map((s) => s.text).join('\n');
  return [
    { label: 'Scanned page, PNG 200 dpi (`extract`, image)', unit: 'pages', units: 1, oursMs: ours.ms, refLabel: '`tesseract` CLI on the same PNG (dan+eng, psm 3, 1 thread)', refMs: ref.ms, agreement: kept(ref.last.stdout, oursText) },
    { label: 'Scanned page, PNG 200 dpi (`extract`, image)', unit: 'pages', units: 1, oursMs: ours.ms, refLabel: `\`tesseract\` CLI, OMP_THREAD_LIMIT=${cpus().length}`, refMs: refThreads.ms, agreement: kept(refThreads.last.stdout, oursText) },
  ];
}

async function ocrPdfThroughput(dir: string, runs: number, pages: string[]): Promise<Throughput> {
  const pdf = await scannedPdf(pages);
  const path = join(dir, 'scan.pdf');
  await writeFile(path, pdf);
  // The reference by hand: each page rendered at 300 dpi with pdftoppm, then read by the Tesseract CLI.
  const byHand = async () => {
    let out = '';
    for (let p = 1; p <= pages.length; p++) {
      const prefix = join(dir, `ref-${p}`);
      await run('pdftoppm', ['-r', '300', '-f', String(p), '-l', String(p), '-png', '-gray', '-singlefile', path, prefix]);
      out += (await run('tesseract', [`${prefix}.png`, 'stdout', '-l', 'dan+eng', '--psm', '3', '--dpi', '300'], { env: TESSERACT_ENV, maxBuffer: 16 << 20 })).stdout;
      await rm(`${prefix}.png`, { force: true });
    }
    return out;
  };
  const [ours, ref] = await interleaved(runs, [{ work: () => extract(pdf, 'pdf', { ...OPTIONS, name: 'scan.pdf' }) }, { work: byHand }]);
  if (ours.last.ocrPages !== pages.length) throw new Error(`OCR read ${ours.last.ocrPages} of ${pages.length} scanned pages`);
  const oursText = ours.last.sections.map((s) => s.text).join('\n');
  return {
    label: `Scanned PDF, ${pages.length} pages (\`extract\`: pdfjs + pdftoppm 300 dpi + Tesseract)`, unit: 'pages', units: pages.length, oursMs: ours.ms,
    refLabel: '`pdftoppm -r 300` + `tesseract` CLI per page (1 thread)', refMs: ref.ms, agreement: kept(ref.last, oursText),
  };
}

async function officeThroughput(files: RenderedFile[], runs: number): Promise<Throughput[]> {
  const docx = files.filter((f) => f.expected === 'docx');
  const xlsx = files.filter((f) => f.expected === 'xlsx');
  const all = async (list: RenderedFile[], type: DocumentType) => {
    for (const f of list) await extract(f.bytes, type, { ...OPTIONS, name: f.name });
  };
  await all(docx, 'docx');
  await all(xlsx, 'xlsx');
  const [oursDocx, refDocx] = await interleaved(runs, [
    { work: () => all(docx, 'docx') },
    { work: async () => { for (const f of docx) await mammoth.extractRawText({ buffer: Buffer.from(f.bytes) }); } },
  ]);
  const [oursXlsx, refXlsx] = await interleaved(runs, [
    { work: () => all(xlsx, 'xlsx') },
    { work: async () => { for (const f of xlsx) await new ExcelJS.Workbook().xlsx.load(Buffer.from(f.bytes) as never); } },
  ]);
  const kib = (list: RenderedFile[]) => `${(sum(list.map((f) => f.bytes.length)) / list.length / 1024).toFixed(1)} KiB each on average`;
  return [
    { label: `DOCX, the corpus's ${docx.length} files (zip guard + mammoth HTML → Markdown)`, unit: 'files', units: docx.length, oursMs: oursDocx.ms, refLabel: '`mammoth.extractRawText` on the same files', refMs: refDocx.ms, note: kib(docx) },
    { label: `XLSX, the ${xlsx.length} files of the three sets (own zip + XML reader)`, unit: 'files', units: xlsx.length, oursMs: oursXlsx.ms, refLabel: 'ExcelJS `xlsx.load` on the same files', refMs: refXlsx.ms, note: kib(xlsx) },
  ];
}

function throughputTable(rows: Throughput[]): string {
  const lines = rows.map((t) => {
    const ours = (t.units * 1000) / median(t.oursMs);
    const ref = (t.units * 1000) / median(t.refMs);
    const rate = (x: number) => `${fixed(x, x < 10 ? 2 : 1)} ${t.unit}/s`;
    return `| ${t.label} | ${rate(ours)} (${fixed(median(t.oursMs), 0)} ms) | ${t.refLabel} | ${rate(ref)} (${fixed(median(t.refMs), 0)} ms) | ${fixed(ours / ref, 2)} | ${t.agreement === undefined ? '–' : pct(t.agreement)} | ${t.oursMs.length} / ${t.refMs.length} | ${t.note ?? ''} |`;
  });
  return ['| measured | ours, median | reference (same run, same bytes) | reference, median | ours ÷ reference | reference words found in ours | runs (ours / ref.) | notes |', '|---|---:|---|---:|---:|---:|---:|---|', ...lines].join('\n');
}

// ---------------------------------------------------------------------------------------------

export async function runDocumentsBench(argv: string[] = process.argv.slice(3)): Promise<void> {
  const options = parseOptions(argv);
  const startedAt = new Date();
  const loadStart = load();
  const cpu = cpus()[0]?.model ?? 'unknown';
  const versions = { pdftotext: await toolVersion('pdftotext', ['-v']), tesseract: await toolVersion('tesseract', ['--version']) };

  // 1. Real files of every format.
  const sets = { corpus: labelledCorpus({ seed: options.seed }), corrections: correctionSet(), held: heldOutLike() };
  let started = performance.now();
  const files = {
    corpus: await Promise.all(sets.corpus.map(renderDocument)),
    corrections: await Promise.all(sets.corrections.map(renderDocument)),
    held: await Promise.all(sets.held.map(renderDocument)),
  };
  const renderS = (performance.now() - started) / 1000;

  // 2. The pipeline per file, one at a time (as one extraction worker would): detect, extract.
  await extract(await textPdf(['Opvarmning af pdfjs og dets skrifttyper.']), 'pdf', { ...OPTIONS, name: 'warm-up.pdf' });
  started = performance.now();
  const processed = { corpus: [] as Processed[], corrections: [] as Processed[], held: [] as Processed[] };
  for (const key of ['corpus', 'corrections', 'held'] as const) for (const f of files[key]) processed[key].push(await processFile(f));
  const pipelineS = (performance.now() - started) / 1000;
  const loadAfterPipeline = load();

  // 3. Classification of what extraction produced: before, and after learning the 10 corrections from their extracted text.
  const learnable = processed.corrections.filter((p) => p.input);
  const model = learnable.reduce((m, p) => learn(m, p.input!, p.file.doc.category, text), emptyModel());
  const sourceModel = sets.corrections.reduce((m, d) => learn(m, sourceInput(d), d.category, text), emptyModel());
  const corpusBefore = answersFromFiles(processed.corpus, emptyModel());
  const corpusAfter = answersFromFiles(processed.corpus, model);
  const heldBefore = answersFromFiles(processed.held, emptyModel());
  const heldAfter = answersFromFiles(processed.held, model);
  const fig = {
    corpus: [classificationFigures(corpusBefore.answers), classificationFigures(corpusAfter.answers)] as const,
    held: [classificationFigures(heldBefore.answers), classificationFigures(heldAfter.answers)] as const,
    corpusSource: [classificationFigures(answersFromSource(sets.corpus, emptyModel())), classificationFigures(answersFromSource(sets.corpus, sourceModel))] as const,
    heldSource: [classificationFigures(answersFromSource(sets.held, emptyModel())), classificationFigures(answersFromSource(sets.held, sourceModel))] as const,
  };

  // 4. Throughput against references.
  const dir = await mkdtemp(join(tmpdir(), 'bench-documents-'));
  let throughput: Throughput[];
  try {
    const texts = ocrTexts();
    throughput = [
      await textPdfThroughput(dir, options.runs),
      ...(await ocrImageThroughput(dir, options.ocrRuns, texts.page)),
      await ocrPdfThroughput(dir, options.ocrRuns, texts.threePages),
      ...(await officeThroughput([...files.corpus, ...files.corrections, ...files.held], options.runs)),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const loadEnd = load();

  // ---- Report
  const all = [...processed.corpus, ...processed.corrections, ...processed.held];
  console.log(`# documents — ${startedAt.toISOString()}\n`);
  console.log(`- Machine: ${cpus().length} CPUs (\`${cpu}\`), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end), node ${process.version}`);
  console.log(`- Tools: ${versions.pdftotext}; ${versions.tesseract}; Tesseract languages dan+eng, OMP_THREAD_LIMIT=${TESSERACT_ENV.OMP_THREAD_LIMIT} as the plugin runs it`);
  console.log(`- Load average (1/5/15 min): ${loadStart} at the start, ${loadAfterPipeline} after the pipeline, ${loadEnd} at the end`);
  console.log(`- Command: \`npm run bench -- documents --seed ${options.seed} --runs ${options.runs} --ocr-runs ${options.ocrRuns}\``);
  console.log(`- Files: ${all.length} rendered in ${renderS.toFixed(1)} s (labelled corpus seed ${options.seed}: ${files.corpus.length}, corrections: ${files.corrections.length}, held-out: ${files.held.length}); the pipeline (detect + extract, one file at a time) took ${pipelineS.toFixed(1)} s\n`);

  console.log('## The pipeline per format (all three sets)\n');
  console.log('| format | files | pages | bytes (median) | detected as expected | detect p50 | extract p50 | extract max | extract total | pages/s | source words kept | failed |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const format of ['pdf', 'scan', 'docx', 'xlsx', 'eml', 'text'] as const) {
    const list = all.filter((p) => p.file.doc.format === format);
    if (!list.length) continue;
    const pages = sum(list.map((p) => p.extraction?.pages ?? 0));
    const total = sum(list.map((p) => p.extractMs));
    const paged = format === 'pdf' || format === 'scan';
    console.log(
      `| ${format === 'scan' ? 'scan (image-only PDF, OCR)' : format} | ${list.length} | ${paged ? pages : '–'} | ${fixed(median(list.map((p) => p.file.bytes.length)) / 1024, 1)} KiB | ${list.filter((p) => p.detected === p.file.expected).length} | ${fixed(median(list.map((p) => p.detectMs)), 2)} ms | ${fixed(median(list.map((p) => p.extractMs)), 1)} ms | ${fixed(Math.max(...list.map((p) => p.extractMs)), 0)} ms | ${fixed(total / 1000, 2)} s | ${paged ? fixed((pages * 1000) / total, 2) : '–'} | ${pct(sum(list.map((p) => p.wordsKept)) / list.length)} | ${list.filter((p) => p.failure).length} |`,
    );
  }
  const ocrPages = sum(all.map((p) => p.extraction?.ocrPages ?? 0));
  console.log(`\nOCR'd pages: ${ocrPages} (the scans' pages; no text-layer page was OCR'd: ${all.filter((p) => p.file.doc.format !== 'scan' && (p.extraction?.ocrPages ?? 0) > 0).length} non-scan files with OCR pages).`);
  const failures = all.filter((p) => p.failure || p.detected !== p.file.expected);
  if (failures.length) {
    console.log('\nFiles that did not go through:\n');
    for (const p of failures) console.log(`- ${p.file.name} (${p.file.doc.format}): detected ${p.detected}; ${p.failure ?? 'extracted'}`);
  }

  console.log(`\n## Classification of the extracted text: labelled corpus (seed ${options.seed}, ${files.corpus.length} files), before and after 10 corrections\n`);
  console.log(perClassTable(...fig.corpus));
  console.log(`\n## Held-out house-style documents (${files.held.length} files), before and after the 10 corrections\n`);
  console.log(perClassTable(...fig.held));
  console.log('\n## Summary, with the source text as the reference\n');
  console.log(SUMMARY_HEAD);
  console.log(summaryRow('labelled corpus, before', 'extracted from the files', fig.corpus[0]));
  console.log(summaryRow('labelled corpus, before', 'source text (reference)', fig.corpusSource[0]));
  console.log(summaryRow('labelled corpus, after 10 corrections', 'extracted from the files', fig.corpus[1]));
  console.log(summaryRow('labelled corpus, after 10 corrections', 'source text (reference)', fig.corpusSource[1]));
  console.log(summaryRow('held-out house styles, before', 'extracted from the files', fig.held[0]));
  console.log(summaryRow('held-out house styles, before', 'source text (reference)', fig.heldSource[0]));
  console.log(summaryRow('held-out house styles, after 10 corrections', 'extracted from the files', fig.held[1]));
  console.log(summaryRow('held-out house styles, after 10 corrections', 'source text (reference)', fig.heldSource[1]));

  // Where going through a file changed the answer: what extraction did to the classifier's input.
  const changed = processed.corpus
    .map((p, i) => ({ p, file: corpusBefore.classifications[i], source: classify(sourceInput(p.file.doc), emptyModel(), text) }))
    .filter((x) => !x.file || x.file.category !== x.source.category);
  console.log(`\nFiles of the labelled corpus whose answer (before corrections) differs from the source text's: ${changed.length} of ${processed.corpus.length}.\n`);
  if (changed.length) {
    console.log('| file | format | truth | source text | from the file |\n|---|---|---|---|---|');
    for (const x of changed) {
      const show = (c: Classification | undefined) => (c ? `${c.category}${c.category === 'unsure' ? ` (${c.best})` : ''} ${c.confidence.toFixed(2)}` : 'failed');
      console.log(`| ${x.p.file.name} | ${x.p.file.doc.format} | ${x.p.file.doc.category} | ${show(x.source)} | ${show(x.file)} |`);
    }
  }
  const classifyMs = [...corpusBefore.ms, ...corpusAfter.ms, ...heldBefore.ms, ...heldAfter.ms];
  console.log(`\nClassification: ${fixed(median(classifyMs), 2)} ms per document median (${classifyMs.length} classifications of extracted text).`);

  console.log('\n## Extraction throughput against references (same bytes, same run, one at a time)\n');
  console.log(throughputTable(throughput));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runDocumentsBench();
