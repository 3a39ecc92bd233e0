import type { SearchHit as PublicSearchHit } from '../../../plugin-api.d.ts';
import type { CompanyScope } from '../../db/scope/index.ts';

export interface SearchOptions {
  query: string;
  /** The query's embedding (same model as the stored chunks), or null for full text only. */
  embedding: number[] | null;
  /** Companies to search: the caller's scope narrowed by the request; RLS applies anyway. */
  companyIds: CompanyScope;
  sourceTypes?: string[];
  visibility?: 'public' | 'internal';
  k?: number;
  /** Which arms to use: both (default), or one, for evaluation. */
  mode?: 'hybrid' | 'fulltext' | 'vector';
}

/** A hit as plugins see it (plugin-api.d.ts), and its rank in each arm, for evaluation. */
export interface SearchHit extends PublicSearchHit {
  ranks: { fulltext: number | null; vector: number | null };
}
