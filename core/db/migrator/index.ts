import { CrmError } from '../../errors/index.ts';
import type { Database, Session } from '../types.ts';
import { CORE_MIGRATIONS_DIR, type MigrationFile, readMigrationFiles } from './files.ts';

export { CORE_MIGRATIONS_DIR, readMigrationFiles, type MigrationFile };

/** A named folder of migrations: the core's, or a plugin's. */
export interface MigrationSource {
  id: string;
  dir: string;
}

export interface MigrateResult {
  applied: string[];
  /** Already applied by `supabase db push`: recorded here without running again. */
  adopted: string[];
}

/** Arbitrary constant: the advisory lock every migrating process queues on. */
const MIGRATION_LOCK = 7_265_100_311;

const BOOKKEEPING = `
create table if not exists crm_migrations (
  source     text not null,
  name       text not null,
  checksum   text not null,
  applied_at timestamptz not null default now(),
  primary key (source, name)
);
alter table crm_migrations enable row level security;`;

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so two
 * servers starting at once apply each file exactly once. An applied file whose content
 * changed since is refused: write a new migration instead.
 *
 * @example
 * const { applied } = await migrate(db); // ['core/20261125000100_core_roles.sql', ...]
 */
export async function migrate(
  db: Database,
  sources: MigrationSource[] = [{ id: 'core', dir: CORE_MIGRATIONS_DIR }],
): Promise<MigrateResult> {
  const plan = sources.map((source) => ({ source, files: readMigrationFiles(source.dir) }));
  return db.withSession(async (session) => {
    await session.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await session.exec(BOOKKEEPING);
      const result: MigrateResult = { applied: [], adopted: [] };
      for (const { source, files } of plan) await applySource(session, source, files, result);
      return result;
    } finally {
      await session.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}

async function applySource(session: Session, source: MigrationSource, files: MigrationFile[], result: MigrateResult) {
  const rows = await session.query<{ name: string; checksum: string }>(
    'select name, checksum from crm_migrations where source = $1',
    [source.id],
  );
  const done = new Map(rows.map((row) => [row.name, row.checksum]));
  const pushed = source.id === 'core' ? await supabasePushedVersions(session) : new Set<string>();
  for (const file of files) {
    const label = `${source.id}/${file.name}`;
    const checksum = done.get(file.name);
    if (checksum !== undefined) {
      if (checksum !== file.checksum) {
        throw new CrmError('conflict', `Migration ${label} was changed after it was applied; restore it and add a new migration instead`);
      }
      continue;
    }
    const adopt = pushed.has(file.version);
    try {
      await session.transaction(async (tx) => {
        if (!adopt) await tx.exec(file.sql);
        await tx.query('insert into crm_migrations (source, name, checksum) values ($1, $2, $3)', [
          source.id,
          file.name,
          file.checksum,
        ]);
      });
    } catch (error) {
      throw new CrmError('internal', `Migration ${label} failed: ${(error as Error).message}`, { cause: error });
    }
    (adopt ? result.adopted : result.applied).push(label);
  }
}

/** Versions that the Supabase CLI recorded, when this database is a Supabase project. */
async function supabasePushedVersions(session: Session): Promise<Set<string>> {
  const [exists] = await session.query<{ present: boolean }>(
    "select to_regclass('supabase_migrations.schema_migrations') is not null as present",
  );
  if (!exists?.present) return new Set();
  const rows = await session.query<{ version: string }>('select version from supabase_migrations.schema_migrations');
  return new Set(rows.map((row) => row.version));
}
