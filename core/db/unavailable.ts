import { CrmError } from '../errors/index.ts';

/** Seconds a client is told to wait (Retry-After) when the database can't be reached. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 3;

/** Socket errors of a connection that never came up or broke (Node's errno codes). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** postgres.js's own codes for a connection that timed out, closed or was ended. */
const DRIVER_CODES = new Set(['CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED']);

/**
 * SQLSTATEs that say the server, not the statement, is the problem: class 08 (connection
 * exception), admin/crash shutdown (57P01, 57P02), starting up (57P03), too many
 * connections (53300), a full disk (53100, with its own message), and a statement cancelled by statement_timeout or by our own
 * acquire deadline (57014).
 */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

/** What PGlite throws once it is closed or closing. */
const PGLITE_CLOSED = /^PGlite is clos(ed|ing)$/;

/**
 * Recognises an error that means "the database can't be reached right now" (from
 * postgres.js, PGlite or drizzle's wrapper around either) and turns it into CrmError
 * `unavailable`: a 503 with Retry-After, never a 500 that looks like a bug. Errors already
 * typed `unavailable` pass through; anything else returns undefined.
 *
 * @example
 * const down = databaseUnavailable(error);
 * if (down) return problemResponse(c, down); // 503, Retry-After: 3
 */
export function databaseUnavailable(error: unknown): CrmError | undefined {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (current instanceof CrmError) return current.code === 'unavailable' ? current : undefined;
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (code === '53100') return unavailable('The database has no disk space left, so nothing of this request was saved; free space on the database server and try again', error);
    if (SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || SERVER_STATES.has(code) || code.startsWith('08') || PGLITE_CLOSED.test(message)) {
      const timedOut = code === '57014' || code === 'CONNECT_TIMEOUT' || code === 'ETIMEDOUT';
      return unavailable(timedOut ? 'The database did not answer in time; try again shortly' : 'The database is unavailable; try again shortly', error);
    }
    current = candidate.cause;
  }
  return undefined;
}

/**
 * A CrmError `unavailable` for the database, carrying Retry-After.
 *
 * @example
 * throw unavailable('The database is unavailable; try again shortly');
 */
export function unavailable(message: string, cause?: unknown): CrmError {
  return new CrmError('unavailable', message, { extra: { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS }, cause });
}

/** True when `error` means the database can't be reached (see databaseUnavailable). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseUnavailable(error) !== undefined;
}
