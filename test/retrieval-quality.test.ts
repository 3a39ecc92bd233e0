/**
 * Retrieval quality (issue 3): the labelled Danish/English set in bench/eval/ scored with
 * full-text search alone, vector search alone (offline embedder) and hybrid search, on
 * each driver. Figures and method: BENCHMARKS.md, "Retrieval quality (issue 3)";
 * `npm run bench -- retrieval` prints them.
 *
 * The floors sit a little under what was measured (hybrid recall@5 0.730, MRR 0.637): they
 * catch a broken arm or ranking, not a change of a question or two. Random ranking scores
 * about 0.1; a vector arm that returns nothing makes hybrid equal to full text, which the
 * paraphrase comparison refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvalReport, runRetrievalEval } from '../bench/eval/run.ts';
import { createTestDatabase, DRIVERS, type TestDatabase } from './support/databases.ts';

describe.each(DRIVERS)('retrieval quality on %s', (driver) => {
  let t: TestDatabase;
  let report: EvalReport;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    report = await runRetrievalEval(t.db);
  }, 120_000);
  afterAll(() => t?.destroy());

  const all = (mode: 'fulltext' | 'vector' | 'hybrid') => report.modes[mode].groups.all;

  it('indexes the whole knowledge base and asks every question', () => {
    expect(report).toMatchObject({ articles: 49, questions: 102 });
    expect(report.chunks).toBeGreaterThanOrEqual(report.articles);
    expect(report.modes.hybrid.groups.da.questions).toBe(51);
    expect(report.modes.hybrid.groups.en.questions).toBe(51);
    // Every mode found something for almost every question (a dead arm returns nothing).
    for (const mode of ['fulltext', 'vector', 'hybrid'] as const) {
      const answered = report.modes[mode].questions.filter((q) => q.ranked.length > 0).length;
      expect(answered, mode).toBeGreaterThanOrEqual(100);
    }
  });

  it('hybrid beats full text on the paraphrases', () => {
    const hybrid = report.modes.hybrid.groups.paraphrase;
    const fulltext = report.modes.fulltext.groups.paraphrase;
    expect(hybrid.mrr).toBeGreaterThan(fulltext.mrr);
  });

  it('hybrid is at least as good as each arm alone, overall', () => {
    for (const arm of ['fulltext', 'vector'] as const) {
      expect(all('hybrid').recallAt5, `recall@5 vs ${arm}`).toBeGreaterThanOrEqual(all(arm).recallAt5);
      expect(all('hybrid').mrr, `MRR vs ${arm}`).toBeGreaterThanOrEqual(all(arm).mrr);
    }
  });

  it('stays above the measured floors', () => {
    expect(all('hybrid').recallAt5).toBeGreaterThanOrEqual(0.7);
    expect(all('hybrid').mrr).toBeGreaterThanOrEqual(0.6);
    expect(report.modes.hybrid.groups.lexical.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(report.modes.hybrid.groups['paraphrase-same-lang'].recallAt5).toBeGreaterThanOrEqual(0.55);
    // Each arm works on its own too.
    expect(all('fulltext').recallAt5).toBeGreaterThanOrEqual(0.65);
    expect(all('vector').recallAt5).toBeGreaterThanOrEqual(0.65);
    // Both languages, not one carrying the other.
    expect(report.modes.hybrid.groups.da.recallAt5).toBeGreaterThanOrEqual(0.65);
    expect(report.modes.hybrid.groups.en.recallAt5).toBeGreaterThanOrEqual(0.65);
  });
});
