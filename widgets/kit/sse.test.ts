import { describe, expect, it } from 'vitest';
import { readSse, type SseEvent } from './sse.ts';

/** A body that delivers the given strings as separate chunks. */
function body(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const e of readSse(stream)) out.push(e);
  return out;
}

describe('readSse', () => {
  it('parses named events, comments and multi-line data', async () => {
    const events = await all(body(': keep-alive\n\n', 'event: delta\ndata: {"text":"Hej"}\n\n', 'data: a\ndata:b\n\n'));
    expect(events).toEqual([
      { event: 'delta', data: '{"text":"Hej"}' },
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('handles events and CRLF line ends split anywhere across chunks', async () => {
    const text = 'event: delta\r\ndata: {"text":"æøå"}\r\n\r\nevent: done\rdata: {}\r\r';
    const bytes = new TextEncoder().encode(text);
    const expected = [
      { event: 'delta', data: '{"text":"æøå"}' },
      { event: 'done', data: '{}' },
    ];
    for (let cut = 1; cut < bytes.length; cut++) {
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(bytes.slice(0, cut));
          c.enqueue(bytes.slice(cut));
          c.close();
        },
      });
      expect(await all(stream), `cut at ${cut}`).toEqual(expected);
    }
  });

  it('drops an unterminated event at the end, ignores unknown fields and keeps the last id', async () => {
    expect(await all(body('id: 1\nretry: 10\nevent: x\ndata: 1\n\nevent: y\ndata: 2'))).toEqual([{ event: 'x', data: '1', id: '1' }]);
    expect(await all(body('id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n'))).toEqual([
      { event: 'message', data: 'a', id: '7' },
      { event: 'message', data: 'b', id: '7' },
      { event: 'message', data: 'c', id: '' },
    ]);
  });

  it('cancels the body when the reader stops early', async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const e of readSse(stream)) {
      expect(e.data).toBe('1');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
