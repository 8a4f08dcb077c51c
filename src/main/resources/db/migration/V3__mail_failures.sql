-- The last mail to an engagement that could never be delivered (a refused or malformed address), shown to the
-- coordinator; such mails are not retried, so the engagement carries on without them.
alter table engagement add column mail_failed_at timestamp with time zone;
alter table engagement add column mail_failure varchar(2000);
