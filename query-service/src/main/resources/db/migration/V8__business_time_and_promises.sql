-- Events carry their business time (occurredAt: for imported minutes the meeting's time) besides the time they were
-- recorded. The timeline shows both; rows projected before this migration were recorded as they happened.
alter table event_log add column recorded_at timestamptz;
update event_log set recorded_at = occurred_at;
alter table event_log alter column recorded_at set not null;

-- What a meeting's minutes promise for the committee's next meeting ("Punkter til næste møde"): the latest promise of
-- each meeting, one row per expected item. Whether a promise was kept is read against the next meeting's agenda.
create table meeting_promise (
    meeting_id        text        not null,
    position          int         not null,
    title             text        not null,
    next_meeting_date date,
    promised_at       timestamptz not null,
    promised_by       text,
    primary key (meeting_id, position)
);
