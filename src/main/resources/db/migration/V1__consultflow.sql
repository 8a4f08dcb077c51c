-- ConsultFlow's own tables. Camunda and Spring Modulith manage theirs.
-- Portable between H2 (embedded default) and PostgreSQL (production).

create table round (
    round_key        varchar(64)  primary key,
    title            varchar(500) not null,
    definition       text         not null,
    status           varchar(20)  not null,
    opened_at        timestamp with time zone not null,
    deadline         timestamp with time zone not null,
    reminders        varchar(500) not null,
    chase            varchar(40),
    report_due       timestamp with time zone,
    rehearsal        boolean      not null,
    closed_at        timestamp with time zone,
    approved_at      timestamp with time zone
);

create table engagement (
    round_key        varchar(64)  not null references round (round_key),
    consultee_id     varchar(64)  not null,
    group_id         varchar(64)  not null,
    required         boolean      not null,
    token_hash       varchar(64)  not null unique,
    invited_at       timestamp with time zone,
    reminder_cursor  integer      not null default 0,
    reminders_sent   integer      not null default 0,
    last_reminder_at timestamp with time zone,
    responded_at     timestamp with time zone,
    chased_at        timestamp with time zone,
    chase_outcome    varchar(2000),
    primary key (round_key, consultee_id)
);

-- Every inbound event id ever accepted: a second delivery of the same id is ignored.
create table inbox_event (
    event_id         varchar(200) primary key,
    source           varchar(500),
    received_at      timestamp with time zone not null,
    payload          text         not null
);

create table response (
    event_id         varchar(200) primary key references inbox_event (event_id),
    round_key        varchar(64)  not null references round (round_key),
    consultee_id     varchar(64)  not null,
    version          integer      not null,
    answers          text         not null,
    respondent_name  varchar(500),
    respondent_email varchar(500),
    submitted_at     timestamp with time zone,
    recorded_at      timestamp with time zone not null,
    late             boolean      not null,
    -- PENDING until the engagement has taken it; CORRELATED after; NOT_CORRELATED when the engagement had ended.
    correlation      varchar(20)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamp with time zone,
    last_error       varchar(2000),
    unique (round_key, consultee_id, version)
);
create index response_pending on response (correlation, next_attempt_at);

create table report (
    round_key        varchar(64)  primary key references round (round_key),
    version          integer      not null,
    drafted_at       timestamp with time zone not null,
    body             text         not null,
    approved_at      timestamp with time zone
);
