import { sql } from 'drizzle-orm';
import type { Orm, Tx } from '../db/types.ts';
import { rowsOf } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';

/** How long a key is remembered. */
export const KEEP_HOURS = 24;

/** What a request with a key did: committed (status null until its answer is stored), and its answer. */
export interface Outcome {
  fingerprint: string;
  status: number | null;
  contentType: string | null;
  location: string | null;
  body: string | null;
}

/** The stored outcome of `actor`'s request with `key`, if it is younger than KEEP_HOURS. */
export async function findOutcome(orm: Orm, actor: string, key: string): Promise<Outcome | undefined> {
  const [row] = rowsOf<{ fingerprint: string; status: number | null; content_type: string | null; location: string | null; body: string | null }>(await orm.execute(sql`
    select fingerprint, status, content_type, location, body from idempotency_keys
     where actor = ${actor} and key = ${key} and created_at > now() - make_interval(hours => ${KEEP_HOURS})`));
  return row && { fingerprint: row.fingerprint, status: row.status, contentType: row.content_type, location: row.location, body: row.body };
}

/**
 * Records, inside the request's own transaction (as crm_app), that the request with `key`
 * committed. A second request with the same key that got this far concurrently waits for the
 * first one's commit and then fails here, so only one of them commits.
 */
export async function recordCommitted(tx: Tx, actor: string, key: string, fingerprint: string): Promise<void> {
  try {
    await tx.execute(sql`insert into idempotency_keys (actor, key, fingerprint) values (${actor}, ${key}, ${fingerprint})`);
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code !== '23505') throw error;
    throw new CrmError('conflict', 'A request with this Idempotency-Key is being carried out or was just done; wait for its answer instead of sending it again');
  }
}

/**
 * Stores the answer of a request whose writes committed with its key (`committed`), or of a
 * successful request that wrote nothing in company scope (then the row is new, if nobody
 * else's is there).
 */
export async function storeAnswer(orm: Orm, actor: string, key: string, fingerprint: string, committed: boolean, answer: { status: number; contentType: string | null; location: string | null; body: string }): Promise<void> {
  if (committed) {
    await orm.execute(sql`update idempotency_keys set status = ${answer.status}, content_type = ${answer.contentType}, location = ${answer.location}, body = ${answer.body}
                           where actor = ${actor} and key = ${key} and fingerprint = ${fingerprint} and status is null`);
    return;
  }
  await orm.execute(sql`insert into idempotency_keys (actor, key, fingerprint, status, content_type, location, body)
                        values (${actor}, ${key}, ${fingerprint}, ${answer.status}, ${answer.contentType}, ${answer.location}, ${answer.body})
                        on conflict (actor, key) do nothing`);
}

/** Forgets keys older than KEEP_HOURS: `actor`'s `key` (so it can be used again), and now and then all of them. */
export async function forgetExpired(orm: Orm, actor: string, key: string, everyone: boolean): Promise<void> {
  await orm.execute(everyone
    ? sql`delete from idempotency_keys where created_at <= now() - make_interval(hours => ${KEEP_HOURS})`
    : sql`delete from idempotency_keys where actor = ${actor} and key = ${key} and created_at <= now() - make_interval(hours => ${KEEP_HOURS})`);
}
