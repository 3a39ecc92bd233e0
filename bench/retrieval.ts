/**
 * Retrieval-quality benchmark (issue 3): recall@5 and MRR of full-text, vector and hybrid
 * search with the offline embedder, over the labelled Danish/English set in bench/eval/, on
 * PGlite and on Postgres (a temporary database created and dropped on the server).
 *
 *   npm run bench -- retrieval
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- retrieval
 *
 * The server comes from BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres. BENCH_DRIVERS=pglite (or postgres) runs one.
 */
import os from 'node:os';
import { type DriverName, createTestDatabase } from '../test/support/databases.ts';
import { type EvalReport, GROUPS, MODES, markdownTable, runRetrievalEval } from './eval/run.ts';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function runRetrievalBench(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_URL;
  process.env.TEST_DATABASE_URL = url;
  const drivers = (process.env.BENCH_DRIVERS?.split(',') ?? ['pglite', 'postgres']) as DriverName[];
  console.log(`# retrieval bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} × ${os.cpus().length}, node ${process.version}`);
  console.log(`# offline embedder (offline-hash-v2, 384 d), k = 10; Postgres at ${redact(url)}\n`);

  const reports: EvalReport[] = [];
  for (const driver of drivers) {
    const started = performance.now();
    let t;
    try {
      t = await createTestDatabase(driver);
    } catch (error) {
      console.error(`## ${driver}: could not open a database (${(error as Error).message}); skipped\n`);
      continue;
    }
    try {
      const report = await runRetrievalEval(t.db);
      reports.push(report);
      printPlain(report, performance.now() - started);
    } finally {
      await t.destroy();
    }
  }

  console.log('\n<!-- Markdown for BENCHMARKS.md -->\n');
  for (const report of reports) {
    console.log(`**${report.driver}** (${report.articles} articles → ${report.chunks} chunks, ${report.questions} questions; recall@5 / MRR@10)\n`);
    console.log(markdownTable(report));
    console.log('');
  }
  const failures = reports.filter((r) => !hybridWins(r));
  if (failures.length > 0) {
    console.log(`Hybrid does NOT beat both single arms on recall@5 and MRR overall on: ${failures.map((r) => r.driver).join(', ')}`);
  }
}

function printPlain(report: EvalReport, totalMs: number): void {
  console.log(`## ${report.driver}: ${report.articles} articles → ${report.chunks} chunks, indexed in ${Math.round(report.indexMs)} ms; total ${(totalMs / 1000).toFixed(1)} s`);
  const header = ['group'.padEnd(22), 'n'.padStart(4), ...MODES.map((m) => `${m} R@5`.padStart(14) + `${m} MRR`.padStart(14))].join(' ');
  console.log(header);
  for (const g of GROUPS) {
    const n = report.modes.hybrid.groups[g].questions;
    const cells = MODES.map((m) => {
      const x = report.modes[m].groups[g];
      return x.recallAt5.toFixed(3).padStart(14) + x.mrr.toFixed(3).padStart(14);
    });
    console.log([g.padEnd(22), String(n).padStart(4), ...cells].join(' '));
  }
  console.log(`mean search ms per question: ${MODES.map((m) => `${m} ${report.modes[m].meanSearchMs.toFixed(1)}`).join(', ')}\n`);
}

/** Hybrid strictly better than each single arm on recall@5 and on MRR, over all questions. */
export function hybridWins(report: EvalReport): boolean {
  const h = report.modes.hybrid.groups.all;
  return (['fulltext', 'vector'] as const).every((m) => h.recallAt5 > report.modes[m].groups.all.recallAt5 && h.mrr > report.modes[m].groups.all.mrr);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
