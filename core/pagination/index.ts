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

/** Decodes a cursor made by `encodeCursor`, refusing anything else with a 400. */
export function decodeCursor<K extends string>(cursor: string, keys: readonly K[]): Record<K, string> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (value && typeof value === 'object' && keys.every((key) => typeof value[key] === 'string')) {
      return value as Record<K, string>;
    }
  } catch {
    /* fall through */
  }
  throw new CrmError('bad_request', 'Invalid cursor: pass the next_cursor of a previous page unchanged');
}

/** Turns `limit + 1` fetched rows into a page, using the last kept row for the cursor. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (last: T) => Record<string, string>): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items, nextCursor: more && items.length > 0 ? encodeCursor(cursorOf(items[items.length - 1]!)) : null };
}
