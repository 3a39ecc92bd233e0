import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../schema/index.ts';
import type { Database, Orm, Session } from '../types.ts';
import { unavailable } from '../unavailable.ts';
import { withDeadlines } from './deadline.ts';
import { preparing } from './prepared.ts';

/** How long the driver waits, in milliseconds (core/config's DB_*_TIMEOUT_MS). */
export interface PostgresTimeouts {
  /** Opening a connection (TCP, TLS and start-up). */
  connectMs: number;
  /** Waiting for a pooled connection before answering 503. */
  acquireMs: number;
  /** Each statement on a pooled connection (the server's statement_timeout). */
  statementMs: number;
  /** Each statement of a dedicated session (migrations, resizing vectors); 0 = no limit. */
  longStatementMs: number;
}

/** The defaults of DB_CONNECT_TIMEOUT_MS, DB_ACQUIRE_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS and DB_LONG_STATEMENT_TIMEOUT_MS. */
export const DEFAULT_TIMEOUTS: PostgresTimeouts = { connectMs: 5000, acquireMs: 5000, statementMs: 15_000, longStatementMs: 600_000 };

/**
 * Opens a PostgreSQL server (≥ 15 with pgvector) such as a Supabase project, via postgres.js.
 * Prepared statements are turned off behind a transaction pooler (Supabase port 6543 or
 * `?pgbouncer=true`), which can't keep them.
 *
 * @example
 * const db = await openPostgres('postgres://postgres@127.0.0.1:5432/crm');
 */
export async function openPostgres(url: string, options: { max?: number; timeouts?: Partial<PostgresTimeouts> } = {}): Promise<Database> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const parsed = new URL(url);
  const pooled = parsed.port === '6543' || parsed.searchParams.get('pgbouncer') === 'true';
  parsed.searchParams.delete('pgbouncer');
  const client = postgres(parsed.toString(), {
    max: options.max ?? 10,
    prepare: !pooled,
    onnotice: () => {},
    // postgres.js counts this one in seconds; its default of 30 s held requests through an outage.
    connect_timeout: timeouts.connectMs / 1000,
    // Reconnecting backs off to at most 2 s (postgres.js: 20 s), so the pool is back soon after the server.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 2),
    // Prepared statements (prepared.ts) still planned per execution, as unnamed ones are.
    // statement_timeout is a start-up parameter, so it holds on every pooled connection,
    // also behind a transaction pooler (which keeps start-up parameters, not SETs).
    connection: { application_name: 'crm', plan_cache_mode: 'force_custom_plan', statement_timeout: timeouts.statementMs },
  });
  await client`select 1`;
  const orm = drizzle({ client: withDeadlines(preparing(client, !pooled), { acquireMs: timeouts.acquireMs }), schema }) as unknown as Orm;
  return {
    driver: 'postgres',
    orm,
    withSession: async (work) => {
      const reserved = await reserveWithin(client, timeouts.acquireMs);
      // Sessions run migrations and whole-table rewrites: they get the long bound, and the
      // connection gets its pooled bound back before it returns to the pool.
      await reserved.unsafe(`set statement_timeout = ${Math.trunc(timeouts.longStatementMs)}`);
      const session: Session = {
        query: async (text, params) => (await reserved.unsafe(text, (params ?? []) as never[])) as never,
        exec: async (text) => void (await reserved.unsafe(text)),
        transaction: async (inner) => {
          await reserved.unsafe('begin');
          try {
            const result = await inner(session);
            await reserved.unsafe('commit');
            return result;
          } catch (error) {
            await reserved.unsafe('rollback');
            throw error;
          }
        },
      };
      try {
        return await work(session);
      } finally {
        await reserved.unsafe('reset statement_timeout').catch(() => {});
        reserved.release();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** A dedicated connection, or CrmError `unavailable` when none comes within `ms` (a late one is released). */
async function reserveWithin(client: postgres.Sql, ms: number): Promise<postgres.ReservedSql> {
  let timer: NodeJS.Timeout | undefined;
  let gaveUp = false;
  const reserving = client.reserve();
  void reserving.then((late) => gaveUp && late.release(), () => {});
  try {
    return await Promise.race([
      reserving,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          gaveUp = true;
          reject(unavailable('No database connection became free in time; try again shortly'));
        }, ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
