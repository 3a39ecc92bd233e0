/**
 * A company profile from a few fetched pages of its website: each extractor reads the parsed
 * pages, and every value keeps the page it came from. Pure: no network, no database.
 */
import { extractAddress } from './address.ts';
import { extractCvr, findCvrNumbers } from './cvr.ts';
import { extractDescription } from './description.ts';
import { extractEmails } from './emails.ts';
import { extractKeywords } from './keywords.ts';
import { extractLanguages } from './languages.ts';
import { extractName } from './name.ts';
import { extractPhones } from './phones.ts';
import { readPage } from './read.ts';
import { extractSocial } from './social.ts';
import type { CompanyProfile, FetchedPage } from './types.ts';

/**
 * The profile the pages describe. Pages are read in the order given (the front page first,
 * as the crawler fetches it): where several pages say something, the first one is the source.
 *
 * @example
 * const profile = extractProfile([{ url: 'https://jensens-vvs.dk/', html, fetchedAt: '2026-03-01T09:00:00Z' }]);
 * profile.cvr; // { value: '25313763', url: 'https://jensens-vvs.dk/', at: '2026-03-01T09:00:00.000Z' }
 */
export function extractProfile(pages: FetchedPage[]): CompanyProfile {
  const read = pages.map(readPage);
  const { name, legalName } = extractName(read);
  // Every number labelled CVR/VAT, valid or not, is not a phone number even where the layout
  // hides the label from the phone rules (a label in one table cell, the number in the next).
  const cvrNumbers = new Set(read.flatMap((page) => findCvrNumbers(page.lines.join('\n')).map((f) => f.digits)));
  const profile: CompanyProfile = {
    name,
    description: extractDescription(read),
    keywords: extractKeywords(read, name?.value),
    emails: extractEmails(read),
    phones: extractPhones(read, cvrNumbers),
    address: extractAddress(read),
    cvr: extractCvr(read),
    social: extractSocial(read),
    languages: extractLanguages(read),
  };
  if (legalName) profile.legalName = legalName;
  return profile;
}
