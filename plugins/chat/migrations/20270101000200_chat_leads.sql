-- What a visitor says about who they are is a claim, not proof: it is kept as an unverified lead
-- on the visitor's own (provisional) company, linked to the company it seems to point to, until
-- staff confirm it (then the visitor company is merged into that company) or reject it.
create table chat_leads (
  id                   uuid primary key,
  company_id           uuid not null references companies (id) on delete cascade,
  conversation_id      uuid not null references chat_conversations (id) on delete cascade,
  -- The lead form, or an address, phone number or company name typed in a message.
  source               text not null check (source in ('form', 'message')),
  email                text check (length(email) <= 320),
  name                 text check (length(name) <= 300),
  phone                text check (length(phone) <= 50),
  company_name         text check (length(company_name) <= 300),
  -- The existing company the claim points to (by contact, email domain or exact name), if any.
  candidate_company_id uuid references companies (id) on delete set null,
  status               text not null default 'unverified' check (status in ('unverified', 'confirmed', 'rejected')),
  decided_by           text,
  decided_at           timestamptz,
  created_at           timestamptz not null default now()
);
create index chat_leads_conversation_idx on chat_leads (conversation_id, created_at);
create index chat_leads_company_idx on chat_leads (company_id, created_at desc);
select crm_enable_rls('chat_leads');

-- Removing a website from the chat must not delete its conversations (customer data): they keep
-- their messages and lose only the link to the site.
alter table chat_conversations alter column site_id drop not null;
alter table chat_conversations drop constraint chat_conversations_site_id_fkey;
alter table chat_conversations add constraint chat_conversations_site_id_fkey
  foreign key (site_id) references chat_sites (id) on delete set null;
