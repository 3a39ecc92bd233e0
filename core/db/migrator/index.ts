import { CrmError } from '../../errors/index.ts';
import type { Database, Session } from '../types.ts';
import { CORE_MIGRATIONS_DIR, type MigrationFile, readMigrationFiles } from './files.ts';

export { CORE_MIGRATIONS_DIR, readMigrationFiles, type MigrationFile };

/** A named folder of migrations: the core's, or a plugin's. */
export interface MigrationSource {
  id: string;
  dir: string;
  /**
   * Checks what a file did before it commits (the plugin host's rules for plugin tables);
   * given the tables it created and the `security definer` functions it created (or made
   * definer), it throws to refuse the file, which rolls it back.
   */
  verify?: (tx: Session, created: { tables: string[]; definerFunctions: string[] }, label: string) => Promise<void>;
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
 * Applies pending migrations, each in its own transaction that first takes a
 * transaction-level advisory lock, so servers starting at once apply each file exactly
 * once, also through a transaction pooler (Supabase port 6543) where session locks don't
 * hold. An applied file whose content changed since is refused: add a new migration.
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
    await session.transaction(async (tx) => {
      await lock(tx);
      await tx.exec(BOOKKEEPING);
    });
    const result: MigrateResult = { applied: [], adopted: [] };
    for (const { source, files } of plan) {
      for (const file of files) {
        const outcome = await session.transaction((tx) => applyOnce(tx, source, file));
        if (outcome !== 'done') result[outcome].push(`${source.id}/${file.name}`);
      }
    }
    return result;
  });
}

function lock(tx: Session) {
  return tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
}

/** Applies one file unless it ran before; runs inside its own locked transaction. */
async function applyOnce(tx: Session, source: MigrationSource, file: MigrationFile): Promise<'applied' | 'adopted' | 'done'> {
  await lock(tx);
  const label = `${source.id}/${file.name}`;
  const [done] = await tx.query<{ checksum: string }>(
    'select checksum from crm_migrations where source = $1 and name = $2',
    [source.id, file.name],
  );
  if (done) {
    if (done.checksum === file.checksum) return 'done';
    throw new CrmError('conflict', `Migration ${label} was changed after it was applied; restore it and add a new migration instead`);
  }
  const adopt = source.id === 'core' && (await pushedBySupabase(tx, file.version));
  if (!adopt) {
    const before = source.verify ? await tableNames(tx) : [];
    const definersBefore = source.verify ? await definerFunctions(tx) : [];
    try {
      await tx.exec(file.sql);
    } catch (error) {
      throw new CrmError('internal', `Migration ${label} failed: ${(error as Error).message}`, { cause: error });
    }
    if (source.verify) {
      const known = new Set(before);
      const knownDefiners = new Set(definersBefore);
      await source.verify(tx, {
        tables: (await tableNames(tx)).filter((t) => !known.has(t)),
        definerFunctions: (await definerFunctions(tx)).filter((f) => !knownDefiners.has(f)),
      }, label);
    }
  }
  await tx.query('insert into crm_migrations (source, name, checksum) values ($1, $2, $3)', [source.id, file.name, file.checksum]);
  return adopt ? 'adopted' : 'applied';
}

/** Every ordinary or partitioned table outside the system schemas, as `schema.name`. */
async function tableNames(tx: Session): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`,
  );
  return rows.map((r) => r.name);
}

/** Every `security definer` function outside the system schemas, by signature. */
async function definerFunctions(tx: Session): Promise<string[]> {
  const rows = await tx.query<{ name: string }>(
    `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema')`,
  );
  return rows.map((r) => r.name);
}

/** True when the Supabase CLI (`supabase db push`) already applied this version here. */
async function pushedBySupabase(tx: Session, version: string): Promise<boolean> {
  const [row] = await tx.query<{ pushed: boolean }>(
    `select to_regclass('supabase_migrations.schema_migrations') is not null as pushed`,
  );
  if (!row?.pushed) return false;
  const found = await tx.query('select 1 from supabase_migrations.schema_migrations where version = $1', [version]);
  return found.length > 0;
}
