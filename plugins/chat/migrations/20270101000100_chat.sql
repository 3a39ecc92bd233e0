-- The website chatbot. Sites belong to the own company; conversations and their messages to the
-- visitor's company: a provisional `visitor` company until the visitor is identified, then
-- merged (rows and all) into the real one.
create table chat_sites (
  id              uuid primary key default gen_random_uuid(),
  company_id      uuid not null references companies (id) on delete cascade,
  name            text not null,
  site_key        text not null unique,
  allowed_origins text[] not null,
  created_at      timestamptz not null default now()
);
select crm_enable_rls('chat_sites');

create table chat_conversations (
  id              uuid primary key,
  company_id      uuid not null references companies (id) on delete cascade,
  site_id         uuid not null references chat_sites (id) on delete cascade,
  secret_hash     text not null,
  lang            text not null check (lang in ('da', 'en')),
  status          text not null default 'open' check (status in ('open', 'handoff', 'closed')),
  lead_email      text,
  -- What the visitor wanted, over the whole conversation: price_request, meeting_request,
  -- support, complaint, job_application, human, spam.
  intents         text[] not null default '{}',
  -- Language-model tokens spent on this conversation (its budget).
  llm_tokens      integer not null default 0,
  expires_at      timestamptz not null,
  created_at      timestamptz not null default now(),
  last_message_at timestamptz not null default now()
);
create index chat_conversations_company_idx on chat_conversations (company_id, last_message_at desc);
select crm_enable_rls('chat_conversations');

create table chat_messages (
  id              uuid primary key,
  company_id      uuid not null references companies (id) on delete cascade,
  conversation_id uuid not null references chat_conversations (id) on delete cascade,
  role            text not null check (role in ('visitor', 'bot', 'staff')),
  text            text not null,
  citations       jsonb not null default '[]',
  -- clock_timestamp, not now(): a question and its answer share a transaction, not an instant.
  created_at      timestamptz not null default clock_timestamp()
);
create index chat_messages_conversation_idx on chat_messages (conversation_id, created_at);
select crm_enable_rls('chat_messages');
