import type { Config } from '../../core/config/index.ts';
import { checkData, describe } from '../../core/db/check/index.ts';
import { openDatabase } from '../../core/db/open.ts';
import { progressBar } from './progress.ts';

/**
 * `crm check`: reads every table and checks the CRM's own data; prints one line per
 * finding with how to recover, exit 1 when anything is damaged. Stop the server first on PGlite.
 */
export async function checkCommand(config: Config, io: { out: (line: string) => void }): Promise<number> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const bar = progressBar('tables');
    const findings = await checkData(db, (done, total) => bar.update(done, total));
    bar.done();
    for (const finding of findings) io.out(`damaged ${describe(finding)}`);
    io.out(findings.length ? `crm: ${findings.length} problems found` : 'Data is readable and consistent.');
    return findings.length ? 1 : 0;
  } finally {
    await db.close();
  }
}
