-- Undertakings found in a meeting's decisions, as a secretary reviewed them: accepted as promises for the next
-- meeting (under a title) or dismissed. The latest review of each counts.
create table meeting_undertaking (
    meeting_id     text        not null,
    agenda_item_id text        not null,
    quote          text        not null,
    accepted       boolean     not null,
    title          text,
    reviewed_at    timestamptz not null,
    reviewed_by    text,
    primary key (meeting_id, agenda_item_id, quote)
);
