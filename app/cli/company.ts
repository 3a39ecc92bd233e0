import { CrmError } from '../../core/errors/index.ts';
import { type Api, problemOf } from './server.ts';

/** A company as a CLI flag names it: by id, by domain or by CVR number (already normalised). */
export type CompanyArgument = { kind: 'id' | 'domain' | 'cvr'; value: string };

/** A 401/403 from the CRM, as the CLI's one-line error. */
export async function refusedKey(res: Response, what: string): Promise<never> {
  throw new CrmError(res.status === 401 ? 'unauthorized' : 'forbidden', `The CRM refused ${what} (${res.status}): ${await problemOf(res)}`);
}

/**
 * The company a `--company` flag names, through the running CRM: by id (`GET /api/companies/{id}`),
 * or the one whose domain or CVR is exactly the value (`GET /api/companies?q=`, paged). A company
 * that is not there is `notFound(message)`: each command decides whether that is a usage error.
 *
 * @example
 * const { id, label } = await findCompany(api, { kind: 'domain', value: 'jensens-vvs.dk' }, (m) => new UsageError(m));
 * // label: 'Jensens VVS ApS (jensens-vvs.dk)'
 */
export async function findCompany(api: Api, company: CompanyArgument, notFound: (message: string) => Error): Promise<{ id: string; label: string }> {
  type Company = { id: string; name: string; domain: string | null; cvr: string | null };
  const label = (c: Company) => `${c.name}${c.domain ? ` (${c.domain})` : c.cvr ? ` (CVR ${c.cvr})` : ''}`;
  const failed = async (res: Response) => new CrmError('unavailable', `Looking up the company failed (${res.status}): ${await problemOf(res)}`);
  if (company.kind === 'id') {
    const res = await api(`/api/companies/${company.value}`);
    if (res.status === 401 || res.status === 403) return refusedKey(res, 'the key');
    if (res.status === 404) throw notFound(`No company with the id ${company.value} (or this key may not see it)`);
    if (!res.ok) throw await failed(res);
    const found = (await res.json()) as Company;
    return { id: found.id, label: label(found) };
  }
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const query = new URLSearchParams({ q: company.value, limit: '100', ...(cursor ? { cursor } : {}) });
    const res = await api(`/api/companies?${query}`);
    if (res.status === 401 || res.status === 403) return refusedKey(res, 'the key');
    if (!res.ok) throw await failed(res);
    const body = (await res.json()) as { items: Company[]; next_cursor: string | null };
    const found = body.items.find((c) => (company.kind === 'cvr' ? c.cvr === company.value : c.domain === company.value));
    if (found) return { id: found.id, label: label(found) };
    cursor = body.next_cursor;
    if (!cursor) break;
  }
  const named = company.kind === 'cvr' ? `the CVR number ${company.value}` : `the domain ${company.value}`;
  throw notFound(`No company with ${named}: create it first, or pass its id`);
}
