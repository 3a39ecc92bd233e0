/**
 * The company's profiles on social networks, from the links on its pages and JSON-LD
 * `sameAs`. Share buttons ("facebook.com/sharer…", "twitter.com/intent/tweet") and links to a
 * single post point at the network, not at the company, and are left out.
 */
import { textsOf } from './jsonld.ts';
import type { ReadPage } from './read.ts';
import { sourced } from './read.ts';
import type { Sourced } from './types.ts';

interface Network {
  /** One spelling per profile: fb.com, m.facebook.com and da-dk.facebook.com are facebook.com. */
  canonical: string;
  hosts: RegExp;
  /** YouTube channel ids are case-sensitive; the other networks' names are not. */
  keepCase?: boolean;
  /** Whether a path (lower case, no trailing slash) is a profile rather than a share link, a post or the network's own page. */
  profile: (path: string, url: URL) => boolean;
  /** Query parameters that are part of the profile's address. */
  keep?: string[];
}

const first = (path: string) => path.split('/')[1] ?? '';

const NETWORKS: Network[] = [
  {
    canonical: 'facebook.com',
    hosts: /^(?:[a-z]{2,3}(?:-[a-z]{2})?\.|m\.|web\.)?(?:facebook|fb)\.com$/,
    profile: (path, url) =>
      (path === '/profile.php' && url.searchParams.has('id')) ||
      (/^\/[\p{L}\p{N}.\-]{2,}(?:\/|$)/u.test(path) &&
        !/^(?:sharer|sharer\.php|share|share\.php|dialog|plugins|tr|login|login\.php|l\.php|home\.php|events|watch|hashtag|photo|photo\.php|photos|story\.php|permalink\.php|groups|gaming|marketplace|help|policies|privacy|legal|ads|business|profile\.php)$/.test(first(path)) &&
        !/\/(?:posts|videos|photos|events)\//.test(path)),
    keep: ['id'],
  },
  { canonical: 'instagram.com', hosts: /^(?:m\.)?instagram\.com$/, profile: (path) => /^\/[a-z0-9._]{2,30}$/.test(path) && !/^\/(?:p|reel|reels|explore|stories|accounts|about|legal|tv|direct)$/.test(path) },
  {
    canonical: 'linkedin.com',
    hosts: /^(?:[a-z]{2}\.)?linkedin\.com$/,
    // The company's page; a person's profile (/in/…) belongs to an employee, not the company.
    profile: (path) => /^\/(?:company|showcase|school)\/[^/]+$/.test(path),
  },
  {
    canonical: 'x.com',
    hosts: /^(?:mobile\.)?(?:twitter|x)\.com$/,
    profile: (path) => /^\/[a-z0-9_]{1,15}$/.test(path) && !/^\/(?:intent|share|home|search|hashtag|i|explore|login|signup|settings|tos|privacy)$/.test(path),
  },
  {
    canonical: 'youtube.com',
    keepCase: true,
    hosts: /^(?:m\.)?youtube\.com$/,
    profile: (path) => /^\/(?:@[\p{L}\p{N}._-]+|(?:channel|c|user)\/[^/]+)$/u.test(path),
  },
  { canonical: 'tiktok.com', hosts: /^(?:m\.)?tiktok\.com$/, profile: (path) => /^\/@[a-z0-9._]{2,}$/.test(path) },
];

/**
 * A link as a profile address ('https://' + host without www + path, no query or fragment),
 * or undefined when it is no company profile.
 *
 * @example
 * socialProfile('https://www.facebook.com/JensensVVS/?ref=footer'); // 'https://facebook.com/jensensvvs'
 * socialProfile('https://www.facebook.com/sharer/sharer.php?u=https://jensens-vvs.dk'); // undefined
 */
export function socialProfile(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const network = NETWORKS.find((n) => n.hosts.test(host));
  if (!network) return undefined;
  let written: string;
  try {
    written = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  } catch {
    return undefined;
  }
  const path = written.toLowerCase();
  if (!path || !network.profile(path, url)) return undefined;
  const query = (network.keep ?? []).filter((k) => url.searchParams.has(k)).map((k) => `${k}=${encodeURIComponent(url.searchParams.get(k)!)}`);
  return `https://${network.canonical}${network.keepCase ? written : path}${query.length ? `?${query.join('&')}` : ''}`;
}

/**
 * The company's social profiles, each from the first page that links to it.
 *
 * @example
 * extractSocial([readPage({ url: 'https://jensens-vvs.dk/', html: '<a href="https://www.instagram.com/jensensvvs/">Instagram</a>', fetchedAt: '2026-03-01T09:00:00Z' })]);
 * // [{ value: 'https://instagram.com/jensensvvs', url: 'https://jensens-vvs.dk/', at: '2026-03-01T09:00:00.000Z' }]
 */
export function extractSocial(pages: ReadPage[]): Sourced<string>[] {
  const found = new Map<string, Sourced<string>>();
  const add = (href: string, page: ReadPage) => {
    const profile = socialProfile(href);
    if (profile && !found.has(profile)) found.set(profile, sourced(profile, page));
  };
  for (const page of pages) {
    for (const a of Array.from(page.doc.querySelectorAll('a[href]'))) add(a.getAttribute('href') ?? '', page);
    for (const entity of page.jsonld) for (const href of textsOf(entity.sameAs)) add(href, page);
  }
  return [...found.values()];
}
