import postgres from 'postgres';
import { migrate } from '../../core/db/migrator/index.ts';
import { openPglite } from '../../core/db/pglite/index.ts';
import { openPostgres } from '../../core/db/postgres/index.ts';
import type { Database } from '../../core/db/types.ts';
import { uuidv7 } from '../../core/ids/index.ts';

/** A test database and how to get rid of it. */
export interface TestDatabase {
  db: Database;
  /** Closes and, for real Postgres, drops the database. */
  destroy(): Promise<void>;
}

export type DriverName = Database['driver'];

/** The drivers to run store tests on: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export const DRIVERS: DriverName[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, empty database for one test file: in-memory PGlite, or a new database created
 * on the server of TEST_DATABASE_URL (so files can run in parallel).
 */
export async function createTestDatabase(driver: DriverName, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let result: TestDatabase;
  if (driver === 'pglite') {
    const db = await openPglite();
    result = { db, destroy: () => db.close() };
  } else {
    result = await createPostgresDatabase();
  }
  if (options.migrate !== false) await migrate(result.db);
  return result;
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `crm_t_${uuidv7().replaceAll('-', '').slice(-16)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 4 });
  return {
    db,
    destroy: async () => {
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
