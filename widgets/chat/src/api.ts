/** The chat API client: JSON over fetch, problem+json errors, Retry-After on 429. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds to wait (429), when the server said so and CORS exposed the header. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export interface Call {
  method?: 'GET' | 'POST';
  token?: string | undefined;
  body?: unknown;
  accept?: string;
}

export function chatUrl(apiBase: string, path: string): string {
  return `${apiBase}/api/chat${path}`;
}

/** fetch() that throws ApiError(0) when offline and ApiError(status) on an HTTP error. */
export async function send(url: string, { method = 'GET', token, body, accept = 'application/json' }: Call): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? null : JSON.stringify(body), credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'network error');
  }
  if (!res.ok) throw await problem(res);
  return res;
}

export async function json<T>(url: string, call: Call = {}): Promise<{ status: number; data: T }> {
  const res = await send(url, call);
  return { status: res.status, data: (await res.json()) as T };
}

async function problem(res: Response): Promise<ApiError> {
  let message = res.statusText || `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { title?: string; detail?: string };
    message = body.detail || body.title || message;
  } catch {
    /* not JSON */
  }
  const header = res.headers.get('Retry-After');
  let wait: number | undefined;
  if (header) {
    const seconds = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
    if (seconds > 0) wait = Math.ceil(seconds);
  }
  return new ApiError(res.status, message, wait);
}
