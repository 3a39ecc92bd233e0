import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../core/ids/index.ts';
import type { Database } from '../../core/db/types.ts';
import { rowsOf } from '../../core/db/types.ts';

/**
 * Supabase's `authenticated` role, made where it is missing (PGlite, plain Postgres), so the
 * migrations create the staff policies as they do on Supabase. Run it before migrating.
 *
 * @example
 * await ensureAuthenticatedRole(t.db); await migrate(t.db);
 */
export async function ensureAuthenticatedRole(db: Database): Promise<void> {
  await db.withSession((s) =>
    s.exec(`do $$ begin
              if not exists (select from pg_roles where rolname = 'authenticated') then create role authenticated nologin; end if;
            exception when duplicate_object or unique_violation then null;
            end $$;`),
  );
}

/**
 * Runs `query` as a signed-in Supabase user would reach the database (supabase-js, PostgREST):
 * role `authenticated`, with these `app_metadata` in `request.jwt.claims`, in a transaction.
 *
 * @example
 * await asStaff(db, { crm_role: 'viewer', company_ids: [a] }, 'select name from companies'); // [{ name: 'Alfa' }]
 */
export async function asStaff<T>(db: Database, appMetadata: Record<string, unknown>, query: string): Promise<T[]> {
  return db.orm.transaction(async (tx) => {
    const claims = JSON.stringify({ sub: uuidv7(), role: 'authenticated', app_metadata: appMetadata });
    await tx.execute(sql`select set_config('request.jwt.claims', ${claims}, true)`);
    await tx.execute(sql`set local role authenticated`);
    return rowsOf<T>(await tx.execute(sql.raw(query)));
  });
}
