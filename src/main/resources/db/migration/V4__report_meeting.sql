-- The report goes to the meeting: the coordinator's commentary outlives every re-draft, and the approved version is
-- frozen, each format's bytes kept with their SHA-256 so that what was mailed and archived can be shown unchanged.
-- Portable between H2 and PostgreSQL.

create table report_commentary (
    round_key        varchar(64)  not null references round (round_key),
    position         integer      not null,
    heading          varchar(500) not null,
    body             text         not null,
    primary key (round_key, position)
);

alter table report add column approved_version integer;
alter table report add column approved_sha256 varchar(64);

create table approved_report_file (
    round_key        varchar(64)  not null references round (round_key),
    format           varchar(20)  not null,
    media_type       varchar(100) not null,
    file_name        varchar(200) not null,
    content          bytea        not null,
    sha256           varchar(64)  not null,
    primary key (round_key, format)
);
