-- A move because the item's meeting was cancelled is no deferral by the committee: times_deferred counts deferrals,
-- times_moved the moves from cancelled meetings (AgendaItemDeferred v2 meetingCancelled; version 1 events are upcast
-- from the carry-over's reason). Counts made before this migration include moves in times_deferred until the item
-- read model is rebuilt (POST /api/admin/projections/agenda-items/rebuild), which splits them.
alter table agenda_item add column times_moved integer not null default 0;
alter table agenda_item_history add column times_moved integer not null default 0;
