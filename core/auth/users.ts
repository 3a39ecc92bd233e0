import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { onUniqueViolation } from '../db/errors.ts';
import { type StaffRole, staffSigninCodes, staffUsers } from '../db/schema/index.ts';
import type { Orm } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { uuidv7 } from '../ids/index.ts';
import { checkPassword, hashPassword } from './passwords.ts';

/** A staff member as the API shows them: never the password hash. */
export type StaffUser = Omit<typeof staffUsers.$inferSelect, 'passwordHash'> & { hasPassword: boolean };

export interface StaffUserInput {
  email: string;
  name: string;
  role: StaffRole;
  /** Restrict to these companies (at least one); null for all. Admins see all. */
  companyIds?: string[] | null;
  /** At least 10 characters; none means sign-in by link only. */
  password?: string | null;
}

const MIN_PASSWORD = 10;

function out(row: typeof staffUsers.$inferSelect): StaffUser {
  const { passwordHash, ...user } = row;
  return { ...user, hasPassword: passwordHash !== null };
}

function checkInput(input: Partial<StaffUserInput>): void {
  if (input.password !== undefined && input.password !== null && input.password.length < MIN_PASSWORD) {
    throw new CrmError('validation_failed', `The password must be at least ${MIN_PASSWORD} characters`, { issues: [{ path: 'body.password', message: `at least ${MIN_PASSWORD} characters` }] });
  }
  if (input.companyIds && input.companyIds.length === 0) {
    throw new CrmError('validation_failed', 'company_ids must name at least one company; leave it out for every company');
  }
  if (input.role === 'admin' && input.companyIds) throw new CrmError('validation_failed', 'An admin cannot be restricted to companies');
}

/**
 * Adds a staff member (embedded default; with Supabase the staff are its Auth users).
 *
 * @example
 * const user = await createStaffUser(db.orm, { email: 'mette@nordlys-tag.dk', name: 'Mette', role: 'staff' });
 */
export async function createStaffUser(orm: Orm, input: StaffUserInput): Promise<StaffUser> {
  checkInput(input);
  const [row] = await onUniqueViolation(
    async () =>
      orm.insert(staffUsers).values({
        id: uuidv7(), email: input.email.trim().toLowerCase(), name: input.name.trim(), role: input.role,
        companyIds: input.companyIds ? [...new Set(input.companyIds.map((id) => id.toLowerCase()))] : null,
        passwordHash: input.password ? await hashPassword(input.password) : null,
      }).returning(),
    () => new CrmError('conflict', `A staff member with the email ${input.email.trim().toLowerCase()} exists`),
  );
  return out(row!);
}

export async function listStaffUsers(orm: Orm): Promise<StaffUser[]> {
  return (await orm.select().from(staffUsers).orderBy(asc(staffUsers.name), asc(staffUsers.id))).map(out);
}

export async function getStaffUser(orm: Orm, id: string): Promise<StaffUser | undefined> {
  const [row] = await orm.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row ? out(row) : undefined;
}

export async function staffUserByEmail(orm: Orm, email: string): Promise<StaffUser | undefined> {
  const [row] = await orm.select().from(staffUsers).where(eq(staffUsers.email, email.trim().toLowerCase()));
  return row ? out(row) : undefined;
}

/** Changes a staff member; `disabled: true` signs them out everywhere (their tokens stop working). */
export async function updateStaffUser(orm: Orm, id: string, patch: Partial<StaffUserInput> & { disabled?: boolean }): Promise<StaffUser> {
  const current = await getStaffUser(orm, id);
  if (!current) throw new CrmError('not_found', `Staff member ${id} not found`);
  checkInput({ ...patch, role: patch.role ?? current.role, companyIds: patch.companyIds === undefined ? current.companyIds : patch.companyIds });
  const [row] = await onUniqueViolation(
    async () =>
      orm.update(staffUsers).set({
        ...(patch.email ? { email: patch.email.trim().toLowerCase() } : {}),
        ...(patch.name ? { name: patch.name.trim() } : {}),
        ...(patch.role ? { role: patch.role } : {}),
        ...(patch.companyIds !== undefined ? { companyIds: patch.companyIds } : {}),
        ...(patch.password !== undefined ? { passwordHash: patch.password ? await hashPassword(patch.password) : null } : {}),
        ...(patch.disabled !== undefined ? { disabledAt: patch.disabled ? (current.disabledAt ?? new Date()) : null } : {}),
      }).where(eq(staffUsers.id, id)).returning(),
    () => new CrmError('conflict', 'Another staff member has this email'),
  );
  return out(row!);
}

/**
 * The staff member of an email and password, or 401 (the same answer for an unknown email, a
 * wrong password, a link-only account and a disabled one).
 *
 * @example
 * const user = await signInWithPassword(db.orm, 'mette@nordlys-tag.dk', '…');
 */
export async function signInWithPassword(orm: Orm, email: string, password: string): Promise<StaffUser> {
  const [row] = await orm.select().from(staffUsers).where(eq(staffUsers.email, email.trim().toLowerCase()));
  const ok = await checkPassword(password, row?.passwordHash ?? null);
  if (!row || !ok || row.disabledAt) throw new CrmError('unauthorized', 'Wrong email or password');
  return out(row);
}

const codeHash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * A one-time sign-in code for a staff member (the link `crm start` prints, or an admin sends):
 * only its hash is stored; it works once, until `ttlMs` has passed.
 *
 * @example
 * const { code, expiresAt } = await createSigninCode(db.orm, user.id, 24 * 3_600_000);
 */
export async function createSigninCode(orm: Orm, userId: string, ttlMs: number): Promise<{ code: string; expiresAt: Date }> {
  const code = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await orm.insert(staffSigninCodes).values({ codeHash: codeHash(code), userId, expiresAt });
  // Used and expired codes are of no use to anyone: forget them.
  await orm.delete(staffSigninCodes).where(sql`${staffSigninCodes.expiresAt} < now() - interval '1 day'`);
  return { code, expiresAt };
}

/** Uses a sign-in code: its staff member, or 401 for an unknown, used or expired code or a disabled user. */
export async function useSigninCode(orm: Orm, code: string): Promise<StaffUser> {
  const [used] = await orm
    .update(staffSigninCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(staffSigninCodes.codeHash, codeHash(code)), isNull(staffSigninCodes.usedAt), gt(staffSigninCodes.expiresAt, new Date())))
    .returning();
  const user = used ? await getStaffUser(orm, used.userId) : undefined;
  if (!user || user.disabledAt) throw new CrmError('unauthorized', 'This sign-in link is used, expired or unknown; ask for a new one');
  return user;
}
