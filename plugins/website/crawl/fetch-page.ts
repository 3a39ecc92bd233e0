import type { SafeFetch } from '../../../plugin-api.d.ts';
import { retryAfterMs } from './hosts.ts';
import { normalizeUrl, sameSite } from './url.ts';

/** What fetching one URL came to. */
export type Fetched =
  | { kind: 'ok'; url: string; status: number; contentType: string; body: Uint8Array; etag: string | null; lastModified: string | null; redirectedFrom: string[]; robotsTag: string | null }
  | { kind: 'not_modified'; url: string; etag: string | null; lastModified: string | null }
  | { kind: 'gone'; url: string; status: number }
  | { kind: 'retry'; reason: string; detail: string; status: number | null; waitMs: number | null }
  | { kind: 'skip'; reason: string; detail: string; status?: number };

export interface FetchPageOptions {
  fetch: SafeFetch;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** A page's validators from the last crawl, for a conditional request (also of a redirect's target). */
  validators?: (url: string) => Promise<{ etag: string | null; lastModified: string | null } | undefined>;
  /** Whether robots.txt lets us fetch a redirect's target. */
  allowed: (url: string) => boolean;
  /** Whether a content type is worth its body (others are skipped without reading it). */
  wanted: (contentType: string, url: string) => boolean;
  signal?: AbortSignal;
}

/**
 * Fetches one URL the way a polite crawler does: a conditional request when we have the
 * page's validators, redirects followed one hop at a time (each target must be on the same
 * site and allowed by robots.txt; a URL seen twice is a loop), the body read only for content
 * worth having and only up to the size limit. Transient trouble (timeouts, 5xx, 429) comes
 * back as `retry`, with the wait the server asked for.
 *
 * @example
 * const page = await fetchPage('https://firma.dk/priser', { fetch: ctx.fetch, userAgent, timeoutMs: 20_000, maxBytes: 10e6, maxRedirects: 5, allowed, wanted });
 * if (page.kind === 'ok') extract(page.body);
 */
export async function fetchPage(startUrl: string, o: FetchPageOptions): Promise<Fetched> {
  const chain: string[] = [];
  let url = startUrl;
  for (;;) {
    chain.push(url);
    const headers: Record<string, string> = { 'user-agent': o.userAgent, accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5', 'accept-language': 'da,en;q=0.8' };
    const validators = await o.validators?.(normalizeUrl(url) ?? url);
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    let response: Response;
    try {
      response = await o.fetch(url, { headers, timeoutMs: o.timeoutMs, maxBytes: o.maxBytes, redirect: 'manual', signal: o.signal });
    } catch (error) {
      if (o.signal?.aborted) throw error;
      return failure(error);
    }
    const status = response.status;
    if (status >= 300 && status < 400 && status !== 304) {
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get('location');
      if (!location) return { kind: 'skip', reason: 'http_error', detail: `HTTP ${status} without a Location`, status };
      const target = new URL(location, url).href;
      const normalTarget = normalizeUrl(target);
      if (!normalTarget) return { kind: 'skip', reason: 'redirect_elsewhere', detail: `redirected to ${location}`, status };
      if (!sameSite(normalTarget, startUrl)) return { kind: 'skip', reason: 'redirect_off_site', detail: `redirected to ${normalTarget}`, status };
      if (chain.includes(target) || chain.filter((c) => normalizeUrl(c) === normalTarget).length > 1) return { kind: 'skip', reason: 'redirect_loop', detail: [...chain, target].join(' → '), status };
      if (chain.length > o.maxRedirects) return { kind: 'skip', reason: 'too_many_redirects', detail: `more than ${o.maxRedirects} redirects from ${startUrl}`, status };
      if (!o.allowed(target) || !o.allowed(normalTarget)) return { kind: 'skip', reason: 'disallowed', detail: `redirected to ${normalTarget}, which robots.txt disallows`, status };
      url = target;
      continue;
    }
    const finalUrl = normalizeUrl(url) ?? url;
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (status === 304) return { kind: 'not_modified', url: finalUrl, etag, lastModified };
    if (status === 404 || status === 410) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'gone', url: finalUrl, status };
    }
    if (status === 429 || status >= 500) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'retry', reason: status === 429 ? 'rate_limited' : 'server_error', detail: `HTTP ${status}`, status, waitMs: retryAfterMs(response.headers.get('retry-after')) };
    }
    if (status < 200 || status >= 300) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'skip', reason: 'http_error', detail: `HTTP ${status}`, status };
    }
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    if (!o.wanted(contentType, finalUrl)) {
      await response.body?.cancel().catch(() => {});
      return { kind: 'skip', reason: 'content_type', detail: contentType.split(';')[0]?.trim() || 'no content type', status };
    }
    try {
      const body = new Uint8Array(await response.arrayBuffer());
      return { kind: 'ok', url: finalUrl, status, contentType, body, etag, lastModified, redirectedFrom: chain.slice(0, -1), robotsTag: response.headers.get('x-robots-tag') };
    } catch (error) {
      if (o.signal?.aborted) throw error;
      return failure(error);
    }
  }
}

/** A fetch error as a verdict: too big and refused addresses are final, the rest may pass. */
function failure(error: unknown): Fetched {
  const e = error as Error & { code?: string };
  const cause = (e.cause ?? {}) as { code?: string };
  const message = e.message ?? String(error);
  if (e.code === 'payload_too_large' || cause.code === 'payload_too_large') return { kind: 'skip', reason: 'too_large', detail: message };
  if (e.code === 'forbidden') return { kind: 'skip', reason: 'private_address', detail: message };
  if (e.code === 'bad_request') return { kind: 'skip', reason: 'bad_url', detail: message };
  return { kind: 'retry', reason: /within \d+ ms|timeout|timed out/i.test(message) ? 'timeout' : 'network_error', detail: message, status: null, waitMs: null };
}
