import { createContact, findContactByEmail, type Contact } from '../contacts/store.ts';
import type { Tx } from '../db/types.ts';
import { CrmError } from '../errors/index.ts';
import { recordEvent } from '../events/store.ts';
import { isFreeMailDomain } from './free-mail.ts';
import { nameFromDomain, nameFromLocalPart, normalizeCvr, normalizeDomain, normalizeEmail } from './normalize.ts';
import { type Company, createCompany, findCompanyBy, getCompany, getSelfCompany } from './store.ts';

/** How a piece of evidence was matched to a company. */
export type MatchedBy = 'contact' | 'domain' | 'cvr' | 'self' | 'created';

export interface Resolution {
  company: Company;
  matchedBy: MatchedBy;
  /** The contact for an email address, when there is (or now is) one. */
  contact?: Contact;
}

export interface ResolveOptions {
  /** Create the company (and contact) when nothing matches. Default false. */
  create?: boolean;
  /** Name for a company or person created now. */
  name?: string;
}

/**
 * Maps an email address to its company. Known addresses go to their contact's company;
 * addresses at the own company's domains resolve to the `self` company (staff are never
 * customers); free-mail addresses (gmail.com, hotmail.dk, …) get a `private` company per
 * person; other domains map to the company with that domain (or a parent domain).
 *
 * @example
 * await resolveEmail(tx, 'mette@jensens-vvs.dk', { create: true, name: 'Mette Jensen' });
 * // { company: { name: 'Jensens Vvs', domain: 'jensens-vvs.dk', kind: 'business' }, matchedBy: 'created', contact }
 */
export async function resolveEmail(tx: Tx, address: string, options: ResolveOptions = {}): Promise<Resolution | undefined> {
  const { email, local, domain } = normalizeEmail(address);
  const self = await getSelfCompany(tx);
  if (self && ownDomains(self).some((own) => domain === own || domain.endsWith(`.${own}`))) {
    return { company: self, matchedBy: 'self' };
  }
  const existing = await findContactByEmail(tx, email);
  if (existing) {
    const company = await getCompany(tx, existing.companyId);
    if (company) return { company, matchedBy: 'contact', contact: existing };
  }
  const byDomain = isFreeMailDomain(domain) ? undefined : await findByDomainOrParent(tx, domain);
  if (!options.create) return byDomain ? { company: byDomain, matchedBy: 'domain' } : undefined;

  const person = options.name?.trim() || nameFromLocalPart(local);
  const company =
    byDomain ??
    (await created(
      tx,
      isFreeMailDomain(domain)
        ? createCompany(tx, { name: person, kind: 'private', attributes: { email } })
        : createCompany(tx, { name: nameFromDomain(domain), kind: 'business', domain, websiteUrl: `https://${domain}` }),
      { email },
    ));
  const contact = await createContact(tx, { companyId: company.id, email, name: options.name?.trim() || null });
  await recordEvent(tx, { companyId: company.id, type: 'contact.added', actor: 'resolver', payload: { contact_id: contact.id, name: contact.name } });
  return { company, matchedBy: byDomain ? 'domain' : 'created', contact };
}

/**
 * Maps a domain or website URL to its company. A free-mail domain is refused: it
 * identifies no company, only its users' addresses do.
 *
 * @example
 * await resolveDomain(tx, 'https://www.jensens-vvs.dk/kontakt', { create: true });
 */
export async function resolveDomain(tx: Tx, input: string, options: ResolveOptions = {}): Promise<Resolution | undefined> {
  const domain = normalizeDomain(input);
  if (isFreeMailDomain(domain)) {
    throw new CrmError('validation_failed', `${domain} is a free-mail service; resolve the person's email address instead`);
  }
  const self = await getSelfCompany(tx);
  if (self && ownDomains(self).some((own) => domain === own || domain.endsWith(`.${own}`))) {
    return { company: self, matchedBy: 'self' };
  }
  const found = await findByDomainOrParent(tx, domain);
  if (found) return { company: found, matchedBy: 'domain' };
  if (!options.create) return undefined;
  const name = options.name?.trim() || nameFromDomain(domain);
  const company = await created(tx, createCompany(tx, { name, domain, websiteUrl: `https://${domain}` }), { domain });
  return { company, matchedBy: 'created' };
}

/**
 * Maps a Danish CVR number (any common spelling: `DK12345678`, `12 34 56 78`) to its company.
 *
 * @example
 * await resolveCvr(tx, 'DK 25313763', { create: true, name: 'Jensens VVS ApS' });
 */
export async function resolveCvr(tx: Tx, input: string, options: ResolveOptions = {}): Promise<Resolution | undefined> {
  const cvr = normalizeCvr(input);
  const found = await findCompanyBy(tx, 'cvr', cvr);
  if (found) return { company: found, matchedBy: found.kind === 'self' ? 'self' : 'cvr' };
  if (!options.create) return undefined;
  const company = await created(tx, createCompany(tx, { name: options.name?.trim() || `CVR ${cvr}`, cvr }), { cvr });
  return { company, matchedBy: 'created' };
}

/** Puts `company.created` on the timeline of a company the resolver made, with its evidence. */
async function created(tx: Tx, creating: Promise<Company>, evidence: Record<string, string>): Promise<Company> {
  const company = await creating;
  await recordEvent(tx, { companyId: company.id, type: 'company.created', actor: 'resolver', payload: { evidence } });
  return company;
}

/** The own company's domains: its `domain` and any listed in `attributes.own_domains`. */
export function ownDomains(self: Company): string[] {
  const extra = Array.isArray(self.attributes.own_domains) ? self.attributes.own_domains : [];
  const all = [self.domain, ...extra].filter((d): d is string => typeof d === 'string' && d.length > 0);
  return all.map((d) => d.toLowerCase());
}

/** `salg.firma.dk` finds the company of `firma.dk` when no company has the subdomain. */
async function findByDomainOrParent(tx: Tx, domain: string): Promise<Company | undefined> {
  const labels = domain.split('.');
  for (let i = 0; i <= labels.length - 2; i++) {
    const found = await findCompanyBy(tx, 'domain', labels.slice(i).join('.'));
    if (found) return found;
  }
  return undefined;
}
