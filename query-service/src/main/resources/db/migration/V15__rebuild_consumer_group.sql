-- A rebuild's consumer group: while it has members the rebuild runs; a rebuild left in progress by a service that
-- stopped has none, and is then recorded as failed (interrupted) and its tables dropped when a service starts.
alter table projection_rebuild add column consumer_group text;
