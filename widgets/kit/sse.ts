/**
 * A streaming Server-Sent Events parser over a fetch body (EventSource can neither POST nor send
 * an Authorization header). Follows the WHATWG event-stream rules: LF, CRLF or CR line ends,
 * `:` comments, multi-line `data`, one optional space after the colon, an event is dispatched on
 * a blank line, and an unterminated event at the end of the stream is dropped.
 */
export interface SseEvent {
  event: string;
  data: string;
  /** The `id` field: what to send back as Last-Event-ID when reconnecting (kept across events, as EventSource does). */
  id?: string;
}

export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let lastId: string | undefined;
  let finished = false;
  try {
    while (!finished) {
      const { value, done } = await reader.read();
      finished = done;
      let text = buffer + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
      // A CR at the very end may be the first half of a CRLF split across two chunks.
      let hold = '';
      if (!done && text.endsWith('\r')) {
        hold = '\r';
        text = text.slice(0, -1);
      }
      const lines = text.split(/\r\n|\r|\n/);
      buffer = (done ? '' : (lines.pop() ?? '')) + hold;
      if (done) lines.pop(); // the unterminated rest
      for (const line of lines) {
        if (line === '') {
          if (data.length) yield { event: event || 'message', data: data.join('\n'), ...(lastId !== undefined ? { id: lastId } : {}) };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id' && !value.includes('\u0000')) lastId = value;
      }
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
