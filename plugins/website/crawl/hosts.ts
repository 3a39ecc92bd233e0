/**
 * Politeness per host: at most `concurrency` requests at once, `delayMs` between the starts
 * of two, and a pause when the host asked for one (429/503 with Retry-After). Waiting is
 * done here, so the crawler's workers simply `await gate.take(host)` before each request.
 *
 * @example
 * const gate = new HostGate({ concurrency: 2, delayMs: 500 });
 * const release = await gate.take('firma.dk', signal);
 * try { await fetch(url); } finally { release(); }
 */
export class HostGate {
  private readonly hosts = new Map<string, { active: number; nextStart: number; waiters: (() => void)[] }>();

  constructor(private readonly options: { concurrency: number; delayMs: number }) {}

  /** Sets the delay of one host (a robots.txt Crawl-delay), in ms. */
  setDelay(host: string, delayMs: number): void {
    this.delays.set(host, delayMs);
  }
  private readonly delays = new Map<string, number>();

  /** Holds off every request to `host` until `until` (ms since epoch). */
  pause(host: string, until: number): void {
    const state = this.state(host);
    state.nextStart = Math.max(state.nextStart, until);
  }

  /** Waits for a slot on `host`; call the returned function when the request is done. */
  async take(host: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.state(host);
    while (state.active >= this.options.concurrency) await new Promise<void>((resolve) => state.waiters.push(resolve));
    state.active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      state.active--;
      state.waiters.shift()?.();
    };
    try {
      // Reserve the next start time before waiting, so two workers don't start together.
      for (;;) {
        const now = Date.now();
        if (state.nextStart <= now) break;
        await sleep(state.nextStart - now, signal);
      }
      state.nextStart = Date.now() + (this.delays.get(host) ?? this.options.delayMs);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  private state(host: string) {
    let state = this.hosts.get(host);
    if (!state) this.hosts.set(host, (state = { active: 0, nextStart: 0, waiters: [] }));
    return state;
  }
}

/** Waits `ms`, or rejects when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A Retry-After header as milliseconds from now: seconds or an HTTP date; null when absent
 * or unreadable.
 *
 * @example
 * retryAfterMs('120'); // 120000
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
