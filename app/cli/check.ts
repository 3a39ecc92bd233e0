import type { Config } from '../../core/config/index.ts';
import { checkData, describe, repairIndexes } from '../../core/db/check/index.ts';
import { openDatabase } from '../../core/db/open.ts';
import { parseOptions } from './index.ts';
import { progressBar } from './progress.ts';

/**
 * `crm check [--repair]`: reads every table and index and checks the CRM's own data; prints
 * one line per finding with how to recover, exit 1 when anything is damaged. `--repair`
 * rebuilds unreadable indexes (their tables hold all they index) and checks again. Stop the
 * server first on PGlite.
 */
export async function checkCommand(config: Config, io: { out: (line: string) => void }, argv: string[] = []): Promise<number> {
  const { values } = parseOptions({ args: argv, options: { repair: { type: 'boolean', default: false } } });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const check = async () => {
      const bar = progressBar('tables');
      const found = await checkData(db, (done, total) => bar.update(done, total));
      bar.done();
      return found;
    };
    let findings = await check();
    if (values.repair && findings.some((f) => f.code === 'index_unreadable')) {
      const rebuilt = await db.withSession((session) => repairIndexes(session, findings));
      for (const index of rebuilt) io.out(`rebuilt ${index}`);
      findings = await check();
    }
    for (const finding of findings) io.out(`damaged ${describe(finding)}`);
    io.out(findings.length ? `crm: ${findings.length} problems found` : 'Data is readable and consistent.');
    return findings.length ? 1 : 0;
  } finally {
    await db.close();
  }
}
