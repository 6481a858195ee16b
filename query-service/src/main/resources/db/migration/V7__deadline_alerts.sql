-- Deadline alerts. One row per follow-up, due date, kind and assignee: the unique key is what makes an alert
-- raised exactly once, however many query-service instances look and however often they restart. A moved due
-- date or a new assignee is a new key, so the reminders are armed again.
create table alert (
    id              text        primary key,
    follow_up_id    text        not null,
    due_date        date        not null,
    -- days before the due date it is for: a reminder's lead time (7, 1, ...), or -1 for the overdue alert
    days_before     integer     not null,
    assignee        text        not null,
    raised_at       timestamptz not null,
    -- PENDING until delivered on every channel (SENT); OBSOLETE when the follow-up was closed, moved or
    -- reassigned before it went out
    state           text        not null check (state in ('PENDING', 'SENT', 'OBSOLETE')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    -- an instance delivering the alert holds it until lease_until; claim names that delivery
    claim           text,
    lease_until     timestamptz,
    last_error      text,
    recipient       text,
    mailed_at       timestamptz,
    published_at    timestamptz,
    sent_at         timestamptz,
    constraint alert_once unique (follow_up_id, due_date, days_before, assignee)
);
create index alert_due_for_delivery on alert (next_attempt_at) where state = 'PENDING';
create index alert_by_follow_up on alert (follow_up_id, raised_at);
