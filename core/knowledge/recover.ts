import type { Database } from '../db/types.ts';
import { scope } from '../db/scope/index.ts';
import { scheduleArticleIndex } from './job.ts';
import { listUnindexedArticles } from './store.ts';

/**
 * The start-up sweep: queues the indexing of every article whose current version has no
 * passages. Since an article and its job commit together this finds nothing after a crash;
 * it repairs data written before the outbox, or jobs deleted by hand. The job key holds the
 * version, so a version whose job exists (queued, running, done or dead) gets no second one,
 * and two servers starting at once make one job. Returns how many articles it looked at.
 *
 * @example
 * const swept = await recoverArticleIndexing(db);
 */
export async function recoverArticleIndexing(db: Database, batch = 500): Promise<number> {
  return scope(db, 'all').run(async (tx) => {
    const articles = await listUnindexedArticles(tx, batch);
    for (const article of articles) await scheduleArticleIndex(tx, article);
    return articles.length;
  });
}
