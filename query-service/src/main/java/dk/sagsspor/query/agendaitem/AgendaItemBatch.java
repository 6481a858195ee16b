package dk.sagsspor.query.agendaitem;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.agendaitem.AgendaItemDecided;
import dk.sagsspor.events.agendaitem.AgendaItemDecisionCorrected;
import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import dk.sagsspor.events.agendaitem.AgendaItemDiscussed;
import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.agendaitem.AgendaItemParts;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.AgendaItemScheduled;
import dk.sagsspor.events.agendaitem.AgendaItemUnscheduled;
import dk.sagsspor.events.agendaitem.AgendaItemWithdrawn;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.events.agendaitem.FollowUpAssigned;
import dk.sagsspor.events.agendaitem.FollowUpCancelled;
import dk.sagsspor.events.agendaitem.FollowUpCompleted;
import dk.sagsspor.events.agendaitem.FollowUpDueDateChanged;
import dk.sagsspor.events.agendaitem.FollowUpReassigned;
import dk.sagsspor.query.projection.DecodedEvent;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * A poll's agenda-item events written in a handful of statements, whatever their number: the items' current rows and
 * the start of their latest versions are read at once, the events applied to the rows in memory — with a version of
 * the row after each, dated as {@link dk.sagsspor.query.projection.History} dates them — and the rows, the versions
 * and the lines at meetings written at once. Several events of one item make one change of its current row. It gives
 * exactly the tables the event-by-event statements of {@link AgendaItems} give (they remain the reference, used when a
 * poll has to be applied event by event to find a failing record).
 */
@Repository
class AgendaItemBatch {

    /** The columns written, in order (the search vector is derived from the texts). */
    private static final String COLUMNS =
            "id, committee, title, case_number, case_officers, background, recommendation,"
                    + " presentation, attachments, status, version, proposed_at, proposed_by, last_changed_at, closed_item,"
                    + " meeting_id, outcome, resolution_text, times_deferred, times_moved, open_follow_ups";

    /** The same columns read from arrays of one element per row (lists as JSON arrays). */
    private static final String FROM_ARRAYS = """
            select r.id, r.committee, r.title, r.case_number,
                   case when r.case_officers is not null
                        then array(select jsonb_array_elements_text(cast(r.case_officers as jsonb))) end,
                   r.background, r.recommendation, r.presentation,
                   case when r.attachments is not null
                        then array(select jsonb_array_elements_text(cast(r.attachments as jsonb))) end,
                   r.status, r.version, r.proposed_at, r.proposed_by,
                   r.last_changed_at, r.closed_item, r.meeting_id, r.outcome, r.resolution_text, r.times_deferred,
                   r.times_moved, r.open_follow_ups
            """;

    private static final String UNNEST = """
              from unnest(cast(:id as text[]), cast(:committee as text[]), cast(:title as text[]),
                          cast(:caseNumber as text[]), cast(:caseOfficers as text[]), cast(:background as text[]),
                          cast(:recommendation as text[]), cast(:presentation as text[]),
                          cast(:attachments as text[]), cast(:status as text[]), cast(:version as bigint[]),
                          cast(:proposedAt as timestamptz[]), cast(:proposedBy as text[]),
                          cast(:lastChangedAt as timestamptz[]), cast(:closedItem as boolean[]),
                          cast(:meetingId as text[]), cast(:outcome as text[]), cast(:resolutionText as text[]),
                          cast(:timesDeferred as integer[]), cast(:timesMoved as integer[]),
                          cast(:openFollowUps as integer[]),
                          cast(:validFrom as timestamptz[]), cast(:validTo as timestamptz[]))
                   as r(id, committee, title, case_number, case_officers, background, recommendation, presentation,
                        attachments, status, version, proposed_at, proposed_by, last_changed_at, closed_item,
                        meeting_id, outcome, resolution_text, times_deferred, times_moved, open_follow_ups, valid_from,
                        valid_to)
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AgendaItemBatch(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void apply(List<DecodedEvent<AgendaItemEvent>> events) {
        List<String> ids =
                events.stream().map(e -> e.envelope().aggregateId()).distinct().toList();
        Map<String, Row> rows = current(ids);
        Map<String, Instant> latestVersion = endOpenVersions(events);
        Map<String, Row> lastVersion = new HashMap<>();
        List<Row> versions = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        for (DecodedEvent<AgendaItemEvent> decoded : events) {
            EventEnvelope envelope = decoded.envelope();
            String id = envelope.aggregateId();
            Instant time = envelope.occurredAt();
            Row row = rows.get(id);
            if (decoded.event() instanceof AgendaItemProposed proposed) {
                if (row != null) {
                    throw new IllegalStateException("Item " + id + " is proposed again");
                }
                row = Row.proposed(proposed, envelope);
                rows.put(id, row);
            } else if (row != null) {
                apply(row, decoded.event());
                row.version = envelope.sequence();
                row.lastChangedAt = time;
            }
            line(decoded.event(), envelope, lines);
            if (row == null) {
                continue; // an update of an item the read model does not have changes nothing, as in SQL
            }
            // the version before this event ends now (never before it began); this one begins no earlier than the
            // latest one
            Row previous = lastVersion.get(id);
            if (previous != null) {
                previous.validTo = max(time, previous.validFrom);
            }
            Row version = row.copy();
            version.validFrom = max(time, latestVersion.get(id));
            latestVersion.put(id, version.validFrom);
            lastVersion.put(id, version);
            versions.add(version);
        }
        writeRows(rows.values().stream()
                .filter(row -> lastVersion.containsKey(row.id))
                .toList());
        writeVersions(versions);
        writeLines(lines);
    }

    private static void apply(Row row, AgendaItemEvent event) {
        switch (event) {
            case AgendaItemProposed e -> throw new IllegalStateException("handled by the caller");
            case AgendaItemRevised e -> row.parts(e);
            case AgendaItemScheduled e -> {
                row.status = "SCHEDULED";
                row.meetingId = e.meetingId();
            }
            case AgendaItemUnscheduled e -> {
                row.status = "PROPOSED";
                row.meetingId = null;
            }
            case AgendaItemDecided e -> decided(row, e.outcome(), e.text());
            case AgendaItemDecisionCorrected e -> decided(row, e.outcome(), e.text());
            case AgendaItemDeferred e -> {
                row.status = "DEFERRED";
                row.meetingId = null;
                if (e.meetingCancelled()) {
                    row.timesMoved++;
                } else {
                    row.timesDeferred++;
                }
            }
            case AgendaItemWithdrawn e -> {
                row.status = "WITHDRAWN";
                row.meetingId = null;
            }
            case AgendaItemDiscussed e -> {}
            case FollowUpAssigned e -> row.openFollowUps++;
            case FollowUpDueDateChanged e -> {}
            case FollowUpReassigned e -> {}
            case FollowUpCompleted e -> row.openFollowUps--;
            case FollowUpCancelled e -> row.openFollowUps--;
        }
    }

    private static void decided(Row row, DecisionOutcome outcome, String text) {
        row.status = "DECIDED";
        row.outcome = outcome.name();
        row.resolutionText = text;
    }

    /** The item's line at a meeting, for the events that make one (as {@link AgendaItemProjection} records them). */
    private static void line(AgendaItemEvent event, EventEnvelope envelope, List<Object[]> lines) {
        String meeting = null;
        String status = null;
        String outcome = null;
        switch (event) {
            case AgendaItemScheduled e -> {
                meeting = e.meetingId();
                status = "SCHEDULED";
            }
            case AgendaItemUnscheduled e -> {
                meeting = e.meetingId();
                status = "UNSCHEDULED";
            }
            case AgendaItemDecided e -> {
                meeting = e.meetingId();
                status = "DECIDED";
                outcome = e.outcome().name();
            }
            case AgendaItemDecisionCorrected e -> {
                meeting = e.meetingId();
                status = "DECIDED";
                outcome = e.outcome().name();
            }
            case AgendaItemDeferred e -> {
                meeting = e.fromMeetingId();
                status = "DEFERRED";
            }
            case AgendaItemWithdrawn e -> {
                meeting = e.meetingId();
                status = e.meetingId() == null ? null : "WITHDRAWN";
            }
            case AgendaItemDiscussed e -> {
                meeting = e.meetingId();
                status = "DISCUSSED";
            }
            case AgendaItemProposed e -> {}
            case AgendaItemRevised e -> {}
            case FollowUpAssigned e -> {}
            case FollowUpDueDateChanged e -> {}
            case FollowUpReassigned e -> {}
            case FollowUpCompleted e -> {}
            case FollowUpCancelled e -> {}
        }
        if (status != null) {
            lines.add(new Object[] {
                envelope.aggregateId(),
                Long.toString(envelope.sequence()),
                meeting,
                status,
                outcome,
                envelope.occurredAt().toString()
            });
        }
    }

    private Map<String, Row> current(List<String> ids) {
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from agenda_item where id = any(:ids)")
                .param("ids", ids.toArray(String[]::new))
                .query((rs, n) -> rows.put(rs.getString("id"), Row.of(rs)))
                .list();
        return rows;
    }

    private void writeRows(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String updates = Arrays.stream(COLUMNS.split(",\\s*"))
                .filter(column -> !column.equals("id"))
                .map(column -> column + " = excluded." + column)
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        bind(
                        jdbc.sql("insert into agenda_item (" + COLUMNS + ") " + FROM_ARRAYS + UNNEST
                                + " on conflict (id) do update set " + updates),
                        rows)
                .update();
    }

    /**
     * Ends the open version of each item of the poll at its first event of the poll (never before the version began)
     * and answers where those versions began: the new ones begin no earlier. One statement, by the index of open
     * versions (one per item, V20); an item without versions (new in this poll, or unknown) is not in the answer.
     */
    private Map<String, Instant> endOpenVersions(List<DecodedEvent<AgendaItemEvent>> events) {
        Map<String, Instant> firstEvent = new LinkedHashMap<>();
        for (DecodedEvent<AgendaItemEvent> event : events) {
            firstEvent.putIfAbsent(
                    event.envelope().aggregateId(), event.envelope().occurredAt());
        }
        Map<String, Instant> began = new HashMap<>();
        jdbc.sql("""
                        update agenda_item_history h set valid_to = greatest(e.time, h.valid_from)
                          from unnest(cast(:ids as text[]), cast(:times as timestamptz[])) as e(id, time)
                         where h.id = e.id and h.valid_to is null
                        returning h.id, h.valid_from""")
                .param("ids", firstEvent.keySet().toArray(String[]::new))
                .param(
                        "times",
                        firstEvent.values().stream().map(Instant::toString).toArray(String[]::new))
                .query((rs, n) -> began.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
        return began;
    }

    private void writeVersions(List<Row> versions) {
        if (versions.isEmpty()) {
            return;
        }
        bind(
                        jdbc.sql("insert into agenda_item_history (" + COLUMNS + ", valid_from, valid_to) "
                                + FROM_ARRAYS
                                + ", r.valid_from, r.valid_to "
                                + UNNEST),
                        versions)
                .update();
    }

    private void writeLines(List<Object[]> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into agenda_item_at_meeting (agenda_item_id, sequence, meeting_id, status, outcome, recorded_at)
                        select * from unnest(cast(:ids as text[]), cast(:sequences as bigint[]),
                                             cast(:meetings as text[]), cast(:statuses as text[]),
                                             cast(:outcomes as text[]), cast(:times as timestamptz[]))""")
                .param("ids", column(lines, 0))
                .param("sequences", column(lines, 1))
                .param("meetings", column(lines, 2))
                .param("statuses", column(lines, 3))
                .param("outcomes", column(lines, 4))
                .param("times", column(lines, 5))
                .update();
    }

    private static String[] column(List<Object[]> lines, int index) {
        return lines.stream().map(line -> (String) line[index]).toArray(String[]::new);
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, List<Row> rows) {
        return statement
                .param("id", texts(rows, r -> r.id))
                .param("committee", texts(rows, r -> r.committee))
                .param("title", texts(rows, r -> r.title))
                .param("caseNumber", texts(rows, r -> r.caseNumber))
                .param("caseOfficers", texts(rows, r -> list(r.caseOfficers)))
                .param("background", texts(rows, r -> r.background))
                .param("recommendation", texts(rows, r -> r.recommendation))
                .param("presentation", texts(rows, r -> r.presentation))
                .param("attachments", texts(rows, r -> list(r.attachments)))
                .param("status", texts(rows, r -> r.status))
                .param("version", texts(rows, r -> Long.toString(r.version)))
                .param("proposedAt", texts(rows, r -> r.proposedAt.toString()))
                .param("proposedBy", texts(rows, r -> r.proposedBy))
                .param("lastChangedAt", texts(rows, r -> r.lastChangedAt.toString()))
                .param("closedItem", texts(rows, r -> Boolean.toString(r.closedItem)))
                .param("meetingId", texts(rows, r -> r.meetingId))
                .param("outcome", texts(rows, r -> r.outcome))
                .param("resolutionText", texts(rows, r -> r.resolutionText))
                .param("timesDeferred", texts(rows, r -> Integer.toString(r.timesDeferred)))
                .param("timesMoved", texts(rows, r -> Integer.toString(r.timesMoved)))
                .param("openFollowUps", texts(rows, r -> Integer.toString(r.openFollowUps)))
                .param("validFrom", texts(rows, r -> r.validFrom == null ? null : r.validFrom.toString()))
                .param("validTo", texts(rows, r -> r.validTo == null ? null : r.validTo.toString()));
    }

    private String list(List<String> values) {
        return values == null ? null : json.writeValueAsString(values);
    }

    private static String[] texts(List<Row> rows, Function<Row, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static Instant max(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    /** An item's row in memory, and the validity of a version of it. */
    private static final class Row {
        String id;
        String committee;
        String title;
        String caseNumber;
        List<String> caseOfficers;
        String background;
        String recommendation;
        String presentation;
        List<String> attachments;
        String status;
        long version;
        Instant proposedAt;
        String proposedBy;
        Instant lastChangedAt;
        boolean closedItem;
        String meetingId;
        String outcome;
        String resolutionText;
        int timesDeferred;
        int timesMoved;
        int openFollowUps;
        Instant validFrom;
        Instant validTo;

        static Row proposed(AgendaItemProposed e, EventEnvelope envelope) {
            Row row = new Row();
            row.id = e.agendaItemId();
            row.committee = e.committee();
            row.parts(e);
            row.status = "PROPOSED";
            row.version = envelope.sequence();
            row.proposedAt = envelope.occurredAt();
            row.proposedBy = envelope.actor();
            row.lastChangedAt = envelope.occurredAt();
            row.closedItem = e.closedItem();
            return row;
        }

        /** The parts a proposal states and a revision restates in full. */
        void parts(AgendaItemParts stated) {
            title = stated.title();
            caseNumber = stated.caseNumber();
            caseOfficers = stated.caseOfficers();
            background = stated.background();
            recommendation = stated.recommendation();
            presentation = stated.presentation();
            attachments = stated.attachments();
        }

        static Row of(ResultSet rs) throws SQLException {
            Row row = new Row();
            row.id = rs.getString("id");
            row.committee = rs.getString("committee");
            row.title = rs.getString("title");
            row.caseNumber = rs.getString("case_number");
            row.caseOfficers = strings(rs.getArray("case_officers"));
            row.background = rs.getString("background");
            row.recommendation = rs.getString("recommendation");
            row.presentation = rs.getString("presentation");
            row.attachments = strings(rs.getArray("attachments"));
            row.status = rs.getString("status");
            row.version = rs.getLong("version");
            row.proposedAt = rs.getTimestamp("proposed_at").toInstant();
            row.proposedBy = rs.getString("proposed_by");
            row.lastChangedAt = rs.getTimestamp("last_changed_at").toInstant();
            row.closedItem = rs.getBoolean("closed_item");
            row.meetingId = rs.getString("meeting_id");
            row.outcome = rs.getString("outcome");
            row.resolutionText = rs.getString("resolution_text");
            row.timesDeferred = rs.getInt("times_deferred");
            row.timesMoved = rs.getInt("times_moved");
            row.openFollowUps = rs.getInt("open_follow_ups");
            return row;
        }

        Row copy() {
            Row copy = new Row();
            copy.id = id;
            copy.committee = committee;
            copy.title = title;
            copy.caseNumber = caseNumber;
            copy.caseOfficers = caseOfficers;
            copy.background = background;
            copy.recommendation = recommendation;
            copy.presentation = presentation;
            copy.attachments = attachments;
            copy.status = status;
            copy.version = version;
            copy.proposedAt = proposedAt;
            copy.proposedBy = proposedBy;
            copy.lastChangedAt = lastChangedAt;
            copy.closedItem = closedItem;
            copy.meetingId = meetingId;
            copy.outcome = outcome;
            copy.resolutionText = resolutionText;
            copy.timesDeferred = timesDeferred;
            copy.timesMoved = timesMoved;
            copy.openFollowUps = openFollowUps;
            return copy;
        }

        private static List<String> strings(Array array) throws SQLException {
            return array == null ? null : List.of((String[]) array.getArray());
        }
    }
}
