package dk.sagsspor.query.followup;

import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deadlines view as the follow-ups read model keeps it ({@code follow_up}, {@code follow_up_item}). */
@Repository
class FollowUps {

    private final JdbcClient jdbc;
    private final DeadlineProperties properties;

    FollowUps(JdbcClient jdbc, DeadlineProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * The follow-ups the current user may see, by due date, of an assignee and a committee (null: any), due from and
     * to (days, inclusive; null: open-ended), in the given states on {@code today}: a page and how many there are.
     */
    OParlList.Page<FollowUpController.FollowUp> find(
            @Nullable String assignee,
            @Nullable String committee,
            @Nullable LocalDate fromDay,
            @Nullable LocalDate toDay,
            List<String> states,
            LocalDate today,
            PageRequest paging) {
        String where = " from follow_up f join follow_up_item i on i.id = f.agenda_item_id"
                + " where (cast(:assignee as text) is null or f.assignee = :assignee)"
                + " and (cast(:committee as text) is null or i.committee = :committee)"
                + " and (cast(:from as date) is null or f.due_date >= :from)"
                + " and (cast(:to as date) is null or f.due_date <= :to)"
                + " and " + STATE + " = any (cast(:states as text[]))"
                + " and " + Visibility.visible("i");
        Map<String, Object> parameters = new HashMap<>(dayParameters(today));
        parameters.put("assignee", assignee);
        parameters.put("committee", committee);
        parameters.put("from", date(fromDay));
        parameters.put("to", date(toDay));
        parameters.put("states", states.toArray(String[]::new));
        parameters.putAll(Visibility.parameters());
        long total = jdbc.sql("select count(*)" + where)
                .params(parameters)
                .query(Long.class)
                .single();
        List<FollowUpController.FollowUp> rows = jdbc.sql(
                        "select f.*, i.committee, i.title, i.case_number, i.meeting_id, " + STATE + " as state" + where
                                + " order by f.due_date, f.id limit :limit offset :offset")
                .params(parameters)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> row(rs, today))
                .list();
        return new OParlList.Page<>(rows, total);
    }

    /** One follow-up the current user may see, as it stands on {@code today}. */
    Optional<FollowUpController.FollowUp> one(String id, LocalDate today) {
        return jdbc.sql("select f.*, i.committee, i.title, i.case_number, i.meeting_id, " + STATE
                        + " as state from follow_up f join follow_up_item i on i.id = f.agenda_item_id"
                        + " where f.id = :id and " + Visibility.visible("i"))
                .param("id", id)
                .params(Visibility.parameters())
                .params(dayParameters(today))
                .query((rs, n) -> row(rs, today))
                .optional();
    }

    /** A follow-up's state on :today, with :soon the last day that counts as due soon. */
    private static final String STATE = "(case when f.status = 'DONE' then 'done' when f.status = 'CANCELLED' then"
            + " 'cancelled' when f.due_date < :today then 'overdue' when f.due_date <= :soon then 'due-soon'"
            + " else 'open' end)";

    /** The days {@link #STATE} compares with: :today, and :soon, the last day that counts as due soon. */
    private Map<String, Object> dayParameters(LocalDate today) {
        return Map.of("today", Date.valueOf(today), "soon", Date.valueOf(today.plusDays(properties.dueSoonDays())));
    }

    /** A typed SQL date, also when there is none (a map takes no plain null for the cast to read). */
    private static Object date(LocalDate day) {
        return day == null ? new SqlParameterValue(Types.DATE, null) : Date.valueOf(day);
    }

    private static FollowUpController.FollowUp row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getDate("due_date").toLocalDate();
        return new FollowUpController.FollowUp(
                rs.getString("id"),
                rs.getString("agenda_item_id"),
                rs.getString("title"),
                rs.getString("committee"),
                rs.getString("case_number"),
                rs.getString("meeting_id"),
                rs.getString("description"),
                due,
                ChronoUnit.DAYS.between(today, due),
                rs.getString("state").toLowerCase(Locale.ROOT),
                rs.getString("assignee"),
                null,
                rs.getString("source"),
                rs.getString("closing_note"),
                danish(rs.getTimestamp("assigned_at")),
                danish(rs.getTimestamp("modified")));
    }

    private static OffsetDateTime danish(Timestamp timestamp) {
        return timestamp.toInstant().atZone(DanishDays.DENMARK).toOffsetDateTime();
    }

    /** Each follow-up of the item: its due date now and when it was assigned, and the text it quotes. */
    List<DeadlineSuggestionController.FollowedUp> followedUp(String agendaItemId) {
        return jdbc.sql("""
                        select f.due_date, f.source,
                               (select h.due_date from follow_up_history h where h.id = f.id
                                 order by h.valid_from limit 1) as first_due_date
                          from follow_up f where f.agenda_item_id = :id""")
                .param("id", agendaItemId)
                .query((rs, n) -> new DeadlineSuggestionController.FollowedUp(
                        rs.getDate("due_date").toLocalDate(),
                        rs.getDate("first_due_date") == null
                                ? null
                                : rs.getDate("first_due_date").toLocalDate(),
                        rs.getString("source")))
                .list();
    }
}
