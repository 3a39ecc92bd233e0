-- Where a knowledge article is published (its page on the website), so the chatbot's
-- citations can link to it. Optional: internal articles have none.
alter table knowledge_articles add column url text check (url ~ '^https?://[^\s]+$' and length(url) <= 2000);
