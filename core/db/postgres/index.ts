import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '../schema/index.ts';
import type { Database, Orm, Session } from '../types.ts';
import { preparing } from './prepared.ts';

/**
 * Opens a PostgreSQL server (≥ 15 with pgvector) such as a Supabase project, via postgres.js.
 * Prepared statements are turned off behind a transaction pooler (Supabase port 6543 or
 * `?pgbouncer=true`), which can't keep them.
 *
 * @example
 * const db = await openPostgres('postgres://postgres@127.0.0.1:5432/crm');
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const parsed = new URL(url);
  const pooled = parsed.port === '6543' || parsed.searchParams.get('pgbouncer') === 'true';
  parsed.searchParams.delete('pgbouncer');
  const client = postgres(parsed.toString(), {
    max: options.max ?? 10,
    prepare: !pooled,
    onnotice: () => {},
    // Prepared statements (prepared.ts) still planned per execution, as unnamed ones are.
    connection: { application_name: 'crm', plan_cache_mode: 'force_custom_plan' },
  });
  await client`select 1`;
  const orm = drizzle({ client: preparing(client, !pooled), schema }) as unknown as Orm;
  return {
    driver: 'postgres',
    orm,
    withSession: async (work) => {
      const reserved = await client.reserve();
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
        reserved.release();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}
