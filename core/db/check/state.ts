import type { Database } from '../types.ts';
import type { Finding } from './finding.ts';

/** The findings of the last check per open database: the server checks at start, /healthz reports. */
const lastFindings = new WeakMap<Database, Finding[]>();

/**
 * Remembers what the check found for `db`.
 *
 * @example
 * recordFindings(db, await checkData(db));
 */
export function recordFindings(db: Database, findings: Finding[]): void {
  lastFindings.set(db, findings);
}

/**
 * The codes of the last check's findings for `db`, without details (safe to show unauthenticated).
 *
 * @example
 * damageCodes(db); // ['table_unreadable']
 */
export function damageCodes(db: Database): Finding['code'][] {
  return [...new Set((lastFindings.get(db) ?? []).map((f) => f.code))];
}
