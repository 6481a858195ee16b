-- Every event as recorded, with a readable summary: the timelines read it.
create table event_log (
    event_id       text        primary key,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    sequence       bigint      not null,
    type           text        not null,
    occurred_at    timestamptz not null,
    actor          text,
    correlation_id text,
    agenda_item_id text,
    summary        text        not null,
    payload        jsonb       not null,
    unique (aggregate_id, sequence)
);

create index event_log_agenda_item on event_log (agenda_item_id, occurred_at);

-- Meetings and their agendas.
create table meeting (
    id                 text        primary key,
    committee          text        not null,
    start_at           timestamptz not null,
    end_at             timestamptz,
    location           text        not null,
    state              text        not null,
    cancellation       text,
    agenda_published   boolean     not null default false,
    minutes_approved   boolean     not null default false,
    version            bigint      not null,
    created            timestamptz not null,
    modified           timestamptz not null
);

create index meeting_committee_start on meeting (committee, start_at);

create table agenda_entry (
    meeting_id     text    not null references meeting (id),
    agenda_item_id text    not null,
    number         text,
    section        text,
    position       integer not null,
    primary key (meeting_id, agenda_item_id)
);

-- The decision register: decisions and corrections, with what the register shows of the item.
create table decision_item (
    id          text primary key,
    committee   text not null,
    title       text not null,
    case_number text
);

create table decision (
    event_id       text        primary key,
    agenda_item_id text        not null,
    meeting_id     text        not null,
    kind           text        not null check (kind in ('DECISION', 'CORRECTION')),
    outcome        text        not null,
    text           text        not null,
    reason         text,
    decided_at     timestamptz not null,
    decided_by     text
);

create index decision_by_item on decision (agenda_item_id);
create index decision_by_time on decision (decided_at);
