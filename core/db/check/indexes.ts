import type { Session } from '../types.ts';
import type { Finding } from './finding.ts';

/** The distance operator of each pgvector operator class, to force a scan through its index. */
const DISTANCE: Record<string, string> = {
  vector_cosine_ops: '<=>', vector_l2_ops: '<->', vector_ip_ops: '<#>', vector_l1_ops: '<+>',
  halfvec_cosine_ops: '<=>', halfvec_l2_ops: '<->', halfvec_ip_ops: '<#>', halfvec_l1_ops: '<+>',
};

/**
 * Reads every vector (HNSW) index through a nearest-neighbour scan the planner may not answer
 * any other way. A truncated index file reads as a table without damage and fails only on
 * use: every search, and every insert of a passage (so every indexing job). Such an index
 * holds nothing the table lacks: `crm check --repair` rebuilds it.
 *
 * @example
 * const findings = await db.withSession((s) => checkIndexes(s));
 */
export async function checkIndexes(session: Session): Promise<Finding[]> {
  const indexes = await session.query<{ index: string; table: string; column: string; opclass: string }>(
    `select quote_ident(n.nspname) || '.' || quote_ident(ic.relname) as index, quote_ident(n.nspname) || '.' || quote_ident(tc.relname) as table,
            quote_ident(a.attname) as column, oc.opcname as opclass
       from pg_index i
       join pg_class ic on ic.oid = i.indexrelid
       join pg_am am on am.oid = ic.relam and am.amname = 'hnsw'
       join pg_class tc on tc.oid = i.indrelid
       join pg_namespace n on n.oid = ic.relnamespace
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
       join pg_opclass oc on oc.oid = i.indclass[0]
      where n.nspname not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const findings: Finding[] = [];
  for (const { index, table, column, opclass } of indexes) {
    const operator = DISTANCE[opclass];
    if (!operator) continue;
    try {
      await session.transaction(async (tx) => {
        await tx.query('set local enable_seqscan = off');
        await tx.query('set local hnsw.ef_search = 1000');
        await tx.query(`select 1 from ${table} order by ${column} ${operator} (select ${column} from ${table} where ${column} is not null limit 1) limit 1000`);
      });
    } catch (error) {
      findings.push({
        code: 'index_unreadable',
        what: `${index.replace(/^public\./, '')} (${(error as Error).message.split('\n')[0]})`,
        recovery: 'rebuild it from its table: run "crm check --repair"',
        index,
      });
    }
  }
  return findings;
}

/**
 * Rebuilds the indexes the check found unreadable (REINDEX); their tables hold everything
 * they index. Returns the indexes rebuilt.
 *
 * @example
 * const rebuilt = await db.withSession((s) => repairIndexes(s, findings));
 */
export async function repairIndexes(session: Session, findings: Finding[]): Promise<string[]> {
  const rebuilt: string[] = [];
  for (const finding of findings) {
    if (finding.code !== 'index_unreadable' || !finding.index) continue;
    await session.exec(`reindex index ${finding.index}`);
    rebuilt.push(finding.index);
  }
  return rebuilt;
}
