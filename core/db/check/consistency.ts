import type { Session } from '../types.ts';
import type { Finding } from './finding.ts';

/** A running job whose lease ran out this long ago is stuck, not merely slow. */
const STUCK_AFTER = '1 hour';

/**
 * Checks the CRM's own data agrees with itself: articles marked indexed have passages,
 * passages have vectors of the configured dimension, no job sits running without a live lease.
 * Each query is skipped silently when its table is missing (a plugin-less or older database).
 *
 * @example
 * const findings = await db.withSession((s) => checkConsistency(s));
 */
export async function checkConsistency(session: Session): Promise<Finding[]> {
  const findings: Finding[] = [];
  const articles = await countOrNull(session, `select count(*)::int as n from knowledge_articles a where a.indexed_at is not null
      and not exists (select 1 from chunks c where c.source_type = 'knowledge' and c.source_id = a.id::text and c.company_id = a.company_id)`);
  if (articles) findings.push({ code: 'articles_without_chunks', what: `${articles} knowledge articles are marked indexed but have no passages`, recovery: 'edit and save them, or run "crm reembed"' });
  const dims = await countOrNull(session, `select count(*)::int as n from chunks where embedding is not null
      and vector_dims(embedding) <> (select value::int from search_settings where key = 'embedding_dimensions')`);
  if (dims) findings.push({ code: 'embedding_dimension_mismatch', what: `${dims} passages have a vector of another dimension than configured`, recovery: 'run "crm reembed"' });
  const stuck = await countOrNull(session, `select count(*)::int as n from jobs where status = 'running' and locked_until < now() - interval '${STUCK_AFTER}'`);
  if (stuck) findings.push({ code: 'jobs_stuck', what: `${stuck} jobs are running with a lease that ran out over ${STUCK_AFTER} ago`, recovery: 'start the server or "crm worker": expired leases are taken over' });
  return findings;
}

async function countOrNull(session: Session, text: string): Promise<number | null> {
  try {
    const [row] = await session.query<{ n: number }>(text);
    return row?.n ?? null;
  } catch {
    // Unreadable tables are reported by checkTables; here we only judge readable data.
    return null;
  }
}
