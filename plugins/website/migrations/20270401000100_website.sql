-- The website plugin: sites (a company's website, with its re-crawl schedule), crawls (one run
-- over a site, resumable: its frontier records every URL before the next is fetched), the
-- pages it indexed (with what a conditional request needs and the extracted blocks, so a
-- changed boilerplate verdict re-indexes without fetching), and the blocks that repeat across
-- a site's pages (navigation, cookie banners, footers), which are never indexed.

create table website_sites (
  id               uuid primary key,
  company_id       uuid not null references companies (id) on delete cascade,
  -- The start URL, normalised; the site is every host of its registrable domain.
  url              text not null,
  site_key         text not null,
  -- Defaults for scheduled re-crawls: max_pages, max_depth, include, exclude, render.
  options          jsonb not null default '{}',
  -- Re-crawl every N days; null = only on demand.
  recrawl_days     integer check (recrawl_days between 1 and 365),
  next_crawl_at    timestamptz,
  last_crawl_id    uuid,
  -- Fingerprint of the boilerplate verdict the indexed pages were cut with.
  boilerplate_sig  text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
-- Not unique: a merge of two companies that both had the site must not be refused; the store
-- takes the oldest of a company's rows for a site key.
create index website_sites_key_idx on website_sites (company_id, site_key, created_at);
select crm_enable_rls('website_sites');
create trigger website_sites_touch before update on website_sites for each row execute function crm_touch_updated_at();

create table website_crawls (
  id               uuid primary key,
  company_id       uuid not null references companies (id) on delete cascade,
  site_id          uuid not null references website_sites (id) on delete cascade,
  job_id           uuid,
  -- crawl = a whole site; enrich = a few profile pages of a customer's site.
  purpose          text not null default 'crawl' check (purpose in ('crawl', 'enrich')),
  status           text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  options          jsonb not null,
  trigger          text not null default 'manual' check (trigger in ('manual', 'schedule', 'company')),
  cancel_requested boolean not null default false,
  -- Counts: URLs queued, fetched (200), unchanged (304, same content, or sitemap lastmod), skipped, failed;
  -- and what the crawl did to the index: new, changed, removed pages.
  queued           integer not null default 0,
  fetched          integer not null default 0,
  unchanged        integer not null default 0,
  skipped          integer not null default 0,
  failed           integer not null default 0,
  new_pages        integer not null default 0,
  changed_pages    integer not null default 0,
  removed_pages    integer not null default 0,
  documents        integer not null default 0,
  bytes            bigint not null default 0,
  skipped_reasons  jsonb not null default '{}',
  -- The robots.txt verdict: crawl delay used, sitemaps found.
  robots           jsonb,
  error            text,
  created_by       text not null,
  created_at       timestamptz not null default now(),
  started_at       timestamptz,
  finished_at      timestamptz,
  last_progress_at timestamptz
);
create index website_crawls_company_idx on website_crawls (company_id, created_at desc);
create index website_crawls_site_idx on website_crawls (site_id, created_at desc);
select crm_enable_rls('website_crawls');

-- Every URL a crawl has seen, once (normalised). state: queued → done | skipped | failed.
create table website_frontier (
  company_id   uuid not null references companies (id) on delete cascade,
  crawl_id     uuid not null references website_crawls (id) on delete cascade,
  url          text not null,
  depth        integer not null,
  -- How it was found: start, sitemap, link, known (indexed by an earlier crawl), canonical, redirect.
  via          text not null,
  referrer     text,
  lastmod      timestamptz,
  state        text not null default 'queued' check (state in ('queued', 'done', 'skipped', 'failed')),
  -- done: fetched | unchanged | new | changed | removed | document; skipped/failed: the reason.
  outcome      text,
  detail       text,
  http_status  integer,
  attempts     integer not null default 0,
  not_before   timestamptz,
  seq          bigserial,
  updated_at   timestamptz not null default now(),
  primary key (crawl_id, url)
);
create index website_frontier_next_idx on website_frontier (crawl_id, state, depth, seq);
select crm_enable_rls('website_frontier');

-- What the index holds for a site: one row per page (or linked document) URL.
create table website_pages (
  company_id       uuid not null references companies (id) on delete cascade,
  site_id          uuid not null references website_sites (id) on delete cascade,
  url              text not null,
  kind             text not null default 'page' check (kind in ('page', 'document')),
  status           text not null default 'indexed' check (status in ('indexed', 'removed')),
  title            text,
  lang             text,
  etag             text,
  last_modified    text,
  content_hash     text,
  -- The extracted blocks ({ hash, kind, text, headingPath, anchor }) and the page's links.
  blocks           jsonb not null default '[]',
  links            jsonb not null default '[]',
  -- Hash of what was indexed (the blocks minus boilerplate): equal → nothing to write.
  indexed_hash     text,
  passages         integer not null default 0,
  document_id      uuid,
  fetched_at       timestamptz not null default now(),
  changed_at       timestamptz not null default now(),
  created_at       timestamptz not null default now(),
  primary key (site_id, url)
);
create index website_pages_company_idx on website_pages (company_id, site_id);
select crm_enable_rls('website_pages');

-- On how many of a site's indexed pages each block occurs.
create table website_blocks (
  company_id  uuid not null references companies (id) on delete cascade,
  site_id     uuid not null references website_sites (id) on delete cascade,
  hash        text not null,
  pages       integer not null,
  primary key (site_id, hash)
);
select crm_enable_rls('website_blocks');

-- A customer company's profile from its own website; each field keeps its source URL and time.
-- Keyed by its own id so that merging two enriched companies keeps both (the newest is shown).
create table website_profiles (
  id           uuid primary key,
  company_id   uuid not null references companies (id) on delete cascade,
  url          text not null,
  profile      jsonb not null,
  pages        jsonb not null default '[]',
  crawl_id     uuid,
  updated_at   timestamptz not null default now()
);
create index website_profiles_company_idx on website_profiles (company_id, updated_at desc);
select crm_enable_rls('website_profiles');
