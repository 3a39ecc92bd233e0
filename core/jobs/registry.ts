import { CrmError } from '../errors/index.ts';
import { JOB_NAME } from './store/enqueue.ts';
import type { JobHandler, JobHandlers } from './types.ts';

/**
 * The job handlers of this process, by name: one map that the server's in-process worker and
 * `crm worker` both read, so a job enqueued by one is understood by the other. Modules that
 * define jobs (retrieval, knowledge) register at import time; whoever starts a worker must
 * have imported them first.
 */
const handlers = new Map<string, JobHandler>();

/** A registered kind of job. */
export interface JobDefinition<P> {
  readonly name: string;
  readonly handler: JobHandler<P>;
}

/**
 * Registers the handler of a kind of job. A name can be defined once: a second definition
 * is a programming error (two modules would race for the same jobs), so it throws.
 *
 * @example
 * export const indexArticleJob = defineJob<{ articleId: string; companyId: string }>(
 *   'knowledge.index',
 *   async (payload, { db, progress, signal }) => { … },
 * );
 * await enqueue(db, indexArticleJob.name, { articleId, companyId }, { companyId });
 */
export function defineJob<P>(name: string, handler: JobHandler<P>): JobDefinition<P> {
  if (!JOB_NAME.test(name)) throw new CrmError('bad_request', `Invalid job name ${JSON.stringify(name)}: letters, digits and _ . : - (at most 100)`);
  if (handlers.has(name)) throw new CrmError('conflict', `The job ${name} is already defined`);
  handlers.set(name, handler as JobHandler);
  return { name, handler };
}

/**
 * A snapshot of the registered handlers, as `createWorker` takes them.
 *
 * @example
 * createWorker({ db, handlers: registeredJobs() }).start();
 */
export function registeredJobs(): JobHandlers {
  return Object.freeze(Object.fromEntries(handlers));
}
