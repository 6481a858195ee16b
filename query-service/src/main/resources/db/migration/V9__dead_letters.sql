-- Records a projection could not apply (dead letters) and the records of the same aggregate held behind them, with
-- everything needed to show them, tell which aggregates are incomplete, and replay them once the cause is fixed.
-- One row per projection and record: a rebuild that meets a known dead letter again counts it, and does not
-- publish it to the dead-letter topic a second time.
create table dead_letter (
    id              bigserial primary key,
    projection      text        not null,
    topic           text        not null,
    kafka_partition integer     not null,
    record_offset   bigint      not null,
    aggregate_id    text,
    event_id        text,
    event_type      text,
    sequence        bigint,
    record_key      text,
    record_value    bytea,
    record_headers  jsonb       not null,
    -- open: the record failed on its own; held: it waits behind an open dead letter of its aggregate; replayed
    status          text        not null check (status in ('open', 'held', 'replayed')),
    reason          text        not null,
    exception       text        not null,
    failures        integer     not null default 1,
    first_failed_at timestamptz not null,
    last_failed_at  timestamptz not null,
    replayed_at     timestamptz,
    replayed_by     text,
    unique (projection, topic, kafka_partition, record_offset)
);

create index dead_letter_unresolved on dead_letter (aggregate_id, projection) where status <> 'replayed';
