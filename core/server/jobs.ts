import type { CoreEventBus } from '../events/bus.ts';
import { type JobHandlers, registeredJobs } from '../jobs/index.ts';
import { INDEX_ARTICLE_JOB, indexArticleHandler } from '../knowledge/job.ts';
import type { EmbeddingProvider } from '../search/embeddings/index.ts';

/**
 * Every job handler of the core, bound to this process's services: what the server's
 * in-process worker and `crm worker` both run, so either finishes what the other queued.
 *
 * @example
 * createWorker({ db, handlers: coreJobHandlers({ embedder }) }).start();
 */
export function coreJobHandlers(services: { embedder: EmbeddingProvider; bus?: CoreEventBus }): JobHandlers {
  return { ...registeredJobs(), [INDEX_ARTICLE_JOB]: indexArticleHandler(services.embedder, services.bus) };
}
