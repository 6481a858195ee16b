-- When the agenda was last sent out, so a client can ask for the agenda "as published".
alter table meeting add column agenda_published_at timestamptz;

-- Every version of the versioned read models: a row as it stood from the recorded time of the event that made it
-- (valid_from) until the next event changed it (valid_to, null while current). The as-of queries read these; the
-- projections write them in the same transaction as the current row. Columns are the current table's, so the same
-- queries serve both.
create table agenda_item_history (like agenda_item);
alter table agenda_item_history
    add column valid_from timestamptz not null,
    add column valid_to   timestamptz;
create index agenda_item_history_id on agenda_item_history (id, valid_from);
create index agenda_item_history_valid on agenda_item_history (valid_from, valid_to);

create table meeting_history (like meeting);
alter table meeting_history
    add column valid_from timestamptz not null,
    add column valid_to   timestamptz;
create index meeting_history_id on meeting_history (id, valid_from);

create table agenda_entry_history (like agenda_entry);
alter table agenda_entry_history
    add column valid_from timestamptz not null,
    add column valid_to   timestamptz;
create index agenda_entry_history_meeting on agenda_entry_history (meeting_id, valid_from);

-- What became of an item at each meeting it was on (scheduled, decided with its outcome, deferred, withdrawn), one
-- row per event, so a meeting's agenda shows each line as it ended at that meeting, also after the item moved on.
create table agenda_item_at_meeting (
    agenda_item_id text        not null,
    sequence       bigint      not null,
    meeting_id     text        not null,
    status         text        not null,
    outcome        text,
    recorded_at    timestamptz not null,
    primary key (agenda_item_id, sequence)
);
create index agenda_item_at_meeting_meeting on agenda_item_at_meeting (meeting_id, agenda_item_id, sequence);

-- Rows projected before this migration start their history at their last change; rebuild the agenda-items and
-- meetings projections (see the README) for the full history.
insert into agenda_item_history select *, last_changed_at, null from agenda_item;
insert into meeting_history select *, modified, null from meeting;
insert into agenda_entry_history select e.*, m.modified, null from agenda_entry e join meeting m on m.id = e.meeting_id;

-- Rebuilds of projections: who asked, when, and the topic's end offsets then; the rebuild has caught up when the
-- projection's consumer group has committed them.
create table projection_rebuild (
    id             bigint generated always as identity primary key,
    projection     text        not null,
    requested_at   timestamptz not null,
    requested_by   text        not null,
    target_offsets jsonb       not null
);
create index projection_rebuild_latest on projection_rebuild (projection, requested_at desc);
