-- The searched text of an item in one place: the current table's generated column and the versions the projection
-- writes a poll at a time (which compute it for each version of the texts) use the same function.
create function agenda_item_search(title text, recommendation text, background text, presentation text)
    returns tsvector
    language sql
    immutable
    parallel safe
return setweight(to_tsvector('danish', coalesce(title, '')), 'A')
    || setweight(to_tsvector('danish', coalesce(recommendation, '')), 'B')
    || setweight(to_tsvector('danish', coalesce(background, '') || ' ' || coalesce(presentation, '')), 'C');

alter table agenda_item drop column search;
alter table agenda_item
    add column search tsvector generated always as (
        agenda_item_search(title, recommendation, background, presentation)
    ) stored;
create index agenda_item_search on agenda_item using gin (search);
