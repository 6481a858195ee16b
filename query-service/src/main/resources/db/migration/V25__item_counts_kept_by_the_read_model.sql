-- The lists' totals without counting the items (issue 19): the items read model keeps how many items, and how many
-- outstanding, each committee has — open and closed apart, so a reader's total leaves out what the reader may not see.
-- Kept by statement triggers on agenda_item, so every way of writing an item (a poll's batch, an event at a time, a
-- rebuild, whose copy of the table gets the triggers too) keeps them. A changed row adds a row of differences rather
-- than updating one row per committee: concurrent consumers never wait for one another's counts, and never deadlock
-- on them. A total is the sum of a committee's rows; AgendaItemCounts folds each committee's rows into one now and
-- then (concurrent folds are safe: a row is deleted, and summed, once).
create table agenda_item_count (
    committee   text    not null,
    closed_item boolean not null,
    items       bigint  not null,
    outstanding bigint  not null
);
create index agenda_item_count_committee on agenda_item_count (committee);

-- the count table is the one beside the item table that changed (its schema: a rebuild writes into its own)
create function agenda_item_counted() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        execute format($sql$
            insert into %I.agenda_item_count (committee, closed_item, items, outstanding)
            select committee, coalesce(closed_item, false), count(*), count(*) filter (where outstanding)
              from new_rows
             group by 1, 2$sql$, tg_table_schema);
    elsif tg_op = 'UPDATE' then
        execute format($sql$
            insert into %I.agenda_item_count (committee, closed_item, items, outstanding)
            select committee, closed_item, sum(items), sum(outstanding)
              from (select committee, coalesce(closed_item, false) as closed_item, 1 as items,
                           case when outstanding then 1 else 0 end as outstanding
                      from new_rows
                    union all
                    select committee, coalesce(closed_item, false), -1, case when outstanding then -1 else 0 end
                      from old_rows) as difference
             group by 1, 2
            having sum(items) <> 0 or sum(outstanding) <> 0$sql$, tg_table_schema);
    else
        execute format($sql$
            insert into %I.agenda_item_count (committee, closed_item, items, outstanding)
            select committee, coalesce(closed_item, false), -count(*), -count(*) filter (where outstanding)
              from old_rows
             group by 1, 2$sql$, tg_table_schema);
    end if;
    return null;
end
$$;

create trigger agenda_item_counted_insert after insert on agenda_item
    referencing new table as new_rows for each statement execute function agenda_item_counted();
create trigger agenda_item_counted_update after update on agenda_item
    referencing old table as old_rows new table as new_rows for each statement execute function agenda_item_counted();
create trigger agenda_item_counted_delete after delete on agenda_item
    referencing old table as old_rows for each statement execute function agenda_item_counted();

insert into agenda_item_count (committee, closed_item, items, outstanding)
select committee, coalesce(closed_item, false), count(*), count(*) filter (where outstanding)
  from agenda_item
 group by 1, 2;
