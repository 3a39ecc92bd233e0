import type { ApiScope } from '../db/schema/index.ts';
import type { CompanyScope } from '../db/scope/index.ts';
import { CrmError } from '../errors/index.ts';

/** Who is calling: an API key or a staff member signed in with Supabase Auth. */
export interface Principal {
  /** Audit actor: `key:<id>` or `user:<sub>`. */
  actor: string;
  kind: 'api_key' | 'user';
  name: string;
  scopes: ReadonlySet<ApiScope>;
  /** The companies this caller may see; `all` for unrestricted keys and staff. */
  companyIds: CompanyScope;
  /** An embed token (lent by an API key to a page): it may not lend its access on. */
  embedded?: boolean;
}

/**
 * Throws 403 unless the principal holds the scope. `admin` holds every scope.
 *
 * @example
 * assertScope(principal, 'crm:write');
 */
export function assertScope(principal: Principal, scope: ApiScope): void {
  if (principal.scopes.has(scope) || principal.scopes.has('admin')) return;
  throw new CrmError('forbidden', `This credential lacks the ${scope} scope`);
}

/** Throws 403 unless the principal may see every company (admin work, creating companies). */
export function assertUnrestricted(principal: Principal, what: string): void {
  if (principal.companyIds === 'all') return;
  throw new CrmError('forbidden', `A credential restricted to specific companies cannot ${what}`);
}
