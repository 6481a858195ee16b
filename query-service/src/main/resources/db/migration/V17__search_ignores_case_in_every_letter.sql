-- Search ignores case in every letter, not only a–z. The text-search parser lower-cases with the database's LC_CTYPE;
-- under the C locale (as clusters are often initialised) that folds A–Z only, so "Økonomi" was indexed as 'Økonomi'
-- and "økonomi" did not find it. The texts are lower-cased with ICU's root collation first, whatever the database's
-- locale; queries are lower-cased by the service before they reach to_tsquery.
alter table agenda_item drop column search;

create or replace function agenda_item_search(title text, recommendation text, background text, presentation text)
    returns tsvector
    language sql
    immutable
    parallel safe
return setweight(to_tsvector('danish', lower(coalesce(title, '') collate "und-x-icu")), 'A')
    || setweight(to_tsvector('danish', lower(coalesce(recommendation, '') collate "und-x-icu")), 'B')
    || setweight(to_tsvector('danish',
                             lower((coalesce(background, '') || ' ' || coalesce(presentation, '')) collate "und-x-icu")),
                 'C');

alter table agenda_item
    add column search tsvector generated always as (
        agenda_item_search(title, recommendation, background, presentation)
    ) stored;
create index agenda_item_search on agenda_item using gin (search);

update agenda_item_history set search = agenda_item_search(title, recommendation, background, presentation);
