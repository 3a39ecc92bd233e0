/** One thing the data check found damaged, with what to do about it. */
export interface Finding {
  /** Stable code, safe to show without authentication (no company data). */
  code: 'table_unreadable' | 'index_unreadable' | 'articles_without_chunks' | 'embedding_dimension_mismatch' | 'jobs_stuck';
  /** What is damaged, e.g. the table name. */
  what: string;
  /** How to recover, one sentence. */
  recovery: string;
  /** The quoted name of an unreadable index, for the repair to rebuild. */
  index?: string;
}

/**
 * One line for the CLI and the log.
 *
 * @example
 * describe({ code: 'table_unreadable', what: 'chunks', recovery: 'run crm restore <backup>' }); // "table_unreadable: chunks — run crm restore <backup>"
 */
export function describe(finding: Finding): string {
  return `${finding.code}: ${finding.what} — ${finding.recovery}`;
}
