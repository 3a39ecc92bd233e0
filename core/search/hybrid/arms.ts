import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/types.ts';
import type { Plan } from './plan.ts';

/** Candidates each arm gives to the fusion. */
const CANDIDATES = 60;
/**
 * HNSW search breadth. The offline embedder puts thousands of a company's passages within a
 * few thousandths of cosine distance of a question, where ef_search 100 found only 0.6–0.8 of
 * the true 10 nearest for the largest companies; 400 finds 0.9+ at no measurable cost in
 * latency (bench/search.ts, 100,000 chunks). Companies small enough for an exact scan are
 * planned that way anyway.
 */
const EF_SEARCH = 400;

/** One arm's result: chunk ids, best first. */
export type Ranked = string[];

/** The full-text arm: chunks matching any of the question's words, by ts_rank. */
export async function textArm(tx: Tx, plan: Plan): Promise<Ranked> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      with qry as (select ${plan.tsq} as q)
      select id from chunks, qry where tsv @@ qry.q and ${plan.filter}
      order by ts_rank(tsv, qry.q, 1) desc, id limit ${CANDIDATES}`),
  );
  return rows.map((r) => r.id);
}

/** The vector arm: nearest chunks by cosine distance, HNSW with iterative scans. */
export async function vectorArm(tx: Tx, plan: Plan): Promise<Ranked> {
  // Sent together: the settings are one statement ahead of the search on the same connection.
  const [, result] = await Promise.all([
    tx.execute(sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', ${String(EF_SEARCH)}, true)`),
    tx.execute(sql`
      select id from (
        select id, embedding <=> ${plan.embedding}::vector as d from chunks
        where embedding is not null and ${plan.filter}
        order by embedding <=> ${plan.embedding}::vector limit ${CANDIDATES}) v
      order by d, id`),
  ]);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
