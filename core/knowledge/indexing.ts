import type { Database } from '../db/types.ts';
import { scope } from '../db/scope/index.ts';
import type { EmbeddingProvider } from '../search/embeddings/types.ts';
import { indexText } from '../search/indexer.ts';
import { getArticle, markIndexed } from './store.ts';

/**
 * (Re)builds the passages of one article: the body of the `knowledge.index` job. An
 * article deleted meanwhile is simply skipped. Runs in the article's company scope.
 *
 * @example
 * await indexArticle(db, embedder, { articleId, companyId });
 */
export async function indexArticle(
  db: Database,
  embedder: EmbeddingProvider,
  ref: { articleId: string; companyId: string },
): Promise<{ chunks: number } | { skipped: 'deleted' }> {
  return scope(db, [ref.companyId]).run(async (tx) => {
    const article = await getArticle(tx, ref.articleId);
    if (!article) return { skipped: 'deleted' as const };
    const chunks = await indexText(tx, embedder, {
      companyId: article.companyId,
      sourceType: 'knowledge',
      sourceId: article.id,
      visibility: article.visibility,
      title: article.title,
      url: article.url,
      text: article.body,
      format: 'markdown',
    });
    await markIndexed(tx, article.id, new Date());
    return { chunks };
  });
}
