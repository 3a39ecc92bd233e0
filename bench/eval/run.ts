/**
 * Retrieval-quality evaluation (issue 3): indexes the knowledge base in `articles.json` for
 * one company, asks every question in `questions.json` with full-text search alone, vector
 * search alone and hybrid search, and scores recall@5 and MRR at the article level (see
 * README.md in this folder for the data and the labelling conventions).
 *
 * Used by `bench/retrieval.ts` (figures for BENCHMARKS.md) and by
 * `test/retrieval-quality.test.ts` (the same figures as assertions, on both drivers).
 *
 * @example
 * const report = await runRetrievalEval(db);
 * report.modes.hybrid.groups.all; // { questions: 102, recallAt5: 0.73, mrr: 0.64 }
 */
import { readFileSync } from 'node:fs';
import { createCompany } from '../../core/companies/store.ts';
import { scope } from '../../core/db/scope/index.ts';
import type { Database, Tx } from '../../core/db/types.ts';
import type { EmbeddingProvider } from '../../core/search/embeddings/types.ts';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';
import { type SearchHit, type SearchOptions, hybridSearch } from '../../core/search/hybrid/index.ts';
import { indexText } from '../../core/search/indexer.ts';

export type Mode = 'fulltext' | 'vector' | 'hybrid';
export const MODES: readonly Mode[] = ['fulltext', 'vector', 'hybrid'];

export interface EvalArticle {
  id: string;
  lang: 'da' | 'en';
  title: string;
  body: string;
}

export interface EvalQuestion {
  id: string;
  lang: 'da' | 'en';
  question: string;
  relevant: string[];
  kind: 'lexical' | 'paraphrase';
  cross_lingual?: boolean;
}

/** Groups of questions the figures are reported for. */
export const GROUPS = ['all', 'da', 'en', 'lexical', 'paraphrase', 'paraphrase-same-lang', 'cross-lingual'] as const;
export type Group = (typeof GROUPS)[number];

export interface Metrics {
  questions: number;
  /** Mean over questions of (relevant articles in the top 5) / (relevant articles). */
  recallAt5: number;
  /** Mean over questions of 1 / rank of the first relevant article in the top 10 (0 if none). */
  mrr: number;
}

export interface QuestionResult {
  id: string;
  /** Article ids in rank order (chunks mapped to their article, first rank kept), at most k. */
  ranked: string[];
  /** 1-based rank of the first relevant article, or null when none is in the top k. */
  firstRelevant: number | null;
  recallAt5: number;
  reciprocalRank: number;
}

export interface ModeReport {
  groups: Record<Group, Metrics>;
  questions: QuestionResult[];
  /** Mean search time per question, ms (embedding the query included). */
  meanSearchMs: number;
}

export interface EvalReport {
  driver: Database['driver'];
  articles: number;
  chunks: number;
  questions: number;
  indexMs: number;
  modes: Record<Mode, ModeReport>;
}

export type SearchFn = (tx: Tx, options: SearchOptions) => Promise<SearchHit[]>;

export interface EvalOptions {
  /** Company to index into and search; a new one is created when absent. */
  companyId?: string;
  /** Default: the offline embedder (`offline-hash-v1`, 384 dimensions). */
  embedder?: EmbeddingProvider;
  /** The search under test. Default: `hybridSearch`. Lets a scratch copy be compared. */
  search?: SearchFn;
  /** Hits asked for per question. Default 10 (MRR is over the first 10). */
  k?: number;
  articles?: EvalArticle[];
  questions?: EvalQuestion[];
}

const DATA = new URL('./', import.meta.url);

/** The knowledge base: 49 articles, Danish and English. */
export function loadArticles(): EvalArticle[] {
  return JSON.parse(readFileSync(new URL('articles.json', DATA), 'utf8')) as EvalArticle[];
}

/** The 102 labelled questions. */
export function loadQuestions(): EvalQuestion[] {
  return JSON.parse(readFileSync(new URL('questions.json', DATA), 'utf8')) as EvalQuestion[];
}

/** Which groups a question counts in (always 'all'). */
export function groupsOf(q: EvalQuestion): Group[] {
  const groups: Group[] = ['all', q.lang, q.kind];
  if (q.cross_lingual) groups.push('cross-lingual');
  else if (q.kind === 'paraphrase') groups.push('paraphrase-same-lang');
  return groups;
}

/**
 * Indexes the articles (if not already indexed for `companyId`) and scores every question in
 * every mode. The database must be migrated.
 */
export async function runRetrievalEval(db: Database, options: EvalOptions = {}): Promise<EvalReport> {
  const embedder = options.embedder ?? createOfflineEmbedder();
  const search = options.search ?? hybridSearch;
  const k = options.k ?? 10;
  const articles = options.articles ?? loadArticles();
  const questions = options.questions ?? loadQuestions();

  const companyId =
    options.companyId ?? (await scope(db, 'all').run(async (tx) => (await createCompany(tx, { name: 'Nordlys Tag ApS (retrieval eval)' })).id));
  const company = scope(db, [companyId]);

  const indexStarted = performance.now();
  let chunks = 0;
  await company.run(async (tx) => {
    for (const article of articles) {
      chunks += await indexText(tx, embedder, {
        companyId,
        sourceType: 'knowledge',
        sourceId: article.id,
        visibility: 'public',
        title: article.title,
        text: article.body,
        format: 'markdown',
      });
    }
  });
  const indexMs = performance.now() - indexStarted;

  const modes = {} as Record<Mode, ModeReport>;
  for (const mode of MODES) {
    const results: QuestionResult[] = [];
    const started = performance.now();
    for (const q of questions) {
      const [embedding] = await embedder.embed([q.question], 'query');
      const hits = await company.run((tx) =>
        search(tx, { query: q.question, embedding: embedding ?? null, companyIds: [companyId], sourceTypes: ['knowledge'], visibility: 'public', k, mode }),
      );
      results.push(score(q, articleRanking(hits, companyId)));
    }
    const meanSearchMs = (performance.now() - started) / questions.length;
    modes[mode] = { groups: aggregate(questions, results), questions: results, meanSearchMs };
  }
  return { driver: db.driver, articles: articles.length, chunks, questions: questions.length, indexMs, modes };
}

/**
 * Chunk hits to article ids: each article at the rank of its best chunk.
 *
 * Hits with equal scores (RRF gives ranks (3, 5) and (5, 3) the same score; equal
 * `ts_rank_cd`s are common) come back in chunk-id order, and chunk ids are random UUIDs, so
 * the same search ranks ties differently in every fresh database (MRR moved by ±0.005 from
 * run to run). Ties are re-ordered here by a hash of the chunk text: arbitrary, but the same
 * in every run and on both drivers. Ties at the k-th hit can't be resolved from here.
 */
export function articleRanking(hits: SearchHit[], companyId?: string): string[] {
  const ordered = hits
    .map((hit, i) => ({ hit, i, key: textHash(hit.content) }))
    .sort((a, b) => (a.hit.score === b.hit.score ? a.key - b.key || a.i - b.i : b.hit.score - a.hit.score))
    .map((x) => x.hit);
  const seen = new Set<string>();
  for (const hit of ordered) {
    if (companyId !== undefined && hit.companyId !== companyId) continue;
    if (hit.sourceType === 'knowledge') seen.add(hit.sourceId);
  }
  return [...seen];
}

function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** recall@5 and reciprocal rank (within the first 10) of one question's article ranking. */
export function score(q: EvalQuestion, ranked: string[]): QuestionResult {
  const relevant = new Set(q.relevant);
  const top10 = ranked.slice(0, 10);
  const index = top10.findIndex((id) => relevant.has(id));
  const found5 = ranked.slice(0, 5).filter((id) => relevant.has(id)).length;
  return {
    id: q.id,
    ranked: top10,
    firstRelevant: index < 0 ? null : index + 1,
    recallAt5: relevant.size > 0 ? found5 / relevant.size : 0,
    reciprocalRank: index < 0 ? 0 : 1 / (index + 1),
  };
}

function aggregate(questions: EvalQuestion[], results: QuestionResult[]): Record<Group, Metrics> {
  const sums = Object.fromEntries(GROUPS.map((g) => [g, { questions: 0, recallAt5: 0, mrr: 0 }])) as Record<Group, Metrics>;
  questions.forEach((q, i) => {
    const r = results[i]!;
    for (const g of groupsOf(q)) {
      sums[g].questions += 1;
      sums[g].recallAt5 += r.recallAt5;
      sums[g].mrr += r.reciprocalRank;
    }
  });
  for (const m of Object.values(sums)) {
    if (m.questions > 0) {
      m.recallAt5 /= m.questions;
      m.mrr /= m.questions;
    }
  }
  return sums;
}

const round3 = (n: number): string => n.toFixed(3);

/** The figures as a Markdown table: one row per group, recall@5 / MRR per mode. */
export function markdownTable(report: EvalReport): string {
  const lines = [
    `| questions (n) | full-text R@5 / MRR | vector R@5 / MRR | hybrid R@5 / MRR |`,
    `|---|---|---|---|`,
  ];
  for (const g of GROUPS) {
    const n = report.modes.hybrid.groups[g].questions;
    const cells = MODES.map((m) => `${round3(report.modes[m].groups[g].recallAt5)} / ${round3(report.modes[m].groups[g].mrr)}`);
    lines.push(`| ${g} (${n}) | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
