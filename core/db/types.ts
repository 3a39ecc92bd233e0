import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

export type Schema = typeof schema;

/** The drizzle handle, the same type for PGlite and postgres.js. */
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;

/** A drizzle transaction, as handed to scoped work. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/** One dedicated connection, for work that must not hop between pooled connections. */
export interface Session {
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs SQL text that may hold many statements (migrations). No parameters. */
  exec(text: string): Promise<void>;
  /** Runs `work` in a transaction on this connection: committed when it resolves, else rolled back. */
  transaction<T>(work: (session: Session) => Promise<T>): Promise<T>;
}

/**
 * An open database, whatever the driver. Customer data is reached through
 * `scope()` (core/db/scope); `orm` as the connecting role is for the core's system tables.
 */
export interface Database {
  readonly driver: 'pglite' | 'postgres';
  readonly orm: Orm;
  /** Runs `work` on one connection held for its whole duration. */
  withSession<T>(work: (session: Session) => Promise<T>): Promise<T>;
  /**
   * A consistent copy of the whole database while it stays open: a gzipped tar of the
   * embedded data folder. PGlite only; a Postgres database is copied with pg_dump.
   */
  snapshot?(): Promise<Blob>;
  close(): Promise<void>;
}

/** Rows of a drizzle `execute()` result: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * A text[] literal (`{"a","b"}`) to pass as one parameter: drizzle's `sql` template would
 * expand a JS array into a list of parameters.
 *
 * @example
 * sql`source_type = any(${pgArray(['knowledge', 'web_page'])}::text[])`
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
