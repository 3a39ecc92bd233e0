import { afterEach, describe, expect, it } from 'vitest';
import type { CrmClient } from './client.ts';
import { live, type LiveEvent } from './live.ts';

/** A stream that sends `first` and then stays open, as a stream behind a buffering proxy does. */
function openStream(first: string): Response {
  return new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode(first)) }), { headers: { 'content-type': 'text/event-stream' } });
}

const event: LiveEvent = { id: 'e2', company_id: 'c1', company_name: 'Acme', type: 'note.created', occurred_at: '2026-01-01T00:00:00Z', created_at: '2026-01-01T00:00:00Z', actor: null, payload: {} };

let stop = () => {};
afterEach(() => stop());

describe('live', () => {
  it('reconnects with Last-Event-ID as soon as the server says event: reconnect, even if the connection stays open', async () => {
    const calls: Array<Record<string, string>> = [];
    const client = {
      send: async (_operation: string, init: { headers: Record<string, string> }) => {
        calls.push(init.headers);
        return calls.length === 1
          ? openStream(`id: e1\nevent: timeline\ndata: ${JSON.stringify({ ...event, id: 'e1' })}\n\nevent: reconnect\nretry: 50\ndata: {"reason":"shutdown","retry_ms":50}\n\n`)
          : openStream(`id: e2\nevent: timeline\ndata: ${JSON.stringify(event)}\n\n`);
      },
    } as unknown as CrmClient;
    const got: string[] = [];
    stop = live(client, (e) => got.push(e.id));
    await expect.poll(() => got, { timeout: 2000, interval: 20 }).toEqual(['e1', 'e2']);
    expect(calls[1]!['last-event-id']).toBe('e1');
  });
});
