-- Knowledge base: articles of the own (self) company — FAQ, terms, product texts — in
-- Markdown. `public` articles may be used by the website chatbot, `internal` ones by staff.
-- Each article is chunked and embedded into `chunks` (source_type 'knowledge') by a job.
create table knowledge_articles (
  id          uuid primary key default gen_random_uuid(),
  company_id  uuid not null references companies (id) on delete cascade,
  title       text not null check (length(btrim(title)) between 1 and 300),
  body        text not null check (length(body) <= 200000),
  visibility  text not null default 'public' check (visibility in ('public', 'internal')),
  lang        text check (lang in ('da', 'en')),
  tags        text[] not null default '{}',
  indexed_at  timestamptz,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);
create index knowledge_articles_company_idx on knowledge_articles (company_id, id);
-- updated_at is the time of the last edit: recording that the passages were rebuilt is not one.
create trigger knowledge_articles_touch before update on knowledge_articles
  for each row when ((old.title, old.body, old.visibility, old.lang, old.tags, old.company_id)
                     is distinct from (new.title, new.body, new.visibility, new.lang, new.tags, new.company_id))
  execute function crm_touch_updated_at();
select crm_enable_rls('knowledge_articles');
