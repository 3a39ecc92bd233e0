/** How long to wait before retrying a failed attempt. */
export interface BackoffOptions {
  /** The base delay (default 1 s): the wait after attempt n is about base·2^n. */
  baseMs?: number;
  /** The longest wait (default 1 h). */
  maxMs?: number;
}

/**
 * Exponential backoff with "equal jitter": a delay between half and all of
 * min(max, base·2^attempts). The jitter spreads retries of jobs that failed together (a
 * provider outage) so they don't all come back at the same instant; the fixed half keeps a
 * retry from following its failure at once.
 *
 * @param attempts attempts made so far (1 after the first failure)
 * @example
 * backoffMs(1); // 1000–2000
 * backoffMs(3, { baseMs: 500 }); // 2000–4000
 */
export function backoffMs(attempts: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const { baseMs = 1000, maxMs = 60 * 60 * 1000 } = options;
  // 2^attempts overflows to Infinity past ~1000 attempts; min() keeps it at the cap.
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
