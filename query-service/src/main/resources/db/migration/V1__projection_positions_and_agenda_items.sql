-- Where each projection stands in each aggregate's history. Written in the same transaction as the
-- read-model change, so a redelivered event is skipped and a missing one is noticed.
create table projection_position (
    projection      text        not null,
    aggregate_id    text        not null,
    last_sequence   bigint      not null,
    last_event_id   text        not null,
    last_event_time timestamptz not null,
    primary key (projection, aggregate_id)
);

create table agenda_item (
    id              text        primary key,
    committee       text        not null,
    title           text        not null,
    case_number     text,
    case_officers   text[]      not null,
    background      text,
    recommendation  text,
    presentation    text,
    attachments     text[]      not null,
    status          text        not null,
    version         bigint      not null,
    proposed_at     timestamptz not null,
    proposed_by     text,
    last_changed_at timestamptz not null
);

create index agenda_item_committee on agenda_item (committee);
create index agenda_item_case_number on agenda_item (case_number);
