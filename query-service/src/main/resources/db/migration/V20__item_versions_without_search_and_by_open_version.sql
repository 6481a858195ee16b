-- Writing an item's versions cheaply (issue 19, pg_stat_statements during M3). Each version computed the Danish search
-- vector of the item's texts again — the dearest part of the costliest statement of a rebuild — for the rare search
-- of the past; it is now computed when the past is searched, for the versions read (AgendaItems.asOf). And each poll
-- looked for its items' open versions among all their versions, twice; an item has exactly one open version, found
-- by this index in one statement that ends it (a rebuild keeps it while it loads: AgendaItemProjection.writeIndexes).
-- Not unique: History.record ends the open version and inserts the next in one statement, which a unique index
-- refuses.
alter table agenda_item_history drop column search;
create index agenda_item_history_open on agenda_item_history (id) where valid_to is null;
