import { and, inArray, sql } from 'drizzle-orm';
import { companies } from '../db/schema/index.ts';
import type { Tx } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { recordEvent } from '../events/store.ts';
import { isFreeMailDomain } from './free-mail.ts';
import { nameFromDomain, normalizeDomain, normalizeEmail } from './normalize.ts';
import { resolveCvr, resolveDomain, resolveEmail } from './resolver.ts';
import { type Company, createCompany } from './store.ts';

/** What data from outside says about a company (a CSV row, a form, a signature). */
export interface CompanyHintInput {
  name?: string;
  domain?: string;
  cvr?: string;
  email?: string;
  kind?: 'business' | 'private';
}

/**
 * The company a hint points to, strongest evidence first (CVR, domain, an email's contact or
 * business domain, then the exact name of a business or private company, case-insensitive), or
 * undefined. Never creates anything. Sees what the transaction's scope sees.
 *
 * @example
 * await findByHint(tx, { email: 'mette@jensens-vvs.dk' }); // the company of jensens-vvs.dk, if there is one
 */
export async function findByHint(tx: Tx, hint: CompanyHintInput): Promise<Company | undefined> {
  const name = hint.name?.trim() || undefined;
  const found =
    (hint.cvr ? await resolveCvr(tx, hint.cvr) : undefined) ??
    (hint.domain && !isFreeMailDomain(normalizeDomain(hint.domain)) ? await resolveDomain(tx, hint.domain) : undefined) ??
    (hint.email ? await resolveEmail(tx, hint.email) : undefined);
  if (found) return found.company;
  if (!name) return undefined;
  const [byName] = await tx
    .select()
    .from(companies)
    .where(and(sql`lower(${companies.name}) = lower(${name})`, inArray(companies.kind, ['business', 'private'])))
    .orderBy(companies.id)
    .limit(1);
  return byName;
}

/**
 * Finds the company a hint points to, strongest evidence first (CVR, domain, an email's
 * contact or business domain, then the exact name, case-insensitive), or creates it with
 * everything the hint says. A free-mail address alone makes a private company for the
 * person, as the email resolver does. Runs in a scope that sees all companies.
 *
 * @example
 * await resolveHint(tx, { name: 'Jensens VVS ApS', email: 'mette@jensens-vvs.dk' }); // { company, created: true }
 */
export async function resolveHint(tx: Tx, hint: CompanyHintInput): Promise<{ company: Company; created: boolean }> {
  const name = hint.name?.trim() || undefined;
  if (!name && !hint.domain && !hint.cvr && !hint.email) {
    throw new CrmError('validation_failed', 'A company needs at least a name, domain, CVR number or email address');
  }
  const found = await findByHint(tx, hint);
  if (found) return { company: found, created: false };
  const emailDomain = hint.email ? normalizeEmail(hint.email).domain : undefined;
  if (!hint.cvr && !hint.domain && emailDomain && isFreeMailDomain(emailDomain)) {
    const resolved = await resolveEmail(tx, hint.email!, { create: true, name });
    return { company: resolved!.company, created: resolved!.matchedBy === 'created' };
  }
  const domain = hint.domain ?? emailDomain;
  const company = await createCompany(tx, {
    name: name ?? (domain ? nameFromDomain(domain) : `CVR ${hint.cvr}`),
    kind: hint.kind ?? 'business',
    ...(domain ? { domain, websiteUrl: `https://${normalizeDomain(domain)}` } : {}),
    ...(hint.cvr ? { cvr: hint.cvr } : {}),
  });
  await recordEvent(tx, { companyId: company.id, type: 'company.created', actor: 'resolver', payload: { evidence: { ...hint } } });
  return { company, created: true };
}

