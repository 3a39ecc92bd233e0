import { eq, inArray, sql } from 'drizzle-orm';
import { customerTables } from '../db/catalog/index.ts';
import { onUniqueViolation } from '../db/errors.ts';
import { companies } from '../db/schema/index.ts';
import { rowsOf, type Tx } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { recordEvent } from '../events/store.ts';
import type { Company } from './store.ts';

export interface MergeResult {
  company: Company;
  /** Rows re-tagged per customer table (tables with none are left out). */
  moved: Record<string, number>;
}

/**
 * Merges company `fromId` into `intoId` inside the caller's transaction: every row of
 * every customer table (found in the catalog, so plugin tables too) is re-tagged, empty
 * fields of `into` are filled from `from`, a `company.merged` event is recorded on `into`,
 * and `from` is deleted. Both companies must be visible in the scope.
 *
 * @example
 * const { moved } = await mergeCompanies(tx, visitorId, realId, 'key:…'); // { events: 4, contacts: 1 }
 */
export async function mergeCompanies(tx: Tx, fromId: string, intoId: string, actor: string): Promise<MergeResult> {
  if (fromId.toLowerCase() === intoId.toLowerCase()) {
    throw new CrmError('bad_request', 'A company cannot be merged into itself');
  }
  const locked = await tx.select().from(companies).where(inArray(companies.id, [fromId, intoId])).for('update');
  const from = locked.find((c) => c.id === fromId.toLowerCase());
  const into = locked.find((c) => c.id === intoId.toLowerCase());
  if (!from) throw new CrmError('not_found', `Company ${fromId} not found`);
  if (!into) throw new CrmError('not_found', `Company ${intoId} (merge target) not found`);
  if (from.kind === 'self' || into.kind === 'self') {
    throw new CrmError('conflict', 'The own company (kind self) cannot be merged');
  }

  const moved: Record<string, number> = {};
  // The same person may be a contact of both (emails are unique per company): one contact stays,
  // into's, with what only from's knew filled in.
  await tx.execute(sql`
    update contacts i set name = coalesce(i.name, f.name), phone = coalesce(i.phone, f.phone), role = coalesce(i.role, f.role),
                          attributes = f.attributes || i.attributes
    from contacts f where i.company_id = ${into.id} and f.company_id = ${from.id} and i.email = f.email`);
  await tx.execute(sql`delete from contacts f using contacts i where f.company_id = ${from.id} and i.company_id = ${into.id} and i.email = f.email`);
  for (const { table, column } of await customerTables(tx)) {
    const result = await onUniqueViolation(
      () =>
        tx.execute(
          sql`with moved as (update ${sql.raw(table)} set ${sql.identifier(column)} = ${into.id}
              where ${sql.identifier(column)} = ${from.id} returning 1) select count(*)::int as n from moved`,
        ),
      () => new CrmError('conflict', `Cannot merge: rows in ${table} of both companies collide on a unique key`),
    );
    const n = rowsOf<{ n: number }>(result)[0]?.n ?? 0;
    if (n > 0) moved[table] = n;
  }
  const keys = rowsOf<{ n: number }>(await tx.execute(sql`select crm_retarget_key_scopes(${from.id}, ${into.id}) as n`));
  if ((keys[0]?.n ?? 0) > 0) moved.api_keys = keys[0]!.n;

  // `from` goes first so its unique domain/CVR can pass to `into`.
  await tx.delete(companies).where(eq(companies.id, from.id));
  const [company] = await tx.update(companies).set(fill(into, from)).where(eq(companies.id, into.id)).returning();
  await recordEvent(tx, {
    companyId: into.id,
    type: 'company.merged',
    actor,
    payload: { from: { id: from.id, name: from.name, kind: from.kind, domain: from.domain, cvr: from.cvr }, moved },
  });
  return { company: company!, moved };
}

/** Fields of `into` that `from` can fill: into's own values always win. */
function fill(into: Company, from: Company): Partial<Company> {
  return {
    domain: into.domain ?? from.domain,
    cvr: into.cvr ?? from.cvr,
    websiteUrl: into.websiteUrl ?? from.websiteUrl,
    score: into.score ?? from.score,
    stage: into.stage === 'new' ? from.stage : into.stage,
    attributes: { ...from.attributes, ...into.attributes },
  };
}
