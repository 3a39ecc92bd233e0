/**
 * Email addresses on a company's pages: mailto: links, JSON-LD, Cloudflare's hidden addresses
 * and addresses in the text, also the spelt-out kind ('info [at] firma [dot] dk',
 * 'info(at)firma.dk') that sites use against spam harvesters. Build tools and CDNs leave
 * address-shaped strings in pages (logo@2x.png, Sentry keys at wixpress.com, placeholders at
 * example.com); those are not the company's.
 */
import { getDomain } from 'tldts';
import type { ReadPage } from './read.ts';
import { sourced } from './read.ts';
import { textsOf } from './jsonld.ts';
import type { Sourced } from './types.ts';

/** Bounded as the standard bounds them (64 for the mailbox, 63 a label): unbounded, a long word without '@' made the search quadratic. */
const EMAIL = /[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}@[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?){0,8}\.\p{L}{2,24}/gu;
/** What follows the last dot of a file name, never of a domain. */
const FILE_ENDINGS = /\.(?:png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|heic|css|js|mjs|json|map|mp4|webm|mov|mp3|woff2?|ttf|eot|pdf|zip|php|html?|aspx?)$/i;
/** Domains of tools and documentation examples rather than of anyone's mailbox. */
const JUNK_DOMAINS = /(?:^|\.)(?:sentry\.io|sentry-next\.wixpress\.com|wixpress\.com|sentry\.[\p{L}.]+|example\.(?:com|org|net|dk)|eksempel\.dk|domain\.(?:com|dk|tld)|yourdomain\.[a-z]+|ditdomaene\.dk|test\.(?:com|dk)|localhost)$/u;
/** Placeholders in contact forms ("din@email.dk"). */
const PLACEHOLDER = /^(?:din|dit|navn|dinmail|dinemail|name|your|yourname|youremail|you|user|username|email|e-mail|mail|john\.?doe|jane\.?doe|fornavn\.?efternavn)@(?:e-?mail|mail|domain|domæne|firma)\.[a-z]+$/;

/**
 * Spelt-out addresses written the normal way: '[at]', '(at)', '{snabel-a}', ' at ' with
 * ' dot '; '[dot]', '(punktum)'.
 *
 * @example
 * deobfuscate('info [at] jensens-vvs [dot] dk'); // 'info@jensens-vvs.dk'
 */
export function deobfuscate(text: string): string {
  return text
    .replace(/\s*[[({<]\s*(?:at|snabel-?a|@)\s*[\])}>]\s*/gi, '@')
    .replace(/\s*[[({<]\s*(?:dot|punktum|prik|\.)\s*[\])}>]\s*/gi, '.')
    // Bare words only when both are there: 'meet us at the fair' has no ' dot '.
    .replace(/\b([\p{L}\p{N}._%+-]{1,64})\s+(?:at|snabel-a)\s+([\p{L}\p{N}-]{1,63}(?:\s+(?:dot|punktum)\s+[\p{L}\p{N}-]{1,63}){1,8})\b/giu, (_, local: string, domain: string) => `${local}@${domain.replace(/\s+(?:dot|punktum)\s+/gi, '.')}`);
}

/**
 * Every address-shaped string in a text, spelt-out ones included, as written.
 *
 * @example
 * findEmails('Skriv til info(at)jensens-vvs.dk eller se logo@2x.png'); // ['info@jensens-vvs.dk', 'logo@2x.png']
 */
export function findEmails(text: string): string[] {
  if (!/@|\b(?:at|snabel-?a)\b/i.test(text)) return [];
  return [...deobfuscate(text).matchAll(EMAIL)].map((m) => m[0].replace(/(\.\p{Ll}+)\p{Lu}.*$/u, '$1'));
}

/**
 * An address lower-cased and checked: undefined for file names, tool domains and
 * placeholders.
 *
 * @example
 * cleanEmail(' Info@Jensens-VVS.dk '); // 'info@jensens-vvs.dk'
 * cleanEmail('logo@2x.png'); // undefined
 */
export function cleanEmail(raw: string): string | undefined {
  const email = raw.trim().replace(/^mailto:/i, '').replace(/[.,;:]+$/, '').toLowerCase();
  const at = email.lastIndexOf('@');
  if (at < 1 || email.indexOf('@') !== at || email.length > 254) return undefined;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!/^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,24}$/u.test(domain)) return undefined;
  if (FILE_ENDINGS.test(domain) || JUNK_DOMAINS.test(domain) || PLACEHOLDER.test(email)) return undefined;
  // Sentry and similar keys: a long hex string is nobody's mailbox name.
  if (/^[0-9a-f]{16,}$/.test(local)) return undefined;
  return email;
}

function mailtoAddresses(href: string): string[] {
  let rest = href.replace(/^\s*mailto:/i, '').split('?')[0] ?? '';
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // keep it encoded; the pattern check below decides
  }
  return rest.split(/[,;]/);
}

/** Cloudflare's email protection: the first byte is the key the others are XORed with. */
function cloudflareEmail(hex: string): string | undefined {
  if (!/^(?:[0-9a-f]{2}){2,}$/i.test(hex)) return undefined;
  const key = parseInt(hex.slice(0, 2), 16);
  const bytes = new Uint8Array(hex.length / 2 - 1);
  for (let i = 2; i < hex.length; i += 2) bytes[i / 2 - 1] = parseInt(hex.slice(i, i + 2), 16) ^ key;
  return new TextDecoder().decode(bytes);
}

/**
 * The registrable domains of the company's own site ('jensens-vvs.dk' for
 * https://www.jensens-vvs.dk/kontakt).
 *
 * @example
 * siteDomains(['https://www.jensens-vvs.dk/', 'https://shop.jensens-vvs.dk/']); // ['jensens-vvs.dk']
 */
export function siteDomains(urls: string[]): string[] {
  const domains = urls.map((url) => {
    try {
      const host = new URL(url).hostname.toLowerCase();
      return getDomain(host) ?? host.replace(/^www\./, '');
    } catch {
      return '';
    }
  });
  return [...new Set(domains.filter(Boolean))];
}

/**
 * The company's email addresses, each from the first page it was seen on: lower case, no
 * duplicates, addresses at the company's own domain before others (a site also lists its web
 * agency's or a partner's).
 *
 * @example
 * extractEmails([readPage({ url: 'https://jensens-vvs.dk/kontakt', html: '<a href="mailto:Info@Jensens-VVS.dk">Skriv</a>', fetchedAt: '2026-03-01T09:00:00Z' })]);
 * // [{ value: 'info@jensens-vvs.dk', url: 'https://jensens-vvs.dk/kontakt', at: '2026-03-01T09:00:00.000Z' }]
 */
export function extractEmails(pages: ReadPage[]): Sourced<string>[] {
  const found = new Map<string, Sourced<string>>();
  const add = (raw: string, page: ReadPage) => {
    const email = cleanEmail(raw);
    if (email && !found.has(email)) found.set(email, sourced(email, page));
  };
  for (const page of pages) {
    for (const a of Array.from(page.doc.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href') ?? '';
      if (/^\s*mailto:/i.test(href)) for (const raw of mailtoAddresses(href)) add(raw, page);
      const cf = /\/cdn-cgi\/l\/email-protection#([0-9a-f]+)/i.exec(href);
      if (cf?.[1]) add(cloudflareEmail(cf[1]) ?? '', page);
    }
    for (const el of Array.from(page.doc.querySelectorAll('[data-cfemail]'))) add(cloudflareEmail(el.getAttribute('data-cfemail') ?? '') ?? '', page);
    for (const entity of page.jsonld) for (const raw of textsOf(entity.email)) add(raw, page);
    for (const line of page.lines) for (const raw of findEmails(line)) add(raw, page);
  }
  const own = siteDomains(pages.map((p) => p.url));
  const isOwn = (email: string) => {
    const domain = email.slice(email.lastIndexOf('@') + 1);
    return own.some((d) => domain === d || domain.endsWith(`.${d}`));
  };
  const all = [...found.values()];
  return [...all.filter((e) => isOwn(e.value)), ...all.filter((e) => !isOwn(e.value))];
}
