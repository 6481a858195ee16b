-- A rebuild builds a read model's tables afresh in a schema of its own and swaps them in when it has caught up with
-- the live consumer (ADR 13): what state it is in, when it finished, and why it failed if it did.
alter table projection_rebuild
    add column state       text not null default 'swapped',
    add column finished_at timestamptz,
    add column detail      text;

-- A read model's tables are built and swapped as a whole; a foreign key between two of them would tie the new table to
-- the old one while the other is rebuilt. The meetings projection writes both from one aggregate's events.
alter table agenda_entry drop constraint if exists agenda_entry_meeting_id_fkey;
