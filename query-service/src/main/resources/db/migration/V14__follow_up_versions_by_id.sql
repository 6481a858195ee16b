-- A follow-up's versions are found by its id (History ends the current one and dates the next from the latest); the
-- only index was by item, so every change of a follow-up scanned all versions of all follow-ups: at 200,000 events of
-- the benchmark's mix that statement was 80 % of what PostgreSQL was doing while the read models were built (M3).
create index follow_up_history_id on follow_up_history (id, valid_from);
