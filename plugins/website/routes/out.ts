import type { z } from '../../../plugin-api.js';
import type { CrawlOut, PageOut, SiteOut, UrlOut } from '../schemas.ts';
import type { CrawlRow, FrontierRow, PageRow, SiteRow } from '../store.ts';

/** A crawl as the API shows it (`pending`: URLs still to visit, counted by the caller). */
export function crawlOut(row: CrawlRow, site: Pick<SiteRow, 'url'>, pending: number): z.infer<typeof CrawlOut> {
  return {
    id: row.id, company_id: row.company_id, site_id: row.site_id, url: site.url, purpose: row.purpose, status: row.status, trigger: row.trigger, job_id: row.job_id,
    options: row.options,
    progress: { queued: row.queued, fetched: row.fetched, unchanged: row.unchanged, skipped: row.skipped, failed: row.failed, pending },
    pages: { new: row.new_pages, changed: row.changed_pages, removed: row.removed_pages, documents: row.documents },
    bytes: Number(row.bytes), skipped_reasons: row.skipped_reasons, robots: row.robots, error: row.error, cancel_requested: row.cancel_requested,
    created_by: row.created_by, created_at: row.created_at, started_at: row.started_at, finished_at: row.finished_at,
  };
}

export function urlOut(row: FrontierRow): z.infer<typeof UrlOut> {
  return {
    url: row.url, depth: row.depth, via: row.via, referrer: row.referrer, state: row.state, outcome: row.outcome, detail: row.detail,
    http_status: row.http_status, attempts: row.attempts, updated_at: row.updated_at,
  };
}

export function siteOut(row: SiteRow, lastCrawl: z.infer<typeof CrawlOut> | null): z.infer<typeof SiteOut> {
  return {
    id: row.id, company_id: row.company_id, url: row.url, site: row.site_key, recrawl_days: row.recrawl_days, next_crawl_at: row.next_crawl_at,
    options: row.options, last_crawl: lastCrawl, created_at: row.created_at,
  };
}

export function pageOut(row: Omit<PageRow, 'blocks' | 'links'>): z.infer<typeof PageOut> {
  return {
    url: row.url, kind: row.kind, status: row.status, title: row.title, lang: row.lang, passages: row.passages, document_id: row.document_id,
    fetched_at: row.fetched_at, changed_at: row.changed_at,
  };
}

/** Opaque cursors: base64url of JSON. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, check: (v: unknown) => v is T): T | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (check(value)) return value;
  } catch {
    // fall through
  }
  return undefined;
}
