package dk.sagsspor.query.agendaitem;

import dk.sagsspor.query.security.Visibility;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other features may ask of the agenda-item read model. It owns {@code agenda_item}, its versions and
 * {@code agenda_item_at_meeting}; no other feature reads those tables in its own SQL, so this read model can be rebuilt
 * and swapped alone (ADR 13). Every answer applies {@link Visibility} for the current request's user.
 */
@Repository
public class AgendaItemReadModel {

    private final JdbcClient jdbc;

    AgendaItemReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An outstanding item (not yet decided or withdrawn, or with open follow-ups) as a case officer's overview shows
     * it: where it stands, on which meeting ({@link MeetingStarts} says when that starts) and how often it waited.
     */
    public record Outstanding(
            String id,
            String title,
            String committee,
            @Nullable String caseNumber,
            String status,
            @Nullable String meetingId,
            int timesDeferred,
            int openFollowUps,
            Instant proposedAt,
            Instant lastChangedAt) {}

    /** The outstanding items a staff member is case officer of that the viewer may see, oldest first. */
    public List<Outstanding> outstandingOf(String officer, Visibility.Viewer viewer) {
        return jdbc.sql("select i.id, i.title, i.committee, i.case_number, i.status, i.meeting_id, i.times_deferred,"
                        + " i.open_follow_ups, i.proposed_at, i.last_changed_at from agenda_item i"
                        + " where i.outstanding and i.case_officers @> array[cast(:officer as text)] and "
                        + Visibility.visible("i") + " order by i.proposed_at, i.id")
                .param("officer", officer)
                .params(viewer.parameters())
                .query((rs, n) -> new Outstanding(
                        rs.getString("id"),
                        rs.getString("title"),
                        rs.getString("committee"),
                        rs.getString("case_number"),
                        rs.getString("status"),
                        rs.getString("meeting_id"),
                        rs.getInt("times_deferred"),
                        rs.getInt("open_follow_ups"),
                        rs.getTimestamp("proposed_at").toInstant(),
                        rs.getTimestamp("last_changed_at").toInstant()))
                .list();
    }

    /**
     * The items a staff member is case officer of, outstanding or not, that changed after {@code after} and that the
     * viewer may see: those an officer wants to hear about (one decided this week is no longer outstanding, and news).
     */
    public List<String> changedOf(String officer, Instant after, Visibility.Viewer viewer) {
        return jdbc.sql("select i.id from agenda_item i where i.case_officers @> array[cast(:officer as text)]"
                        + " and i.last_changed_at > :after and " + Visibility.visible("i") + " order by i.id")
                .param("officer", officer)
                .param("after", Timestamp.from(after))
                .params(viewer.parameters())
                .query(String.class)
                .list();
    }

    /** An item placed on a meeting's agenda (the meetings read model's entry). */
    public record Placement(String meetingId, String itemId) {}

    /**
     * An item as a line of a meeting's agenda shows it, as it stood at an instant: its parts, and what became of it at
     * that meeting ({@code status}, {@code outcome}: its latest {@code agenda_item_at_meeting} row up to the instant; a
     * deferred item shows as deferred there while it is scheduled on the next meeting). {@code known} is false when
     * this read model has no such item (the line keeps its place, without the item's parts); {@code visible} is false
     * when the current user may not see it (a closed item of another committee): such a line is left out.
     */
    public record OnAgenda(
            boolean known,
            boolean visible,
            @Nullable String title,
            @Nullable String caseNumber,
            List<String> caseOfficers,
            @Nullable String recommendation,
            @Nullable String resolutionText,
            @Nullable Boolean closedItem,
            @Nullable String status,
            @Nullable String outcome) {}

    /** The items of these agenda entries as they stood at {@code asOf} (now when null), by entry. */
    public Map<Placement, OnAgenda> onAgendas(Collection<Placement> placements, @Nullable Instant asOf) {
        Map<Placement, OnAgenda> lines = new HashMap<>();
        if (placements.isEmpty()) {
            return lines;
        }
        jdbc.sql("select p.meeting_id, p.item_id, i.id is not null as known, " + Visibility.visible("i")
                        + " as visible,"
                        + " i.title, i.case_number, i.case_officers, i.recommendation, i.resolution_text, i.closed_item,"
                        + " o.status, o.outcome"
                        + " from unnest(cast(:meetings as text[]), cast(:items as text[])) as p (meeting_id, item_id)"
                        + " left join " + AgendaItems.asOf(asOf) + " i on i.id = p.item_id "
                        + """
                           left join lateral (
                                select status, outcome from agenda_item_at_meeting a
                                 where a.agenda_item_id = p.item_id and a.meeting_id = p.meeting_id
                                   and (cast(:asOf as timestamptz) is null or a.recorded_at <= :asOf)
                                 order by a.sequence desc limit 1) o on true""")
                .param("meetings", placements.stream().map(Placement::meetingId).toArray(String[]::new))
                .param("items", placements.stream().map(Placement::itemId).toArray(String[]::new))
                .param("asOf", asOf == null ? null : Timestamp.from(asOf))
                .params(Visibility.parameters())
                .query(rs -> {
                    lines.put(
                            new Placement(rs.getString("meeting_id"), rs.getString("item_id")),
                            new OnAgenda(
                                    rs.getBoolean("known"),
                                    rs.getBoolean("visible"),
                                    rs.getString("title"),
                                    rs.getString("case_number"),
                                    strings(rs.getArray("case_officers")),
                                    rs.getString("recommendation"),
                                    rs.getString("resolution_text"),
                                    (Boolean) rs.getObject("closed_item"),
                                    rs.getString("status"),
                                    rs.getString("outcome")));
                });
        return lines;
    }

    /** Whether any item (visible or not) belongs to the committee: it is then a committee this service knows. */
    public boolean anyOf(String committee) {
        return jdbc.sql("select exists (select 1 from agenda_item where committee = :committee)")
                .param("committee", committee)
                .query(Boolean.class)
                .single();
    }

    /** The texts of an item a deadline can be read from, and its current meeting; empty when it is not visible. */
    public record Texts(
            @Nullable String resolutionText,
            @Nullable String recommendation,
            @Nullable String presentation,
            @Nullable String background,
            @Nullable String meetingId) {}

    /** The item's texts now, when the current user may see it. */
    public Optional<Texts> texts(String id) {
        return jdbc.sql("select resolution_text, recommendation, presentation, background, meeting_id"
                        + " from agenda_item i where i.id = :id and " + Visibility.visible("i"))
                .param("id", id)
                .params(Visibility.parameters())
                .query((rs, n) -> new Texts(
                        rs.getString("resolution_text"),
                        rs.getString("recommendation"),
                        rs.getString("presentation"),
                        rs.getString("background"),
                        rs.getString("meeting_id")))
                .optional();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
