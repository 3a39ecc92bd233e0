import type { Database } from '../db/types.ts';
import type { Logger } from '../log/index.ts';
import { reportProgress } from './store/lease.ts';
import type { JobLease } from './store/row.ts';
import type { Clock } from './types.ts';

/** A job's progress reports, written one at a time. */
export interface ProgressWriter {
  /** Queues a report; resolves once it (or a later one) is written. Never rejects. */
  report(done: number, total: number, message?: string): Promise<void>;
  /** Resolves when nothing is left to write. */
  flush(): Promise<void>;
}

/**
 * Coalesces progress reports: while one write is in flight, newer reports replace each
 * other and only the latest is written next. A handler can report after every item of a
 * 100,000-item loop without 100,000 updates, and on PGlite, whose one connection everyone
 * shares, without crowding out other work. A failed write is logged, never thrown: progress
 * is advisory, the job's outcome is not.
 *
 * @example
 * const progress = progressWriter(db, job, logger);
 * void progress.report(10, 100, 'Chunking');
 * await progress.flush();
 */
export function progressWriter(db: Database, lease: JobLease, logger: Logger, now?: Clock): ProgressWriter {
  let next: [number, number, string | undefined] | undefined;
  let writing: Promise<void> | undefined;

  const pump = (): Promise<void> => {
    writing ??= (async () => {
      while (next) {
        const [done, total, message] = next;
        next = undefined;
        try {
          await reportProgress(db, lease, done, total, message, { now: now?.() });
        } catch (error) {
          logger.warn({ err: error }, 'could not record job progress');
        }
      }
      writing = undefined;
    })();
    return writing;
  };

  return {
    report: (done, total, message) => {
      next = [done, total, message];
      return pump();
    },
    flush: () => writing ?? Promise.resolve(),
  };
}
