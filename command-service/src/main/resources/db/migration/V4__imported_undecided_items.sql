-- Items that imported minutes left undecided (standing items aside): outstanding at their meeting until later
-- minutes of the committee show them again, when the import continues the same item there instead of proposing a
-- new one. Written by the import in the transaction that records the minutes.
create table imported_undecided_item (
    agenda_item_id text        primary key,
    committee      text        not null,
    title_key      text        not null,
    meeting_id     text        not null,
    meeting_start  timestamptz not null
);

create index imported_undecided_item_title on imported_undecided_item (committee, title_key, meeting_start);
