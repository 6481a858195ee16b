package dk.sagsspor.query.timeline;

import dk.sagsspor.query.security.Visibility;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other features may ask of the event log: what happened to items in a period. It owns {@code event_log} and
 * {@code event_log_item}; the weekly digests ask here rather than reading those tables.
 */
@Repository
public class EventLogReadModel {

    private final JdbcClient jdbc;

    EventLogReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An event about an item, as its timeline shows it: when it happened ({@code time}) and was recorded, by whom,
     * what in words.
     */
    public record Change(
            String agendaItemId,
            String agendaItemName,
            Instant time,
            Instant recorded,
            @Nullable String actor,
            String type,
            String summary) {}

    /**
     * The events about these items that Sagsspor recorded after {@code after} and up to {@code until}, of the items the
     * viewer may see, in the order they were recorded. Recorded, not happened: minutes imported this week tell of a
     * meeting months ago, and are news this week.
     */
    public List<Change> changes(Collection<String> itemIds, Instant after, Instant until, Visibility.Viewer viewer) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select e.agenda_item_id, i.title, e.occurred_at, e.recorded_at, e.actor, e.type, e.summary"
                        + " from event_log e join event_log_item i on i.id = e.agenda_item_id"
                        + " where e.agenda_item_id = any (cast(:items as text[]))"
                        + " and e.recorded_at > :after and e.recorded_at <= :until and " + Visibility.visible("i")
                        + " order by e.recorded_at, e.aggregate_id, e.sequence")
                .param("items", itemIds.stream().distinct().toArray(String[]::new))
                .param("after", Timestamp.from(after))
                .param("until", Timestamp.from(until))
                .params(viewer.parameters())
                .query((rs, n) -> new Change(
                        rs.getString("agenda_item_id"),
                        rs.getString("title"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("type"),
                        rs.getString("summary")))
                .list();
    }
}
