import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { JobService } from '../../../plugin-api.d.ts';

const POLL_MS = 400;

/** Whether the caller asked for a stream of progress events rather than one JSON answer. */
export function wantsStream(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/event-stream');
}

/**
 * Follows a job as Server-Sent Events: `progress` ({ done, total, message }) whenever it
 * changes, then `done` ({ status, result, last_error }) when it has finished (succeeded,
 * failed or dead). `first` is sent before anything else (what was queued).
 *
 * @example
 * return followJob(c, ctx.jobs, jobId, { event: 'queued', data: { job_id: jobId } });
 */
export function followJob(c: Context, jobs: JobService, jobId: string, first: { event: string; data: unknown }, signal?: AbortSignal): Response {
  return streamSSE(c, async (stream) => {
    await stream.writeSSE({ event: first.event, data: JSON.stringify(first.data) });
    let last = '';
    while (!stream.aborted && !signal?.aborted) {
      const job = await jobs.get(jobId);
      if (!job) break;
      const progress = JSON.stringify(job.progress);
      if (progress !== last) {
        last = progress;
        await stream.writeSSE({ event: 'progress', data: progress });
      }
      if (job.status === 'succeeded' || job.status === 'failed' || job.status === 'dead') {
        await stream.writeSSE({ event: 'done', data: JSON.stringify({ status: job.status, result: job.result, last_error: job.lastError }) });
        return;
      }
      await stream.sleep(POLL_MS);
    }
  });
}
