/**
 * One attempt's abort switch: the caller's signal and our own idle deadline both pull it.
 * We keep our own timer because the SDK's `timeout` stops counting once the headers arrive, so
 * a body or stream that stalls afterwards would hang for ever.
 */
export interface Deadline {
  /** Pass to the SDK call. */
  readonly signal: AbortSignal;
  /** True once our timer (not the caller) aborted the attempt. */
  readonly timedOut: boolean;
  /** Starts the countdown afresh: data arrived, so the server is alive. */
  touch(): void;
  /** Stops the countdown while the consumer, not the server, is the slow one. */
  pause(): void;
  /** Stops the timer and lets go of the caller's signal. */
  close(): void;
}

/**
 * Opens a deadline of `timeoutMs` linked to `caller`.
 *
 * @example
 * const deadline = openDeadline(60_000, request.signal);
 * try { await client.chat.completions.create(body, { signal: deadline.signal }); } finally { deadline.close(); }
 */
export function openDeadline(timeoutMs: number, caller: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  const pause = () => clearTimeout(timer);
  const touch = () => {
    pause();
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  touch();
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    touch,
    pause,
    close() {
      pause();
      caller?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Waits `ms`, or less if `signal` aborts first (the caller then sees `signal.aborted`): a
 * visitor who leaves must not keep a backoff timer alive.
 *
 * @example
 * await sleep(500, request.signal);
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
