/**
 * Every query of the website plugin, as named functions over a company's store (or one of
 * its transactions), returning typed rows. Nothing else in the plugin writes SQL.
 */
import type { CompanyStore } from '../../plugin-api.d.ts';
import type { CrawlOptions } from './config.ts';

/** A store or a transaction of one: anything that runs the plugin's SQL in a company's scope. */
export type Sql = Pick<CompanyStore, 'sql'>;

// ─── Sites ──────────────────────────────────────────────────────────────────────────────

export interface SiteRow {
  id: string;
  company_id: string;
  url: string;
  site_key: string;
  options: Partial<CrawlOptions>;
  recrawl_days: number | null;
  next_crawl_at: string | null;
  last_crawl_id: string | null;
  boilerplate_sig: string | null;
  created_at: string;
  updated_at: string;
}

export async function findSite(sql: Sql, siteKey: string): Promise<SiteRow | undefined> {
  const [row] = await sql.sql<SiteRow>`select * from website_sites where site_key = ${siteKey} order by created_at, id limit 1`;
  return row;
}

export async function getSite(sql: Sql, id: string): Promise<SiteRow | undefined> {
  const [row] = await sql.sql<SiteRow>`select * from website_sites where id = ${id}`;
  return row;
}

export async function listSites(sql: Sql): Promise<SiteRow[]> {
  return sql.sql<SiteRow>`select * from website_sites order by created_at, id`;
}

export async function insertSite(sql: Sql, site: { id: string; companyId: string; url: string; siteKey: string; options: Partial<CrawlOptions> }): Promise<SiteRow> {
  const [row] = await sql.sql<SiteRow>`
    insert into website_sites (id, company_id, url, site_key, options) values (${site.id}, ${site.companyId}, ${site.url}, ${site.siteKey}, ${JSON.stringify(site.options)}::jsonb)
    returning *`;
  return row!;
}

/** Changes the given settings of a site (the rest stay). */
export async function patchSite(sql: Sql, id: string, patch: { recrawl_days?: number | null; options?: Partial<CrawlOptions>; next_crawl_at?: Date | null; last_crawl_id?: string; boilerplate_sig?: string | null; url?: string }): Promise<SiteRow | undefined> {
  const has = (key: keyof typeof patch) => (key in patch ? 1 : 0);
  const [row] = await sql.sql<SiteRow>`
    update website_sites set
      recrawl_days = case when ${has('recrawl_days')} = 1 then ${patch.recrawl_days ?? null}::int else recrawl_days end,
      options = case when ${has('options')} = 1 then ${JSON.stringify(patch.options ?? {})}::jsonb else options end,
      next_crawl_at = case when ${has('next_crawl_at')} = 1 then ${patch.next_crawl_at?.toISOString() ?? null}::timestamptz else next_crawl_at end,
      last_crawl_id = case when ${has('last_crawl_id')} = 1 then ${patch.last_crawl_id ?? null}::uuid else last_crawl_id end,
      boilerplate_sig = case when ${has('boilerplate_sig')} = 1 then ${patch.boilerplate_sig ?? null}::text else boilerplate_sig end,
      url = case when ${has('url')} = 1 then ${patch.url ?? null}::text else url end
    where id = ${id} returning *`;
  return row;
}

// ─── Crawls ─────────────────────────────────────────────────────────────────────────────

export type CrawlStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type Purpose = 'crawl' | 'enrich';

export interface CrawlRow {
  id: string;
  company_id: string;
  site_id: string;
  job_id: string | null;
  purpose: Purpose;
  status: CrawlStatus;
  options: CrawlOptions;
  trigger: 'manual' | 'schedule' | 'company';
  cancel_requested: boolean;
  queued: number;
  fetched: number;
  unchanged: number;
  skipped: number;
  failed: number;
  new_pages: number;
  changed_pages: number;
  removed_pages: number;
  documents: number;
  bytes: string | number;
  skipped_reasons: Record<string, number>;
  robots: { url: string; status: number | null; crawl_delay: number | null; sitemaps: string[]; blocked: string | null; sitemap_urls?: number; sitemap_failures?: { url: string; reason: string }[] } | null;
  error: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  last_progress_at: string | null;
}

export async function insertCrawl(sql: Sql, c: { id: string; companyId: string; siteId: string; purpose: Purpose; options: CrawlOptions; trigger: CrawlRow['trigger']; createdBy: string }): Promise<CrawlRow> {
  const [row] = await sql.sql<CrawlRow>`
    insert into website_crawls (id, company_id, site_id, purpose, options, trigger, created_by)
    values (${c.id}, ${c.companyId}, ${c.siteId}, ${c.purpose}, ${JSON.stringify(c.options)}::jsonb, ${c.trigger}, ${c.createdBy})
    returning *`;
  return row!;
}

export async function setCrawlJob(sql: Sql, id: string, jobId: string): Promise<void> {
  await sql.sql`update website_crawls set job_id = ${jobId} where id = ${id}`;
}

export async function getCrawl(sql: Sql, id: string): Promise<CrawlRow | undefined> {
  const [row] = await sql.sql<CrawlRow>`select * from website_crawls where id = ${id}`;
  return row;
}

/** A company's crawls (of one site, or all), newest first, after a cursor (created_at, id). */
export async function listCrawls(sql: Sql, q: { siteId?: string; limit: number; before?: { at: string; id: string } }): Promise<CrawlRow[]> {
  return sql.sql<CrawlRow>`
    select * from website_crawls
    where (${q.siteId ?? null}::uuid is null or site_id = ${q.siteId ?? null}::uuid)
      and (${q.before?.at ?? null}::timestamptz is null or (created_at, id) < (${q.before?.at ?? null}::timestamptz, ${q.before?.id ?? null}::uuid))
    order by created_at desc, id desc limit ${q.limit}`;
}

/** The crawl of a site that is queued or running, if any (a site is crawled by one crawl at a time). */
export async function activeCrawl(sql: Sql, siteId: string): Promise<CrawlRow | undefined> {
  const [row] = await sql.sql<CrawlRow>`select * from website_crawls where site_id = ${siteId} and status in ('queued', 'running') order by created_at limit 1`;
  return row;
}

export async function startCrawl(sql: Sql, id: string): Promise<CrawlRow | undefined> {
  const [row] = await sql.sql<CrawlRow>`
    update website_crawls set status = 'running', started_at = coalesce(started_at, now()), last_progress_at = now()
    where id = ${id} and status in ('queued', 'running') returning *`;
  return row;
}

export async function finishCrawl(sql: Sql, id: string, status: Exclude<CrawlStatus, 'queued' | 'running'>, error: string | null): Promise<CrawlRow | undefined> {
  const [row] = await sql.sql<CrawlRow>`
    update website_crawls set status = ${status}, error = ${error}, finished_at = now(), last_progress_at = now()
    where id = ${id} returning *`;
  return row;
}

export async function requestCancel(sql: Sql, id: string): Promise<CrawlRow | undefined> {
  const [row] = await sql.sql<CrawlRow>`
    update website_crawls set cancel_requested = true,
      status = case when status = 'queued' then 'cancelled' else status end,
      finished_at = case when status = 'queued' then now() else finished_at end
    where id = ${id} returning *`;
  return row;
}

export async function isCancelRequested(sql: Sql, id: string): Promise<boolean> {
  const [row] = await sql.sql<{ cancel_requested: boolean }>`select cancel_requested from website_crawls where id = ${id}`;
  return row?.cancel_requested ?? true;
}

export async function setRobots(sql: Sql, id: string, robots: CrawlRow['robots']): Promise<void> {
  await sql.sql`update website_crawls set robots = ${JSON.stringify(robots)}::jsonb where id = ${id}`;
}

/** What one URL added to a crawl's counts. */
export interface CrawlDelta {
  queued?: number;
  fetched?: number;
  unchanged?: number;
  skipped?: number;
  failed?: number;
  new_pages?: number;
  changed_pages?: number;
  removed_pages?: number;
  documents?: number;
  bytes?: number;
  /** A skip reason to count (with `skipped`), and how many. */
  reason?: string;
  reasonCount?: number;
}

export async function bumpCrawl(sql: Sql, id: string, d: CrawlDelta): Promise<void> {
  const reason = d.reason ?? null;
  await sql.sql`
    update website_crawls set
      queued = queued + ${d.queued ?? 0}, fetched = fetched + ${d.fetched ?? 0}, unchanged = unchanged + ${d.unchanged ?? 0},
      skipped = skipped + ${d.skipped ?? 0}, failed = failed + ${d.failed ?? 0},
      new_pages = new_pages + ${d.new_pages ?? 0}, changed_pages = changed_pages + ${d.changed_pages ?? 0}, removed_pages = removed_pages + ${d.removed_pages ?? 0},
      documents = documents + ${d.documents ?? 0}, bytes = bytes + ${d.bytes ?? 0},
      skipped_reasons = case when ${reason}::text is null then skipped_reasons
        else jsonb_set(skipped_reasons, array[${reason}::text], to_jsonb(coalesce((skipped_reasons ->> ${reason}::text)::int, 0) + ${d.reasonCount ?? 1})) end,
      last_progress_at = now()
    where id = ${id}`;
}

// ─── The frontier ───────────────────────────────────────────────────────────────────────

export type UrlState = 'queued' | 'done' | 'skipped' | 'failed';

export interface FrontierRow {
  crawl_id: string;
  url: string;
  depth: number;
  via: string;
  referrer: string | null;
  lastmod: string | null;
  state: UrlState;
  outcome: string | null;
  detail: string | null;
  http_status: number | null;
  attempts: number;
  not_before: string | null;
  seq: string;
  updated_at: string;
}

export interface NewUrl {
  url: string;
  depth: number;
  via: 'start' | 'sitemap' | 'link' | 'known' | 'canonical' | 'redirect';
  referrer?: string | null;
  lastmod?: Date | null;
  /** A URL known to be skipped already (disallowed, excluded, off-site): recorded as done with its reason. */
  skip?: string;
}

/** Adds URLs the crawl has not seen (seen ones stay as they are); returns those added, with their state. */
export async function addUrls(sql: Sql, companyId: string, crawlId: string, urls: NewUrl[]): Promise<{ url: string; state: UrlState; outcome: string | null }[]> {
  if (urls.length === 0) return [];
  const rows = urls.map((u) => ({ url: u.url, depth: u.depth, via: u.via, referrer: u.referrer ?? null, lastmod: u.lastmod?.toISOString() ?? null, state: u.skip ? 'skipped' : 'queued', outcome: u.skip ?? null }));
  return sql.sql<{ url: string; state: UrlState; outcome: string | null }>`
    insert into website_frontier (company_id, crawl_id, url, depth, via, referrer, lastmod, state, outcome)
    select ${companyId}, ${crawlId}, x.url, x.depth, x.via, x.referrer, x.lastmod, x.state, x.outcome
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(url text, depth int, via text, referrer text, lastmod timestamptz, state text, outcome text)
    on conflict (crawl_id, url) do nothing
    returning url, state, outcome`;
}

/** The next queued URLs that may be fetched now, shallowest first, in the order found. */
export async function nextUrls(sql: Sql, crawlId: string, limit: number, exclude: string[]): Promise<FrontierRow[]> {
  return sql.sql<FrontierRow>`
    select * from website_frontier
    where crawl_id = ${crawlId} and state = 'queued' and (not_before is null or not_before <= now())
      and url not in (select jsonb_array_elements_text(${JSON.stringify(exclude)}::jsonb))
    order by depth, seq limit ${limit}`;
}

/** When the earliest URL that waits (Retry-After) may go, or null when none waits. */
export async function nextWaiting(sql: Sql, crawlId: string): Promise<string | null> {
  const [row] = await sql.sql<{ at: string | null }>`select min(not_before) as at from website_frontier where crawl_id = ${crawlId} and state = 'queued'`;
  return row?.at ?? null;
}

export async function queuedCount(sql: Sql, crawlId: string): Promise<number> {
  const [row] = await sql.sql<{ n: number }>`select count(*)::int as n from website_frontier where crawl_id = ${crawlId} and state = 'queued'`;
  return row?.n ?? 0;
}

/** How many URLs of the crawl were requested (its max_pages budget counts these). */
export async function requestedCount(sql: Sql, crawlId: string): Promise<number> {
  const [row] = await sql.sql<{ n: number }>`select count(*)::int as n from website_frontier where crawl_id = ${crawlId} and attempts > 0`;
  return row?.n ?? 0;
}

export async function finishUrl(sql: Sql, crawlId: string, url: string, r: { state: Exclude<UrlState, 'queued'>; outcome: string; detail?: string | null; httpStatus?: number | null }): Promise<void> {
  await sql.sql`
    update website_frontier set state = ${r.state}, outcome = ${r.outcome}, detail = ${r.detail ?? null}, http_status = ${r.httpStatus ?? null}, updated_at = now()
    where crawl_id = ${crawlId} and url = ${url}`;
}

/** Counts an attempt of a URL (before its request, so a crash mid-request still counts it). */
export async function countAttempt(sql: Sql, crawlId: string, url: string): Promise<number> {
  const [row] = await sql.sql<{ attempts: number }>`update website_frontier set attempts = attempts + 1, updated_at = now() where crawl_id = ${crawlId} and url = ${url} returning attempts`;
  return row?.attempts ?? 1;
}

export async function retryUrlLater(sql: Sql, crawlId: string, url: string, notBefore: Date, detail: string, httpStatus: number | null): Promise<void> {
  await sql.sql`
    update website_frontier set not_before = ${notBefore.toISOString()}::timestamptz, detail = ${detail}, http_status = ${httpStatus}, updated_at = now()
    where crawl_id = ${crawlId} and url = ${url}`;
}

/** Marks every URL still queued as skipped with `reason` (the page budget ran out, the crawl was cancelled); returns how many. */
export async function skipQueued(sql: Sql, crawlId: string, reason: string): Promise<number> {
  const rows = await sql.sql<{ url: string }>`
    update website_frontier set state = 'skipped', outcome = ${reason}, updated_at = now()
    where crawl_id = ${crawlId} and state = 'queued' returning url`;
  return rows.length;
}

/** The crawl's URLs in one state (or all), in the order they were found. */
export async function listFrontier(sql: Sql, crawlId: string, q: { state?: UrlState; outcome?: string; limit: number; afterSeq?: string }): Promise<FrontierRow[]> {
  return sql.sql<FrontierRow>`
    select * from website_frontier
    where crawl_id = ${crawlId} and (${q.state ?? null}::text is null or state = ${q.state ?? null}::text)
      and (${q.outcome ?? null}::text is null or outcome = ${q.outcome ?? null}::text)
      and (${q.afterSeq ?? null}::bigint is null or seq > ${q.afterSeq ?? null}::bigint)
    order by seq limit ${q.limit}`;
}

// ─── Pages ──────────────────────────────────────────────────────────────────────────────

/** A block of a page as stored (see extract/). */
export interface StoredBlock {
  hash: string;
  kind: string;
  level?: number;
  text: string;
  headingPath: string[];
  anchor: string | null;
}

export interface PageRow {
  company_id: string;
  site_id: string;
  url: string;
  kind: 'page' | 'document';
  status: 'indexed' | 'removed';
  title: string | null;
  lang: string | null;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  blocks: StoredBlock[];
  links: string[];
  indexed_hash: string | null;
  passages: number;
  document_id: string | null;
  fetched_at: string;
  changed_at: string;
  created_at: string;
}

export async function getPage(sql: Sql, siteId: string, url: string): Promise<PageRow | undefined> {
  const [row] = await sql.sql<PageRow>`select * from website_pages where site_id = ${siteId} and url = ${url}`;
  return row;
}

/** A page's validators and links, for a conditional request, without its blocks. */
export async function pageValidators(sql: Sql, siteId: string, url: string): Promise<Pick<PageRow, 'url' | 'kind' | 'status' | 'etag' | 'last_modified' | 'content_hash' | 'links' | 'fetched_at'> | undefined> {
  const [row] = await sql.sql<PageRow>`select url, kind, status, etag, last_modified, content_hash, links, fetched_at from website_pages where site_id = ${siteId} and url = ${url}`;
  return row;
}

/** Writes a fetched page or document; `changed` says whether its content differs from what was there. */
export async function savePage(sql: Sql, p: {
  companyId: string; siteId: string; url: string; kind: 'page' | 'document'; title: string | null; lang: string | null; etag: string | null; lastModified: string | null;
  contentHash: string; blocks: StoredBlock[]; links: string[]; documentId?: string | null;
}): Promise<{ existed: boolean; wasRemoved: boolean; oldBlocks: string[] }> {
  const [old] = await sql.sql<{ status: string; hashes: string[] | null }>`
    select status, (select jsonb_agg(distinct b ->> 'hash') from jsonb_array_elements(blocks) b) as hashes
    from website_pages where site_id = ${p.siteId} and url = ${p.url} for update`;
  await sql.sql`
    insert into website_pages (company_id, site_id, url, kind, status, title, lang, etag, last_modified, content_hash, blocks, links, document_id, indexed_hash, fetched_at, changed_at)
    values (${p.companyId}, ${p.siteId}, ${p.url}, ${p.kind}, 'indexed', ${p.title}, ${p.lang}, ${p.etag}, ${p.lastModified}, ${p.contentHash},
            ${JSON.stringify(p.blocks)}::jsonb, ${JSON.stringify(p.links)}::jsonb, ${p.documentId ?? null}, null, now(), now())
    on conflict (site_id, url) do update set
      kind = excluded.kind, status = 'indexed', title = excluded.title, lang = excluded.lang, etag = excluded.etag, last_modified = excluded.last_modified,
      content_hash = excluded.content_hash, blocks = excluded.blocks, links = excluded.links, document_id = coalesce(excluded.document_id, website_pages.document_id),
      indexed_hash = null, fetched_at = now(), changed_at = now()`;
  return { existed: !!old && old.status === 'indexed', wasRemoved: old?.status === 'removed', oldBlocks: old?.status === 'indexed' ? (old.hashes ?? []) : [] };
}

/** Records that an unchanged page was looked at (new validators, if the server sent some). */
export async function touchPage(sql: Sql, siteId: string, url: string, v: { etag?: string | null; lastModified?: string | null }): Promise<void> {
  await sql.sql`
    update website_pages set fetched_at = now(), etag = coalesce(${v.etag ?? null}::text, etag), last_modified = coalesce(${v.lastModified ?? null}::text, last_modified)
    where site_id = ${siteId} and url = ${url}`;
}

/** Marks a page gone; returns its block hashes (to take off the site's counts) or null when it was not indexed. */
export async function removePage(sql: Sql, siteId: string, url: string): Promise<string[] | null> {
  const [row] = await sql.sql<{ hashes: string[] | null }>`
    update website_pages p set status = 'removed', blocks = '[]', indexed_hash = null, passages = 0, changed_at = now(), etag = null, last_modified = null, content_hash = null
    from (select url, (select jsonb_agg(distinct b ->> 'hash') from jsonb_array_elements(blocks) b) as hashes from website_pages where site_id = ${siteId} and url = ${url} and status = 'indexed') old
    where p.site_id = ${siteId} and p.url = old.url returning old.hashes`;
  return row ? (row.hashes ?? []) : null;
}

/** The URLs a site has indexed (seeds of a re-crawl, so vanished pages are noticed). */
export async function indexedUrls(sql: Sql, siteId: string): Promise<string[]> {
  const rows = await sql.sql<{ url: string }>`select url from website_pages where site_id = ${siteId} and status = 'indexed' order by url`;
  return rows.map((r) => r.url);
}

/** Pages of a site to (re)index: those not indexed since they changed, or all when `all`. */
export async function pagesToIndex(sql: Sql, siteId: string, all: boolean, limit: number, afterUrl: string | null): Promise<PageRow[]> {
  return sql.sql<PageRow>`
    select * from website_pages where site_id = ${siteId} and status = 'indexed' and kind = 'page'
      and (${all} or indexed_hash is null) and (${afterUrl}::text is null or url > ${afterUrl}::text)
    order by url limit ${limit}`;
}

export async function setIndexed(sql: Sql, siteId: string, url: string, indexedHash: string, passages: number): Promise<void> {
  await sql.sql`update website_pages set indexed_hash = ${indexedHash}, passages = ${passages} where site_id = ${siteId} and url = ${url}`;
}

export async function listPages(sql: Sql, siteId: string, q: { limit: number; afterUrl?: string }): Promise<Omit<PageRow, 'blocks' | 'links'>[]> {
  return sql.sql`
    select company_id, site_id, url, kind, status, title, lang, etag, last_modified, content_hash, indexed_hash, passages, document_id, fetched_at, changed_at, created_at
    from website_pages where site_id = ${siteId} and (${q.afterUrl ?? null}::text is null or url > ${q.afterUrl ?? null}::text)
    order by url limit ${q.limit}`;
}

// ─── Repeated blocks ────────────────────────────────────────────────────────────────────

/** Moves a page's blocks in the site's counts: `minus` off (its old blocks), `plus` on. */
export async function countBlocks(sql: Sql, companyId: string, siteId: string, minus: string[], plus: string[]): Promise<void> {
  const removed = minus.filter((h) => !plus.includes(h));
  const added = plus.filter((h) => !minus.includes(h));
  if (removed.length) {
    await sql.sql`
      update website_blocks set pages = pages - 1
      where site_id = ${siteId} and hash in (select jsonb_array_elements_text(${JSON.stringify(removed)}::jsonb))`;
    await sql.sql`delete from website_blocks where site_id = ${siteId} and pages <= 0`;
  }
  if (added.length) {
    await sql.sql`
      insert into website_blocks (company_id, site_id, hash, pages)
      select ${companyId}, ${siteId}, h, 1 from jsonb_array_elements_text(${JSON.stringify(added)}::jsonb) h
      on conflict (site_id, hash) do update set pages = website_blocks.pages + 1`;
  }
}

/** Blocks on at least `minPages` of the site's pages, with their counts, and how many pages it has. */
export async function repeatedBlocks(sql: Sql, siteId: string, minPages: number): Promise<{ pages: number; blocks: { hash: string; pages: number }[] }> {
  const [total] = await sql.sql<{ n: number }>`select count(*)::int as n from website_pages where site_id = ${siteId} and status = 'indexed' and kind = 'page'`;
  const blocks = await sql.sql<{ hash: string; pages: number }>`select hash, pages from website_blocks where site_id = ${siteId} and pages >= ${minPages} order by hash`;
  return { pages: total?.n ?? 0, blocks };
}

// ─── Profiles ───────────────────────────────────────────────────────────────────────────

export interface ProfileRow {
  id: string;
  company_id: string;
  url: string;
  profile: Record<string, unknown>;
  pages: string[];
  crawl_id: string | null;
  updated_at: string;
}

export async function insertProfile(sql: Sql, p: { id: string; companyId: string; url: string; profile: unknown; pages: string[]; crawlId: string | null }): Promise<ProfileRow> {
  const [row] = await sql.sql<ProfileRow>`
    insert into website_profiles (id, company_id, url, profile, pages, crawl_id)
    values (${p.id}, ${p.companyId}, ${p.url}, ${JSON.stringify(p.profile)}::jsonb, ${JSON.stringify(p.pages)}::jsonb, ${p.crawlId})
    returning *`;
  return row!;
}

export async function latestProfile(sql: Sql): Promise<ProfileRow | undefined> {
  const [row] = await sql.sql<ProfileRow>`select * from website_profiles order by updated_at desc, id desc limit 1`;
  return row;
}
