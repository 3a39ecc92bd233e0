import { and, desc, eq, isNull, lt, type SQL } from 'drizzle-orm';
import { knowledgeArticles } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { decodeCursor, type Page, toPage } from '../pagination/index.ts';

export type Article = typeof knowledgeArticles.$inferSelect;

export interface ArticleInput {
  title: string;
  body: string;
  visibility?: 'public' | 'internal';
  lang?: 'da' | 'en' | null;
  tags?: string[];
  url?: string | null;
  riskFlags?: ('payment_details' | 'external_link')[];
}

/**
 * Adds an article to the knowledge base of a company (the own company, normally).
 *
 * @example
 * await createArticle(tx, selfId, { title: 'Priser på tagrender', body: '## Montering\n…', visibility: 'public' });
 */
export async function createArticle(tx: Tx, companyId: string, input: ArticleInput): Promise<Article> {
  const [row] = await tx.insert(knowledgeArticles).values({ id: uuidv7(), companyId, ...input }).returning();
  return row!;
}

export async function getArticle(tx: Tx, id: string): Promise<Article | undefined> {
  const [row] = await tx.select().from(knowledgeArticles).where(eq(knowledgeArticles.id, id));
  return row;
}

export async function requireArticle(tx: Tx, id: string): Promise<Article> {
  const article = await getArticle(tx, id);
  if (!article) throw new CrmError('not_found', `Knowledge article ${id} not found`);
  return article;
}

/** Articles newest first, optionally only one visibility. */
export async function listArticles(
  tx: Tx,
  query: { visibility?: 'public' | 'internal'; limit: number; cursor?: string },
): Promise<Page<Article>> {
  const where: (SQL | undefined)[] = [];
  if (query.visibility) where.push(eq(knowledgeArticles.visibility, query.visibility));
  if (query.cursor) where.push(lt(knowledgeArticles.id, decodeCursor(query.cursor, { id: 'uuid' }).id));
  const rows = await tx
    .select()
    .from(knowledgeArticles)
    .where(and(...where))
    .orderBy(desc(knowledgeArticles.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (last) => ({ id: last.id }));
}

export async function updateArticle(tx: Tx, id: string, patch: Partial<ArticleInput>): Promise<Article> {
  const current = await requireArticle(tx, id);
  if (Object.keys(patch).length === 0) return current;
  const [row] = await tx.update(knowledgeArticles).set({ ...patch, indexedAt: null }).where(eq(knowledgeArticles.id, id)).returning();
  return row!;
}

export async function markIndexed(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(knowledgeArticles).set({ indexedAt: at }).where(eq(knowledgeArticles.id, id));
}

export async function deleteArticle(tx: Tx, id: string): Promise<Article> {
  const article = await requireArticle(tx, id);
  await tx.delete(knowledgeArticles).where(eq(knowledgeArticles.id, id));
  return article;
}

/**
 * Articles whose current version has no passages yet (`indexed_at` is cleared by every edit
 * and set by the indexing job), oldest first: what the start-up sweep re-queues.
 *
 * @example
 * const waiting = await scope(db, 'all').run((tx) => listUnindexedArticles(tx, 500));
 */
export async function listUnindexedArticles(tx: Tx, limit: number): Promise<Article[]> {
  return tx.select().from(knowledgeArticles).where(isNull(knowledgeArticles.indexedAt)).orderBy(knowledgeArticles.updatedAt).limit(limit);
}
