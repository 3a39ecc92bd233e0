/** One autocannon run against a server, reduced to the figures the report prints. */
import autocannon from 'autocannon';

export interface LoadFigures {
  requests: number;
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  max: number;
  /** Answers other than 2xx: a valid run has none. */
  non2xx: number;
  /** Requests without an answer within autocannon's 10 s, and connection errors. */
  timeouts: number;
}

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Called for each request: the path and, for a POST, the JSON body. */
  next(): { path: string; body?: unknown };
}

/**
 * Runs `connections` keep-alive connections for `seconds` against `url`, each request made
 * by `request.next()`, and returns req/s and latency percentiles (ms).
 *
 * @example
 * const figures = await load('http://127.0.0.1:8787', { method: 'GET', next: () => ({ path: '/healthz' }) }, { connections: 50, seconds: 20, token });
 */
export async function load(url: string, request: LoadRequest, options: { connections: number; seconds: number; token?: string }): Promise<LoadFigures> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers,
    requests: [
      {
        method: request.method,
        setupRequest: (req) => {
          const { path, body } = request.next();
          return { ...req, path, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    timeouts: result.errors,
  };
}
