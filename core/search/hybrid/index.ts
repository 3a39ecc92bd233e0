import { sql } from 'drizzle-orm';
import type { Scope } from '../../db/scope/index.ts';
import type { Tx } from '../../db/types.ts';
import { textArm, vectorArm } from './arms.ts';
import { fuse } from './fuse.ts';
import { hydrate } from './hydrate.ts';
import { type Plan, planSearch } from './plan.ts';
import type { SearchHit, SearchOptions } from './types.ts';

export type { SearchHit, SearchOptions } from './types.ts';

/**
 * Hybrid search over chunks: a full-text arm (OR of the query's words, stemmed in both
 * Danish and English, ranked by ts_rank) and a vector arm (cosine, HNSW with iterative
 * scans so a filter to one company still fills k), fused with Reciprocal Rank Fusion.
 * Runs in the caller's scoped transaction. Both arms are sent at once: postgres.js writes
 * them to the transaction's connection together (one round trip for both; Postgres runs them
 * one after the other), then the k hits are fetched with their snippets.
 *
 * @example
 * const hits = await hybridSearch(tx, { query: 'pris på tagrender', embedding, companyIds: [selfId], k: 5 });
 */
export async function hybridSearch(tx: Tx, options: SearchOptions): Promise<SearchHit[]> {
  const plan = planSearch(options);
  return plan ? searchPlanned(tx, plan) : [];
}

async function searchPlanned(tx: Tx, plan: Plan): Promise<SearchHit[]> {
  const [text, vector] = await Promise.all([plan.useText ? textArm(tx, plan) : [], plan.useVector ? vectorArm(tx, plan) : []]);
  return hydrate(tx, plan, fuse(text, vector, plan.k));
}

/**
 * The same search in a company scope, as `POST /api/search` runs it: one scoped transaction
 * (row level security applies to all of it), none at all when the query has nothing to search
 * with. On Postgres that is BEGIN, the scope with both arms, the hits, COMMIT: four round
 * trips. The arms used to run in two transactions at once on two pooled connections, which
 * made one search at a time faster (the slower arm instead of both) but cost 14 round trips
 * and two connections per search; under concurrent load the pool and the CPU, not the
 * latency of one search, set the pace (`npm run bench -- load`).
 *
 * @example
 * const hits = await searchInScope(scope(db, [selfId]), { query, embedding, companyIds: [selfId], k: 5 });
 */
export async function searchInScope(scoped: Scope, options: SearchOptions): Promise<SearchHit[]> {
  const plan = planSearch(options);
  return plan ? scoped.run((tx) => searchPlanned(tx, plan)) : [];
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
