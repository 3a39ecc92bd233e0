-- A contact's email address is unique within its company, not across all companies: a caller
-- restricted to one company must not learn, from a refused insert, that an address exists in a
-- company it can't see (docs/adr/0005). The resolver still finds the company of an address.
drop index if exists contacts_email_key;
create unique index contacts_company_email_key on contacts (company_id, email) where email is not null;
create index contacts_email_idx on contacts (email) where email is not null;
