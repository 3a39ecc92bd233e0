-- Embedding cache: a vector per (model, text, kind), so re-indexing unchanged text calls no
-- embedding provider. content_hash is the sha256 hex of the kind and the exact text.
-- The vector is a plain float4 array, not pgvector's type: this table needs no extension,
-- holds any dimension, and is only ever read by key.
-- A system table: RLS on with no policies, so Supabase's anon/authenticated roles see nothing.
create table embedding_cache (
  model        text not null,
  content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
  dimensions   integer not null check (dimensions > 0),
  embedding    real[] not null check (cardinality(embedding) = dimensions),
  created_at   timestamptz not null default now(),
  primary key (model, content_hash)
);
alter table embedding_cache enable row level security;
