import type { Config } from '../../core/config/index.ts';
import { migrate } from '../../core/db/migrator/index.ts';
import { openDatabase } from '../../core/db/open.ts';

/** `crm migrate`: applies pending migrations and lists them. */
export async function migrateCommand(config: Config, io: { out: (line: string) => void }): Promise<number> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const { applied, adopted } = await migrate(db);
    for (const name of applied) io.out(`applied  ${name}`);
    for (const name of adopted) io.out(`recorded ${name} (already applied by supabase db push)`);
    io.out(applied.length + adopted.length === 0 ? 'Database is up to date.' : `Done: ${applied.length} applied.`);
    return 0;
  } finally {
    await db.close();
  }
}
