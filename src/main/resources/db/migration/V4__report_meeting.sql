-- The report goes to the meeting: the coordinator's commentary outlives every re-draft, so it is kept apart from the
-- drafts and copied into each one. Portable between H2 and PostgreSQL.

create table report_commentary (
    round_key        varchar(64)  not null references round (round_key),
    position         integer      not null,
    heading          varchar(500) not null,
    body             text         not null,
    primary key (round_key, position)
);

-- The approved report, frozen at approval: the version the coordinator approved, the SHA-256 of its data (the JSON
-- file) and the bytes of every format as rendered then. Later downloads, mails and the evidence pack hand out these
-- very bytes, so nothing a re-render would change (a library upgrade, a font) alters what was approved.
create table approved_report (
    round_key        varchar(64)  primary key references round (round_key),
    version          integer      not null,
    approved_at      timestamp with time zone not null,
    sha256           varchar(64)  not null
);

create table approved_report_file (
    round_key        varchar(64)  not null references approved_report (round_key),
    format           varchar(20)  not null,
    sha256           varchar(64)  not null,
    content          bytea        not null,
    primary key (round_key, format)
);
