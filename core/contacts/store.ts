import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { requireCompany } from '../companies/store.ts';
import { normalizeEmail } from '../companies/normalize.ts';
import { onUniqueViolation } from '../db/errors.ts';
import { companies, contacts } from '../db/schema/index.ts';
import type { CompanyScope } from '../db/scope/index.ts';
import type { Tx } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { decodeCursor, type Page, toPage } from '../pagination/index.ts';

export type Contact = typeof contacts.$inferSelect;

export interface ContactInput {
  companyId: string;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  role?: string | null;
  attributes?: Record<string, unknown>;
}

/**
 * Adds a person to a company. The company must be visible in the scope (else 404); an
 * email address already used by another contact of the same company is a 409 (another
 * company's contacts are no business of the caller's: docs/adr/0005).
 *
 * @example
 * await createContact(tx, { companyId, name: 'Mette Jensen', email: 'mette@jensens-vvs.dk', role: 'Indkøb' });
 */
export async function createContact(tx: Tx, input: ContactInput): Promise<Contact> {
  await requireCompany(tx, input.companyId);
  const [row] = await write(() => tx.insert(contacts).values({ id: uuidv7(), ...normalized(input) }).returning());
  return row!;
}

export async function getContact(tx: Tx, id: string): Promise<Contact | undefined> {
  const [row] = await tx.select().from(contacts).where(eq(contacts.id, id));
  return row;
}

export async function requireContact(tx: Tx, id: string): Promise<Contact> {
  const contact = await getContact(tx, id);
  if (!contact) throw new CrmError('not_found', `Contact ${id} not found`);
  return contact;
}

/**
 * The contact with this email address that the transaction's scope sees. An address may be a
 * contact of several companies (unique per company): then a customer company is preferred over a
 * provisional visitor one, and the first to have had it over later ones.
 *
 * @example
 * const contact = await findContactByEmail(tx, 'Mette@Jensens-VVS.dk');
 */
export async function findContactByEmail(tx: Tx, email: string): Promise<Contact | undefined> {
  const [row] = await tx
    .select({ contact: contacts })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .where(eq(contacts.email, normalizeEmail(email).email))
    .orderBy(sql`${companies.kind} = 'visitor'`, asc(contacts.createdAt), asc(contacts.id))
    .limit(1);
  return row?.contact;
}

/** Contacts newest first, of one company or of every company in scope. */
export async function listContacts(
  tx: Tx,
  query: { companyId?: string; limit: number; cursor?: string; within?: CompanyScope },
): Promise<Page<Contact>> {
  const where: (SQL | undefined)[] = [];
  if (query.companyId) where.push(eq(contacts.companyId, query.companyId));
  // RLS already hides other companies; naming the scope's ids lets Postgres use the index.
  if (query.within && query.within !== 'all') where.push(inArray(contacts.companyId, [...query.within]));
  if (query.cursor) where.push(lt(contacts.id, decodeCursor(query.cursor, { id: 'uuid' }).id));
  const rows = await tx
    .select()
    .from(contacts)
    .where(and(...where))
    .orderBy(desc(contacts.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (last) => ({ id: last.id }));
}

/** Updates a contact; moving it to another company needs that company in scope too. */
export async function updateContact(tx: Tx, id: string, patch: Partial<ContactInput>): Promise<Contact> {
  const current = await requireContact(tx, id);
  if (patch.companyId && patch.companyId !== current.companyId) await requireCompany(tx, patch.companyId);
  const values = normalized(patch);
  if (Object.keys(values).length === 0) return current;
  const [row] = await write(() => tx.update(contacts).set(values).where(eq(contacts.id, id)).returning());
  return row!;
}

export async function deleteContact(tx: Tx, id: string): Promise<Contact> {
  const contact = await requireContact(tx, id);
  await tx.delete(contacts).where(eq(contacts.id, id));
  return contact;
}

function normalized<T extends Partial<ContactInput>>(input: T): T {
  return input.email ? { ...input, email: normalizeEmail(input.email).email } : input;
}

const emailTaken = () => new CrmError('conflict', 'Another contact of this company already has this email address');

function write<T>(run: () => Promise<T>): Promise<T> {
  return onUniqueViolation(run, emailTaken);
}
