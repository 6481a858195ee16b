package dk.sagsspor.query.meeting;

import dk.sagsspor.query.agendaitem.AgendaItemReadModel;
import dk.sagsspor.query.agendaitem.AgendaItemReadModel.OnAgenda;
import dk.sagsspor.query.agendaitem.AgendaItemReadModel.Placement;
import dk.sagsspor.query.agendaitem.MeetingStarts;
import dk.sagsspor.query.projection.History;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other features may ask of the meetings read model. It owns {@code meeting}, {@code agenda_entry},
 * {@code meeting_promise} and their versions; no other feature reads those tables in its own SQL, so this read model
 * can be rebuilt and swapped alone (ADR 13).
 */
@Repository
public class MeetingReadModel implements MeetingStarts {

    private final JdbcClient jdbc;
    private final AgendaItemReadModel items;

    MeetingReadModel(JdbcClient jdbc, AgendaItemReadModel items) {
        this.jdbc = jdbc;
        this.items = items;
    }

    /**
     * A line of a meeting's agenda: the entry (number, place, section heading) with its item as the items read model
     * shows it at that meeting.
     */
    public record Line(
            String meetingId,
            String itemId,
            @Nullable String number,
            @Nullable String section,
            OnAgenda item) {}

    /**
     * The lines of these meetings' agendas as they stood at {@code asOf} (now when null), in order, by meeting; a line
     * whose item the current user may not see is left out, one whose item the items read model does not know (yet)
     * keeps its place without the item's parts.
     */
    public Map<String, List<Line>> agendas(Collection<String> meetingIds, @Nullable Instant asOf) {
        Map<String, List<Line>> agendas = new LinkedHashMap<>();
        if (meetingIds.isEmpty()) {
            return agendas;
        }
        record Entry(String meetingId, String itemId, String number, String section) {}
        List<Entry> entries = jdbc.sql("select e.meeting_id, e.agenda_item_id, e.number, e.section from "
                        + History.asOf("agenda_entry", asOf)
                        + " e where e.meeting_id = any (cast(:meetings as text[])) order by e.meeting_id, e.position")
                .param("meetings", meetingIds.stream().distinct().toArray(String[]::new))
                .param("asOf", asOf == null ? null : Timestamp.from(asOf))
                .query((rs, n) -> new Entry(
                        rs.getString("meeting_id"),
                        rs.getString("agenda_item_id"),
                        rs.getString("number"),
                        rs.getString("section")))
                .list();
        Map<Placement, OnAgenda> onAgendas = items.onAgendas(
                entries.stream()
                        .map(e -> new Placement(e.meetingId(), e.itemId()))
                        .toList(),
                asOf);
        for (Entry entry : entries) {
            OnAgenda item = onAgendas.get(new Placement(entry.meetingId(), entry.itemId()));
            if (item != null && item.visible()) {
                agendas.computeIfAbsent(entry.meetingId(), m -> new ArrayList<>())
                        .add(new Line(entry.meetingId(), entry.itemId(), entry.number(), entry.section(), item));
            }
        }
        return agendas;
    }

    @Override
    public Map<String, Instant> starts(Collection<String> meetingIds, @Nullable Instant asOf) {
        Map<String, Instant> starts = new HashMap<>();
        if (meetingIds.isEmpty()) {
            return starts;
        }
        jdbc.sql("select m.id, m.start_at from " + History.asOf("meeting", asOf)
                        + " m where m.id = any (cast(:ids as text[]))")
                .param("ids", meetingIds.stream().distinct().toArray(String[]::new))
                .param("asOf", asOf == null ? null : Timestamp.from(asOf))
                .query(rs -> {
                    starts.put(rs.getString("id"), rs.getTimestamp("start_at").toInstant());
                });
        return starts;
    }

    /** A meeting as a calendar shows it. */
    public record Scheduled(
            String id,
            Instant start,
            @Nullable Instant end,
            boolean dayOnly,
            @Nullable String location,
            boolean cancelled,
            @Nullable String cancellation,
            Instant modified,
            long version) {}

    /** The committee's meetings now, by start. */
    public List<Scheduled> ofCommittee(String committee) {
        return jdbc.sql("select * from meeting where committee = :committee order by start_at, id")
                .param("committee", committee)
                .query((rs, n) -> new Scheduled(
                        rs.getString("id"),
                        rs.getTimestamp("start_at").toInstant(),
                        rs.getTimestamp("end_at") == null
                                ? null
                                : rs.getTimestamp("end_at").toInstant(),
                        rs.getBoolean("day_only"),
                        rs.getString("location"),
                        "CANCELLED".equals(rs.getString("state")),
                        rs.getString("cancellation"),
                        rs.getTimestamp("modified").toInstant(),
                        rs.getLong("version")))
                .list();
    }

    /** A meeting now, or as it stood at {@code at}, without its agenda (the agenda lines are {@link #agendas}). */
    Optional<Meeting> meeting(String id, @Nullable Instant at) {
        return byId(id, at).query((rs, n) -> meeting(rs)).optional();
    }

    /**
     * A committee's meetings (or all) starting from {@code fromTime} (inclusive) to {@code toTime} (exclusive), by
     * start, without their agendas: a page of them and how many there are.
     */
    OParlList.Page<Meeting> meetings(
            @Nullable String committee, @Nullable Timestamp fromTime, @Nullable Timestamp toTime, PageRequest paging) {
        String where = """
                 where (cast(:committee as text) is null or committee = :committee)
                   and (cast(:from as timestamptz) is null or start_at >= :from)
                   and (cast(:to as timestamptz) is null or start_at < :to)""";
        long total = jdbc.sql("select count(*) from meeting " + where)
                .param("committee", committee)
                .param("from", fromTime)
                .param("to", toTime)
                .query(Long.class)
                .single();
        List<Meeting> meetings = jdbc.sql(
                        "select * from meeting " + where + " order by start_at limit :limit offset :offset")
                .param("committee", committee)
                .param("from", fromTime)
                .param("to", toTime)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> meeting(rs))
                .list();
        return new OParlList.Page<>(meetings, total);
    }

    /** When the meeting's agenda was sent out: empty if the meeting is unknown, an empty inner one if not sent. */
    Optional<Optional<Instant>> agendaPublishedAt(String id) {
        return jdbc.sql("select agenda_published_at from meeting where id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .optional();
    }

    /** The meeting's row, now or as it stood at {@code at}, as the documents print it. */
    Optional<Map<String, Object>> row(String id, @Nullable Instant at) {
        return byId(id, at).query().listOfRows().stream().findFirst();
    }

    /** The statement that reads the meeting's row, now or as it stood at {@code at}. */
    private JdbcClient.StatementSpec byId(String id, @Nullable Instant at) {
        return jdbc.sql("select * from " + History.asOf("meeting", at) + " m where id = :id")
                .param("id", id)
                .param("asOf", at == null ? null : Timestamp.from(at));
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(
                rs.getString("id"),
                rs.getString("committee"),
                rs.getString("state").toLowerCase(java.util.Locale.ROOT),
                rs.getString("state").equals("CANCELLED"),
                rs.getString("cancellation"),
                danish(rs.getTimestamp("start_at")),
                danish(rs.getTimestamp("end_at")),
                rs.getBoolean("day_only"),
                rs.getString("location"),
                rs.getBoolean("agenda_published"),
                danish(rs.getTimestamp("agenda_published_at")),
                rs.getBoolean("minutes_approved"),
                corrections(rs.getArray("minutes_corrections")),
                rs.getLong("version"),
                List.of(),
                List.of());
    }

    private static List<String> corrections(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static OffsetDateTime danish(Timestamp timestamp) {
        return timestamp == null
                ? null
                : timestamp.toInstant().atZone(DanishDays.DENMARK).toOffsetDateTime();
    }
}
