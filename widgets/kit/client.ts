/**
 * The CRM API from a widget: typed by the OpenAPI document (`api.gen.ts`), authenticated the
 * way the host page chooses, errors as `CrmApiError` with the problem+json the server sent.
 */
import { OPERATIONS, type Operations } from './api.gen.ts';

/** How a widget proves who is asking. Exactly one is used, in this order. */
export interface CrmAuth {
  /** A bearer token: an embed token from the intranet's backend, an API key, a staff sign-in. */
  token?: string | undefined;
  /** Asked for a token before the first call and again after a 401 (a refreshed embed token). */
  getToken?: (() => string | Promise<string>) | undefined;
  /** A Supabase client (`@supabase/supabase-js`): its signed-in staff member's access token is used. */
  supabase?: { auth: { getSession(): Promise<{ data: { session: { access_token: string } | null } }> } } | undefined;
}

/** An error answer of the API (or a network failure, status 0). */
export class CrmApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { type?: string; title?: string; detail?: string; errors?: { path: string; message: string }[]; [k: string]: unknown },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
  /** The stable part of the problem type: `not-found`, `validation-failed`, … ('network' when offline). */
  get code(): string {
    return this.status === 0 ? 'network' : (this.problem.type ?? '').replace(/^urn:crm:problem:/, '') || `http-${this.status}`;
  }
}

type Input<K extends keyof Operations> = (Operations[K]['params'] extends undefined ? { params?: undefined } : { params: Operations[K]['params'] }) &
  (Operations[K]['query'] extends undefined ? { query?: undefined } : { query?: Operations[K]['query'] }) &
  (Operations[K]['body'] extends undefined ? { body?: undefined } : { body: Operations[K]['body'] }) & { signal?: AbortSignal; headers?: Record<string, string> };

/**
 * A client for one CRM and one way of signing in.
 *
 * @example
 * const crm = new CrmClient('https://crm.example.dk', { getToken: () => fetch('/intranet/crm-token').then((r) => r.text()) });
 * const company = await crm.call('getCompany', { params: { id } });
 */
export class CrmClient {
  private cached: string | undefined;
  constructor(
    readonly apiBase: string,
    private readonly auth: CrmAuth,
  ) {}

  /** Calls an operation by its operationId; resolves with its JSON answer (null for 204). */
  async call<K extends keyof Operations>(operation: K, input: Input<K> = {} as Input<K>): Promise<Operations[K]['answer']> {
    const res = await this.send(operation, input);
    if (res.status === 204) return null as Operations[K]['answer'];
    const type = res.headers.get('content-type') ?? '';
    return (type.includes('json') ? await res.json() : await res.text()) as Operations[K]['answer'];
  }

  /** The raw answer of an operation (for streams); throws CrmApiError for an error answer. */
  async send<K extends keyof Operations>(operation: K, input: Input<K> = {} as Input<K>): Promise<Response> {
    const [method, template] = OPERATIONS[operation];
    const params = (input.params ?? {}) as Record<string, string>;
    let url = `${this.apiBase}${template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))}`;
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries((input.query ?? {}) as Record<string, unknown>)) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
    if (query.size) url += `?${query}`;
    const attempt = async (fresh: boolean) => {
      const token = await this.token(fresh);
      try {
        return await fetch(url, {
          method,
          credentials: 'omit',
          ...(input.signal ? { signal: input.signal } : {}),
          headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(input.body !== undefined ? { 'content-type': 'application/json' } : {}), ...input.headers },
          ...(input.body !== undefined ? { body: JSON.stringify(input.body) } : {}),
        });
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        throw new CrmApiError(0, { title: 'Network error', detail: String((error as Error).message ?? error) });
      }
    };
    let res = await attempt(false);
    // An expired embed or staff token: ask the page for a new one once.
    if (res.status === 401 && (this.auth.getToken || this.auth.supabase)) res = await attempt(true);
    if (!res.ok) {
      let problem: CrmApiError['problem'] = { title: res.statusText };
      try {
        problem = (await res.json()) as CrmApiError['problem'];
      } catch {
        // not problem+json
      }
      throw new CrmApiError(res.status, problem);
    }
    return res;
  }

  /**
   * The bearer token the client signs requests with (`fresh` asks the page for a new one, after a
   * 401), for what the typed operations can't do: plugin routes, uploads with byte progress
   * (XMLHttpRequest), downloads saved as files.
   *
   * @example
   * xhr.setRequestHeader('authorization', `Bearer ${await crm.token(false)}`);
   */
  async token(fresh = false): Promise<string | undefined> {
    if (this.auth.token) return this.auth.token;
    if (this.auth.getToken) {
      if (fresh || !this.cached) this.cached = await this.auth.getToken();
      return this.cached;
    }
    if (this.auth.supabase) return (await this.auth.supabase.auth.getSession()).data.session?.access_token;
    return undefined;
  }
}
