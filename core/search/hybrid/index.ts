import { sql, type SQL } from 'drizzle-orm';
import type { SearchHit as PublicSearchHit } from '../../../plugin-api.d.ts';
import type { CompanyScope, Scope } from '../../db/scope/index.ts';
import { pgArray, rowsOf, type Tx } from '../../db/types.ts';
import { toVector } from '../chunks/store.ts';
import { orQueryText } from './query.ts';

export interface SearchOptions {
  query: string;
  /** The query's embedding (same model as the stored chunks), or null for full text only. */
  embedding: number[] | null;
  /** Companies to search: the caller's scope narrowed by the request; RLS applies anyway. */
  companyIds: CompanyScope;
  sourceTypes?: string[];
  visibility?: 'public' | 'internal';
  k?: number;
  /** Which arms to use: both (default), or one, for evaluation. */
  mode?: 'hybrid' | 'fulltext' | 'vector';
}

/** A hit as plugins see it (plugin-api.d.ts), and its rank in each arm, for evaluation. */
export interface SearchHit extends PublicSearchHit {
  ranks: { fulltext: number | null; vector: number | null };
}

/** Reciprocal Rank Fusion constant: 60, as in Cormack et al. (2009). */
const RRF_K = 60;
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
type Ranked = string[];

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

interface Plan {
  k: number;
  useText: boolean;
  useVector: boolean;
  filter: SQL;
  tsq: SQL;
  embedding: string | null;
}

function planSearch(options: SearchOptions): Plan | undefined {
  const mode = options.mode ?? 'hybrid';
  const terms = orQueryText(options.query);
  const useText = mode !== 'vector' && terms.length > 0;
  const useVector = mode !== 'fulltext' && options.embedding !== null && options.embedding.some((x) => x !== 0);
  if (!useText && !useVector) return undefined;
  return {
    k: Math.max(1, Math.min(options.k ?? 10, 100)),
    useText,
    useVector,
    filter: filters(options),
    // Empty when the query has no words: to_tsquery('') is an empty query that matches nothing.
    tsq: sql`(to_tsquery('pg_catalog.danish', ${terms}) || to_tsquery('pg_catalog.english', ${terms}))`,
    embedding: useVector ? toVector(options.embedding) : null,
  };
}

async function textArm(tx: Tx, plan: Plan): Promise<Ranked> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      with qry as (select ${plan.tsq} as q)
      select id from chunks, qry where tsv @@ qry.q and ${plan.filter}
      order by ts_rank(tsv, qry.q, 1) desc, id limit ${CANDIDATES}`),
  );
  return rows.map((r) => r.id);
}

async function vectorArm(tx: Tx, plan: Plan): Promise<Ranked> {
  await tx.execute(sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', ${String(EF_SEARCH)}, true)`);
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select id from (
        select id, embedding <=> ${plan.embedding}::vector as d from chunks
        where embedding is not null and ${plan.filter}
        order by embedding <=> ${plan.embedding}::vector limit ${CANDIDATES}) v
      order by d, id`),
  );
  return rows.map((r) => r.id);
}

interface Fused {
  id: string;
  score: number;
  text: number | null;
  vector: number | null;
}

/** Reciprocal Rank Fusion: each arm adds 1 / (60 + rank); best first, ties by id. */
function fuse(text: Ranked, vector: Ranked, k: number): Fused[] {
  const byId = new Map<string, Fused>();
  const add = (ids: Ranked, arm: 'text' | 'vector') =>
    ids.forEach((id, index) => {
      const entry = byId.get(id) ?? { id, score: 0, text: null, vector: null };
      entry[arm] = index + 1;
      entry.score += 1 / (RRF_K + index + 1);
      byId.set(id, entry);
    });
  add(text, 'text');
  add(vector, 'vector');
  return [...byId.values()].sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).slice(0, k);
}

/** The fused chunks with their source and a snippet (matched words in **bold**), in fused order. */
async function hydrate(tx: Tx, plan: Plan, fused: Fused[]): Promise<SearchHit[]> {
  if (fused.length === 0) return [];
  const rows = rowsOf<Row>(
    await tx.execute(sql`
      select c.id, c.company_id, c.source_type, c.source_id, c.title, c.url, c.heading_path, c.anchor, c.content,
             ts_headline(crm_ts_config(c.lang), c.content, ${plan.tsq},
               'MaxFragments=2, MaxWords=28, MinWords=12, StartSel=**, StopSel=**, FragmentDelimiter=" … "') as snippet
      from chunks c where c.id = any(${pgArray(fused.map((f) => f.id))}::uuid[])`),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return fused.flatMap((f) => {
    const r = byId.get(f.id);
    if (!r) return []; // deleted between the arms and now
    return [{
      chunkId: r.id, companyId: r.company_id, sourceType: r.source_type, sourceId: r.source_id, title: r.title, url: r.url,
      headingPath: r.heading_path, anchor: r.anchor, content: r.content, snippet: r.snippet, score: f.score,
      ranks: { fulltext: f.text, vector: f.vector },
    }];
  });
}

interface Row {
  id: string;
  company_id: string;
  source_type: string;
  source_id: string;
  title: string | null;
  url: string | null;
  heading_path: string[];
  anchor: string | null;
  content: string;
  snippet: string;
}

function filters(options: SearchOptions): SQL {
  const parts: SQL[] = [sql`true`];
  if (options.companyIds !== 'all') parts.push(sql`company_id = any(${pgArray(options.companyIds)}::uuid[])`);
  if (options.sourceTypes?.length) parts.push(sql`source_type = any(${pgArray(options.sourceTypes)}::text[])`);
  if (options.visibility) parts.push(sql`visibility = ${options.visibility}`);
  return sql.join(parts, sql` and `);
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
