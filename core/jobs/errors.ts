/**
 * Thrown by a handler whose input can never work (the article is gone, the payload is
 * malformed): the job is dead-lettered at once instead of retried.
 *
 * @example
 * if (!article) throw new PermanentJobError(`Article ${payload.articleId} no longer exists`);
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** The reason a handler's signal is aborted when it runs past the worker's `timeoutMs`. */
export class JobTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`The handler did not finish within ${timeoutMs} ms and was abandoned`);
    this.name = 'JobTimeoutError';
  }
}

/** The reason a handler's signal is aborted when its lease is gone (another worker took the job over). */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`The lease on job ${jobId} was lost; another attempt owns it now`);
    this.name = 'LeaseLostError';
  }
}
