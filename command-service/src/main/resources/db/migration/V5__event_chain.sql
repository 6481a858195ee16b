-- The tamper-evident history (docs/audit.md): a hash chain over every stored event in global order, and the seals
-- (the chain's head at a time) that are also published to a Kafka topic kept forever.

create table event_chain (
    global_index     bigint      primary key,
    event_identifier text        not null unique,
    content_hash     char(64)    not null,
    link             char(64)    not null,
    chained_at       timestamptz not null default now()
);

create table event_seal (
    id           bigserial   primary key,
    global_index bigint      not null,
    link         char(64)    not null,
    events       bigint      not null,
    sealed_at    timestamptz not null,
    published_at timestamptz
);

create index event_seal_unpublished on event_seal (id) where published_at is null;
