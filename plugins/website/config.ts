import { z } from 'zod';
import type { Capability } from '../../plugin-api.d.ts';

/** What the website plugin needs from the core, and nothing more. */
export const CAPABILITIES = ['storage', 'vector', 'jobs', 'routes', 'events', 'http-fetch', 'llm'] as const satisfies readonly Capability[];

/** Settings (crm.config.ts or CRM_PLUGIN_WEBSITE_<KEY>, e.g. CRM_PLUGIN_WEBSITE_CONTACT_URL). */
export const Config = z.object({
  /**
   * Where a site owner reads who crawls them and how to stop it: part of the user agent,
   * `open-crm-crawler/1.0 (+<contactUrl>)`. Set it to your own page.
   */
  contactUrl: z.string().url().default('https://github.com/open-crm/open-crm/blob/main/docs/website.md'),
  /** Requests at once to one host. */
  concurrencyPerHost: z.number().int().min(1).max(8).default(2),
  /** Pause between two requests to one host, in ms; a robots.txt Crawl-delay that is longer wins. */
  delayMs: z.number().int().min(0).max(60_000).default(500),
  /** The longest Crawl-delay and Retry-After obeyed, in seconds (a site asking for more is crawled at this pace, or the page is given up). */
  maxWaitSeconds: z.number().int().min(1).max(3600).default(60),
  /** Timeout of one request. */
  timeoutMs: z.number().int().min(1000).max(120_000).default(20_000),
  /** Largest page or file fetched, in bytes; bigger ones are skipped with the reason. */
  maxBytes: z.number().int().min(64 * 1024).max(200 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Redirects followed for one URL. */
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** Attempts of one URL that failed for a reason that may pass (timeout, 5xx, 429). */
  maxAttempts: z.number().int().min(1).max(10).default(3),
  /** Defaults of a crawl that does not say. */
  maxPages: z.number().int().min(1).max(100_000).default(500),
  maxDepth: z.number().int().min(0).max(50).default(10),
  /** Rendering of JavaScript-only pages with the system Chromium (opt-in per crawl). */
  chromiumPath: z.string().default('/usr/bin/chromium'),
  renderMaxMemoryMb: z.number().int().min(128).max(4096).default(512),
  renderTimeoutMs: z.number().int().min(2000).max(120_000).default(20_000),
  /** Enrich a customer company from its website when it gets a domain or a website URL. */
  autoEnrich: z.boolean().default(true),
  /** Pages of a customer's site read for its profile (the front page and the likeliest about, contact and product pages). */
  enrichPages: z.number().int().min(1).max(20).default(6),
  /** Run scheduled re-crawls (sites with `recrawl_days`). */
  schedule: z.boolean().default(true),
});
export type WebsiteConfig = z.infer<typeof Config>;

/** What one crawl is asked to do (POST /api/website/crawls; a site's stored defaults). */
export interface CrawlOptions {
  max_pages: number;
  max_depth: number;
  include: string[];
  exclude: string[];
  render: boolean;
}
