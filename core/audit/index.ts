import { auditLog } from '../db/schema/index.ts';
import type { Orm, Tx } from '../db/types.ts';

/** Who acted: `key:<id>`, `user:<sub>`, `system` or `cli`. */
export type Actor = string;

export interface AuditEntry {
  actor: Actor;
  /** `<thing>.<verb>`: `company.create`, `company.merge`, `api_key.revoke`. */
  action: string;
  targetType?: string;
  targetId?: string;
  companyId?: string | null;
  requestId?: string | null;
  /** Which fields changed, never their secret values or message bodies. */
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log, in the caller's transaction so the entry and the write it
 * records commit or roll back together. Scoped transactions (crm_app) may append but not read.
 *
 * @example
 * await audit(tx, { actor: 'key:…', action: 'company.update', targetType: 'company', targetId: id, companyId: id });
 */
export async function audit(tx: Tx | Orm, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actor: entry.actor,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    companyId: entry.companyId ?? null,
    requestId: entry.requestId ?? null,
    details: entry.details ?? {},
  });
}
