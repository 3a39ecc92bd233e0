-- Retrieval: passages of every source (knowledge base, web pages, documents, emails, chat)
-- with a full-text vector and an embedding, searched together (hybrid search).
-- chunks is customer data: company_id, foreign key, index starting with it, and RLS.

-- The embedding dimension is fixed per database (the vector column and its HNSW index need
-- one). It is recorded here, and a provider with another dimension is refused at start.
create table search_settings (
  key        text primary key,
  value      jsonb not null,
  updated_at timestamptz not null default now()
);
alter table search_settings enable row level security;
insert into search_settings (key, value) values ('embedding_dimensions', '384');

-- Text-search configuration for a chunk's language: Danish and English get their stemmers;
-- anything else the language-neutral 'simple'.
create or replace function crm_ts_config(lang text) returns regconfig
language sql immutable parallel safe as $$
  select case lang when 'da' then 'pg_catalog.danish'::regconfig
                   when 'en' then 'pg_catalog.english'::regconfig
                   else 'pg_catalog.simple'::regconfig end
$$;

-- The full-text vector of a chunk: title and headings weigh more (A) than the text (B).
-- Declared immutable (array_to_string alone is only stable) so it can feed a stored column.
create or replace function crm_chunk_tsv(lang text, title text, heading_path text[], content text) returns tsvector
language sql immutable parallel safe as $$
  select setweight(to_tsvector(crm_ts_config(lang), coalesce(title, '') || ' ' || coalesce(array_to_string(heading_path, ' '), '')), 'A')
      || setweight(to_tsvector(crm_ts_config(lang), content), 'B')
$$;

create table chunks (
  id              uuid primary key default gen_random_uuid(),
  company_id      uuid not null references companies (id) on delete cascade,
  source_type     text not null check (source_type ~ '^[a-z][a-z0-9_]*$'),
  source_id       text not null,
  visibility      text not null default 'internal' check (visibility in ('public', 'internal')),
  ordinal         integer not null check (ordinal >= 0),
  title           text,
  url             text,
  heading_path    text[] not null default '{}',
  anchor          text,
  content         text not null,
  lang            text not null check (lang in ('da', 'en', 'simple')),
  tokens          integer not null,
  embedding       vector(384),
  embedding_model text,
  tsv             tsvector generated always as (crm_chunk_tsv(lang, title, heading_path, content)) stored,
  created_at      timestamptz not null default now(),
  unique (company_id, source_type, source_id, ordinal)
);
create index chunks_company_source_idx on chunks (company_id, source_type, source_id);
create index chunks_tsv_idx on chunks using gin (tsv);
create index chunks_embedding_idx on chunks using hnsw (embedding vector_cosine_ops);
select crm_enable_rls('chunks');
