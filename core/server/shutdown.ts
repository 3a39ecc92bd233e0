/**
 * Graceful shutdown of a serving process. Event streams would otherwise hold a SIGTERM up for
 * as long as a visitor keeps a chat open (up to 15 minutes): on shutdown every open
 * `text/event-stream` response gets `event: reconnect` (with a `retry` hint) and ends, the
 * widgets reconnect to the next process, and the remaining work gets a bounded time.
 */

/** What an SSE client gets before its stream ends on shutdown; the widgets reconnect on it. */
export const RECONNECT_EVENT = 'event: reconnect\nretry: 1000\ndata: {"reason":"shutdown","retry_ms":1000}\n\n';

/**
 * Wraps a response so that an event stream ends with {@link RECONNECT_EVENT} when `signal`
 * aborts (the route's stream is cancelled, so its own abort handlers run). Other responses
 * pass through unchanged.
 *
 * @example
 * const fetch = async (req: Request) => endStreamOnShutdown(await app.fetch(req), shutdown.signal);
 */
export function endStreamOnShutdown(res: Response, signal: AbortSignal): Response {
  if (!res.body || !res.headers.get('content-type')?.startsWith('text/event-stream')) return res;
  const reader = res.body.getReader();
  let ended = false;
  let end = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      end = () => {
        if (ended) return;
        ended = true;
        controller.enqueue(new TextEncoder().encode(RECONNECT_EVENT));
        controller.close();
        void reader.cancel('shutdown').catch(() => undefined);
      };
      if (signal.aborted) end();
      else signal.addEventListener('abort', end, { once: true });
    },
    async pull(controller) {
      const next = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (ended) return;
      if (next.done) {
        ended = true;
        signal.removeEventListener('abort', end);
        controller.close();
        return;
      }
      controller.enqueue(next.value);
    },
    cancel(reason) {
      ended = true;
      signal.removeEventListener('abort', end);
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/** Resolves with true when `work` settles within `ms` (or `force` fires first: false), never rejects. */
export function within(work: Promise<unknown>, ms: number, force?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), ms);
    const onForce = () => done(false);
    function done(settled: boolean) {
      clearTimeout(timer);
      force?.removeEventListener('abort', onForce);
      resolve(settled);
    }
    if (force?.aborted) return done(false);
    force?.addEventListener('abort', onForce, { once: true });
    work.then(() => done(true), () => done(true));
  });
}
