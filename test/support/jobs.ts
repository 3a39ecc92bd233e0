import { createWorker, getJob, type Job, type Worker } from '../../core/jobs/index.ts';
import { createOfflineEmbedder } from '../../app/offline-embedder.ts';
import type { EmbeddingProvider } from '../../core/search/embeddings/index.ts';
import { coreJobHandlers } from '../../core/server/jobs.ts';
import type { Database } from './app.ts';

/**
 * The server's in-process worker, polling fast, for tests that queue work through the API.
 *
 * @example
 * const worker = startTestWorker(t.db);
 * await waitForJob(t.db, jobId);
 * await worker.stop();
 */
export function startTestWorker(db: Database, embedder: EmbeddingProvider = createOfflineEmbedder()): Worker {
  const worker = createWorker({ db, handlers: coreJobHandlers({ embedder }), pollMs: 20, leaseMs: 5_000 });
  worker.start();
  return worker;
}

/** Waits until a job has succeeded or died, and returns it. */
export async function waitForJob(db: Database, id: string, timeoutMs = 15_000): Promise<Job> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(db, id);
    if (job && (job.status === 'succeeded' || job.status === 'dead')) return job;
    if (Date.now() > until) throw new Error(`Job ${id} still ${job?.status ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
