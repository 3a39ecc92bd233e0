/**
 * The crawler's user agent: the product and where a site owner reads who we are and how to
 * stop us (robots.txt rules name the `open-crm-crawler` token).
 *
 * @example
 * userAgent('https://firma.dk/crawler'); // 'Mozilla/5.0 (compatible; open-crm-crawler/1.0; +https://firma.dk/crawler)'
 */
export function userAgent(contactUrl: string): string {
  return `Mozilla/5.0 (compatible; open-crm-crawler/1.0; +${contactUrl})`;
}
