-- A meeting known by its day only (imported minutes that give no time of day): its start is the day's beginning in
-- Danish time and no hour is shown or invented; calendars show it as a whole day. So do its versions behind asOf.
alter table meeting add column day_only boolean not null default false;
alter table meeting_history add column day_only boolean not null default false;
