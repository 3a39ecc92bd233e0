import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { onUniqueViolation } from '../db/errors.ts';
import { type CompanyKind, type CompanyStage, companies } from '../db/schema/index.ts';
import type { CompanyScope } from '../db/scope/index.ts';
import type { Tx } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { decodeCursor, type Page, toPage } from '../pagination/index.ts';
import { normalizeCvr, normalizeDomain } from './normalize.ts';

export type Company = typeof companies.$inferSelect;

export interface CompanyInput {
  name: string;
  kind?: CompanyKind;
  domain?: string | null;
  cvr?: string | null;
  websiteUrl?: string | null;
  stage?: CompanyStage;
  score?: number | null;
  attributes?: Record<string, unknown>;
  assignedTo?: string | null;
}

/**
 * Creates a company. Domain and CVR are normalised; a domain or CVR that another company
 * has is a 409 conflict.
 *
 * @example
 * await createCompany(tx, { name: 'Jensens VVS ApS', domain: 'https://jensens-vvs.dk' });
 */
export async function createCompany(tx: Tx, input: CompanyInput): Promise<Company> {
  const values = { id: uuidv7(), ...normalized(input), name: input.name.trim() };
  const [row] = await write(() => tx.insert(companies).values(values).returning());
  return row!;
}

export async function getCompany(tx: Tx, id: string): Promise<Company | undefined> {
  const [row] = await tx.select().from(companies).where(eq(companies.id, id));
  return row;
}

/** Like getCompany, but a missing (or invisible) company is a 404. */
export async function requireCompany(tx: Tx, id: string): Promise<Company> {
  const company = await getCompany(tx, id);
  if (!company) throw new CrmError('not_found', `Company ${id} not found`);
  return company;
}

export interface CompanyQuery {
  /** Matches name or domain, case-insensitively, as plain text, or a CVR number exactly. */
  q?: string;
  /** One kind, or any of several. */
  kind?: CompanyKind | readonly CompanyKind[];
  stage?: CompanyStage;
  /** `newest` (default), `name` (A–Å) or `activity` (most recent timeline event first). */
  sort?: 'newest' | 'name' | 'activity';
  /** Only companies with activity at or after this time, or with none since it. */
  activeSince?: Date;
  inactiveSince?: Date;
  /** Only those a staff member looks after (an actor), or nobody does (`null`). */
  assignedTo?: string | null;
  limit: number;
  cursor?: string;
  /** The caller's company scope, passed on as an explicit filter. */
  within?: CompanyScope;
}

const activity = sql`coalesce(${companies.lastActivityAt}, ${companies.createdAt})`;

/** Lists companies by cursor: newest first, by name, or by latest activity. */
export async function listCompanies(tx: Tx, query: CompanyQuery): Promise<Page<Company>> {
  const where: (SQL | undefined)[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q.trim())}%`;
    const digits = query.q.replace(/^\s*DK/i, '').replace(/[\s-]/g, '');
    where.push(/^\d{8}$/.test(digits)
      ? sql`(${companies.id} in (select crm_company_ids_matching(${pattern})) or ${companies.cvr} = ${digits})`
      : sql`${companies.id} in (select crm_company_ids_matching(${pattern}))`);
  }
  if (query.activeSince) where.push(sql`${activity} >= ${query.activeSince.toISOString()}::timestamptz`);
  if (query.inactiveSince) where.push(sql`${activity} < ${query.inactiveSince.toISOString()}::timestamptz`);
  if (query.assignedTo !== undefined) where.push(query.assignedTo === null ? sql`${companies.assignedTo} is null` : eq(companies.assignedTo, query.assignedTo));
  // RLS already hides other companies; naming the scope's ids lets Postgres use the index.
  if (query.within && query.within !== 'all') where.push(inArray(companies.id, [...query.within]));
  if (typeof query.kind === 'string') where.push(eq(companies.kind, query.kind));
  else if (query.kind?.length) where.push(inArray(companies.kind, [...query.kind]));
  if (query.stage) where.push(eq(companies.stage, query.stage));
  const sort = query.sort ?? 'newest';
  if (sort === 'name') {
    if (query.cursor) {
      const { name, id } = decodeCursor(query.cursor, { name: 'text', id: 'uuid' });
      where.push(sql`(lower(${companies.name}), ${companies.id}) > (${name}, ${id}::uuid)`);
    }
    const rows = await tx.select().from(companies).where(and(...where)).orderBy(sql`lower(${companies.name})`, companies.id).limit(query.limit + 1);
    return toPage(rows, query.limit, (last) => ({ name: last.name.toLowerCase(), id: last.id }));
  }
  if (sort === 'activity') {
    if (query.cursor) {
      const { at, id } = decodeCursor(query.cursor, { at: 'time', id: 'uuid' });
      where.push(sql`(${activity}, ${companies.id}) < (${at}::timestamptz, ${id}::uuid)`);
    }
    // The cursor's time as Postgres keeps it (microseconds): rows come back as Dates, which stop
    // at milliseconds, and a page boundary inside one millisecond would skip rows.
    const rows = await tx
      .select({ company: companies, at: sql<string>`to_char(${activity} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
      .from(companies).where(and(...where)).orderBy(sql`${activity} desc`, desc(companies.id)).limit(query.limit + 1);
    const page = toPage(rows, query.limit, (last) => ({ at: last.at, id: last.company.id }));
    return { ...page, items: page.items.map((r) => r.company) };
  }
  if (query.cursor) where.push(lt(companies.id, decodeCursor(query.cursor, { id: 'uuid' }).id));
  const rows = await tx.select().from(companies).where(and(...where)).orderBy(desc(companies.id)).limit(query.limit + 1);
  return toPage(rows, query.limit, (last) => ({ id: last.id }));
}

/** Updates the given fields. The kind of the `self` company can't change. */
export async function updateCompany(tx: Tx, id: string, patch: Partial<CompanyInput>): Promise<Company> {
  const current = await requireCompany(tx, id);
  if (patch.kind && current.kind === 'self' && patch.kind !== 'self') {
    throw new CrmError('conflict', 'The own company (kind self) keeps its kind');
  }
  const values = { ...normalized(patch), ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) };
  if (Object.keys(values).length === 0) return current;
  const [row] = await write(() => tx.update(companies).set(values).where(eq(companies.id, id)).returning());
  return row!;
}

/** Deletes a company and, by cascade, every row of its customer data. */
export async function deleteCompany(tx: Tx, id: string): Promise<Company> {
  const company = await requireCompany(tx, id);
  if (company.kind === 'self') throw new CrmError('conflict', 'The own company (kind self) cannot be deleted');
  await tx.delete(companies).where(eq(companies.id, id));
  return company;
}

export async function findCompanyBy(tx: Tx, field: 'domain' | 'cvr', value: string): Promise<Company | undefined> {
  const [row] = await tx.select().from(companies).where(eq(companies[field], value));
  return row;
}

export async function getSelfCompany(tx: Tx): Promise<Company | undefined> {
  const [row] = await tx.select().from(companies).where(eq(companies.kind, 'self'));
  return row;
}

function normalized(input: Partial<CompanyInput>) {
  const { name: _name, ...rest } = input;
  return {
    ...rest,
    ...(input.domain ? { domain: normalizeDomain(input.domain) } : {}),
    ...(input.cvr ? { cvr: normalizeCvr(input.cvr) } : {}),
  };
}

/** Runs an insert/update, turning unique violations into a 409 that names the field. */
function write<T>(run: () => Promise<T>): Promise<T> {
  return onUniqueViolation(run, (constraint) => {
    if (constraint?.includes('self')) return new CrmError('conflict', 'There is already an own company (kind self)');
    return new CrmError('conflict', `Another company already has this ${constraint?.includes('cvr') ? 'CVR number' : 'domain'}`);
  });
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
