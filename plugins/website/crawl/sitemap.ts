import { XMLParser } from 'fast-xml-parser';
import { gunzipSync } from 'fflate';
import type { SafeFetch } from '../../../plugin-api.d.ts';

/** One page a sitemap lists, with its last change when the sitemap says. */
export interface SitemapEntry {
  url: string;
  lastmod: Date | null;
}

const MAX_SITEMAPS = 50;
const MAX_UNZIPPED = 60 * 1024 * 1024;
const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });

/**
 * Reads sitemaps: `<urlset>` files and `<sitemapindex>` files that name more (followed up to
 * 50 files and three levels), plain or gzipped (by their bytes, whatever the server calls
 * them). A sitemap that fails is skipped (it is a hint, not the crawl); `failures` says which.
 *
 * @example
 * const { entries } = await readSitemaps(ctx.fetch, ['https://firma.dk/sitemap.xml'], { userAgent, timeoutMs: 20_000, maxBytes: 10_000_000 });
 */
export async function readSitemaps(
  fetch: SafeFetch, urls: string[],
  options: { userAgent: string; timeoutMs: number; maxBytes: number; accept?: (url: string) => boolean; limit?: number; signal?: AbortSignal },
): Promise<{ entries: SitemapEntry[]; read: string[]; failures: { url: string; reason: string }[] }> {
  const entries = new Map<string, SitemapEntry>();
  const read: string[] = [];
  const failures: { url: string; reason: string }[] = [];
  const seen = new Set<string>();
  const queue = urls.map((url) => ({ url, level: 0 }));
  const limit = options.limit ?? 50_000;
  while (queue.length && read.length + failures.length < MAX_SITEMAPS && entries.size < limit) {
    const { url, level } = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    let xml: string;
    try {
      const response = await fetch(url, { headers: { 'user-agent': options.userAgent }, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, signal: options.signal });
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        failures.push({ url, reason: `HTTP ${response.status}` });
        continue;
      }
      xml = decodeSitemap(new Uint8Array(await response.arrayBuffer()));
    } catch (error) {
      if (options.signal?.aborted) throw error;
      failures.push({ url, reason: (error as Error).message });
      continue;
    }
    const parsed = parseSitemap(xml);
    if (!parsed) {
      failures.push({ url, reason: 'not a sitemap (no <urlset> or <sitemapindex>)' });
      continue;
    }
    read.push(url);
    if (parsed.kind === 'index') {
      if (level < 3) for (const child of parsed.sitemaps) queue.push({ url: new URL(child, url).href, level: level + 1 });
      continue;
    }
    for (const entry of parsed.entries) {
      if (entries.size >= limit) break;
      if (options.accept && !options.accept(entry.url)) continue;
      if (!entries.has(entry.url)) entries.set(entry.url, entry);
    }
  }
  return { entries: [...entries.values()], read, failures };
}

/** The sitemap's text: gunzipped when its bytes are gzip (1f 8b). */
function decodeSitemap(bytes: Uint8Array): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const unzipped = gunzipSync(bytes);
    if (unzipped.byteLength > MAX_UNZIPPED) throw new Error(`the sitemap unzips to more than ${MAX_UNZIPPED} bytes`);
    bytes = unzipped;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

type Parsed = { kind: 'index'; sitemaps: string[] } | { kind: 'urlset'; entries: SitemapEntry[] };

/**
 * A sitemap document, parsed.
 *
 * @example
 * parseSitemap('<urlset><url><loc>https://firma.dk/</loc><lastmod>2026-11-01</lastmod></url></urlset>');
 * // { kind: 'urlset', entries: [{ url: 'https://firma.dk/', lastmod: Date(2026-11-01) }] }
 */
export function parseSitemap(xml: string): Parsed | null {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    return null;
  }
  const index = doc.sitemapindex as { sitemap?: { loc?: unknown }[] } | undefined;
  if (index) return { kind: 'index', sitemaps: (index.sitemap ?? []).map((s) => text(s.loc)).filter((s): s is string => !!s) };
  const urlset = doc.urlset as { url?: { loc?: unknown; lastmod?: unknown }[] } | undefined;
  if (!urlset) return null;
  const entries: SitemapEntry[] = [];
  for (const u of urlset.url ?? []) {
    const loc = text(u.loc);
    if (!loc) continue;
    const lastmod = text(u.lastmod);
    const date = lastmod ? new Date(lastmod) : null;
    entries.push({ url: loc, lastmod: date && !Number.isNaN(date.getTime()) ? date : null });
  }
  return { kind: 'urlset', entries };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
