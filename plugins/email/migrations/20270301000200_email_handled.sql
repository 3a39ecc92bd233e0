-- Staff can say a thread needs no answer ("Tak!" from the customer): it leaves the waiting
-- queue until the customer writes again.
alter table email_threads add column handled_at timestamptz;
alter table email_threads add column handled_by text;
