import { z } from '../../plugin-api.js';

const Uuid = z.uuid();
export const IdParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' }, example: '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47' }) });
export const CompanyParam = z.object({ company_id: Uuid.openapi({ param: { name: 'company_id', in: 'path' } }) });
const Time = z.string().openapi({ description: 'ISO 8601', example: '2026-12-02T10:14:00.000Z' });

export const ProblemOut = z
  .object({
    type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), instance: z.string().optional(), request_id: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('WebsiteProblem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request', 403: 'Not allowed for this credential', 404: 'No such thing (or outside the companies this credential may see)',
  409: 'A crawl of this site is already running', 422: 'Invalid input',
};

/** The problem answers a route may give, described once. */
export function problems(...statuses: (400 | 403 | 404 | 409 | 422)[]) {
  return Object.fromEntries(statuses.map((status) => [status, { description: DESCRIPTIONS[status]!, content: { 'application/problem+json': { schema: ProblemOut } } }]));
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { 'application/json': { schema } } } };
}

const Pattern = z.string().trim().min(1).max(300).regex(/^[^\s]+$/, 'must not contain spaces');

export const CrawlOptionsIn = z.object({
  max_pages: z.number().int().min(1).max(100_000).optional().openapi({ description: 'Most URLs requested (default from the config, 500)' }),
  max_depth: z.number().int().min(0).max(50).optional().openapi({ description: 'Most links from the start page (default 10)' }),
  include: z.array(Pattern).max(50).optional().openapi({ description: 'Only paths matching one of these (`/blog` = it and below; `*` any characters)', example: ['/produkter'] }),
  exclude: z.array(Pattern).max(50).optional().openapi({ description: 'Never paths matching one of these', example: ['/intern', '*.php'] }),
  render: z.boolean().optional().openapi({ description: 'Render pages that are empty without JavaScript in the system Chromium (slower, capped in memory and time)' }),
});

export const CrawlIn = CrawlOptionsIn.extend({
  url: z.string().trim().min(1).max(2000).openapi({ description: 'The start page (http or https)', example: 'https://www.tagfirma.dk/' }),
  company_id: Uuid.optional().openapi({ description: "Whose site it is; default the own company (its pages become the chatbot's public knowledge)" }),
  recrawl_days: z.number().int().min(1).max(365).nullable().optional().openapi({ description: 'Re-crawl the site every N days (null: only on demand)' }),
});

export const SitePatch = z.object({
  recrawl_days: z.number().int().min(1).max(365).nullable().optional(),
  options: CrawlOptionsIn.optional(),
});

const Counts = {
  queued: z.number().int().openapi({ description: 'URLs taken into the crawl' }),
  fetched: z.number().int().openapi({ description: 'Pages and files fetched and written (new or changed)' }),
  unchanged: z.number().int().openapi({ description: 'Not modified (HTTP 304, the same content, or the sitemap says so)' }),
  skipped: z.number().int().openapi({ description: 'Not taken, each with its reason in skipped_reasons' }),
  failed: z.number().int().openapi({ description: 'Given up after retries (timeouts, server errors)' }),
  pending: z.number().int().openapi({ description: 'Still to visit' }),
};

export const CrawlOut = z.object({
  id: Uuid,
  company_id: Uuid,
  site_id: Uuid,
  url: z.string(),
  purpose: z.enum(['crawl', 'enrich']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  trigger: z.enum(['manual', 'schedule', 'company']),
  job_id: Uuid.nullable(),
  options: z.object({ max_pages: z.number().int(), max_depth: z.number().int(), include: z.array(z.string()), exclude: z.array(z.string()), render: z.boolean() }),
  progress: z.object(Counts),
  pages: z.object({
    new: z.number().int(), changed: z.number().int(), removed: z.number().int(), documents: z.number().int().openapi({ description: 'PDF and Word files handed to the documents plugin' }),
  }).openapi({ description: 'What the crawl changed in the index' }),
  bytes: z.number().int(),
  skipped_reasons: z.record(z.string(), z.number().int()).openapi({ example: { disallowed: 3, content_type: 2, canonical_duplicate: 1 } }),
  robots: z.object({
    url: z.string(), status: z.number().int().nullable(), crawl_delay: z.number().nullable(), sitemaps: z.array(z.string()), blocked: z.string().nullable(),
    sitemap_urls: z.number().int().optional(), sitemap_failures: z.array(z.object({ url: z.string(), reason: z.string() })).optional(),
  }).nullable(),
  error: z.string().nullable(),
  cancel_requested: z.boolean(),
  created_by: z.string(),
  created_at: Time,
  started_at: Time.nullable(),
  finished_at: Time.nullable(),
}).openapi('WebsiteCrawl');

export const UrlOut = z.object({
  url: z.string(),
  depth: z.number().int(),
  via: z.string().openapi({ description: 'start, sitemap, link, known, canonical or redirect' }),
  referrer: z.string().nullable(),
  state: z.enum(['queued', 'done', 'skipped', 'failed']),
  outcome: z.string().nullable().openapi({ description: 'done: new, changed, unchanged, removed, document, redirected; skipped/failed: the reason' }),
  detail: z.string().nullable(),
  http_status: z.number().int().nullable(),
  attempts: z.number().int(),
  updated_at: Time,
}).openapi('WebsiteCrawlUrl');

export const SiteOut = z.object({
  id: Uuid,
  company_id: Uuid,
  url: z.string(),
  site: z.string().openapi({ description: 'The registrable domain (or host and port) that is the site' }),
  recrawl_days: z.number().int().nullable(),
  next_crawl_at: Time.nullable(),
  options: CrawlOptionsIn,
  last_crawl: CrawlOut.nullable(),
  created_at: Time,
}).openapi('WebsiteSite');

export const PageOut = z.object({
  url: z.string(),
  kind: z.enum(['page', 'document']),
  status: z.enum(['indexed', 'removed']),
  title: z.string().nullable(),
  lang: z.string().nullable(),
  passages: z.number().int(),
  document_id: Uuid.nullable(),
  fetched_at: Time,
  changed_at: Time,
}).openapi('WebsitePage');

const Sourced = (value: z.ZodType) => z.object({ value, url: z.string(), at: Time });

export const ProfileOut = z.object({
  company_id: Uuid,
  url: z.string(),
  pages: z.array(z.string()),
  crawl_id: Uuid.nullable(),
  updated_at: Time,
  profile: z.object({
    name: Sourced(z.string()).nullable(),
    description: Sourced(z.string()).nullable(),
    summary: Sourced(z.string()).optional().openapi({ description: 'An LLM summary of the pages read, when an LLM is configured' }),
    keywords: Sourced(z.array(z.string())).nullable(),
    emails: z.array(Sourced(z.string())),
    phones: z.array(Sourced(z.string())),
    address: Sourced(z.object({ street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() })).nullable(),
    cvr: Sourced(z.string()).nullable(),
    social: z.array(Sourced(z.string())),
    languages: Sourced(z.array(z.string())).nullable(),
  }).passthrough().openapi({ description: 'Every field with the URL it came from and when it was read' }),
}).openapi('WebsiteProfile');

export const Cursor = z.string().max(200).optional();
export const Limit = z.coerce.number().int().min(1).max(200).default(50);
