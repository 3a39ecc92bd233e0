import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { withCommitHook } from '../db/scope/index.ts';
import type { Orm } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import type { AppEnv } from '../http/env.ts';
import { findOutcome, forgetExpired, recordCommitted, storeAnswer } from './store.ts';

/** Answers larger than this are not kept: a retry of such a request learns it was done, not its answer. */
const MAX_STORED_BYTES = 256 * 1024;
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on POST (IETF draft-ietf-httpapi-idempotency-key-header): a client that
 * lost an answer sends the same request with the same key again and gets the first answer
 * (`Idempotent-Replayed: true`) instead of a second company, article or note.
 *
 * The key is recorded in the same transaction as the request's scoped writes (a commit hook on
 * `scope().run`), so a crash can't leave "done" without "known" or the other way round; the
 * answer is stored after. A retry of a request that committed but whose answer was not stored
 * (a crash in between, or an answer over 256 KB) is refused with 409 and told to look instead;
 * one with the same key but another method, path or body is refused with 422; two at once
 * commit once (the second gets 409). Keys belong to the credential's actor and last 24 hours.
 * `streamed` says which requests are uploads whose body must not be read here.
 *
 * @example
 * app.use('/api/*', idempotency(db.orm)); // after authentication
 */
export function idempotency(orm: Orm, options: { streamed?: (c: Context<AppEnv>) => boolean } = {}): MiddlewareHandler<AppEnv> {
  let requests = 0;
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!KEY.test(key)) throw new CrmError('bad_request', 'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good key)');
    const actor = c.var.principal.actor;
    const url = new URL(c.req.url);
    // An upload is streamed, never buffered: its fingerprint is its size and type instead of
    // its bytes (the uploaded files are deduplicated by their SHA-256 anyway).
    const body = options.streamed?.(c) ? `streamed ${c.req.header('content-length') ?? '?'}` : await c.req.raw.clone().text();
    const fingerprint = createHash('sha256').update(`POST ${url.pathname}${url.search}\n${body}`).digest('hex');

    const known = await findOutcome(orm, actor, key);
    if (known) {
      if (known.fingerprint !== fingerprint) {
        throw new CrmError('validation_failed', 'This Idempotency-Key was used for another request (method, path or body); use a new key for a new request', {
          issues: [{ path: 'header.idempotency-key', message: 'used for another request' }],
        });
      }
      if (known.status === null) {
        throw new CrmError('conflict', 'The request with this Idempotency-Key was carried out, but its answer was not kept; look the result up instead of sending it again');
      }
      const headers = new Headers({ 'idempotent-replayed': 'true' });
      if (known.contentType) headers.set('content-type', known.contentType);
      if (known.location) headers.set('location', known.location);
      return new Response(known.body, { status: known.status, headers });
    }
    await forgetExpired(orm, actor, key, ++requests % 100 === 0);

    let recorded = false;
    let committed = false;
    await withCommitHook(
      {
        beforeCommit: async (tx) => {
          if (recorded) return; // a route that commits twice records the key in its first transaction
          await recordCommitted(tx, actor, key, fingerprint);
          recorded = true;
        },
        afterCommit: () => {
          if (recorded) committed = true;
        },
      },
      () => next(),
    );
    const res = c.res;
    if (!committed && res.status >= 300) return; // nothing committed: a retry may run it again
    const contentType = res.headers.get('content-type');
    if (contentType?.startsWith('text/event-stream')) return; // a stream is not replayed; a retry is told it was done
    const text = await res.clone().text();
    if (Buffer.byteLength(text) > MAX_STORED_BYTES) return;
    await storeAnswer(orm, actor, key, fingerprint, committed, { status: res.status, contentType, location: res.headers.get('location'), body: text });
  };
}
