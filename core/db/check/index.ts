import type { Database } from '../types.ts';
import { checkConsistency } from './consistency.ts';
import type { Finding } from './finding.ts';
import { checkIndexes } from './indexes.ts';
import { checkTables } from './tables.ts';

export { describe, type Finding } from './finding.ts';
export { repairIndexes } from './indexes.ts';
export { damageCodes, recordFindings } from './state.ts';

/**
 * Runs the data check: every table readable, every vector index usable, then the CRM's own
 * consistency.
 * Returns the findings; an empty list means healthy.
 *
 * @example
 * const findings = await checkData(db);
 * if (findings.length) process.exitCode = 1;
 */
export async function checkData(db: Database, onTable?: (done: number, total: number) => void): Promise<Finding[]> {
  return db.withSession(async (session) => [...(await checkTables(session, onTable)), ...(await checkIndexes(session)), ...(await checkConsistency(session))]);
}
