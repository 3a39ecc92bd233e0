import type { Database } from '../db/types.ts';
import type { CoreEventBus } from '../events/bus.ts';
import { enqueue, type JobHandler } from '../jobs/index.ts';
import type { EmbeddingProvider } from '../search/embeddings/index.ts';
import { indexArticle } from './indexing.ts';
import type { Article } from './store.ts';

/** The job that (re)builds an article's passages. */
export const INDEX_ARTICLE_JOB = 'knowledge.index';

export interface IndexArticlePayload {
  articleId: string;
  companyId: string;
}

/**
 * The handler of `knowledge.index`, bound to the embedding provider of this process.
 *
 * @example
 * createWorker({ db, handlers: { [INDEX_ARTICLE_JOB]: indexArticleHandler(embedder) } });
 */
export function indexArticleHandler(embedder: EmbeddingProvider, bus?: CoreEventBus): JobHandler<IndexArticlePayload> {
  return async (payload, { db, progress }) => {
    await progress(0, 1, 'Chunking and embedding');
    const result = await indexArticle(db, embedder, payload);
    await progress(1, 1, 'chunks' in result ? `${result.chunks} passages indexed` : 'Article deleted meanwhile');
    if ('chunks' in result) bus?.publish('knowledge.indexed', { companyId: payload.companyId, articleId: payload.articleId, passages: result.chunks });
    return result;
  };
}

/**
 * Queues the (re)indexing of an article version. The key holds the version's time, so a
 * retried request makes no second job while every edit gets its own.
 *
 * @example
 * const job = await scheduleArticleIndex(db, article);
 */
export async function scheduleArticleIndex(db: Database, article: Article): Promise<string> {
  const job = await enqueue<IndexArticlePayload>(
    db,
    INDEX_ARTICLE_JOB,
    { articleId: article.id, companyId: article.companyId },
    { companyId: article.companyId, idempotencyKey: `${INDEX_ARTICLE_JOB}:${article.id}:${article.updatedAt.getTime()}` },
  );
  return job.id;
}
