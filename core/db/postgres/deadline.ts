import type { Sql, TransactionSql } from 'postgres';
import { databaseUnavailable, unavailable } from '../unavailable.ts';

/** What a request is told when its transaction's COMMIT was sent but its answer never came. */
export const OUTCOME_UNKNOWN =
  'The connection to the database was lost while saving, so whether the change was saved is unknown; look before sending it again, or send it again with the same Idempotency-Key';

/**
 * The pooled postgres.js client with a bound on waiting for a connection.
 *
 * postgres.js queues a query until a connection is free and, while the server is
 * unreachable, retries connecting with a backoff that grows to 20 s, without limit: in an
 * outage requests waited 12–20 s and more. Here a statement or transaction that has not
 * reached a connection within `acquireMs` is given up with CrmError `unavailable` (503):
 *
 * - a statement that was never sent is cancelled (postgres.js drops it from its queue),
 *   so it can't run later behind the caller's back;
 * - a transaction whose BEGIN is still waiting is answered at once, and when a connection
 *   does come its work is not run: the transaction is rolled back.
 *
 * Once a transaction's work has finished, its COMMIT is in flight; if the connection dies
 * then, the outcome is unknown (it may have committed), and the error says so rather
 * than "failed" (OUTCOME_UNKNOWN). A connection that dies before the work finished means
 * no COMMIT was sent: nothing was saved, and the plain `unavailable` is true.
 *
 * Statements already running are bounded by the server's statement_timeout (openPostgres).
 *
 * @example
 * const orm = drizzle({ client: withDeadlines(preparing(client, true), { acquireMs: 5000 }), schema });
 */
export function withDeadlines<T extends Sql>(client: T, options: { acquireMs: number }): T {
  const { acquireMs } = options;
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === 'unsafe') {
        return (...args: unknown[]) => {
          const query = (value as (...a: unknown[]) => PendingQuery).apply(target, args);
          return boundQueue(query, acquireMs);
        };
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const work = args.pop() as (sql: TransactionSql) => unknown;
          return boundBegin((inner) => (value as (...a: unknown[]) => Promise<unknown>).call(target, ...args, inner), work, acquireMs);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The parts of a postgres.js pending query used here. */
interface PendingQuery extends Promise<unknown> {
  /** Set once the query was handed to a connection. */
  state: unknown;
  cancel(): unknown;
}

/**
 * Cancels a query still waiting for a connection after `ms`. postgres.js runs queries
 * lazily (on `then`), so the timer starts when the caller awaits, not when it is built.
 */
function boundQueue(query: PendingQuery, ms: number): PendingQuery {
  const then = query.then.bind(query);
  let armed = false;
  query.then = ((onFulfilled, onRejected) => {
    if (!armed) {
      armed = true;
      const timer = setTimeout(() => {
        if (!query.state) void query.cancel();
      }, ms);
      timer.unref();
      then(() => clearTimeout(timer), () => clearTimeout(timer));
    }
    return then(onFulfilled, onRejected);
  }) as PendingQuery['then'];
  return query;
}

async function boundBegin(
  begin: (inner: (sql: TransactionSql) => unknown) => Promise<unknown>,
  work: (sql: TransactionSql) => unknown,
  ms: number,
): Promise<unknown> {
  let abandoned = false;
  let workDone = false;
  let timer: NodeJS.Timeout | undefined;
  const running = begin(async (sql) => {
    clearTimeout(timer);
    // The caller was already told 503: running its work now would save what it believes failed.
    if (abandoned) throw unavailable('The transaction was given up while waiting for a connection');
    const result = await work(sql);
    workDone = true;
    return result;
  });
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abandoned = true;
      reject(unavailable('No database connection became free in time; try again shortly'));
    }, ms);
    timer.unref();
  });
  // A late outcome of an abandoned transaction has no one to tell.
  running.catch(() => {});
  try {
    return await Promise.race([running, waited]);
  } catch (error) {
    if (workDone && databaseUnavailable(error)) throw unavailable(OUTCOME_UNKNOWN, error);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
