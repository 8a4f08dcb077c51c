-- The report goes to the meeting: the coordinator's commentary outlives every re-draft, so it is kept apart from the
-- drafts and copied into each one. Portable between H2 and PostgreSQL.

create table report_commentary (
    round_key        varchar(64)  not null references round (round_key),
    position         integer      not null,
    heading          varchar(500) not null,
    body             text         not null,
    primary key (round_key, position)
);
