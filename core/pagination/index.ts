import { CrmError } from '../errors/index.ts';

/** One page of a list and the opaque cursor of the next (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/**
 * Encodes the position after the last item as an opaque, URL-safe cursor.
 *
 * @example
 * encodeCursor({ id: '019b...' }); // 'eyJpZCI6IjAxOWIuLi4ifQ'
 */
export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** What a cursor field holds: an id (UUID), a time (ISO 8601, in Postgres' range) or some text (a sort key). */
export type CursorField = 'uuid' | 'time' | 'text';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Decodes a cursor made by `encodeCursor`, checking every field's kind, and refuses anything
 * else with a 400 (a hand-made cursor with a bad time or id must not reach the database).
 *
 * @example
 * const { at, id } = decodeCursor(query.cursor, { at: 'time', id: 'uuid' });
 */
export function decodeCursor<K extends string>(cursor: string, fields: Record<K, CursorField>): Record<K, string> {
  let value: Record<string, unknown> | undefined;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    value = undefined;
  }
  const valid =
    value !== null && typeof value === 'object' &&
    (Object.entries(fields) as [K, CursorField][]).every(([key, kind]) => {
      const field = value![key];
      if (typeof field !== 'string') return false;
      if (kind === 'uuid') return UUID.test(field);
      if (kind === 'text') return field.length <= 1000 && !field.includes('\u0000');
      const year = Number(field.slice(0, 4));
      return ISO_TIME.test(field) && !Number.isNaN(Date.parse(field)) && year >= 1 && year <= 9999;
    });
  if (!valid) throw new CrmError('bad_request', 'Invalid cursor: pass the next_cursor of a previous page unchanged');
  return value as Record<K, string>;
}

/** Turns `limit + 1` fetched rows into a page, using the last kept row for the cursor. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (last: T) => Record<string, string>): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items, nextCursor: more && items.length > 0 ? encodeCursor(cursorOf(items[items.length - 1]!)) : null };
}
