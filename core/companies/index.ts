/**
 * Companies: the shared customer key. Store, resolver (email, domain, CVR → company),
 * merge, and the own (`self`) company.
 */
export { FREE_MAIL_DOMAINS, isFreeMailDomain } from './free-mail.ts';
export { mergeCompanies, type MergeResult } from './merge.ts';
export { nameFromDomain, normalizeCvr, normalizeDomain, normalizeEmail } from './normalize.ts';
export { ownDomains, resolveCvr, resolveDomain, resolveEmail, type Resolution, type ResolveOptions } from './resolver.ts';
export { ensureSelfCompany } from './self.ts';
export {
  type Company,
  type CompanyInput,
  type CompanyQuery,
  createCompany,
  deleteCompany,
  getCompany,
  getSelfCompany,
  listCompanies,
  requireCompany,
  updateCompany,
} from './store.ts';
