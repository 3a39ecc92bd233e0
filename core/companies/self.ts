import type { Tx } from '../db/types.ts';
import { type Company, createCompany, getSelfCompany } from './store.ts';

/**
 * The business that runs this CRM is itself a company (kind `self`): its knowledge base,
 * price list and website are tagged with its id. Created once, on first start; a unique
 * index keeps it single even when two servers start together.
 *
 * @example
 * const self = await ensureSelfCompany(tx, { name: 'Jensens VVS ApS' });
 */
export async function ensureSelfCompany(tx: Tx, defaults: { name: string; domain?: string }): Promise<{ company: Company; created: boolean }> {
  const existing = await getSelfCompany(tx);
  if (existing) return { company: existing, created: false };
  const company = await createCompany(tx, { name: defaults.name, kind: 'self', stage: 'customer', domain: defaults.domain ?? null });
  return { company, created: true };
}
