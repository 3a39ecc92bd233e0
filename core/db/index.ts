/**
 * The database module: drivers (PGlite, postgres.js) behind one `Database` interface,
 * the migrator, the company scope, and the drizzle schema.
 */
export { customerTables, type CustomerTable } from './catalog/index.ts';
export { PG, pgError, type PgError } from './errors.ts';
export { CORE_MIGRATIONS_DIR, migrate, type MigrateResult, type MigrationSource } from './migrator/index.ts';
export { openDatabase } from './open.ts';
export { openPglite } from './pglite/index.ts';
export { openPostgres } from './postgres/index.ts';
export * as schema from './schema/index.ts';
export { scope, type CompanyScope, type Scope } from './scope/index.ts';
export { rowsOf, type Database, type Orm, type Session, type Tx } from './types.ts';
