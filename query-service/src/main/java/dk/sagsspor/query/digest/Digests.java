package dk.sagsspor.query.digest;

import dk.sagsspor.query.delivery.LeasedDeliveries;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code digest} table — raising one digest per person and week (its unique key), claiming them for delivery so
 * that one instance at a time writes and sends each ({@code for update skip locked} plus a lease that outlives a
 * crash), recording how each went — and {@code digest_subscription}, who said no.
 */
@Repository
class Digests {

    private final JdbcClient jdbc;
    private final LeasedDeliveries<DigestDelivery> deliveries;

    Digests(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.deliveries = new LeasedDeliveries<>(
                jdbc, "digest", (rs, n) -> DigestDelivery.from(rs), meters, "sagsspor.digests", "Weekly digests");
    }

    /** Whether the week's digests have been raised. */
    boolean raised(Week week) {
        return jdbc.sql("select exists (select 1 from digest_week where week = :week)")
                .param("week", week.toString())
                .query(Boolean.class)
                .single();
    }

    /**
     * Raises the week's digests, once: for each of these staff members who has not opted out, unless the week's were
     * raised before (by this instance or another) — or, {@code evenIfRaised}, for each of them who has no digest of the
     * week yet. The week's row and its digests are written by one statement, so a crash leaves both or neither. Returns
     * how many were raised.
     */
    int raise(Week week, List<String> initials, Instant now, boolean evenIfRaised) {
        return jdbc.sql("""
                        with raised_week as (
                            insert into digest_week (week, raised_at) values (:week, :now)
                            on conflict (week) do nothing
                            returning week)
                        insert into digest (id, initials, week, raised_at, state, next_attempt_at)
                        select gen_random_uuid()::text, p.initials, :week, :now, 'PENDING', :now
                          from unnest(cast(:initials as text[])) as p(initials)
                         where (cast(:evenIfRaised as boolean) or exists (select 1 from raised_week))
                           and not exists (select 1 from digest_subscription s
                                            where s.initials = p.initials and not s.subscribed)
                        on conflict on constraint digest_once do nothing""")
                .param("evenIfRaised", evenIfRaised)
                .param("week", week.toString())
                .param("now", Timestamp.from(now))
                .param("initials", initials.toArray(String[]::new))
                .update();
    }

    /** Claims up to {@code limit} digests due for an attempt that no other delivery holds, for {@code lease}. */
    List<DigestDelivery> claim(String claim, Instant now, Duration lease, int limit) {
        return deliveries.claim(claim, now, lease, limit);
    }

    /**
     * Where the person's next digest starts telling of changes: where the last one that told them (or found nothing to
     * tell) ended; empty before their first.
     */
    Optional<Instant> lastCovered(String initials) {
        return jdbc.sql("select changes_until from digest where initials = :initials and changes_until is not null"
                        + " order by changes_until desc limit 1")
                .param("initials", initials)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** The digest went out to {@code recipient}, telling of {@code digest}. */
    boolean sent(DigestDelivery delivery, String recipient, Digest digest, Instant now) {
        return update(
                delivery,
                "state = 'SENT', sent_at = :now, recipient = :recipient, last_error = null" + COVERED,
                covered(digest, Map.of("now", Timestamp.from(now), "recipient", recipient)));
    }

    /** Nothing to tell: no mail, and the next digest starts where this one would have ended. */
    boolean nothingToTell(DigestDelivery delivery, Digest digest) {
        return update(
                delivery,
                "state = 'SKIPPED', last_error = :why" + COVERED,
                covered(digest, Map.of("why", "nothing to tell")));
    }

    /** Not sent, for the reason given; its changes are told by the person's next digest. */
    boolean skipped(DigestDelivery delivery, String why) {
        return update(delivery, "state = 'SKIPPED', last_error = :why" + RELEASE, Map.of("why", why));
    }

    /** An attempt failed: try again at {@code nextAttempt}. */
    boolean failed(DigestDelivery delivery, String error, Instant nextAttempt) {
        return update(
                delivery,
                "last_error = :error, next_attempt_at = :next" + RELEASE,
                Map.of("error", error, "next", Timestamp.from(nextAttempt)));
    }

    private static final String RELEASE = LeasedDeliveries.RELEASE;
    private static final String COVERED = ", changes_after = :after, changes_until = :until, follow_ups = :followUps,"
            + " overdue = :overdue, items = :items, changes = :changes" + RELEASE;

    private static Map<String, Object> covered(Digest digest, Map<String, Object> more) {
        Map<String, Object> parameters = new HashMap<>(more);
        parameters.put("after", Timestamp.from(digest.changesAfter().toInstant()));
        parameters.put("until", Timestamp.from(digest.changesUntil().toInstant()));
        parameters.put("followUps", digest.followUps().size());
        parameters.put("overdue", (int) digest.overdue());
        parameters.put("items", digest.outstandingItems().size());
        parameters.put("changes", digest.changes().size());
        return parameters;
    }

    /** Updates a digest if the delivery that claimed it still holds it; false if another one took it over. */
    private boolean update(DigestDelivery delivery, String assignments, Map<String, Object> parameters) {
        return deliveries.update(delivery.id(), delivery.claim(), assignments, parameters);
    }

    /** The digests of a week and a person (either may be null: any) in the given states, newest first: a page. */
    OParlList.Page<DigestDelivery> list(
            @Nullable Week week, @Nullable String initials, List<String> states, PageRequest paging) {
        String where = " from digest d"
                + " where (cast(:week as text) is null or d.week = :week)"
                + " and (cast(:initials as text) is null or d.initials = :initials)"
                + " and lower(d.state) = any (cast(:states as text[]))";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("week", week == null ? null : week.toString());
        parameters.put("initials", initials);
        parameters.put("states", states.toArray(String[]::new));
        long total = jdbc.sql("select count(*)" + where)
                .params(parameters)
                .query(Long.class)
                .single();
        List<DigestDelivery> rows = jdbc.sql(
                        "select d.*" + where + " order by d.week desc, d.initials limit :limit offset :offset")
                .params(parameters)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query((rs, n) -> DigestDelivery.from(rs))
                .list();
        return new OParlList.Page<>(rows, total);
    }

    /** Digests waiting to go out, and how many of those have failed at least once (the gauges show it). */
    LeasedDeliveries.Backlog backlog() {
        return deliveries.backlog();
    }

    /** A person's choice, who made it and when; a person who never chose is subscribed. */
    record Subscription(
            String initials,
            boolean subscribed,
            @Nullable Instant changed,
            @Nullable String changedBy) {}

    Subscription subscription(String initials) {
        return jdbc.sql("select * from digest_subscription where initials = :initials")
                .param("initials", initials)
                .query((rs, n) -> new Subscription(
                        initials,
                        rs.getBoolean("subscribed"),
                        rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by")))
                .optional()
                .orElse(new Subscription(initials, true, null, null));
    }

    Subscription subscribe(String initials, boolean subscribed, String by, Instant now) {
        jdbc.sql("""
                        insert into digest_subscription (initials, subscribed, changed_at, changed_by)
                        values (:initials, :subscribed, :now, :by)
                        on conflict (initials) do update
                           set subscribed = excluded.subscribed, changed_at = excluded.changed_at,
                               changed_by = excluded.changed_by""")
                .param("initials", initials)
                .param("subscribed", subscribed)
                .param("now", Timestamp.from(now))
                .param("by", by)
                .update();
        return new Subscription(initials, subscribed, now, by);
    }
}
