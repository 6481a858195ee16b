-- The event log keeps what the timelines show of each item — its title, committee and whether it is closed — in a
-- table of its own, written by its projection, instead of reading the items' read model (issue 19: each read model
-- owns its tables). Filled from the items' read model once; from here on by the projection.
create table event_log_item (
    id          text    primary key,
    committee   text    not null,
    title       text    not null,
    closed_item boolean not null
);
insert into event_log_item (id, committee, title, closed_item)
select id, committee, title, closed_item from agenda_item;
