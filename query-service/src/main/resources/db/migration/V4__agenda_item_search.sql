-- Full-text search over an item's title and texts with PostgreSQL's Danish configuration. Queries use stemmed
-- prefixes, so a search for "erhvervsfremme" finds the compound "erhvervsfremmestrategi".
alter table agenda_item
    add column search tsvector generated always as (
        setweight(to_tsvector('danish', coalesce(title, '')), 'A')
        || setweight(to_tsvector('danish', coalesce(recommendation, '')), 'B')
        || setweight(to_tsvector('danish', coalesce(background, '') || ' ' || coalesce(presentation, '')), 'C')
    ) stored;

create index agenda_item_search on agenda_item using gin (search);
create index agenda_item_proposed_at on agenda_item (proposed_at);
