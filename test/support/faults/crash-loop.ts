import { seededRandom } from './random.ts';
import type { CrashableServer } from './server.ts';

/** What a workload did: requests answered 2xx, and requests whose outcome the crash hid. */
export interface WorkloadLog<T> {
  accepted: T[];
  unknown: T[];
  /** The bodies of answers that refused the work (a workload that stops at them records them). */
  refusals?: string[];
}

export interface CrashLoopOptions<T> {
  /** Starts the server on the same data each time. */
  start(): Promise<CrashableServer>;
  /** Sends requests to `server` until `signal` aborts, logging each into `log`. */
  workload(server: CrashableServer, log: WorkloadLog<T>, signal: AbortSignal): Promise<void>;
  cycles: number;
  seed: number;
  /** The kill comes at a random time in this window after the server listens (ms). */
  killAfterMs: [number, number];
  /** A log to go on with (a run in rounds); a new one when left out. */
  log?: WorkloadLog<T>;
}

/**
 * Runs a workload against a real server and kills it (SIGKILL) at a random moment, `cycles`
 * times, restarting it on the same data; then starts it once more and returns that server and
 * the workload's log, for the caller to check its invariants. The kill times come from `seed`.
 *
 * @example
 * const { server, log } = await crashLoop({ start: () => startCrashable(data), workload: postArticles, cycles: 3, seed, killAfterMs: [300, 1500] });
 * await expectEveryAcceptedOnce(server, log);
 */
export async function crashLoop<T>(options: CrashLoopOptions<T>): Promise<{ server: CrashableServer; log: WorkloadLog<T>; recoveryMs: number[] }> {
  const random = seededRandom(options.seed);
  const log: WorkloadLog<T> = options.log ?? { accepted: [], unknown: [] };
  const recoveryMs: number[] = [];
  let server = await options.start();
  for (let cycle = 0; cycle < options.cycles; cycle++) {
    const stop = new AbortController();
    const running = options.workload(server, log, stop.signal).catch(() => undefined);
    const [min, max] = options.killAfterMs;
    await new Promise((resolve) => setTimeout(resolve, min + random() * (max - min)));
    await server.kill9();
    stop.abort();
    await running;
    const began = performance.now();
    server = await options.start();
    recoveryMs.push(Math.round(performance.now() - began));
  }
  return { server, log, recoveryMs };
}

/**
 * Runs `workload` against `server` for `ms` milliseconds and waits for it to end: a spell of
 * writes before or after the faults.
 *
 * @example
 * await workloadFor(postArticles, server, log, 500); // more accepted articles on the recovered server
 */
export async function workloadFor<T>(workload: CrashLoopOptions<T>['workload'], server: CrashableServer, log: WorkloadLog<T>, ms: number): Promise<void> {
  const stop = new AbortController();
  const running = workload(server, log, stop.signal);
  await new Promise((resolve) => setTimeout(resolve, ms));
  stop.abort();
  await running;
}
