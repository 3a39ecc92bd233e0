import type { CrmClient } from './client.ts';
import { readSse } from './sse.ts';

/** A timeline event as `GET /api/stream` sends it. */
export interface LiveEvent {
  id: string;
  company_id: string;
  company_name: string;
  type: string;
  occurred_at: string;
  created_at: string;
  actor: string | null;
  payload: Record<string, unknown>;
}

type Listener = (event: LiveEvent) => void;

const streams = new WeakMap<CrmClient, { listeners: Set<Listener>; stop: () => void }>();

/**
 * Listens to the CRM's live timeline (one stream per client, shared by every widget on the page):
 * it reconnects with Last-Event-ID after the server ends the stream or the network drops (1 s,
 * then longer, up to 30 s), so nothing is missed or shown twice, and closes when the last
 * listener goes. On `event: reconnect` (a server shutting down) it leaves the stream at once,
 * without waiting for the connection to close, and reconnects after the event's retry hint.
 *
 * @example
 * const stop = live(client, (event) => { if (event.company_id === id) refresh(); });
 * // … in disconnectedCallback
 * stop();
 */
export function live(client: CrmClient, listener: Listener): () => void {
  let stream = streams.get(client);
  if (!stream) {
    const listeners = new Set<Listener>();
    const controller = new AbortController();
    const seen = new Set<string>();
    let lastId: string | undefined;
    const run = async () => {
      let wait = 1000;
      while (!controller.signal.aborted) {
        try {
          const res = await client.send('followTimeline', { signal: controller.signal, headers: { accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) } });
          wait = 1000;
          for await (const message of readSse(res.body!)) {
            if (message.event === 'reconnect') {
              wait = retryHint(message.data);
              break; // leaving the loop cancels the body: a proxy may hold the closed stream open
            }
            if (message.event !== 'timeline') continue;
            const event = JSON.parse(message.data) as LiveEvent;
            lastId = message.id ?? event.id;
            if (seen.has(event.id)) continue;
            seen.add(event.id);
            if (seen.size > 2000) seen.delete(seen.values().next().value!);
            for (const l of listeners) l(event);
          }
        } catch {
          if (controller.signal.aborted) return;
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait = Math.min(Math.max(wait, 1000) * 2, 30_000);
      }
    };
    stream = { listeners, stop: () => controller.abort() };
    streams.set(client, stream);
    void run();
  }
  const current = stream;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size === 0) {
      current.stop();
      streams.delete(client);
    }
  };
}

/** The wait a reconnect event asks for (`{"retry_ms": 1000}`), kept within 0–30 s; 1 s when it names none. */
function retryHint(data: string): number {
  try {
    const ms = (JSON.parse(data) as { retry_ms?: unknown }).retry_ms;
    if (typeof ms === 'number' && Number.isFinite(ms)) return Math.min(Math.max(ms, 0), 30_000);
  } catch {
    // Not JSON: the default.
  }
  return 1000;
}
