-- A meeting imported from minutes that do not state a place has none (null), rather than a placeholder text; so do
-- its versions behind asOf.
alter table meeting alter column location drop not null;
alter table meeting_history alter column location drop not null;
