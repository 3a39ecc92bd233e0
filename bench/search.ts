/**
 * Search benchmark (issue 3): ingest rate, index build time, hybrid-search latency and
 * filtered recall@10 of the vector arm, over a synthetic corpus of Danish and English
 * business passages spread over many companies, on PGlite and on Postgres.
 *
 *   npm run bench -- search                                # 100,000 chunks, 50 companies, both drivers
 *   npm run bench -- search --size 10000 --companies 10    # a quick run
 *   npm run bench -- search --drivers pglite               # PGlite only
 *
 * Flags (or env): --size (BENCH_SEARCH_SIZE) chunks, --companies (BENCH_SEARCH_COMPANIES),
 * --queries (400) timed queries, --recall-queries (all of them), --warmup (60),
 * --drivers pglite,postgres, --zipf (0.8) exponent of the spread over companies,
 * --hnsw-m / --hnsw-ef-construction to try other HNSW build parameters than the
 * migration's (pgvector's defaults, m = 16, ef_construction = 64), --maintenance-work-mem
 * ('1GB') for the index builds ('' keeps the server's), --incremental (2000) chunks inserted
 * at the end into the indexed table.
 * Postgres: BENCH_DATABASE_URL or TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres; a fresh database is created and dropped.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { createCompany } from '../core/companies/store.ts';
import { scope } from '../core/db/scope/index.ts';
import { type Database, rowsOf } from '../core/db/types.ts';
import { replaceChunks } from '../core/search/chunks/store.ts';
import { createOfflineEmbedder } from '../app/offline-embedder.ts';
import { searchExact, searchInScope } from '../core/search/hybrid/index.ts';
import { passageText } from '../core/search/indexer.ts';
import { type BenchQuery, type Corpus, generateCorpus, generateQueries } from './search/corpus.ts';
import { openBenchDatabase } from './search/db.ts';
import { percentiles } from './stats.ts';

type Driver = Database['driver'];
type Percentiles = ReturnType<typeof percentiles>;

interface Options {
  size: number;
  companies: number;
  queries: number;
  recallQueries: number;
  warmup: number;
  drivers: Driver[];
  zipf: number;
  url: string;
  hnswM: number | null;
  hnswEf: number | null;
  /** For the index builds; '' keeps the server's. */
  maintenanceWorkMem: string;
  /** Chunks inserted at the end with the indexes in place. */
  incremental: number;
}

/** Targets from the issue. */
const TARGET_P95: Record<Driver, number> = { postgres: 15, pglite: 40 };
const TARGET_RECALL = 0.95;
/** Chunks written per scoped transaction while loading. */
const TX_CHUNKS = 500;

interface Embedded {
  vectors: number[][][]; // per document, per chunk
  seconds: number;
  model: string;
}

interface DriverResult {
  driver: Driver;
  server: string;
  insertSeconds: number;
  embedSeconds: number;
  chunks: number;
  incremental: { chunks: number; seconds: number };
  ginSeconds: number;
  hnswSeconds: number;
  analyzeSeconds: number;
  maintenanceWorkMem: string;
  sizes: { table: string; gin: string; hnsw: string };
  embedQuery: Percentiles;
  search: Percentiles;
  embedSearch: Percentiles;
  searchLargest: Percentiles;
  largestLabel: string;
  fulltext: Percentiles;
  vectorIndexed: Percentiles;
  vectorExact: Percentiles;
  recall: { mean: number; min: number; below: number; smallest: number; largest: number; count: number };
  hits: { mean: number; empty: number };
}

export async function runSearchBench(): Promise<void> {
  const options = parseOptions(process.argv.slice(3));
  const started = performance.now();
  console.log(`# search bench — ${new Date().toISOString()} — ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(`# ${options.size.toLocaleString('en')} chunks over ${options.companies} companies (Zipf ${options.zipf}), ${options.queries} queries` +
    `, drivers: ${options.drivers.join(', ')}${options.hnswM || options.hnswEf ? `, HNSW m=${options.hnswM ?? 16} ef_construction=${options.hnswEf ?? 64}` : ''}\n`);

  let t = performance.now();
  const corpus = generateCorpus({ size: options.size, companies: options.companies, exponent: options.zipf });
  const counts = corpus.companies.map((c) => c.chunkCount);
  const langs = corpus.documents.reduce((n, d) => n + (d.lang === 'da' ? d.chunks.length : 0), 0);
  const words = corpus.documents.reduce((n, d) => n + d.chunks.reduce((m, c) => m + c.content.split(/\s+/).length, 0), 0);
  console.log(`corpus: ${corpus.chunkCount.toLocaleString('en')} chunks in ${corpus.documents.length.toLocaleString('en')} sources, ` +
    `${Math.round((100 * langs) / corpus.chunkCount)} % Danish, ${Math.round(words / corpus.chunkCount)} words per chunk on average, ` +
    `${Math.max(...counts).toLocaleString('en')} to ${Math.min(...counts).toLocaleString('en')} chunks per company (generated in ${secs(t)} s)`);

  const embedded = await embedCorpus(corpus);
  console.log(`embedded ${corpus.chunkCount.toLocaleString('en')} passages with ${embedded.model} (384 dims) in ${embedded.seconds.toFixed(1)} s: ` +
    `${rate(corpus.chunkCount, embedded.seconds)} chunks/s (once, shared by both drivers)\n`);

  const queries = generateQueries(corpus.companies, options.queries);
  const warmup = generateQueries(corpus.companies, options.warmup, 7);
  const results: DriverResult[] = [];
  for (const driver of options.drivers) {
    t = performance.now();
    results.push(await benchDriver(driver, options, corpus, embedded, queries, warmup));
    console.log(`${driver} done in ${secs(t)} s\n`);
  }
  report(results, options, corpus);
  console.log(`\ntotal run time ${secs(started)} s`);
}

async function embedCorpus(corpus: Corpus): Promise<Embedded> {
  const embedder = createOfflineEmbedder();
  const started = performance.now();
  const vectors: number[][][] = [];
  for (const doc of corpus.documents) {
    vectors.push(await embedder.embed(doc.chunks.map((c) => passageText(doc.title, c.headingPath, c.content)), 'passage'));
  }
  return { vectors, seconds: (performance.now() - started) / 1000, model: embedder.model };
}

async function benchDriver(driver: Driver, options: Options, corpus: Corpus, embedded: Embedded, queries: BenchQuery[], warmup: BenchQuery[]): Promise<DriverResult> {
  console.log(`## ${driver}`);
  const bench = await openBenchDatabase(driver, options.url);
  const { db } = bench;
  try {
    const one = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.orm.execute(query))[0]!;
    const server = (await one<{ v: string }>(sql`select current_setting('server_version') || ', pgvector ' || (select extversion from pg_extension where extname = 'vector') as v`)).v;
    console.log(`${driver}: PostgreSQL ${server} (${bench.where})`);

    const ids = await scope(db, 'all').run(async (tx) => {
      const out: string[] = [];
      for (const c of corpus.companies) out.push((await createCompany(tx, { name: c.name, domain: c.domain })).id);
      return out;
    });

    // Load without the search indexes, then build them, as a bulk import would; the running
    // system's way (indexes in place) is measured at the end.
    await db.orm.execute(sql`drop index chunks_embedding_idx`);
    await db.orm.execute(sql`drop index chunks_tsv_idx`);
    const insertSeconds = await load(db, driver, corpus, embedded, ids);
    const loaded = (await one<{ n: number }>(sql`select count(*)::int as n from chunks`)).n;
    if (loaded !== corpus.chunkCount) throw new Error(`${driver}: loaded ${loaded} chunks, expected ${corpus.chunkCount}`);

    // Index builds get maintenance_work_mem as pgvector advises for a bulk build: with the
    // server default (64MB) the HNSW graph of 100,000 × 384 dims (~200 MB) does not fit, and
    // the build takes 4–6 times longer (see BENCHMARKS.md).
    const maintenanceWorkMem = options.maintenanceWorkMem;
    const build = async (statement: string) => {
      const started = performance.now();
      await db.orm.transaction(async (tx) => {
        if (maintenanceWorkMem) await tx.execute(sql`select set_config('maintenance_work_mem', ${maintenanceWorkMem}, true)`);
        await tx.execute(sql.raw(statement));
      });
      return (performance.now() - started) / 1000;
    };
    const memory = maintenanceWorkMem || (await one<{ m: string }>(sql`select current_setting('maintenance_work_mem') as m`)).m;
    const ginSeconds = await build('create index chunks_tsv_idx on chunks using gin (tsv)');
    console.log(`${driver}: GIN (tsv) built in ${ginSeconds.toFixed(1)} s`);
    const params = [options.hnswM ? `m = ${options.hnswM}` : '', options.hnswEf ? `ef_construction = ${options.hnswEf}` : ''].filter(Boolean).join(', ');
    const hnswSeconds = await build(`create index chunks_embedding_idx on chunks using hnsw (embedding vector_cosine_ops)${params ? ` with (${params})` : ''}`);
    console.log(`${driver}: HNSW (embedding vector_cosine_ops${params ? `, ${params}` : ''}) built in ${hnswSeconds.toFixed(1)} s (maintenance_work_mem ${memory})`);
    const analyzeStarted = performance.now();
    await db.orm.execute(sql`analyze chunks`);
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    const sizes = await one<{ table: string; gin: string; hnsw: string }>(sql`
      select pg_size_pretty(pg_total_relation_size('chunks')) as table, pg_size_pretty(pg_relation_size('chunks_tsv_idx')) as gin,
             pg_size_pretty(pg_relation_size('chunks_embedding_idx')) as hnsw`);

    const embedder = createOfflineEmbedder();
    const company = (q: BenchQuery) => ids[q.companyIndex]!;
    // As the API runs it: searchInScope, both arms in one scoped transaction.
    const run = (q: BenchQuery, embedding: number[], mode: 'hybrid' | 'vector' | 'fulltext' = 'hybrid') =>
      searchInScope(scope(db, [company(q)]), { query: q.text, embedding, companyIds: [company(q)], k: 10, mode });

    for (const q of warmup) {
      const [embedding] = await embedder.embed([q.text], 'query');
      await run(q, embedding!);
      await run(q, embedding!, 'vector');
    }

    // Hybrid search as POST /api/search runs it: embed the question, then search in the scope.
    const embedTimes: number[] = [];
    const searchTimes: number[] = [];
    const totalTimes: number[] = [];
    const embeddings: number[][] = [];
    const hitCounts: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      const [embedding] = await embedder.embed([q.text], 'query');
      const t1 = performance.now();
      const hits = await run(q, embedding!);
      const t2 = performance.now();
      embedTimes.push(t1 - t0);
      searchTimes.push(t2 - t1);
      totalTimes.push(t2 - t0);
      embeddings.push(embedding!);
      hitCounts.push(hits.length);
    }
    const largestCompanies = new Set(rankBySize(corpus).slice(0, 5));
    const largest = queries.flatMap((q, i) => (largestCompanies.has(q.companyIndex) ? [searchTimes[i]!] : []));
    const largestMin = Math.min(...[...largestCompanies].map((i) => corpus.companies[i]!.chunkCount));
    const search = percentiles(searchTimes);
    console.log(`${driver}: hybrid search p50 / p95 / p99 ${search.p50} / ${search.p95} / ${search.p99} ms (${queries.length} queries)`);

    // Recall@10 of the vector arm (HNSW, filtered to one company) against exact search.
    const recallCount = Math.min(options.recallQueries, queries.length);
    const recalls: number[] = [];
    const indexedTimes: number[] = [];
    const exactTimes: number[] = [];
    const textTimes: number[] = [];
    for (let i = 0; i < recallCount; i++) {
      const q = queries[i]!;
      let t0 = performance.now();
      await run(q, embeddings[i]!, 'fulltext');
      textTimes.push(performance.now() - t0);
      t0 = performance.now();
      const indexed = await run(q, embeddings[i]!, 'vector');
      indexedTimes.push(performance.now() - t0);
      t0 = performance.now();
      const exact = await scope(db, [company(q)]).run((tx) =>
        searchExact(tx, { query: q.text, embedding: embeddings[i]!, companyIds: [company(q)], k: 10, mode: 'vector' }),
      );
      exactTimes.push(performance.now() - t0);
      const truth = new Set(exact.map((h) => h.chunkId));
      recalls.push(truth.size === 0 ? 1 : indexed.filter((h) => truth.has(h.chunkId)).length / truth.size);
    }
    const smallestCompanies = new Set(rankBySize(corpus).slice(-10));
    const meanOf = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    const recallFor = (set: Set<number>) => meanOf(recalls.filter((_, i) => set.has(queries[i]!.companyIndex)));
    const recall = {
      mean: meanOf(recalls),
      min: Math.min(...recalls),
      below: recalls.filter((r) => r < 0.9).length,
      smallest: recallFor(smallestCompanies),
      largest: recallFor(largestCompanies),
      count: recallCount,
    };
    console.log(`${driver}: vector recall@10 ${recall.mean.toFixed(4)} over ${recallCount} queries`);

    // Indexing as the running system does it: new sources into the indexed table (HNSW and
    // GIN maintained per row), last, so these rows don't take part in the searches above.
    const extra = generateCorpus({ size: Math.max(1, options.incremental), companies: 1, seed: 4711 });
    const extraEmbedded = await embedCorpus(extra);
    extra.documents.forEach((d) => (d.sourceId = `incremental-${d.sourceId}`));
    const incrementalSeconds = await load(db, driver, extra, extraEmbedded, [ids[Math.floor(ids.length / 2)]!], false);
    console.log(`${driver}: ${extra.chunkCount} more chunks into the indexed table: ${rate(extra.chunkCount, incrementalSeconds)} chunks/s`);

    return {
      driver,
      server,
      insertSeconds,
      embedSeconds: embedded.seconds,
      chunks: corpus.chunkCount,
      incremental: { chunks: extra.chunkCount, seconds: incrementalSeconds },
      ginSeconds,
      hnswSeconds,
      analyzeSeconds,
      maintenanceWorkMem: memory,
      sizes,
      embedQuery: percentiles(embedTimes),
      search,
      embedSearch: percentiles(totalTimes),
      searchLargest: percentiles(largest),
      largestLabel: `5 largest companies (≥ ${largestMin.toLocaleString('en')} chunks)`,
      fulltext: percentiles(textTimes),
      vectorIndexed: percentiles(indexedTimes),
      vectorExact: percentiles(exactTimes),
      recall,
      hits: { mean: meanOf(hitCounts), empty: hitCounts.filter((n) => n === 0).length },
    };
  } finally {
    await bench.destroy();
  }
}

/** Inserts every document through replaceChunks in scoped transactions; returns seconds. */
async function load(db: Database, driver: Driver, corpus: Corpus, embedded: Embedded, ids: string[], progress = true): Promise<number> {
  const started = performance.now();
  const total = corpus.chunkCount;
  let done = 0;
  let nextReport = 0.1;
  let d = 0;
  while (d < corpus.documents.length) {
    // A batch: consecutive documents of one company, about TX_CHUNKS chunks.
    const companyIndex = corpus.documents[d]!.companyIndex;
    const batch: number[] = [];
    let size = 0;
    while (d < corpus.documents.length && corpus.documents[d]!.companyIndex === companyIndex && size < TX_CHUNKS) {
      batch.push(d);
      size += corpus.documents[d]!.chunks.length;
      d++;
    }
    const companyId = ids[companyIndex]!;
    await scope(db, [companyId]).run(async (tx) => {
      for (const index of batch) {
        const doc = corpus.documents[index]!;
        const vectors = embedded.vectors[index]!;
        await replaceChunks(
          tx,
          { companyId, sourceType: doc.sourceType, sourceId: doc.sourceId, visibility: doc.visibility, title: doc.title, embeddingModel: embedded.model },
          doc.chunks.map((c, i) => ({ ...c, embedding: vectors[i]! })),
        );
      }
    });
    done += size;
    while (progress && done >= nextReport * total - 1e-9 && nextReport <= 1.0001) {
      const s = (performance.now() - started) / 1000;
      console.log(`${driver}: loaded ${Math.round(nextReport * 100)} % (${done.toLocaleString('en')} chunks) in ${s.toFixed(1)} s, ${rate(done, s)} chunks/s`);
      nextReport += 0.1;
    }
  }
  return (performance.now() - started) / 1000;
}

function rankBySize(corpus: Corpus): number[] {
  return [...corpus.companies].sort((a, b) => b.chunkCount - a.chunkCount).map((c) => c.index);
}

function report(results: DriverResult[], options: Options, corpus: Corpus): void {
  const cols = results.map((r) => r.driver);
  const row = (name: string, cell: (r: DriverResult) => string) => `| ${name} | ${results.map(cell).join(' | ')} |`;
  const p = (x: Percentiles) => `${x.p50} / ${x.p95} / ${x.p99}`;
  const ok = (pass: boolean) => (pass ? '✅' : '❌');
  const lines = [
    `| measurement | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---').join('|')}|`,
    row('server', (r) => r.server),
    row('embed (offline, 384 dims), chunks/s', (r) => rate(r.chunks, r.embedSeconds)),
    row('insert (replaceChunks, scoped tx), chunks/s', (r) => `${rate(r.chunks, r.insertSeconds)} (${r.insertSeconds.toFixed(1)} s)`),
    row('ingest = embed + insert, chunks/s', (r) => rate(r.chunks, r.embedSeconds + r.insertSeconds)),
    row(`insert into the indexed table (HNSW + GIN kept up), ${results[0]?.incremental.chunks.toLocaleString('en')} chunks, chunks/s`,
      (r) => rate(r.incremental.chunks, r.incremental.seconds)),
    row('GIN index build (tsv), s', (r) => r.ginSeconds.toFixed(1)),
    row(`HNSW index build${options.hnswM || options.hnswEf ? ` (m=${options.hnswM ?? 16}, ef_construction=${options.hnswEf ?? 64})` : ''}, s`,
      (r) => `${r.hnswSeconds.toFixed(1)} (maintenance_work_mem ${r.maintenanceWorkMem})`),
    row('ANALYZE, s', (r) => r.analyzeSeconds.toFixed(1)),
    row('sizes: table+indexes / GIN / HNSW', (r) => `${r.sizes.table} / ${r.sizes.gin} / ${r.sizes.hnsw}`),
    row('hybrid search p50 / p95 / p99 ms', (r) => p(r.search)),
    row('embed + hybrid search p50 / p95 / p99 ms', (r) => p(r.embedSearch)),
    row('query embedding alone p50 / p95 / p99 ms', (r) => p(r.embedQuery)),
    row(`hybrid search, ${results[0]?.largestLabel ?? ''}, p50 / p95 / p99 ms`, (r) => p(r.searchLargest)),
    row('full-text arm alone (`mode: fulltext`) p50 / p95 / p99 ms', (r) => p(r.fulltext)),
    row('vector arm alone (`mode: vector`) p50 / p95 / p99 ms', (r) => p(r.vectorIndexed)),
    row('exact vector search (`searchExact`, seq scan) p50 / p95 / p99 ms', (r) => p(r.vectorExact)),
    row('recall@10 of the vector arm (mean / min)', (r) => `${r.recall.mean.toFixed(4)} / ${r.recall.min.toFixed(2)}`),
    row('recall@10: 10 smallest / 5 largest companies', (r) => `${r.recall.smallest.toFixed(4)} / ${r.recall.largest.toFixed(4)}`),
    row('queries with recall@10 < 0.9', (r) => `${r.recall.below} of ${r.recall.count}`),
    row('hits per query (mean), queries with none', (r) => `${r.hits.mean.toFixed(1)}, ${r.hits.empty}`),
    row('target: p95 (PGlite ≤ 40 ms, Postgres ≤ 15 ms)', (r) => `${ok(r.search.p95 <= TARGET_P95[r.driver])} ${r.search.p95} ms`),
    row(`target: recall@10 ≥ ${TARGET_RECALL}`, (r) => `${ok(r.recall.mean >= TARGET_RECALL)} ${r.recall.mean.toFixed(4)}`),
  ];
  console.log(`## Results (${corpus.chunkCount.toLocaleString('en')} chunks, ${corpus.companies.length} companies, ${options.queries} queries, k = 10)\n`);
  console.log('```markdown');
  for (const line of lines) console.log(line);
  console.log('```');
}

function parseOptions(args: string[]): Options {
  const flag = (name: string, env: string, fallback: string): string => {
    const at = args.indexOf(`--${name}`);
    if (at >= 0 && args[at + 1] !== undefined) return args[at + 1]!;
    const inline = args.find((a) => a.startsWith(`--${name}=`));
    if (inline) return inline.slice(name.length + 3);
    return process.env[env] ?? fallback;
  };
  const int = (name: string, env: string, fallback: number): number => {
    const value = Number(flag(name, env, String(fallback)));
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${flag(name, env, '')}`);
    return value;
  };
  const queries = int('queries', 'BENCH_SEARCH_QUERIES', 400);
  const drivers = flag('drivers', 'BENCH_SEARCH_DRIVERS', 'pglite,postgres').split(',').map((d) => d.trim()) as Driver[];
  if (drivers.some((d) => d !== 'pglite' && d !== 'postgres')) throw new Error('--drivers takes pglite, postgres or both');
  const optional = (name: string, env: string) => (flag(name, env, '') === '' ? null : int(name, env, 0));
  return {
    size: int('size', 'BENCH_SEARCH_SIZE', 100_000),
    companies: int('companies', 'BENCH_SEARCH_COMPANIES', 50),
    queries,
    recallQueries: int('recall-queries', 'BENCH_SEARCH_RECALL_QUERIES', queries),
    warmup: int('warmup', 'BENCH_SEARCH_WARMUP', 60),
    drivers,
    zipf: Number(flag('zipf', 'BENCH_SEARCH_ZIPF', '0.8')),
    url: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    hnswM: optional('hnsw-m', 'BENCH_SEARCH_HNSW_M'),
    hnswEf: optional('hnsw-ef-construction', 'BENCH_SEARCH_HNSW_EF_CONSTRUCTION'),
    maintenanceWorkMem: flag('maintenance-work-mem', 'BENCH_SEARCH_MAINTENANCE_WORK_MEM', '1GB'),
    incremental: int('incremental', 'BENCH_SEARCH_INCREMENTAL', 2_000),
  };
}

function secs(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

function rate(count: number, seconds: number): string {
  return Math.round(count / seconds).toLocaleString('en');
}
