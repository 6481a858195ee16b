-- Requests made with an Idempotency-Key and the successful response they got, so that a retry gets the same answer
-- and records nothing twice. Written in the same transaction as the events the request caused.
create table idempotent_request (
    idempotency_key text        primary key,
    fingerprint     text        not null,
    created_at      timestamptz not null,
    status          integer,
    location        text,
    etag            text,
    content_type    text,
    body            bytea
);

create index idempotent_request_created_at on idempotent_request (created_at);
