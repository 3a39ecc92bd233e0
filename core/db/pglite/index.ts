import path from 'node:path';
import { Mutex, PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { drizzle } from 'drizzle-orm/pglite';
import * as schema from '../schema/index.ts';
import type { Database, Orm, Session } from '../types.ts';
import { acquireLock } from './lockfile.ts';
import { ensureWritable, explainOpenFailure, notWritable } from './open-errors.ts';
import { stopAfterPanic } from './stopped.ts';

/** The extensions every embedded database is opened with (a restored one too). */
export const EXTENSIONS = { vector, pg_trgm };

/** The PostgreSQL major version PGlite embeds: a data folder of another one cannot be opened. */
export const EMBEDDED_PG_VERSION = '18';

/**
 * Opens the embedded PGlite database (Postgres in WASM, with pgvector and pg_trgm).
 *
 * @param dataDir folder to persist in (`<dataDir>/pglite`), locked against a second process;
 *                undefined for an in-memory database (tests).
 * @example
 * const db = await openPglite('./.data');
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const release = dataDir ? lock(dataDir) : () => {};
  try {
    if (dataDir) ensureWritable(dataDir);
    const client = new PGlite({
      ...(dataDir ? { dataDir: path.join(dataDir, 'pglite') } : {}),
      extensions: EXTENSIONS,
    });
    try {
      await client.waitReady;
      // A damaged catalog often opens and fails on the first read of it.
      await client.query('select count(*) from pg_catalog.pg_class');
    } catch (error) {
      await client.close().catch(() => undefined);
      throw dataDir ? explainOpenFailure(dataDir, error) : error;
    }
    const stopped = stopAfterPanic(client, dataDir, (error) => process.stderr.write(`crm: ${error.message}\n`));
    yieldBetweenStatements(client);
    const orm = drizzle({ client, schema }) as unknown as Orm;
    // PGlite is a single connection, so session-level state (advisory locks) is shared by
    // everyone in the process: sessions take turns on this mutex instead.
    const sessions = new Mutex();
    return {
      driver: 'pglite',
      orm,
      withSession: (work) => sessions.runExclusive(() => work(sessionOf(client))),
      // A checkpoint first, so the copy needs no recovery when it is opened; the dump itself
      // runs between statements, so even a write in between leaves it crash-consistent.
      snapshot: async () => {
        await client.exec('checkpoint');
        return client.dumpDataDir('gzip');
      },
      close: async () => {
        try {
          if (!stopped()) await client.close(); // a stopped engine would spin in close too
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** The data folder's lock; a folder that cannot be created or written in says so in one line. */
function lock(dataDir: string): () => void {
  try {
    return acquireLock(dataDir);
  } catch (error) {
    if (['ENOTDIR', 'EEXIST', 'EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw notWritable(dataDir, error);
    throw error;
  }
}

/**
 * PGlite runs each statement synchronously in WebAssembly and resolves its promise at once,
 * so a loop of awaited statements (an import job, a re-index) never returns to the event
 * loop: HTTP requests, timers and heartbeats would wait until the loop ends. Before a
 * statement or transaction, once 15 ms have passed since the last turn, this gives the
 * event loop one (setImmediate), so background work shares the process with requests.
 */
function yieldBetweenStatements(client: PGlite): void {
  let last = performance.now();
  const turn = async () => {
    if (performance.now() - last < 15) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
  const wrap = <K extends 'query' | 'exec' | 'transaction'>(name: K) => {
    const original = client[name].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<K, unknown>)[name] = async (...args: unknown[]) => {
      await turn();
      return original(...args);
    };
  };
  wrap('query');
  wrap('exec');
  wrap('transaction');
}

function sessionOf(client: PGlite | Transaction): Session {
  return {
    query: async (text, params) => (await client.query(text, params)).rows as never,
    exec: async (text) => void (await client.exec(text)),
    transaction: (work) =>
      'transaction' in client
        ? client.transaction((tx) => work(sessionOf(tx)))
        : Promise.reject(new Error('Nested session transactions are not supported')),
  };
}
