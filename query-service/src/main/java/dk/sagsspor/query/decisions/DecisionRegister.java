package dk.sagsspor.query.decisions;

import dk.sagsspor.query.security.Visibility;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other features may ask the decision register: the decisions of given meetings as they stand now (a
 * correction in place of what it corrected), of the items the current user may see.
 */
@Repository
public class DecisionRegister {

    private final JdbcClient jdbc;

    DecisionRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A decision as it stands: its meeting, its item, its text and when it was made (or last corrected). */
    public record Standing(String meetingId, String agendaItemId, String text, Instant decidedAt) {}

    /** The standing decisions of the meetings, in the order they were made. */
    public List<Standing> standingAt(List<String> meetingIds) {
        if (meetingIds.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("""
                        select distinct on (d.meeting_id, d.agenda_item_id) d.meeting_id, d.agenda_item_id, d.text,
                               d.decided_at
                          from decision d join decision_item i on i.id = d.agenda_item_id
                         where d.meeting_id = any(:meetings) and d.text is not null and """ + Visibility.visible("i")
                        + " order by d.meeting_id, d.agenda_item_id, d.decided_at desc, d.event_id desc")
                .param("meetings", meetingIds.toArray(String[]::new))
                .params(Visibility.parameters())
                .query((rs, n) -> new Standing(
                        rs.getString("meeting_id"),
                        rs.getString("agenda_item_id"),
                        rs.getString("text"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(Standing::decidedAt))
                .toList();
    }
}
