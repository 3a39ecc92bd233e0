import type { Session } from '../types.ts';
import type { Finding } from './finding.ts';

/** Tables whose loss can be rebuilt from other data, and how. */
const REBUILDABLE: Record<string, string> = {
  chunks: 'rebuild the passages: run "crm reembed" after re-indexing the articles, or "crm restore <backup>"',
};

/**
 * Reads every user table in the catalog once with a sequential scan, so a truncated or
 * corrupt relation file shows up here instead of as silently missing search results.
 *
 * @example
 * const findings = await db.withSession((s) => checkTables(s));
 */
export async function checkTables(session: Session, onTable?: (done: number, total: number) => void): Promise<Finding[]> {
  const tables = await session.query<{ name: string }>(
    `select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const findings: Finding[] = [];
  for (const [index, { name }] of tables.entries()) {
    try {
      // A count reads every page; a truncated file fails with "could not read block".
      await session.transaction(async (tx) => {
        await tx.query(`set local enable_indexscan = off`);
        await tx.query(`set local enable_indexonlyscan = off`);
        await tx.query(`set local enable_bitmapscan = off`);
        const [seq] = await tx.query<{ n: string }>(`select count(*)::text as n from ${name}`);
        // A file cut at a page boundary reads as a shorter table; its primary key still
        // points past the end, so reading through the key fails or counts more rows.
        const key = await primaryKeyColumns(tx, name);
        if (!key) return;
        await tx.query(`set local enable_seqscan = off`);
        await tx.query(`set local enable_sort = off`);
        await tx.query(`set local enable_indexscan = on`);
        const [viaKey] = await tx.query<{ n: string }>(`select count(*)::text as n from (select * from ${name} order by ${key} offset 0) rows`);
        if (viaKey?.n !== seq?.n) throw new Error(`${seq?.n} rows read, ${viaKey?.n} rows in the primary key`);
      });
    } catch (error) {
      const bare = name.replace(/^public\./, '').replaceAll('"', '');
      findings.push({
        code: 'table_unreadable',
        what: `${bare} (${(error as Error).message.split('\n')[0]})`,
        recovery: REBUILDABLE[bare] ?? 'restore the last backup with "crm restore <file>" (Postgres: pg_restore or PITR)',
      });
    }
    onTable?.(index + 1, tables.length);
  }
  return findings;
}

/** The quoted primary key columns of `table`, comma separated, or null without one. */
async function primaryKeyColumns(session: Session, table: string): Promise<string | null> {
  const rows = await session.query<{ col: string }>(
    `select quote_ident(a.attname) as col from pg_index i
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  return rows.length ? rows.map((r) => r.col).join(', ') : null;
}
