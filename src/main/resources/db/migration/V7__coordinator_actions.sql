-- Coordinator actions from the console: re-sent invitations retire the old personal link, and consultees are added to
-- open rounds. Portable between H2 and PostgreSQL.

-- Which personal link is current: 0 is the link of the first invitation, derived from the business key alone, so the
-- links of rounds started before this column existed keep working; each re-sent invitation counts one up.
alter table engagement add column link_generation integer default 0 not null;

-- Links that were replaced by a newer invitation, by hash like the current one: an old link then says it was replaced,
-- and when, rather than "page not found", and still takes no answers.
create table retired_link (
    token_hash       varchar(64)  primary key,
    round_key        varchar(64)  not null references round (round_key),
    consultee_id     varchar(64)  not null,
    generation       integer      not null,
    retired_at       timestamp with time zone not null
);

-- Consultees a coordinator added after the round started. The round's definition stays exactly as started (it is the
-- evidence of what was asked of whom at the start); these are read after it, in the order added.
create table added_consultee (
    round_key        varchar(64)  not null references round (round_key),
    consultee_id     varchar(64)  not null,
    consultee        text         not null,
    added_by         varchar(200) not null,
    added_at         timestamp with time zone not null,
    primary key (round_key, consultee_id)
);
