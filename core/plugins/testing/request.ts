/** An answer as tests read it: status, headers, and the body parsed as JSON (else its text). */
export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * Calls a Hono app in process the way a client would: a bearer token, objects sent as JSON,
 * the answer's body parsed; a `FormData` body goes as multipart/form-data.
 *
 * @example
 * const res = await callApp(app, 'POST', '/api/companies', { token, body: { name: 'Jensens VVS' } });
 */
export async function callApp(
  app: { request(path: string, init: RequestInit): Response | Promise<Response> },
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<TestResponse> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const init: RequestInit = { method, headers };
  if (options.body instanceof FormData) {
    init.body = options.body; // multipart: fetch writes the boundary into the content type
  } else if (options.body !== undefined) {
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await app.request(path, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body };
}
