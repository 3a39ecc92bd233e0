-- The documents plugin: uploaded files of a company (bytes in the blob store), their extracted
-- text by page or sheet, their category, and staff's corrections of it.
create table documents_files (
  id                  uuid primary key,
  company_id          uuid not null references companies (id) on delete cascade,
  -- An email's attachment is a document of its own, with the email as its parent.
  parent_id           uuid references documents_files (id) on delete cascade,
  -- The file name as the user wrote it (control characters and folders removed).
  name                text not null check (length(name) between 1 and 255),
  title               text,
  type                text not null check (type in ('pdf', 'docx', 'xlsx', 'csv', 'html', 'markdown', 'text', 'eml', 'ubl', 'image')),
  mime                text not null,
  size                bigint not null check (size >= 0),
  sha256              text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  blob_key            text not null,
  visibility          text not null default 'internal' check (visibility in ('internal', 'public')),
  status              text not null default 'queued' check (status in ('queued', 'extracting', 'indexed', 'needs_ocr', 'failed')),
  failure_code        text,
  failure_reason      text,
  category            text check (category in ('quote', 'order', 'invoice', 'credit_note', 'contract', 'price_list', 'specification', 'correspondence', 'other', 'unsure')),
  suggested_category  text,
  category_confidence real,
  category_reason     jsonb,
  category_source     text check (category_source in ('cues', 'model', 'llm', 'staff')),
  pages               integer,
  ocr_pages           integer,
  passages            integer,
  invoice             jsonb,
  meta                jsonb not null default '{}',
  job_id              uuid,
  uploaded_by         text,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  indexed_at          timestamptz,
  -- The same bytes uploaded twice for one company are one document.
  unique (company_id, sha256)
);
create index documents_files_company_created_idx on documents_files (company_id, created_at desc, id desc);
create index documents_files_parent_idx on documents_files (parent_id) where parent_id is not null;
select crm_enable_rls('documents_files');
create trigger documents_files_touch before update on documents_files for each row execute function crm_touch_updated_at();

-- The text of a document by its place (page, sheet, part): what the preview shows and a
-- citation names.
create table documents_sections (
  company_id  uuid not null references companies (id) on delete cascade,
  document_id uuid not null references documents_files (id) on delete cascade,
  ordinal     integer not null check (ordinal >= 0),
  anchor      text not null,
  label       jsonb not null,
  page        integer,
  sheet       text,
  text        text not null,
  format      text not null default 'text' check (format in ('text', 'markdown')),
  ocr         boolean not null default false,
  primary key (document_id, ordinal)
);
create index documents_sections_company_idx on documents_sections (company_id, document_id);
select crm_enable_rls('documents_sections');

-- Every category a person set, and what it was before: the classifier learns from these.
create table documents_corrections (
  id            uuid primary key default gen_random_uuid(),
  company_id    uuid not null references companies (id) on delete cascade,
  document_id   uuid not null references documents_files (id) on delete cascade,
  from_category text,
  to_category   text not null,
  actor         text not null,
  created_at    timestamptz not null default now()
);
create index documents_corrections_company_idx on documents_corrections (company_id, created_at);
select crm_enable_rls('documents_corrections');
