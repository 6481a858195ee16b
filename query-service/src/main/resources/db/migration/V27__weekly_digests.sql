-- Weekly digests (issue 23, part 3). A week's digests are raised once, for everyone with an e-mail address at that
-- moment (someone entered later in the week gets their first digest the next week): the week's row and its digests are
-- inserted by one statement.
create table digest_week (
    week      text        primary key,
    raised_at timestamptz not null
);

-- One row per staff member and ISO week: the unique key is what makes a digest go out once, however many query-service
-- instances look and however often they restart (as the alerts, ADR 6).
create table digest (
    id              text        primary key,
    initials        text        not null,
    -- the ISO week it is for, as 2026-W49 (Danish calendar days)
    week            text        not null,
    raised_at       timestamptz not null,
    -- PENDING until mailed (SENT), or SKIPPED: nothing to tell, opted out, no e-mail address, or its week passed
    state           text        not null check (state in ('PENDING', 'SENT', 'SKIPPED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    -- an instance delivering the digest holds it until lease_until; claim names that delivery
    claim           text,
    lease_until     timestamptz,
    last_error      text,
    recipient       text,
    -- the period whose changes it told of: the next digest of the person starts where this one ended
    changes_after   timestamptz,
    changes_until   timestamptz,
    follow_ups      integer,
    overdue         integer,
    items           integer,
    changes         integer,
    sent_at         timestamptz,
    constraint digest_once unique (initials, week)
);
create index digest_due_for_delivery on digest (next_attempt_at) where state = 'PENDING';
create index digest_by_week on digest (week, initials);

-- Who said no to the digest (or yes again). A preference of the person, not a fact of a case: kept here, not in the
-- event store, so it can be changed and forgotten (ADR 16).
create table digest_subscription (
    initials   text        primary key,
    subscribed boolean     not null,
    changed_at timestamptz not null,
    changed_by text        not null
);

-- A case officer's outstanding items (the digest asks for them per person) and an item's events by when they were
-- recorded (what changed since the last digest).
create index agenda_item_officers on agenda_item using gin (case_officers);
create index event_log_recorded on event_log (agenda_item_id, recorded_at);
