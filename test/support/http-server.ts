import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A request a stub server recorded: what a test asserts on (who asked, with which body). */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

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

/**
 * Serves a built widget module (`/widgets/<name>.js`) from the build folder, 404 when there is
 * none: what a stub server of the widget tests answers for the page's scripts.
 *
 * @example
 * if (pathname.startsWith('/widgets/')) return serveWidget(res, widgetsDir, pathname);
 */
export async function serveWidget(res: http.ServerResponse, widgetsDir: string, pathname: string): Promise<void> {
  try {
    const file = await readFile(path.join(widgetsDir, path.basename(pathname)));
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(file);
  } catch {
    res.writeHead(404);
    res.end();
  }
}

/**
 * Holds an event stream open (`/api/stream` of a stub server) in `streams`, until the client goes.
 *
 * @example
 * if (pathname === '/api/stream') return holdStream(req, res, streams);
 */
export function holdStream(req: http.IncomingMessage, res: http.ServerResponse, streams: Set<http.ServerResponse>): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  res.write(': hello\n\n');
  streams.add(res);
  req.on('close', () => streams.delete(res));
}
