import type { CompanyService } from '../../../plugin-api.d.ts';
import { findByHint, resolveHint } from '../../companies/hint.ts';
import { resolveEmail } from '../../companies/resolver.ts';
import { contactOut } from '../../contacts/schemas.ts';
import { companyOut } from '../../companies/schemas.ts';
import { mergeCompanies } from '../../companies/merge.ts';
import { createCompany, findCompanyBy, getCompany, getSelfCompany, requireCompany, updateCompany } from '../../companies/store.ts';
import { normalizeCvr } from '../../companies/normalize.ts';
import { recordEvent } from '../../events/store.ts';
import { scope } from '../../db/scope/index.ts';
import { CrmError } from '../../errors/index.ts';
import { isUuid } from '../../ids/index.ts';
import type { HostServices } from './services.ts';

/**
 * Companies for plugins: the resolver (which must see every company to find a match) and
 * lookups, returning companies as the API shows them.
 *
 * @example
 * const { company } = await companyService(services, 'csv-leads').resolve({ name: 'Jensens VVS', cvr: '25313763' });
 */
export function companyService(services: Pick<HostServices, 'db' | 'bus'>, pluginId: string): CompanyService {
  const actor = `plugin:${pluginId}`;
  const all = scope(services.db, 'all');
  return {
    async resolve(hint) {
      const result = await all.run((tx) => resolveHint(tx, hint));
      if (result.created) services.bus.publish('company.created', { companyId: result.company.id, name: result.company.name });
      return { company: companyOut(result.company), created: result.created };
    },
    async resolveEmail(address, options = {}) {
      const found = await all.run((tx) => resolveEmail(tx, address, options));
      if (!found) return null;
      if (found.matchedBy === 'created') services.bus.publish('company.created', { companyId: found.company.id, name: found.company.name });
      // With `create`, a match by domain or a new company came with a new contact.
      if (options.create && (found.matchedBy === 'created' || found.matchedBy === 'domain') && found.contact) {
        services.bus.publish('contact.added', { companyId: found.company.id, contactId: found.contact.id, email: found.contact.email });
      }
      return { company: companyOut(found.company), contact: found.contact ? contactOut(found.contact) : null, matchedBy: found.matchedBy };
    },
    async find(hint) {
      const company = await all.run((tx) => findByHint(tx, hint ?? {}));
      return company ? companyOut(company) : null;
    },
    async get(id) {
      if (!isUuid(id)) return null;
      const company = await all.run((tx) => getCompany(tx, id));
      return company ? companyOut(company) : null;
    },
    async createVisitor(input = {}) {
      const company = await all.run(async (tx) => {
        const created = await createCompany(tx, { name: input.name?.trim() || 'Website visitor', kind: 'visitor', attributes: input.attributes ?? {} });
        await recordEvent(tx, { companyId: created.id, type: 'company.created', actor, payload: { kind: 'visitor' } });
        return created;
      });
      services.bus.publish('company.created', { companyId: company.id, name: company.name });
      return companyOut(company);
    },
    async updateVisitor(id, input) {
      if (!isUuid(id)) throw new CrmError('not_found', `Company ${id} not found`);
      const company = await all.run(async (tx) => {
        const current = await requireCompany(tx, id);
        if (current.kind !== 'visitor') throw new CrmError('conflict', `Company ${id} is not a provisional visitor company`);
        return updateCompany(tx, id, {
          ...(input.name?.trim() ? { name: input.name.trim().slice(0, 300) } : {}),
          ...(input.attributes ? { attributes: { ...current.attributes, ...input.attributes } } : {}),
        });
      });
      return companyOut(company);
    },
    async enrich(id, input) {
      if (!isUuid(id)) throw new CrmError('not_found', `Company ${id} not found`);
      return all.run(async (tx) => {
        const current = await requireCompany(tx, id);
        const patch: Parameters<typeof updateCompany>[2] = {};
        if (input.attributes && Object.keys(input.attributes).length) patch.attributes = { ...current.attributes, ...input.attributes };
        const cvr = input.cvr ? validCvr(input.cvr) : null;
        // A found CVR fills a gap; it never replaces staff's value, nor moves one from another company.
        if (cvr && !current.cvr && !(await findCompanyBy(tx, 'cvr', cvr))) patch.cvr = cvr;
        if (input.website_url && !current.websiteUrl && /^https?:\/\//i.test(input.website_url)) patch.websiteUrl = input.website_url.slice(0, 2000);
        const applied = Object.keys(patch).map((key) => (key === 'websiteUrl' ? 'website_url' : key));
        const company = applied.length ? await updateCompany(tx, id, patch) : current;
        return { company: companyOut(company), applied };
      });
    },
    async merge(fromId, intoId) {
      const result = await all.run((tx) => mergeCompanies(tx, fromId, intoId, actor));
      services.bus.publish('company.merged', { companyId: intoId, mergedId: fromId });
      return { company: companyOut(result.company), moved: result.moved };
    },
    async self() {
      const company = await all.run((tx) => getSelfCompany(tx));
      if (!company) throw new CrmError('internal', 'The own company (kind self) is missing; the first start creates it');
      return companyOut(company);
    },
  };
}

/** The CVR number, or null when it is not a valid one (a source's mistake is not an error here). */
function validCvr(input: string): string | null {
  try {
    return normalizeCvr(input);
  } catch {
    return null;
  }
}
