import { sql, type SQL } from 'drizzle-orm';
import type { CompanyScope } from '../../db/scope/index.ts';
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

export interface SearchHit {
  chunkId: string;
  companyId: string;
  sourceType: string;
  sourceId: string;
  title: string | null;
  url: string | null;
  headingPath: string[];
  anchor: string | null;
  content: string;
  /** The best sentences, with matched words in **bold**. */
  snippet: string;
  score: number;
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

/**
 * Hybrid search over chunks: a full-text arm (OR of the query's words, stemmed in both
 * Danish and English, ranked by ts_rank_cd) and a vector arm (cosine, HNSW with iterative
 * scans so a filter to one company still fills k), fused with Reciprocal Rank Fusion.
 * Runs in the caller's scoped transaction.
 *
 * @example
 * const hits = await hybridSearch(tx, { query: 'pris på tagrender', embedding, companyIds: [selfId], k: 5 });
 */
export async function hybridSearch(tx: Tx, options: SearchOptions): Promise<SearchHit[]> {
  const k = Math.max(1, Math.min(options.k ?? 10, 100));
  const mode = options.mode ?? 'hybrid';
  const terms = orQueryText(options.query);
  const useText = mode !== 'vector' && terms.length > 0;
  const useVector = mode !== 'fulltext' && options.embedding !== null && options.embedding.some((x) => x !== 0);
  if (!useText && !useVector) return [];

  const filter = filters(options);
  const tsq = sql`(to_tsquery('pg_catalog.danish', ${terms}) || to_tsquery('pg_catalog.english', ${terms}))`;
  await tx.execute(sql`select set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', ${String(EF_SEARCH)}, true)`);

  const text = useText
    ? sql`select id, row_number() over (order by ts_rank_cd(tsv, qry.q, 1) desc, id) as r
          from chunks, qry where tsv @@ qry.q and ${filter}
          order by ts_rank_cd(tsv, qry.q, 1) desc, id limit ${CANDIDATES}`
    : sql`select null::uuid as id, null::bigint as r where false`;
  const vector = useVector
    ? sql`select id, row_number() over (order by d, id) as r from (
            select id, embedding <=> ${toVector(options.embedding)}::vector as d from chunks
            where embedding is not null and ${filter}
            order by embedding <=> ${toVector(options.embedding)}::vector limit ${CANDIDATES}) v`
    : sql`select null::uuid as id, null::bigint as r where false`;

  const rows = rowsOf<Row>(
    await tx.execute(sql`
      with qry as (select ${tsq} as q), t as (${text}), v as (${vector}),
      -- The arms are fused with union all + group by, not a full outer join on
      -- coalesce(t.id, v.id): Postgres deems coalesce possibly leaky, so under RLS it won't
      -- use such a join key for an index lookup and read every chunk instead (30 ms at 100k).
      fused as (
        select id, max(text_rank) as text_rank, max(vector_rank) as vector_rank, sum(score) as score
        from (select id, r as text_rank, null::bigint as vector_rank, 1.0 / (${RRF_K} + r) as score from t
              union all
              select id, null::bigint, r, 1.0 / (${RRF_K} + r) from v) arms
        group by id
      )
      select c.id, c.company_id, c.source_type, c.source_id, c.title, c.url, c.heading_path, c.anchor, c.content,
             f.score::float8 as score, f.text_rank::int as text_rank, f.vector_rank::int as vector_rank,
             ts_headline(crm_ts_config(c.lang), c.content, (select q from qry),
               'MaxFragments=2, MaxWords=28, MinWords=12, StartSel=**, StopSel=**, FragmentDelimiter=" … "') as snippet
      from fused f join chunks c on c.id = f.id
      order by f.score desc, c.id
      limit ${k}`),
  );
  return rows.map((r) => ({
    chunkId: r.id,
    companyId: r.company_id,
    sourceType: r.source_type,
    sourceId: r.source_id,
    title: r.title,
    url: r.url,
    headingPath: r.heading_path,
    anchor: r.anchor,
    content: r.content,
    snippet: r.snippet,
    score: r.score,
    ranks: { fulltext: r.text_rank, vector: r.vector_rank },
  }));
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
  score: number;
  text_rank: number | null;
  vector_rank: number | null;
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
