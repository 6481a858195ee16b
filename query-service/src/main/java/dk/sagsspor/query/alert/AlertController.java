package dk.sagsspor.query.alert;

import dk.sagsspor.query.followup.FollowUpReadModel;
import dk.sagsspor.query.web.BadQuery;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The alerts raised and how their delivery stands: for the on-call engineer and for anyone asking "was I told?". */
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts", description = "Deadline reminders and overdue alerts, and their delivery.")
class AlertController {

    static final List<String> STATES = List.of("pending", "sent", "obsolete");

    private final JdbcClient jdbc;
    private final FollowUpReadModel followUps;

    AlertController(JdbcClient jdbc, FollowUpReadModel followUps) {
        this.followUps = followUps;
        this.jdbc = jdbc;
    }

    /**
     * An alert. {@code kind} is {@code reminder} ({@code daysBefore} days before {@code dueDate}) or {@code overdue};
     * {@code state} is {@code pending} (waiting for its first or a further attempt at {@code nextAttempt}), {@code
     * sent} (mailed to {@code recipient} and published) or {@code obsolete} (the follow-up changed first; {@code
     * lastError} says how).
     */
    record AlertView(
            String id,
            String followUp,
            String kind,
            int daysBefore,
            LocalDate dueDate,
            String assignee,
            String state,
            int attempts,
            OffsetDateTime raised,
            @Nullable OffsetDateTime nextAttempt,
            @Nullable String lastError,
            @Nullable String recipient,
            @Nullable OffsetDateTime mailed,
            @Nullable OffsetDateTime published,
            @Nullable OffsetDateTime sent) {

        static AlertView of(Alert a) {
            return new AlertView(
                    a.id(),
                    a.followUpId(),
                    a.kind(),
                    a.daysBefore(),
                    a.dueDate(),
                    a.assignee(),
                    a.state().toLowerCase(Locale.ROOT),
                    a.attempts(),
                    danish(a.raisedAt()),
                    "PENDING".equals(a.state()) ? danish(a.nextAttemptAt()) : null,
                    a.lastError(),
                    a.recipient(),
                    danish(a.mailedAt()),
                    danish(a.publishedAt()),
                    danish(a.sentAt()));
        }

        private static OffsetDateTime danish(Instant instant) {
            return instant == null ? null : instant.atZone(DanishDays.DENMARK).toOffsetDateTime();
        }
    }

    /** Alerts, newest first, filtered by follow-up, assignee and state (repeatable). */
    @GetMapping
    OParlList<AlertView> alerts(
            @RequestParam(required = false) String followUp,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) List<String> state,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int pageSize) {
        List<String> states = state == null || state.isEmpty() ? STATES : state;
        for (String s : states) {
            if (!STATES.contains(s)) {
                throw new BadQuery("state", "must be one of " + STATES);
            }
        }
        PageRequest paging = new PageRequest(page, pageSize);
        // the alerts of follow-ups whose items the user may not see are left out: the follow-ups read model says which
        String where = " from alert a"
                + " where (cast(:followUp as text) is null or a.follow_up_id = :followUp)"
                + " and (cast(:assignee as text) is null or a.assignee = :assignee)"
                + " and lower(a.state) = any (cast(:states as text[]))"
                + " and a.follow_up_id <> all (cast(:hidden as text[]))";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("followUp", followUp);
        parameters.put("assignee", assignee);
        parameters.put("states", states.toArray(String[]::new));
        parameters.put("hidden", followUps.hiddenFromCurrentUser().toArray(String[]::new));
        long total = jdbc.sql("select count(*)" + where)
                .params(parameters)
                .query(Long.class)
                .single();
        List<AlertView> rows = jdbc.sql(
                        "select a.*" + where + " order by a.raised_at desc, a.id limit :limit offset :offset")
                .params(parameters)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> AlertView.of(Alert.from(rs)))
                .list();
        return OParlList.of(rows, total, paging, ServletUriComponentsBuilder.fromCurrentRequest());
    }
}
