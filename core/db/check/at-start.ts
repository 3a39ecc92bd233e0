import type { Logger } from '../../log/index.ts';
import type { Database } from '../types.ts';
import { checkData } from './index.ts';
import { describe } from './finding.ts';
import { recordFindings } from './state.ts';

/**
 * The check a server runs before it listens: one warning line per finding, remembered for
 * /healthz. Never stops the start: a damaged CRM that answers beats one that does not.
 *
 * @example
 * await checkAtStart(runtime.db, logger);
 */
export async function checkAtStart(db: Database, logger: Logger): Promise<void> {
  const started = performance.now();
  const findings = await checkData(db);
  recordFindings(db, findings);
  for (const finding of findings) logger.warn({ code: finding.code }, `data damaged: ${describe(finding)}`);
  logger.debug({ ms: Math.round(performance.now() - started) }, 'data check done');
}
