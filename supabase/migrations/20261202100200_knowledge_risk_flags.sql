-- What an article holds that the chatbot must not pass on to visitors as an instruction:
-- payment details and links to other sites (core/content/risks.ts). Publishing such an article
-- needs the admin scope; the flags say why, for the staff's review.
alter table knowledge_articles add column risk_flags text[] not null default '{}'
  check (risk_flags <@ array['payment_details', 'external_link']);
