-- The agenda item's lifecycle as the query side shows it.
alter table agenda_item
    add column closed_item     boolean not null default false,
    add column meeting_id      text,
    add column outcome         text,
    add column resolution_text text,
    add column times_deferred  integer not null default 0;

create index agenda_item_meeting on agenda_item (meeting_id);
create index agenda_item_status on agenda_item (status);
