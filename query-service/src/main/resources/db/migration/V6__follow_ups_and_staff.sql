-- The staff directory as the query side knows it: who follow-ups are assigned to and where alerts go.
create table staff_member (
    initials text primary key,
    name     text not null,
    email    text not null
);

-- What the follow-ups projection keeps of each item: enough to say whose and what a follow-up is about.
create table follow_up_item (
    id          text    primary key,
    committee   text    not null,
    title       text    not null,
    case_number text,
    meeting_id  text,
    closed_item boolean not null
);

-- Follow-ups of decided items, with their versions for as-of queries.
create table follow_up (
    id             text        primary key,
    agenda_item_id text        not null,
    description    text        not null,
    due_date       date        not null,
    assignee       text        not null,
    source         text,
    status         text        not null check (status in ('OPEN', 'DONE', 'CANCELLED')),
    closing_note   text,
    assigned_at    timestamptz not null,
    modified       timestamptz not null
);
create index follow_up_by_item on follow_up (agenda_item_id, status);
create index follow_up_due on follow_up (status, due_date);
create index follow_up_assignee on follow_up (assignee, due_date);

create table follow_up_history (like follow_up);
alter table follow_up_history
    add column valid_from timestamptz not null,
    add column valid_to   timestamptz;
create index follow_up_history_item on follow_up_history (agenda_item_id, valid_from);
