import type { JobService } from '../../../plugin-api.d.ts';
import { CrmError } from '../../errors/index.ts';
import { enqueue, getJob, JOB_NAME, type JobHandler, JobTimeoutError } from '../../jobs/index.ts';
import type { FailureCounts, HostServices } from './services.ts';

/** A plugin job's default bound; `define(name, handler, { timeoutMs })` changes it. */
export const DEFAULT_PLUGIN_JOB_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * A plugin's jobs: its names are prefixed with its id (`csv-leads.import`), so plugins can't
 * run or read each other's jobs; each handler is bounded by its timeout, and its failures are
 * logged with the plugin id and counted.
 *
 * @example
 * const jobs = jobService(services, 'csv-leads', failures);
 * jobs.define('import', async (payload, job) => …, { timeoutMs: 60_000 });
 */
export function jobService(services: HostServices, pluginId: string, failures: FailureCounts, queue = pluginQueue(pluginId)): JobService {
  const { maxAttempts, fullName } = queue;
  return {
    define(name, handler, options = {}) {
      const full = fullName(name);
      if (services.jobHandlers.has(full)) throw new CrmError('conflict', `Plugin ${pluginId} defines the job ${name} twice`);
      const timeoutMs = options.timeoutMs ?? DEFAULT_PLUGIN_JOB_TIMEOUT_MS;
      if (options.maxAttempts !== undefined) maxAttempts.set(full, options.maxAttempts);
      services.jobHandlers.set(full, bounded(pluginId, handler, timeoutMs, services, failures));
    },
    async enqueue(name, payload, options = {}) {
      const full = fullName(name);
      const job = await enqueue(services.db, full, payload, { ...options, maxAttempts: maxAttempts.get(full) });
      services.onJobQueued();
      return job.id;
    },
    async get(jobId) {
      const job = await getJob(services.db, jobId);
      if (!job || !job.name.startsWith(`${pluginId}.`)) return null;
      return { id: job.id, name: job.name, status: job.status, attempts: job.attempts, progress: job.progress, lastError: job.lastError, result: job.result ?? null };
    },
  };
}

/** A plugin's job names and their attempts, shared by `ctx.jobs` and the company store's `jobs.enqueue`. */
export interface PluginQueue {
  fullName(name: string): string;
  maxAttempts: Map<string, number>;
}

/**
 * The naming rule of a plugin's jobs.
 *
 * @example
 * pluginQueue('csv-leads').fullName('import'); // 'csv-leads.import'
 */
export function pluginQueue(pluginId: string): PluginQueue {
  return {
    maxAttempts: new Map(),
    fullName(name) {
      const full = `${pluginId}.${name}`;
      if (typeof name !== 'string' || !/^[a-z][a-z0-9_.-]*$/.test(name) || !JOB_NAME.test(full)) {
        throw new CrmError('bad_request', `Job name ${JSON.stringify(name)} of plugin ${pluginId} must be lower-case letters, digits and _ . -`);
      }
      return full;
    },
  };
}

function bounded(pluginId: string, handler: (payload: any, run: any) => unknown, timeoutMs: number, services: HostServices, failures: FailureCounts): JobHandler {
  return async (payload, context) => {
    const controller = new AbortController();
    const stop = () => controller.abort(context.signal.reason);
    context.signal.addEventListener('abort', stop, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new JobTimeoutError(timeoutMs);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    try {
      return await Promise.race([
        Promise.resolve().then(() =>
          handler(payload, { jobId: context.job.id, attempt: context.job.attempts, companyId: context.job.companyId, signal: controller.signal, progress: context.progress }),
        ),
        deadline,
      ]);
    } catch (error) {
      failures.set(pluginId, (failures.get(pluginId) ?? 0) + 1);
      services.logger.error({ plugin: pluginId, job: context.job.name, jobId: context.job.id, err: error }, 'plugin job failed');
      throw error;
    } finally {
      clearTimeout(timer);
      context.signal.removeEventListener('abort', stop);
    }
  };
}
