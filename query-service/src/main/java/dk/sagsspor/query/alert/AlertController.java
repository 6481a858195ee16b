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
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
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

    private final Alerts alerts;
    private final FollowUpReadModel followUps;

    AlertController(Alerts alerts, FollowUpReadModel followUps) {
        this.followUps = followUps;
        this.alerts = alerts;
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
        List<String> states = BadQuery.oneOf("state", state, STATES, STATES);
        PageRequest paging = new PageRequest(page, pageSize);
        // the alerts of follow-ups whose items the user may not see are left out: the follow-ups read model says which
        return OParlList.of(
                alerts.list(followUp, assignee, states, followUps.hiddenFromCurrentUser(), paging)
                        .map(AlertView::of),
                paging,
                ServletUriComponentsBuilder.fromCurrentRequest());
    }
}
