package dk.sagsspor.query.meeting;

import dk.sagsspor.query.meeting.Meeting.AgendaLine;
import dk.sagsspor.query.projection.DeadLetters;
import dk.sagsspor.query.projection.History;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.Incomplete;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import dk.sagsspor.web.contract.Versioned;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Meetings", description = "Meetings of the committees and their agendas.")
class MeetingController {

    private final JdbcClient jdbc;
    private final MeetingReadModel readModel;
    private final Clock clock;
    private final DeadLetters deadLetters;

    MeetingController(JdbcClient jdbc, Clock clock, DeadLetters deadLetters, MeetingReadModel readModel) {
        this.readModel = readModel;
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A meeting with its agenda in order, now or as it stood at {@code asOf} (e.g. the agenda as published: pass its
     * {@code agendaPublishedAt}); its ETag is the meeting's version then.
     */
    @Versioned("The meeting's version")
    @GetMapping("/{id}")
    ResponseEntity<Meeting> meeting(
            @PathVariable String id, @RequestParam(required = false) String asOf, WebRequest request) {
        Instant at = DanishDays.asOf(asOf, clock);
        List<AgendaLine> agenda = agendas(List.of(id), at).getOrDefault(id, List.of());
        Meeting meeting = jdbc.sql("select * from " + History.asOf("meeting", at) + " m where id = :id")
                .param("id", id)
                .param("asOf", timestamp(at))
                .query((rs, n) -> row(rs, agenda))
                .optional()
                .orElseThrow(() -> at == null ? new NotFound("meeting", id) : NotFound.asOf("meeting", id, at));
        String etag = "\"" + meeting.version() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        List<String> incomplete = deadLetters.incomplete(id);
        return ResponseEntity.ok()
                .eTag(etag)
                .headers(Incomplete.header(incomplete))
                .body(meeting.withIncomplete(incomplete));
    }

    /** A committee's meetings (or all), in a date range (days in Danish time, both inclusive), by start. */
    @GetMapping
    OParlList<Meeting> meetings(
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int pageSize) {
        PageRequest paging = new PageRequest(page, pageSize);
        String where = """
                 where (cast(:committee as text) is null or committee = :committee)
                   and (cast(:from as timestamptz) is null or start_at >= :from)
                   and (cast(:to as timestamptz) is null or start_at < :to)""";
        Timestamp fromTime = DanishDays.startOf("from", from, 0);
        Timestamp toTime = DanishDays.startOf("to", to, 1);
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
                .query((rs, n) -> row(rs, List.of()))
                .list();
        List<String> ids = meetings.stream().map(Meeting::id).toList();
        Map<String, List<String>> incomplete = deadLetters.incomplete(ids);
        Map<String, List<AgendaLine>> agendas = agendas(ids, null);
        meetings = meetings.stream()
                .map(meeting -> meeting.withAgenda(agendas.getOrDefault(meeting.id(), List.of()))
                        .withIncomplete(incomplete.getOrDefault(meeting.id(), List.of())))
                .toList();
        return OParlList.of(meetings, total, paging, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    /**
     * The agenda's lines in order, each with what became of the item at this meeting, so a deferred item shows as
     * deferred here while it is scheduled on the next meeting ({@link MeetingReadModel#agendas}).
     */
    private Map<String, List<AgendaLine>> agendas(List<String> meetingIds, Instant asOf) {
        Map<String, List<AgendaLine>> agendas = new java.util.HashMap<>();
        readModel.agendas(meetingIds, asOf).forEach((meeting, lines) -> {
            List<AgendaLine> agenda = new ArrayList<>();
            for (MeetingReadModel.Line line : lines) {
                agenda.add(new AgendaLine(
                        line.itemId(),
                        line.number(),
                        agenda.size() + 1,
                        line.section(),
                        line.item().title(),
                        line.item().status() == null ? "SCHEDULED" : line.item().status(),
                        line.item().outcome(),
                        line.item().closedItem() == null ? null : !line.item().closedItem()));
            }
            agendas.put(meeting, agenda);
        });
        return agendas;
    }

    private static Meeting row(ResultSet rs, List<AgendaLine> agenda) throws SQLException {
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
                agenda,
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
