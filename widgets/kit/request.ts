import { CrmApiError, type CrmClient } from './client.ts';

/** The problem+json of a refused answer, as a CrmApiError (the status text when it has none). */
async function problemOf(res: Response): Promise<CrmApiError> {
  let problem: CrmApiError['problem'] = { title: res.statusText };
  try {
    problem = (await res.json()) as CrmApiError['problem'];
  } catch {
    // not problem+json
  }
  return new CrmApiError(res.status, problem);
}

/**
 * One request outside the typed operations (a file download, a route the generated types lack)
 * with the client's sign-in, asked again once after a 401; a refused answer or a network error is
 * a CrmApiError with the server's problem.
 *
 * @example
 * const blob = await (await request(client, 'GET', `/api/documents/${id}/file`, undefined, '*\/*')).blob();
 */
export async function request(client: Pick<CrmClient, 'apiBase' | 'token'>, method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
  const attempt = async (fresh: boolean) => {
    const bearer = await client.token(fresh);
    try {
      return await fetch(`${client.apiBase}${path}`, {
        method,
        credentials: 'omit',
        headers: { accept, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new CrmApiError(0, { title: 'Network error', detail: String((error as Error).message ?? error) });
    }
  };
  let res = await attempt(false);
  if (res.status === 401) res = await attempt(true);
  if (!res.ok) throw await problemOf(res);
  return res;
}
