import { getDomain } from 'tldts';

/**
 * Query parameters that only say where a visitor came from, or whose session it is: a URL with
 * them is the same page as the URL without (`utm_*`, the click ids of ad and mail platforms,
 * session ids of PHP, Java, ASP and ColdFusion sites).
 */
const TRACKING = /^(?:utm_[a-z0-9_]+|phpsessid|jsessionid|aspsessionid[a-z]*|sessionid|cfid|cftoken|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|hsctatracking|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wickedid|rb_clickid|s_kwcid|srsltid|trk|trkcampaign|sc_campaign|ref_src)$/i;

/**
 * The one spelling of a URL, so a page is fetched once however it is linked: lower-case
 * scheme and host (the URL parser does both, and punycodes the host), no default port, no
 * fragment, no tracking parameters, the other parameters sorted, no trailing slash (except
 * the root). Null for what is not an http(s) URL.
 *
 * @example
 * normalizeUrl('HTTPS://WWW.Firma.dk:443/om-os/?utm_source=x&b=2&a=1#team'); // 'https://www.firma.dk/om-os?a=1&b=2'
 */
export function normalizeUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  // A Java session id in the path (`/side;jsessionid=ABC`) is a session, not a page.
  url.pathname = url.pathname.replace(/;jsessionid=[^/?]*/gi, '');
  url.username = '';
  url.password = '';
  const params = [...url.searchParams].filter(([key]) => !TRACKING.test(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = params.length ? new URLSearchParams(params).toString() : '';
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return url.href;
}

/**
 * Which site a URL belongs to: its registrable domain by the public suffix list (`www.` and
 * the bare domain are one site, `blog.firma.dk` too; `firma.github.io` is its own site, as
 * the list's private section says), or host and port for IP addresses and single-label hosts.
 *
 * @example
 * siteKey('https://www.jensens-vvs.dk/kontakt'); // 'jensens-vvs.dk'
 * siteKey('http://127.0.0.1:8080/');             // '127.0.0.1:8080'
 */
export function siteKey(input: string): string {
  const url = new URL(input);
  const domain = getDomain(url.hostname, { allowPrivateDomains: true });
  return domain ?? url.host;
}

/** True when both URLs are on the same site ({@link siteKey}). */
export function sameSite(a: string, b: string): boolean {
  try {
    return siteKey(a) === siteKey(b);
  } catch {
    return false;
  }
}

/**
 * A path pattern of a crawl's include/exclude lists as a test of a URL: `*` is any run of
 * characters, a pattern without `*` matches that path and everything under it; patterns
 * match the path with its query (`/blog/*`, `*.php`, `/shop?side=*`).
 *
 * @example
 * pathMatcher('/intern')('https://firma.dk/intern/løn'); // true
 */
export function pathMatcher(pattern: string): (url: string) => boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  const source = pattern.includes('*') ? `^${escaped.join('.*')}$` : `^${escaped[0]}(?:[/?#].*)?$`;
  const re = new RegExp(source, 'i');
  return (url) => {
    const { pathname, search } = new URL(url);
    const path = decodeURIComponentSafe(pathname) + search;
    return re.test(path) || (!pattern.includes('*') && re.test(decodeURIComponentSafe(pathname)));
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The file name a URL ends in (for documents), or a fallback from the host. */
export function fileNameOf(url: string, fallback = 'file'): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponentSafe(last).slice(0, 200) : fallback;
}
