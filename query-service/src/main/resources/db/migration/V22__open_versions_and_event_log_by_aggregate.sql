-- Writing a poll's versions (issue 19, pg_stat_statements during M3). Ending the open versions of a poll's meetings,
-- agendas and follow-ups looked through all their versions (an agenda's every line of every version: 9.5 ms a poll);
-- each has one open version (an agenda one per line), found by these indexes (a rebuild keeps them while it loads:
-- the projections' writeIndexes).
create index meeting_history_open on meeting_history (id) where valid_to is null;
create index agenda_entry_history_open on agenda_entry_history (meeting_id) where valid_to is null;
create index follow_up_history_open on follow_up_history (id) where valid_to is null;

-- The event log kept three indexes, two of them unique keys of the same event: its id and its aggregate's sequence.
-- The sequence is the key (and what a redelivery conflicts on); the id's index was only written, never read.
alter table event_log drop constraint event_log_pkey;
alter table event_log drop constraint event_log_aggregate_id_sequence_key;
alter table event_log add primary key (aggregate_id, sequence);
