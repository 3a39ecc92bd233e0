import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Starts a test's HTTP server on a free port of 127.0.0.1 and returns its origin.
 *
 * @example
 * const origin = await listen(http.createServer(handler)); // 'http://127.0.0.1:41234'
 */
export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stops a test's HTTP server at once: its pending timers cleared, open (streaming) connections cut. */
export async function close(server: http.Server, timers: Iterable<NodeJS.Timeout> = []): Promise<void> {
  for (const timer of timers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * A stub server's request body as JSON: undefined when there is none, null when it is not JSON.
 *
 * @example
 * const body = (await readJsonBody(req)) as { text?: string } | null;
 */
export async function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (!chunks.length) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}
