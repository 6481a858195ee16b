package dk.sagsspor.query.agendaitem;

import dk.sagsspor.events.EventEnvelope;
import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.query.projection.History;
import dk.sagsspor.query.security.Visibility;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The agenda-item read model in PostgreSQL: the current row, its versions (see {@link History}), and what became of
 * the item at each meeting it was on.
 */
@Repository
class AgendaItems {

    static final String TABLE = "agenda_item";

    private final JdbcClient jdbc;
    private final History history;

    AgendaItems(JdbcClient jdbc, History history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    void proposed(AgendaItemProposed event, EventEnvelope envelope) {
        jdbc.sql("""
                        insert into agenda_item (id, committee, title, case_number, case_officers, background,
                                                 recommendation, presentation, attachments, status, version,
                                                 proposed_at, proposed_by, last_changed_at, closed_item)
                        values (:id, :committee, :title, :caseNumber, :caseOfficers, :background,
                                :recommendation, :presentation, :attachments, 'PROPOSED', :version,
                                :time, :actor, :time, :closedItem)""")
                .param("id", event.agendaItemId())
                .param("committee", event.committee())
                .param("title", event.title())
                .param("caseNumber", event.caseNumber())
                .param("caseOfficers", event.caseOfficers().toArray(String[]::new))
                .param("background", event.background())
                .param("recommendation", event.recommendation())
                .param("presentation", event.presentation())
                .param("attachments", event.attachments().toArray(String[]::new))
                .param("version", envelope.sequence())
                .param("time", Timestamp.from(envelope.occurredAt()))
                .param("actor", envelope.actor())
                .param("closedItem", event.closedItem())
                .update();
        history.record(TABLE, "id", event.agendaItemId(), envelope.occurredAt());
    }

    void revised(AgendaItemRevised event, EventEnvelope envelope) {
        update(
                envelope,
                """
                title = :title, case_number = :caseNumber, case_officers = :caseOfficers, background = :background,
                recommendation = :recommendation, presentation = :presentation, attachments = :attachments""",
                Map.of(
                        "title", event.title(),
                        "caseNumber", nullable(event.caseNumber()),
                        "caseOfficers", event.caseOfficers().toArray(String[]::new),
                        "background", nullable(event.background()),
                        "recommendation", nullable(event.recommendation()),
                        "presentation", nullable(event.presentation()),
                        "attachments", event.attachments().toArray(String[]::new)));
    }

    void scheduled(String meetingId, EventEnvelope envelope) {
        update(envelope, "status = 'SCHEDULED', meeting_id = :meetingId", Map.of("meetingId", meetingId));
    }

    void unscheduled(EventEnvelope envelope) {
        update(envelope, "status = 'PROPOSED', meeting_id = null", Map.of());
    }

    void decided(DecisionOutcome outcome, String text, EventEnvelope envelope) {
        update(
                envelope,
                "status = 'DECIDED', outcome = :outcome, resolution_text = :text",
                Map.of("outcome", outcome.name(), "text", text));
    }

    /** Deferred by the committee (or left undecided), or moved because the meeting was cancelled. */
    void deferred(boolean meetingCancelled, EventEnvelope envelope) {
        update(
                envelope,
                meetingCancelled
                        ? "status = 'DEFERRED', meeting_id = null, times_moved = times_moved + 1"
                        : "status = 'DEFERRED', meeting_id = null, times_deferred = times_deferred + 1",
                Map.of());
    }

    void withdrawn(EventEnvelope envelope) {
        update(envelope, "status = 'WITHDRAWN', meeting_id = null", Map.of());
    }

    /** A follow-up of the item was assigned ({@code +1}), or completed or cancelled ({@code -1}). */
    void followUps(int change, EventEnvelope envelope) {
        update(envelope, "open_follow_ups = open_follow_ups + :change", Map.of("change", change));
    }

    /** Any other event: the item has a new version. */
    void touched(EventEnvelope envelope) {
        update(envelope, "", Map.of());
    }

    private void update(EventEnvelope envelope, String assignments, Map<String, Object> parameters) {
        jdbc.sql("update agenda_item set " + (assignments.isEmpty() ? "" : assignments + ", ")
                        + "version = :version, last_changed_at = :time where id = :id")
                .params(parameters)
                .param("version", envelope.sequence())
                .param("time", Timestamp.from(envelope.occurredAt()))
                .param("id", envelope.aggregateId())
                .update();
        history.record(TABLE, "id", envelope.aggregateId(), envelope.occurredAt());
    }

    /**
     * Records what became of the item at a meeting: {@code SCHEDULED}, {@code UNSCHEDULED}, {@code DECIDED} (with the
     * outcome), {@code DEFERRED} or {@code WITHDRAWN}. The latest such row is the item's line on that meeting's agenda.
     */
    void atMeeting(String meetingId, String status, DecisionOutcome outcome, EventEnvelope envelope) {
        jdbc.sql("""
                        insert into agenda_item_at_meeting (agenda_item_id, sequence, meeting_id, status, outcome, recorded_at)
                        values (:id, :sequence, :meeting, :status, :outcome, :time)""")
                .param("id", envelope.aggregateId())
                .param("sequence", envelope.sequence())
                .param("meeting", meetingId)
                .param("status", status)
                .param("outcome", outcome == null ? null : outcome.name())
                .param("time", Timestamp.from(envelope.occurredAt()))
                .update();
    }

    /** Map.of takes no nulls; a typed SQL null instead. */
    private static Object nullable(String value) {
        return value == null ? new SqlParameterValue(Types.VARCHAR, null) : value;
    }

    /**
     * The items as they stood at {@code asOf} (see {@link History#asOf(String, Instant, String)}), or the table when
     * it is null; the versions keep no search vector (V20), it is computed for the rows read.
     */
    static String asOf(Instant asOf) {
        return History.asOf(
                TABLE, asOf, "agenda_item_search(h.title, h.recommendation, h.background, h.presentation) as search");
    }

    /** The item now, or as it stood at {@code asOf} (if it existed then), if the current user may see it. */
    Optional<AgendaItem> find(String id, Instant asOf) {
        return jdbc.sql("select * from " + asOf(asOf) + " i where id = :id and " + Visibility.visible("i"))
                .param("id", id)
                .params(Visibility.parameters())
                .param("asOf", asOf == null ? null : Timestamp.from(asOf))
                .query(AgendaItems::row)
                .optional();
    }

    private static AgendaItem row(ResultSet rs, int rowNumber) throws SQLException {
        return new AgendaItem(
                rs.getString("id"),
                rs.getString("committee"),
                rs.getString("title"),
                rs.getString("case_number"),
                strings(rs.getArray("case_officers")),
                rs.getString("background"),
                rs.getString("recommendation"),
                rs.getString("presentation"),
                strings(rs.getArray("attachments")),
                rs.getString("status"),
                rs.getLong("version"),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getString("proposed_by"),
                rs.getTimestamp("last_changed_at").toInstant(),
                !rs.getBoolean("closed_item"),
                rs.getString("meeting_id"),
                rs.getString("outcome"),
                rs.getString("resolution_text"),
                rs.getInt("times_deferred"),
                rs.getInt("times_moved"),
                List.of());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
