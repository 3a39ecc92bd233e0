import { sql, type SQL } from 'drizzle-orm';
import { pgArray } from '../../db/types.ts';
import { toVector } from '../chunks/store.ts';
import { orQueryText } from './query.ts';
import type { SearchOptions } from './types.ts';

/** What one search does: how many hits, which arms, the filter, the full-text query, the vector. */
export interface Plan {
  k: number;
  useText: boolean;
  useVector: boolean;
  filter: SQL;
  tsq: SQL;
  embedding: string | null;
}

/** The plan of a search; undefined when there is nothing to search with (no words, no vector). */
export function planSearch(options: SearchOptions): Plan | undefined {
  const mode = options.mode ?? 'hybrid';
  const terms = orQueryText(options.query);
  const useText = mode !== 'vector' && terms.length > 0;
  const useVector = mode !== 'fulltext' && options.embedding !== null && options.embedding.some((x) => x !== 0);
  if (!useText && !useVector) return undefined;
  return {
    k: Math.max(1, Math.min(options.k ?? 10, 100)),
    useText,
    useVector,
    filter: filters(options),
    // Empty when the query has no words: to_tsquery('') is an empty query that matches nothing.
    tsq: sql`(to_tsquery('pg_catalog.danish', ${terms}) || to_tsquery('pg_catalog.english', ${terms}))`,
    embedding: useVector ? toVector(options.embedding) : null,
  };
}

function filters(options: SearchOptions): SQL {
  const parts: SQL[] = [sql`true`];
  if (options.companyIds !== 'all') parts.push(sql`company_id = any(${pgArray(options.companyIds)}::uuid[])`);
  if (options.sourceTypes?.length) parts.push(sql`source_type = any(${pgArray(options.sourceTypes)}::text[])`);
  if (options.visibility) parts.push(sql`visibility = ${options.visibility}`);
  return sql.join(parts, sql` and `);
}
