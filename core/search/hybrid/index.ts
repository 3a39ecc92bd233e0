import { sql } from 'drizzle-orm';
import type { Scope } from '../../db/scope/index.ts';
import type { Tx } from '../../db/types.ts';
import { textArm, vectorArm } from './arms.ts';
import { fuse } from './fuse.ts';
import { hydrate } from './hydrate.ts';
import { planSearch } from './plan.ts';
import type { SearchHit, SearchOptions } from './types.ts';

export type { SearchHit, SearchOptions } from './types.ts';

/**
 * Hybrid search over chunks: a full-text arm (OR of the query's words, stemmed in both
 * Danish and English, ranked by ts_rank) and a vector arm (cosine, HNSW with iterative
 * scans so a filter to one company still fills k), fused with Reciprocal Rank Fusion.
 * Runs in the caller's scoped transaction, one arm after the other; `searchInScope` runs the
 * arms at the same time on two connections.
 *
 * @example
 * const hits = await hybridSearch(tx, { query: 'pris på tagrender', embedding, companyIds: [selfId], k: 5 });
 */
export async function hybridSearch(tx: Tx, options: SearchOptions): Promise<SearchHit[]> {
  const plan = planSearch(options);
  if (!plan) return [];
  const text = plan.useText ? await textArm(tx, plan) : [];
  const vector = plan.useVector ? await vectorArm(tx, plan) : [];
  return hydrate(tx, plan, fuse(text, vector, plan.k));
}

/**
 * The same search in a company scope, with the two arms in two transactions at once: on
 * Postgres they run on two pooled connections, so a search takes as long as the slower arm
 * instead of both (PGlite, one connection, runs them in turn). Row level security applies to
 * each transaction.
 *
 * @example
 * const hits = await searchInScope(scope(db, [selfId]), { query, embedding, companyIds: [selfId], k: 5 });
 */
export async function searchInScope(scoped: Scope, options: SearchOptions): Promise<SearchHit[]> {
  const plan = planSearch(options);
  if (!plan) return [];
  const [text, vector] = await Promise.all([
    plan.useText ? scoped.run((tx) => textArm(tx, plan)) : [],
    plan.useVector ? scoped.run((tx) => vectorArm(tx, plan)) : [],
  ]);
  const fused = fuse(text, vector, plan.k);
  return fused.length ? scoped.run((tx) => hydrate(tx, plan, fused)) : [];
}

/**
 * The same search without any index: exact nearest neighbours by a sequential scan and the
 * full-text arm without GIN. For evaluation only (recall of the indexed search against
 * this), as it reads every chunk in scope. Index use is restored for the rest of `tx`.
 *
 * @example
 * const truth = await searchExact(tx, { query, embedding, companyIds: [id], k: 10, mode: 'vector' });
 */
export async function searchExact(tx: Tx, options: SearchOptions): Promise<SearchHit[]> {
  await tx.execute(sql`select set_config('enable_indexscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`);
  try {
    return await hybridSearch(tx, options);
  } finally {
    await tx.execute(sql`select set_config('enable_indexscan', 'on', true), set_config('enable_bitmapscan', 'on', true)`);
  }
}
