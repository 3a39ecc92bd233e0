/**
 * The shapes the enrichment hands back. Every value carries the page it was read from and when
 * that page was fetched, so that a profile field can always be shown with its source and a
 * stale one re-checked.
 */

/**
 * A value with where it came from.
 *
 * @example
 * const cvr: Sourced<string> = { value: '25313763', url: 'https://jensens-vvs.dk/', at: '2026-03-01T09:00:00.000Z' };
 */
export interface Sourced<T> {
  value: T;
  /** The page the value was read from. */
  url: string;
  /** When that page was fetched (ISO 8601). */
  at: string;
}

/**
 * A postal address; `country` is an ISO 3166-1 alpha-2 code where one is known ('DK' for the
 * Danish pattern), else the text the page gave.
 *
 * @example
 * const a: PostalAddress = { street: 'Industrivej 12', postalCode: '8260', city: 'Viby J', country: 'DK' };
 */
export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
  country: 'DK' | string;
}

/**
 * What a few pages of a company's website say about the company.
 *
 * @example
 * const p: CompanyProfile = extractProfile(pages);
 * p.cvr?.value; // '25313763'
 */
export interface CompanyProfile {
  name: Sourced<string> | null;
  /** Only when a legal name distinct from `name` was found. */
  legalName?: Sourced<string>;
  description: Sourced<string> | null;
  keywords: Sourced<string[]> | null;
  emails: Sourced<string>[];
  /** E.164, e.g. '+4586123456'. */
  phones: Sourced<string>[];
  address: Sourced<PostalAddress> | null;
  cvr: Sourced<string> | null;
  social: Sourced<string>[];
  /** Primary language codes: 'da', 'en', 'de'. */
  languages: Sourced<string[]> | null;
  /**
   * A summary written by a language model from the pages, when the caller has one configured;
   * `extractProfile` never sets it (it only reads what the pages say).
   */
  summary?: Sourced<string>;
}

/**
 * A page as the crawler fetched it.
 *
 * @example
 * const page: FetchedPage = { url: 'https://jensens-vvs.dk/', html: '<html>…</html>', fetchedAt: '2026-03-01T09:00:00Z' };
 */
export interface FetchedPage {
  url: string;
  html: string;
  /** ISO 8601. */
  fetchedAt: string;
}

/**
 * A link on the front page, as the crawler found it.
 *
 * @example
 * const link: PageLink = { url: '/om-os', text: 'Om os' };
 */
export interface PageLink {
  url: string;
  text: string;
}
