-- Answers a consultee saved on the personal-link page without sending them: one draft per engagement, replaced at
-- each save and removed when a response is sent. Drafts are not responses: nothing counts or is receipted from here.
-- Portable between H2 and PostgreSQL.

create table response_draft (
    round_key        varchar(64)  not null references round (round_key),
    consultee_id     varchar(64)  not null,
    -- The form's fields as JSON, exactly as they will be shown again (not yet answers: they may be half-written).
    fields           text         not null,
    -- The name typed on the form, if any: several people of one organisation may share the link.
    saved_by         varchar(200),
    saved_at         timestamp with time zone not null,
    primary key (round_key, consultee_id)
);
