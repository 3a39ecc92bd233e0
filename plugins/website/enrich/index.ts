/**
 * Company profiles from a customer's website. The crawler fetches the front page, asks
 * {@link pickProfilePages} which of its links to fetch next, and hands the pages to
 * {@link extractProfile}: name, description, keywords, emails, phones, address, CVR, social
 * profiles and languages, each with the page it came from. Pure functions: no network, no
 * database.
 *
 * @example
 * import { extractProfile, pickProfilePages } from './enrich/index.ts';
 * const next = pickProfilePages(frontPageLinks, 'https://jensens-vvs.dk/');
 * const profile = extractProfile([front, ...fetched]);
 */
export { pickProfilePages, classifyPage, type PageKind } from './pages.ts';
export { extractProfile } from './profile.ts';
export { isValidCvr } from './cvr.ts';
export { normalisePhone } from './phones.ts';
export type { CompanyProfile, FetchedPage, PageLink, PostalAddress, Sourced } from './types.ts';
