package dk.sagsspor.query.timeline;

import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The timelines as the event log keeps them ({@code event_log}, {@code event_log_item}). */
@Repository
class Timelines {

    private final JdbcClient jdbc;

    Timelines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the current user may see the item's timeline: an item whose proposal the event log does not have
     * (dead-lettered) may be a closed one, so only those who see every closed item see its timeline then.
     */
    boolean itemVisible(String id) {
        return jdbc.sql("select exists (select 1 from event_log_item i where i.id = :id and "
                        + Visibility.visible("i") + ") or (:seesEveryClosedItem"
                        + " and not exists (select 1 from event_log_item i where i.id = :id))")
                .param("id", id)
                .params(Visibility.parameters())
                .query(Boolean.class)
                .single();
    }

    /**
     * The entries of an item or a meeting that the reader may see: an entry about an item closed to the public (put on
     * the agenda, renumbered, taken off) is left out for those who may not see the item, and a publication counts only
     * the items they may see — the timeline tells nothing the item's own answers would not.
     */
    OParlList.Page<TimelineEntry> page(String column, String id, PageRequest page) {
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
        return new OParlList.Page<>(entries, total);
    }
}
