import type { Sql, TransactionSql } from 'postgres';

/**
 * The postgres.js client as drizzle should see it: every statement prepared (named, cached
 * per connection) unless prepared statements are off for a transaction pooler.
 *
 * drizzle's postgres-js driver runs each query as `client.unsafe(text, params, { prepare:
 * false })` (drizzle-orm#6096), and postgres.js then sends a query with parameters in two
 * round trips, Parse/Describe first to learn the parameter types, then Bind/Execute, and
 * parses it again every time. Prepared, a statement seen before on that connection is one
 * round trip. In `npm run bench -- load` that was 2 of the 5 round trips of an API-key
 * lookup plus `GET /api/companies/{id}`.
 *
 * Transactions (`begin`) and savepoints hand drizzle a new postgres.js handle; it is wrapped
 * the same way. Plans are still made for each execution's parameters (the connection runs
 * with `plan_cache_mode = force_custom_plan`, see openPostgres): a generic plan would pick one
 * strategy for a company of 50 passages and one of 15,000.
 *
 * @example
 * const orm = drizzle({ client: preparing(client, true), schema });
 */
export function preparing<T extends Sql | TransactionSql>(client: T, prepare: boolean): T {
  if (!prepare) return client;
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === 'unsafe') {
        return (text: string, params?: unknown[], options: Record<string, unknown> = {}) =>
          target.unsafe(text, params as never, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const work = args.pop() as (sql: TransactionSql) => unknown;
          return (value as (...a: unknown[]) => unknown).call(target, ...args, (sql: TransactionSql) => work(preparing(sql, true)));
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
