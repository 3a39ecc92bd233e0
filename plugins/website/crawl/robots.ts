import { createRequire } from 'node:module';
import type { SafeFetch } from '../../../plugin-api.d.ts';

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}
// A CommonJS module whose types claim a default export; required, it is the function itself.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => ParsedRobots;

/** The product token robots.txt rules name (`User-agent: open-crm-crawler`). */
export const ROBOTS_AGENT = 'open-crm-crawler';

/** What a site's robots.txt says to us. */
export interface RobotsRules {
  /** The robots.txt URL and how it answered (404 = no rules). */
  url: string;
  status: number | null;
  isAllowed(url: string): boolean;
  /** Seconds between requests the site asks for, if it does. */
  crawlDelay: number | null;
  sitemaps: string[];
  /** Why everything is disallowed, when it is (robots.txt unreachable or 5xx). */
  blockedReason: string | null;
}

/**
 * Reads an origin's robots.txt the way RFC 9309 says: 4xx (none there) allows everything;
 * 5xx or no answer disallows everything for this crawl (the site may be in trouble, and a
 * crawler that takes silence for permission is the one site owners block); rules for our own
 * agent win over `*`.
 *
 * @example
 * const robots = await readRobots(ctx.fetch, 'https://firma.dk', { userAgent, timeoutMs: 10_000 });
 * robots.isAllowed('https://firma.dk/intern/'); // false
 */
export async function readRobots(fetch: SafeFetch, origin: string, options: { userAgent: string; timeoutMs: number; signal?: AbortSignal }): Promise<RobotsRules> {
  const url = new URL('/robots.txt', origin).href;
  let status: number | null = null;
  let text = '';
  try {
    const response = await fetch(url, { headers: { 'user-agent': options.userAgent }, timeoutMs: options.timeoutMs, maxBytes: 512 * 1024, signal: options.signal });
    status = response.status;
    text = response.ok ? await response.text() : '';
    if (!response.ok) await response.body?.cancel().catch(() => {});
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return blocked(url, null, `robots.txt could not be read (${(error as Error).message})`);
  }
  if (status >= 500) return blocked(url, status, `robots.txt answered ${status}`);
  const parsed = robotsParser(url, status >= 200 && status < 300 ? text : '');
  const delay = parsed.getCrawlDelay(ROBOTS_AGENT);
  return {
    url, status,
    isAllowed: (target) => parsed.isAllowed(target, ROBOTS_AGENT) !== false,
    crawlDelay: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : null,
    sitemaps: parsed.getSitemaps(),
    blockedReason: null,
  };
}

function blocked(url: string, status: number | null, reason: string): RobotsRules {
  return { url, status, isAllowed: () => false, crawlDelay: null, sitemaps: [], blockedReason: reason };
}
