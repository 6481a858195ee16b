-- The carry-over process's own state, written by the carry-over event processor in the same transaction as its
-- token: the committees' meetings, and the work still to do (defer an item left undecided; place a deferred item
-- on the next meeting, or on a named one). A task waits here until it can be done, across restarts.
create table carry_over_meeting (
    meeting_id text        primary key,
    committee  text        not null,
    start_at   timestamptz not null,
    state      text        not null
);

create index carry_over_meeting_next on carry_over_meeting (committee, state, start_at);

create table carry_over_task (
    agenda_item_id  text        not null,
    kind            text        not null check (kind in ('DEFER', 'PLACE')),
    from_meeting_id text        not null,
    to_meeting_id   text,
    committee       text        not null,
    not_before      timestamptz not null,
    reason          text,
    correlation_id  text,
    attempts        integer     not null default 0,
    last_error      text,
    next_attempt_at timestamptz not null default now(),
    created_at      timestamptz not null default now(),
    primary key (agenda_item_id, kind)
);
