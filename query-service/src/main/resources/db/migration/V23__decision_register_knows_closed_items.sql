-- The decision register keeps, with each item it knows, whether the item is closed (set when it is proposed, never
-- changed), so it tells which decisions a user may see from its own tables instead of joining the item read model's
-- (issue 19: each read model owns its tables, and a rebuild of one swaps nothing another reads). Filled from the
-- items' read model once; from here on by the projection.
alter table decision_item add column closed_item boolean not null default false;
update decision_item d set closed_item = true from agenda_item a where a.id = d.id and a.closed_item;
