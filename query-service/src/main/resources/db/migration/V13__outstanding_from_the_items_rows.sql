-- The outstanding list read from the items' own rows (issue 19): each item keeps how many of its follow-ups are
-- open (its follow-up events are its own events), and whether it is outstanding — not decided or withdrawn, or
-- decided with open follow-ups — in one place, a function used by the current rows and their versions alike. A
-- partial index holds exactly the outstanding items per committee in the list's order, so the list and its count
-- read only them instead of every item joined to every open follow-up.
create function agenda_item_outstanding(status text, open_follow_ups integer)
    returns boolean
    language sql
    immutable
    parallel safe
return status not in ('DECIDED', 'WITHDRAWN') or (status = 'DECIDED' and open_follow_ups > 0);

alter table agenda_item add column open_follow_ups integer not null default 0;
update agenda_item i
   set open_follow_ups = f.open
  from (select agenda_item_id, count(*) as open from follow_up where status = 'OPEN' group by agenda_item_id) f
 where f.agenda_item_id = i.id;
alter table agenda_item
    add column outstanding boolean generated always as (agenda_item_outstanding(status, open_follow_ups)) stored;
create index agenda_item_outstanding on agenda_item (committee, proposed_at, id) include (closed_item) where outstanding;

-- every version as it stood: the follow-ups open at the instant it began
alter table agenda_item_history add column open_follow_ups integer not null default 0;
update agenda_item_history h
   set open_follow_ups = (select count(*) from follow_up_history f
                           where f.agenda_item_id = h.id and f.status = 'OPEN' and f.valid_from <= h.valid_from
                             and (f.valid_to is null or f.valid_to > h.valid_from));
alter table agenda_item_history
    add column outstanding boolean generated always as (agenda_item_outstanding(status, open_follow_ups)) stored;
