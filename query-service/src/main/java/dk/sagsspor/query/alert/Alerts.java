package dk.sagsspor.query.alert;

import dk.sagsspor.query.delivery.LeasedDeliveries;
import dk.sagsspor.query.followup.DeadlineProperties;
import dk.sagsspor.query.followup.FollowUpReadModel;
import dk.sagsspor.query.staff.StaffDirectory;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code alert} table: raising alerts once (its unique key), claiming them for delivery so that one instance at a
 * time delivers each ({@code for update skip locked} plus a lease that outlives a crash), and recording each channel's
 * delivery as it happens, so a retry repeats only what failed.
 */
@Component
class Alerts {

    /**
     * When an alert of a kind is raised: from {@code daysBefore} days before the due date until {@code latest} days
     * before it ({@code latest} null: no end, for the overdue alert). The windows of the reminders do not overlap: a
     * follow-up assigned three days before its due date gets the 7-day reminder then (saying three days), not both.
     */
    record Kind(int daysBefore, Integer latest) {

        boolean windowPassed(LocalDate today, LocalDate dueDate) {
            return latest != null && today.isAfter(dueDate.minusDays(latest));
        }
    }

    private final JdbcClient jdbc;
    private final List<Kind> kinds;
    private final FollowUpReadModel followUps;
    private final StaffDirectory staff;
    private final LeasedDeliveries<Alert> deliveries;

    Alerts(
            JdbcClient jdbc,
            DeadlineProperties deadlines,
            FollowUpReadModel followUps,
            StaffDirectory staff,
            MeterRegistry meters) {
        this.followUps = followUps;
        this.staff = staff;
        this.jdbc = jdbc;
        this.kinds = kinds(deadlines.leadDays());
        this.deliveries =
                new LeasedDeliveries<>(jdbc, "alert", (rs, n) -> Alert.from(rs), meters, "sagsspor.alerts", "Alerts");
    }

    static List<Kind> kinds(List<Integer> leadDaysLongestFirst) {
        List<Kind> kinds = new ArrayList<>();
        for (int i = 0; i < leadDaysLongestFirst.size(); i++) {
            int latest = i + 1 < leadDaysLongestFirst.size() ? leadDaysLongestFirst.get(i + 1) + 1 : 0;
            kinds.add(new Kind(leadDaysLongestFirst.get(i), latest));
        }
        kinds.add(new Kind(Alert.OVERDUE, null));
        return List.copyOf(kinds);
    }

    Optional<Kind> kind(int daysBefore) {
        return kinds.stream().filter(k -> k.daysBefore() == daysBefore).findFirst();
    }

    /**
     * Raises the alerts due on {@code today} for open follow-ups; an alert already raised is not raised again (an
     * obsolete one comes back, when its due date and assignee are current again). Returns how many were raised, per
     * kind's {@code daysBefore}.
     */
    List<Integer> raise(LocalDate today, Instant now) {
        List<Integer> raised = new ArrayList<>();
        for (Kind kind : kinds) {
            List<FollowUpReadModel.Open> due = followUps.openDue(
                    kind.latest() == null ? null : today.plusDays(kind.latest()), today.plusDays(kind.daysBefore()));
            if (due.isEmpty()) {
                raised.add(0);
                continue;
            }
            raised.add(jdbc.sql("""
                            insert into alert (id, follow_up_id, due_date, days_before, assignee, raised_at, state,
                                               next_attempt_at)
                            select gen_random_uuid()::text, f.id, f.due_date, :daysBefore, f.assignee, :now,
                                   'PENDING', :now
                              from unnest(cast(:ids as text[]), cast(:dueDates as date[]), cast(:assignees as text[]))
                                   as f(id, due_date, assignee)
                            on conflict on constraint alert_once do update
                               set state = 'PENDING', raised_at = excluded.raised_at,
                                   next_attempt_at = excluded.next_attempt_at, attempts = 0, last_error = null,
                                   claim = null, lease_until = null
                             where alert.state = 'OBSOLETE'""")
                    .param("daysBefore", kind.daysBefore())
                    .param("ids", due.stream().map(FollowUpReadModel.Open::id).toArray(String[]::new))
                    .param(
                            "dueDates",
                            due.stream().map(f -> f.dueDate().toString()).toArray(String[]::new))
                    .param(
                            "assignees",
                            due.stream().map(FollowUpReadModel.Open::assignee).toArray(String[]::new))
                    .param("now", Timestamp.from(now))
                    .update());
        }
        return raised;
    }

    /**
     * The alerts, newest first, of a follow-up and an assignee (either may be null: any), in the given states, but
     * none of the {@code hidden} follow-ups': a page of them and how many there are.
     */
    OParlList.Page<Alert> list(
            @Nullable String followUp,
            @Nullable String assignee,
            List<String> states,
            List<String> hidden,
            PageRequest paging) {
        String where = " from alert a"
                + " where (cast(:followUp as text) is null or a.follow_up_id = :followUp)"
                + " and (cast(:assignee as text) is null or a.assignee = :assignee)"
                + " and lower(a.state) = any (cast(:states as text[]))"
                + " and a.follow_up_id <> all (cast(:hidden as text[]))";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("followUp", followUp);
        parameters.put("assignee", assignee);
        parameters.put("states", states.toArray(String[]::new));
        parameters.put("hidden", hidden.toArray(String[]::new));
        long total = jdbc.sql("select count(*)" + where)
                .params(parameters)
                .query(Long.class)
                .single();
        List<Alert> rows = jdbc.sql(
                        "select a.*" + where + " order by a.raised_at desc, a.id limit :limit offset :offset")
                .params(parameters)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> Alert.from(rs))
                .list();
        return new OParlList.Page<>(rows, total);
    }

    /** An alert claimed for delivery, with its follow-up as it stands now (empty if the follow-up is unknown). */
    record Claimed(Alert alert, Optional<FollowUpNow> followUp) {}

    /**
     * Claims up to {@code limit} alerts due for an attempt that no other delivery holds, for {@code lease}, and counts
     * the attempt. Rows another instance is claiming at this moment are skipped, not waited for.
     */
    List<Claimed> claim(String claim, Instant now, Duration lease, int limit) {
        List<Alert> claimed = deliveries.claim(claim, now, lease, limit);
        return claimed.stream()
                .map(alert -> new Claimed(alert, followUp(alert.followUpId())))
                .toList();
    }

    /** The follow-up as it stands now (from its read model), with its assignee's entry in the staff directory. */
    private Optional<FollowUpNow> followUp(String id) {
        return followUps
                .current(id)
                .map(followUp -> FollowUpNow.of(
                        followUp, staff.members(List.of(followUp.assignee())).get(followUp.assignee())));
    }

    /** The alert no longer concerns its follow-up; it will not be delivered. */
    boolean obsolete(Alert alert, String why) {
        return update(alert, "state = 'OBSOLETE', last_error = :why" + LeasedDeliveries.RELEASE, Map.of("why", why));
    }

    /** The mail went out to {@code recipient}. */
    boolean mailed(Alert alert, String recipient, Instant now) {
        return update(
                alert,
                "mailed_at = :now, recipient = :recipient",
                Map.of("now", Timestamp.from(now), "recipient", recipient));
    }

    /** The alert is on the alerts topic. */
    boolean published(Alert alert, Instant now) {
        return update(alert, "published_at = :now", Map.of("now", Timestamp.from(now)));
    }

    /** Delivered on every channel. */
    boolean sent(Alert alert, Instant now) {
        return update(
                alert,
                "state = 'SENT', sent_at = :now, last_error = null" + LeasedDeliveries.RELEASE,
                Map.of("now", Timestamp.from(now)));
    }

    /** An attempt failed: try again at {@code nextAttempt}. */
    boolean failed(Alert alert, String error, Instant nextAttempt) {
        return update(
                alert,
                "last_error = :error, next_attempt_at = :next" + LeasedDeliveries.RELEASE,
                Map.of("error", error, "next", Timestamp.from(nextAttempt)));
    }

    /** Updates an alert if the delivery that claimed it still holds it; false if another one took it over. */
    private boolean update(Alert alert, String assignments, Map<String, Object> parameters) {
        return deliveries.update(alert.id(), alert.claim(), assignments, parameters);
    }

    /** Alerts waiting for delivery, and how many of those have failed at least once (the gauges show it). */
    LeasedDeliveries.Backlog backlog() {
        return deliveries.backlog();
    }
}
