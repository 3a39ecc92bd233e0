import type { Tx } from '../db/types.ts';
import type { CoreEventBus } from '../events/bus.ts';
import { enqueueInTransaction, type JobHandler } from '../jobs/index.ts';
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
 * Queues the (re)indexing of an article version in the transaction that wrote it, so the
 * version and its job commit together. The key holds the version's time, so a retried
 * request makes no second job while every edit gets its own.
 *
 * @example
 * const jobId = await scope(db, [selfId]).run(async (tx) => scheduleArticleIndex(tx, await createArticle(tx, selfId, input)));
 */
export function scheduleArticleIndex(tx: Tx, article: Article): Promise<string> {
  return enqueueInTransaction(
    tx,
    INDEX_ARTICLE_JOB,
    { articleId: article.id, companyId: article.companyId } satisfies IndexArticlePayload,
    { companyId: article.companyId, idempotencyKey: articleIndexKey(article) },
  );
}

/** One indexing job per article version. */
export function articleIndexKey(article: Pick<Article, 'id' | 'updatedAt'>): string {
  return `${INDEX_ARTICLE_JOB}:${article.id}:${article.updatedAt.getTime()}`;
}
