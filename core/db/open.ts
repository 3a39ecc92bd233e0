import { openPglite } from './pglite/index.ts';
import { openPostgres, type PostgresTimeouts } from './postgres/index.ts';
import type { Database } from './types.ts';

/**
 * Opens the configured database: postgres.js when a URL is given, else embedded PGlite.
 *
 * @example
 * const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '.data' });
 */
export function openDatabase(options: { databaseUrl?: string | undefined; dataDir?: string; timeouts?: Partial<PostgresTimeouts> }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.timeouts ? { timeouts: options.timeouts } : {}) : openPglite(options.dataDir);
}
