package dk.sagsspor.query.followup;

import dk.sagsspor.query.security.Visibility;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other features may ask of the follow-ups read model. It owns {@code follow_up}, its versions and
 * {@code follow_up_item} (what it shows of each follow-up's item); the calendar feeds and the alerts (what is due,
 * what a user may see, a follow-up as it is now) ask here rather than joining those tables.
 */
@Repository
public class FollowUpReadModel {

    private final JdbcClient jdbc;

    FollowUpReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A follow-up as a calendar entry shows it; {@code versions} counts its versions (a calendar's SEQUENCE: how often
     * it changed).
     */
    public record Deadline(
            String id,
            String description,
            LocalDate dueDate,
            String status,
            Instant modified,
            long versions,
            String title,
            String committee,
            @Nullable String caseNumber,
            String assignee,
            @Nullable String closingNote) {}

    /** The follow-ups of the committee's items the current user may see, by due date. */
    public List<Deadline> deadlinesOfCommittee(String committee) {
        return deadlines("i.committee = :key", committee);
    }

    /** The follow-ups assigned to a staff member whose items the current user may see, by due date. */
    public List<Deadline> deadlinesOf(String assignee) {
        return deadlines("f.assignee = :key", assignee);
    }

    private List<Deadline> deadlines(String where, String key) {
        return jdbc.sql("select f.*, i.committee, i.title, i.case_number,"
                        + " (select count(*) from follow_up_history h where h.id = f.id) as versions"
                        + " from follow_up f join follow_up_item i on i.id = f.agenda_item_id"
                        + " where " + where + " and " + Visibility.visible("i") + " order by f.due_date, f.id")
                .param("key", key)
                .params(Visibility.parameters())
                .query((rs, n) -> new Deadline(
                        rs.getString("id"),
                        rs.getString("description"),
                        rs.getDate("due_date").toLocalDate(),
                        rs.getString("status"),
                        rs.getTimestamp("modified").toInstant(),
                        rs.getLong("versions"),
                        rs.getString("title"),
                        rs.getString("committee"),
                        rs.getString("case_number"),
                        rs.getString("assignee"),
                        rs.getString("closing_note")))
                .list();
    }

    /** An open follow-up: when it is due and who is to see to it. */
    public record Open(String id, LocalDate dueDate, String assignee) {}

    /**
     * The open follow-ups due on {@code last} or before, and on {@code first} or after (when given), whoever may see
     * them (the alerts raise reminders from these).
     */
    public List<Open> openDue(@Nullable LocalDate first, LocalDate last) {
        return jdbc.sql("""
                        select id, due_date, assignee from follow_up
                         where status = 'OPEN' and due_date <= :last
                           and (cast(:first as date) is null or due_date >= :first)
                         order by due_date, id""")
                .param("last", Date.valueOf(last))
                .param("first", first == null ? null : Date.valueOf(first), Types.DATE)
                .query((rs, n) ->
                        new Open(rs.getString("id"), rs.getDate("due_date").toLocalDate(), rs.getString("assignee")))
                .list();
    }

    /**
     * The follow-ups whose items the current user may not see (those of items closed to the public, outside the
     * user's committees): none for those who see every closed item.
     */
    public List<String> hiddenFromCurrentUser() {
        Map<String, Object> visibility = Visibility.parameters();
        if (Boolean.TRUE.equals(visibility.get("seesEveryClosedItem"))) {
            return List.of();
        }
        return jdbc.sql("select f.id from follow_up f join follow_up_item i on i.id = f.agenda_item_id"
                        + " where i.closed_item and not " + Visibility.visible("i"))
                .params(visibility)
                .query(String.class)
                .list();
    }

    /** A follow-up as it stands now, with what the read model shows of its item. */
    public record Current(
            String id,
            String agendaItemId,
            String description,
            LocalDate dueDate,
            String assignee,
            String status,
            @Nullable String source,
            String committee,
            String title,
            @Nullable String caseNumber,
            boolean closedItem) {}

    /**
     * The follow-up as it stands now, whoever may see it (for processes that act for no user, as the alerts'
     * delivery); empty when the read model does not know it.
     */
    public Optional<Current> current(String id) {
        return jdbc.sql("""
                        select f.*, i.committee, i.title, i.case_number, i.closed_item
                          from follow_up f join follow_up_item i on i.id = f.agenda_item_id
                         where f.id = :id""").param("id", id).query((rs, n) -> current(rs)).optional();
    }

    /**
     * The open follow-ups assigned to a staff member, by due date (so those overdue first), of the items the viewer
     * may see.
     */
    public List<Current> openOf(String assignee, Visibility.Viewer viewer) {
        return jdbc.sql("""
                        select f.*, i.committee, i.title, i.case_number, i.closed_item
                          from follow_up f join follow_up_item i on i.id = f.agenda_item_id
                         where f.assignee = :assignee and f.status = 'OPEN' and """ + Visibility.visible("i") + " order by f.due_date, f.id")
                .param("assignee", assignee)
                .params(viewer.parameters())
                .query((rs, n) -> current(rs))
                .list();
    }

    /**
     * The items of the follow-ups assigned to a staff member, open or not, that changed after {@code after}, of the
     * items the viewer may see (a follow-up completed this week is news to its assignee).
     */
    public List<String> itemsChangedOf(String assignee, Instant after, Visibility.Viewer viewer) {
        return jdbc.sql("select distinct f.agenda_item_id from follow_up f"
                        + " join follow_up_item i on i.id = f.agenda_item_id"
                        + " where f.assignee = :assignee and f.modified > :after and " + Visibility.visible("i")
                        + " order by f.agenda_item_id")
                .param("assignee", assignee)
                .param("after", java.sql.Timestamp.from(after))
                .params(viewer.parameters())
                .query(String.class)
                .list();
    }

    private static Current current(ResultSet rs) throws SQLException {
        return new Current(
                rs.getString("id"),
                rs.getString("agenda_item_id"),
                rs.getString("description"),
                rs.getDate("due_date").toLocalDate(),
                rs.getString("assignee"),
                rs.getString("status"),
                rs.getString("source"),
                rs.getString("committee"),
                rs.getString("title"),
                rs.getString("case_number"),
                rs.getBoolean("closed_item"));
    }
}
