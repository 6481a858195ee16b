-- The corrections made when the minutes were approved, in their words, on the meeting and its versions behind asOf.
alter table meeting add column minutes_corrections text[];
alter table meeting_history add column minutes_corrections text[];
