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
