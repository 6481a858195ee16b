package dk.sagsspor.query.followup;

import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.staff.StaffDirectory;
import dk.sagsspor.query.web.BadQuery;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The deadlines view: follow-ups with their due dates and where they stand today. */
@RestController
@RequestMapping("/api/follow-ups")
@Tag(name = "Deadlines", description = "Follow-ups of decisions: open, due soon, overdue, done.")
class FollowUpController {

    static final List<String> STATES = List.of("open", "due-soon", "overdue", "done", "cancelled");

    private final JdbcClient jdbc;
    private final DeadlineProperties properties;
    private final Clock clock;
    private final StaffDirectory staff;

    FollowUpController(JdbcClient jdbc, DeadlineProperties properties, Clock clock, StaffDirectory staff) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A follow-up as the deadlines view shows it. {@code state} is {@code open}, {@code due-soon} (within the longest
     * reminder lead time), {@code overdue}, {@code done} or {@code cancelled}; {@code daysLeft} counts to the due date
     * (negative when overdue).
     */
    record FollowUp(
            String id,
            String agendaItem,
            String name,
            String committee,
            @Nullable String reference,
            @Nullable String meeting,
            String description,
            LocalDate dueDate,
            long daysLeft,
            String state,
            String assignee,
            @Nullable String assigneeName,
            @Nullable String source,
            @Nullable String closingNote,
            OffsetDateTime assigned,
            OffsetDateTime modified) {

        /** The same follow-up with its assignee's name. */
        FollowUp named(String assigneeName) {
            return new FollowUp(
                    id,
                    agendaItem,
                    name,
                    committee,
                    reference,
                    meeting,
                    description,
                    dueDate,
                    daysLeft,
                    state,
                    assignee,
                    assigneeName,
                    source,
                    closingNote,
                    assigned,
                    modified);
        }
    }

    /**
     * Follow-ups by due date, filtered by assignee's initials, committee, state (repeatable; default the open ones:
     * {@code open}, {@code due-soon}, {@code overdue}) and a window of due dates ({@code from}, {@code to}, days, both
     * inclusive).
     */
    @GetMapping
    OParlList<FollowUp> followUps(
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String committee,
            @RequestParam(required = false) List<String> state,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int pageSize) {
        List<String> states = state == null || state.isEmpty() ? List.of("open", "due-soon", "overdue") : state;
        for (String s : states) {
            if (!STATES.contains(s)) {
                throw new BadQuery("state", "must be one of " + STATES);
            }
        }
        LocalDate today = today();
        PageRequest paging = new PageRequest(page, pageSize);
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
        parameters.put("from", date(DanishDays.day("from", from)));
        parameters.put("to", date(DanishDays.day("to", to)));
        parameters.put("states", states.toArray(String[]::new));
        parameters.putAll(Visibility.parameters());
        long total = jdbc.sql("select count(*)" + where)
                .params(parameters)
                .query(Long.class)
                .single();
        List<FollowUp> rows = named(jdbc.sql("select f.*, i.committee, i.title, i.case_number, i.meeting_id, " + STATE
                        + " as state" + where + " order by f.due_date, f.id limit :limit offset :offset")
                .params(parameters)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> row(rs, today))
                .list());
        return OParlList.of(rows, total, paging, ServletUriComponentsBuilder.fromCurrentRequest());
    }

    /** One follow-up. */
    @GetMapping("/{id}")
    FollowUp followUp(@PathVariable String id) {
        LocalDate today = today();
        return named(jdbc.sql("select f.*, i.committee, i.title, i.case_number, i.meeting_id, " + STATE
                                + " as state from follow_up f join follow_up_item i on i.id = f.agenda_item_id"
                                + " where f.id = :id and " + Visibility.visible("i"))
                        .param("id", id)
                        .params(Visibility.parameters())
                        .params(dayParameters(today))
                        .query((rs, n) -> row(rs, today))
                        .list())
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("follow-up", id));
    }

    /** The follow-ups with their assignees' names from the staff directory (none for initials it does not know). */
    private List<FollowUp> named(List<FollowUp> followUps) {
        Map<String, StaffDirectory.Member> members =
                staff.members(followUps.stream().map(FollowUp::assignee).toList());
        return followUps.stream()
                .map(f -> members.containsKey(f.assignee())
                        ? f.named(members.get(f.assignee()).name())
                        : f)
                .toList();
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

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DanishDays.DENMARK));
    }

    private static FollowUp row(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getDate("due_date").toLocalDate();
        return new FollowUp(
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
}
