/**
 * Structured data (schema.org JSON-LD) in a page: the most reliable source there is for a
 * company's name, address and VAT number, when a site has it. Real-world blocks are often
 * sloppy (several objects, `@graph`, arrays, HTML comments, a trailing comma), so each is read
 * on its own and a broken one is skipped rather than failing the page.
 */
import type { HtmlDocument } from './text.ts';

/**
 * A JSON-LD object with a `@type`.
 *
 * @example
 * const org: JsonLdEntity = { '@type': 'Plumber', name: 'Jensens VVS ApS' };
 */
export type JsonLdEntity = Record<string, unknown> & { '@type'?: unknown };

/**
 * Every typed object in the page's JSON-LD, nested ones included (an Organization's
 * `address` is an object of its own), outermost first.
 *
 * @example
 * jsonLdEntities(parseHtml('<script type="application/ld+json">{"@type":"Organization","name":"X"}</script>'));
 * // [{ '@type': 'Organization', name: 'X' }]
 */
export function jsonLdEntities(doc: HtmlDocument): JsonLdEntity[] {
  const found: JsonLdEntity[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const obj = value as Record<string, unknown>;
    if (obj['@type'] !== undefined) found.push(obj);
    for (const [key, child] of Object.entries(obj)) if (key !== '@context') visit(child, depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^\s*application\/ld\+json\s*$/i.test(script.getAttribute('type') ?? '')) continue;
    const parsed = parseLoose(script.textContent ?? '');
    if (parsed !== undefined) visit(parsed, 0);
  }
  return found;
}

function parseLoose(text: string): unknown {
  const cleaned = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim();
  for (const attempt of [cleaned, cleaned.replace(/,\s*([}\]])/g, '$1')]) {
    try {
      return JSON.parse(attempt);
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

/**
 * An entity's types as plain names, without a schema.org prefix.
 *
 * @example
 * typesOf({ '@type': ['https://schema.org/Plumber', 'LocalBusiness'] }); // ['Plumber', 'LocalBusiness']
 */
export function typesOf(entity: JsonLdEntity): string[] {
  const raw = entity['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//i, '').replace(/^schema:/i, ''));
}

/**
 * Types that describe a page or a thing on it rather than a business. Anything else that has a
 * name plus something only a business has (address, phone, VAT number) is taken for one:
 * schema.org has hundreds of LocalBusiness subtypes (Plumber, RoofingContractor, Dentist…),
 * too many to list.
 */
const NOT_A_BUSINESS = new Set([
  'WebSite', 'WebPage', 'AboutPage', 'ContactPage', 'CollectionPage', 'ItemPage', 'FAQPage', 'SearchResultsPage', 'BreadcrumbList', 'ListItem', 'SiteNavigationElement',
  'Person', 'Product', 'Offer', 'AggregateOffer', 'AggregateRating', 'Rating', 'Review', 'ImageObject', 'VideoObject', 'MediaObject', 'Article', 'BlogPosting', 'NewsArticle',
  'Event', 'Question', 'Answer', 'HowTo', 'Recipe', 'SearchAction', 'ReadAction', 'EntryPoint', 'PostalAddress', 'GeoCoordinates', 'ContactPoint', 'OpeningHoursSpecification',
  'PropertyValue', 'Place', 'Country', 'City', 'State', 'AdministrativeArea', 'Service', 'Brand', 'Thing', 'CreativeWork', 'Language', 'QuantitativeValue', 'MonetaryAmount',
]);
const BUSINESS_TYPES =
  /(?:Organization|Organisation|Corporation|Business|Company|Store|Shop|Contractor|Service|Agency|Office|Clinic|Restaurant|Firm|Plumber|Electrician|Locksmith|Dentist|Physician|Optician|Pharmacy|Attorney|Notary|Bakery|Brewery|Winery|Florist|Hotel|Motel|Hostel|Gym|HealthClub|Dealer|Cafe|CafeOrCoffeeShop|BarOrPub|Salon|Spa|Painter|Roofer|Mover|Hospital)$/;
const BUSINESS_FIELDS = [
  'address', 'telephone', 'vatID', 'taxID', 'legalName', 'email', 'foundingDate', 'founder', 'numberOfEmployees', 'sameAs', 'logo', 'openingHours', 'openingHoursSpecification', 'geo', 'areaServed',
  'knowsAbout', 'contactPoint', 'priceRange', 'paymentAccepted', 'hasMap', 'duns', 'naics', 'leiCode', 'makesOffer', 'hasOfferCatalog', 'employee', 'department', 'parentOrganization',
];

/**
 * Whether an entity is the business itself (an Organization, a LocalBusiness or one of their
 * many subtypes).
 *
 * @example
 * isBusiness({ '@type': 'Plumber', name: 'Jensens VVS', telephone: '+45 86 12 34 56' }); // true
 * isBusiness({ '@type': 'WebSite', name: 'Jensens VVS' }); // false
 */
export function isBusiness(entity: JsonLdEntity): boolean {
  const types = typesOf(entity);
  if (types.length === 0 || types.every((t) => NOT_A_BUSINESS.has(t))) return false;
  if (types.some((t) => BUSINESS_TYPES.test(t) && !NOT_A_BUSINESS.has(t))) return true;
  return BUSINESS_FIELDS.some((field) => entity[field] !== undefined);
}

/**
 * A JSON-LD value as text: a string, a number, or an object's `name`/`@value`; the first of
 * an array.
 *
 * @example
 * textOf([{ '@value': 'Jensens VVS ApS' }]); // 'Jensens VVS ApS'
 */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = textOf(item);
      if (text) return text;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return textOf(obj['@value']) ?? textOf(obj.name);
  }
  return undefined;
}

/**
 * A JSON-LD value as a list of texts (a string, an array, objects with names).
 *
 * @example
 * textsOf(['VVS', { name: 'Varmepumper' }]); // ['VVS', 'Varmepumper']
 */
export function textsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map(textOf).filter((t): t is string => Boolean(t));
}
