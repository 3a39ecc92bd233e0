/**
 * The load benchmark's data, written before the server starts (PGlite's data folder is
 * locked by whoever has it open): companies for `GET /api/companies/{id}`, and passages for
 * `POST /api/search` written through the real indexing code (`indexText`: chunking, the
 * offline embedder the server also uses, `replaceChunks`) in the companies' scopes.
 */
import { sql } from 'drizzle-orm';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';
import { companies } from '../../core/db/schema/index.ts';
import { scope } from '../../core/db/scope/index.ts';
import { type Database, rowsOf } from '../../core/db/types.ts';
import { uuidv7 } from '../../core/ids/index.ts';
import { ensureEmbeddingSettings } from '../../core/search/embeddings/index.ts';
import { indexText } from '../../core/search/indexer.ts';
import { generateCorpus, generateQueries } from '../search/corpus.ts';

export interface Seeded {
  companyIds: string[];
  chunks: number;
  /** Search requests: a question and the company it is asked of. */
  searches: { query: string; companyId: string }[];
}

/**
 * Seeds `companyCount` plain companies and `chunkCount` passages spread (Zipf) over
 * `searchCompanies` more, and builds `queries` questions for those.
 *
 * @example
 * const seeded = await seedLoadData(db, { companies: 10_000, chunks: 10_000, searchCompanies: 10, queries: 500 });
 */
export async function seedLoadData(
  db: Database,
  options: { companies: number; chunks: number; searchCompanies: number; queries: number },
): Promise<Seeded> {
  const companyIds: string[] = [];
  for (let batch = 0; batch < options.companies; batch += 1000) {
    const rows = Array.from({ length: Math.min(1000, options.companies - batch) }, (_, j) => ({
      id: uuidv7(), name: `Firma ${batch + j} ApS`, domain: `firma-${batch + j}.dk`,
    }));
    await db.orm.insert(companies).values(rows);
    companyIds.push(...rows.map((r) => r.id));
  }

  const embedder = createOfflineEmbedder();
  await ensureEmbeddingSettings(db, embedder);
  const corpus = generateCorpus({ size: options.chunks, companies: options.searchCompanies });
  const searchIds = corpus.companies.map(() => uuidv7());
  await db.orm.insert(companies).values(corpus.companies.map((c, i) => ({ id: searchIds[i]!, name: c.name, domain: c.domain })));
  for (const doc of corpus.documents) {
    const companyId = searchIds[doc.companyIndex]!;
    // One section per passage, so the chunker keeps the corpus's passages as they are.
    const text = doc.chunks.map((c, i) => `## ${c.headingPath[0] ?? `${doc.title} ${i + 1}`}\n\n${c.content}`).join('\n\n');
    await scope(db, [companyId]).run((tx) =>
      indexText(tx, embedder, { companyId, sourceType: doc.sourceType, sourceId: doc.sourceId, visibility: doc.visibility, title: doc.title, text, format: 'markdown' }),
    );
  }
  await db.orm.execute(sql`analyze`);
  const chunks = rowsOf<{ n: number }>(await db.orm.execute(sql`select count(*)::int as n from chunks`))[0]!.n;
  const searches = generateQueries(corpus.companies, options.queries).map((q) => ({ query: q.text, companyId: searchIds[q.companyIndex]! }));
  return { companyIds, chunks, searches };
}
