package dk.sagsspor.query.timeline;

import dk.sagsspor.query.projection.DeadLetters;
import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.web.Incomplete;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Timelines", description = "Everything that happened to an agenda item or a meeting, in order.")
class TimelineController {

    private final JdbcClient jdbc;
    private final DeadLetters deadLetters;

    TimelineController(JdbcClient jdbc, DeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
    }

    /** The item's own events and the agenda events that name it (put on an agenda, renumbered, …), oldest first. */
    @GetMapping("/api/agenda-items/{id}/timeline")
    OParlList<TimelineEntry> itemTimeline(
            @PathVariable String id,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int pageSize,
            HttpServletResponse response) {
        // an item whose proposal the event log does not have (dead-lettered) may be a closed one: only those who see
        // every closed item see its timeline then
        boolean visible = jdbc.sql("select exists (select 1 from event_log_item i where i.id = :id and "
                        + Visibility.visible("i") + ") or (:seesEveryClosedItem"
                        + " and not exists (select 1 from event_log_item i where i.id = :id))")
                .param("id", id)
                .params(Visibility.parameters())
                .query(Boolean.class)
                .single();
        if (!visible) {
            throw new NotFound("agenda item", id);
        }
        markIncomplete(id, response);
        return timeline("agenda_item_id", id, "agenda item", new PageRequest(page, pageSize));
    }

    @GetMapping("/api/meetings/{id}/timeline")
    OParlList<TimelineEntry> meetingTimeline(
            @PathVariable String id,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "100") int pageSize,
            HttpServletResponse response) {
        markIncomplete(id, response);
        return timeline("aggregate_id", id, "meeting", new PageRequest(page, pageSize));
    }

    /** A timeline that misses events (the event log could not apply some) says so in {@link Incomplete#HEADER}. */
    private void markIncomplete(String id, HttpServletResponse response) {
        Incomplete.header(deadLetters.incomplete(id))
                .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    }

    /**
     * The entries of an item or a meeting that the reader may see: an entry about an item closed to the public (put on
     * the agenda, renumbered, taken off) is left out for those who may not see the item, and a publication counts only
     * the items they may see — the timeline tells nothing the item's own answers would not.
     */
    private OParlList<TimelineEntry> timeline(String column, String id, String kind, PageRequest page) {
        // an item's own timeline was checked above; a meeting's names items, each of which must be visible
        String visible = column.equals("agenda_item_id")
                ? "true"
                : "(e.agenda_item_id is null or exists (select 1 from event_log_item i where i.id = e.agenda_item_id"
                        + " and " + Visibility.visible("i") + "))";
        long total = jdbc.sql("select count(*) from event_log e where e." + column + " = :id and " + visible)
                .param("id", id)
                .params(Visibility.parameters())
                .query(Long.class)
                .single();
        if (total == 0) {
            throw new NotFound(kind, id);
        }
        // the columns an entry shows, not the payload (a publication's is read in the database, to count the items)
        List<TimelineEntry> entries = jdbc.sql("select e.occurred_at, e.recorded_at, e.actor, e.type, e.summary,"
                        + " e.aggregate_type, e.aggregate_id, e.sequence, e.event_id, e.correlation_id,"
                        + " e.agenda_item_id, (select i.title from event_log_item i where i.id = e.agenda_item_id)"
                        + " as agenda_item_name, case when e.type = 'MeetingAgendaPublished' then"
                        + " (select count(*) from jsonb_array_elements(e.payload -> 'agenda') a"
                        + "   where exists (select 1 from event_log_item i where i.id = a ->> 'agendaItemId' and "
                        + Visibility.visible("i") + ")) end as visible_agenda_items"
                        + " from event_log e where e." + column + " = :id and " + visible
                        + " order by e.occurred_at, e.recorded_at, e.aggregate_id, e.sequence"
                        + " limit :limit offset :offset")
                .param("id", id)
                .params(Visibility.parameters())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new TimelineEntry(
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("type"),
                        rs.getString("type").equals("MeetingAgendaPublished")
                                ? Summaries.agendaPublished(rs.getLong("visible_agenda_items"))
                                : rs.getString("summary"),
                        rs.getString("aggregate_type"),
                        rs.getString("aggregate_id"),
                        rs.getLong("sequence"),
                        rs.getString("event_id"),
                        rs.getString("correlation_id"),
                        rs.getString("agenda_item_id"),
                        rs.getString("agenda_item_name")))
                .list();
        return OParlList.of(entries, total, page, ServletUriComponentsBuilder.fromCurrentRequest());
    }
}
