package dk.sagsspor.query.digest;

import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.staff.StaffDirectory;
import dk.sagsspor.query.web.DanishDays;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises the week's digests once their day and time have come — for everyone in the staff directory with an e-mail
 * address then, once a week (an instance that was away at that time raises them when it is back, within the week) —
 * and sends what is waiting: every instance does both on every tick, and the {@code digest} table makes sure each
 * person's digest of a week is raised once and sent by one instance. A failed mail is retried with backoff until the week is over; a digest whose week passed before it could
 * go out is skipped, and the person's next digest tells of its changes too (it starts where the last one sent ended).
 *
 * <p>Exactly once, and its one limit (as the alerts'): a crash after the SMTP server accepted a mail but before that
 * was recorded sends it again when the lease ends, with the same Message-ID.
 */
@Component
public class DigestScheduler {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);

    /** What one tick did. */
    public record Tick(int raised, int sent, int failed, int skipped) {}

    private final Digests digests;
    private final DigestContents contents;
    private final DigestMail mail;
    private final StaffDirectory staff;
    private final DigestProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    DigestScheduler(
            Digests digests,
            DigestContents contents,
            DigestMail mail,
            StaffDirectory staff,
            DigestProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.digests = digests;
        this.contents = contents;
        this.mail = mail;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(
            fixedDelayString = "${sagsspor.digests.poll-interval}",
            initialDelayString = "${sagsspor.digests.poll-interval}")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        try {
            Tick tick = tick();
            if (tick.raised() + tick.sent() + tick.failed() + tick.skipped() > 0) {
                log.info(
                        "Digests: {} raised, {} sent, {} failed, {} skipped",
                        tick.raised(),
                        tick.sent(),
                        tick.failed(),
                        tick.skipped());
            }
        } catch (RuntimeException e) {
            // the database is away, say: the next tick tries again, and nothing was lost
            log.warn("Digest tick failed: {}", e.toString());
        }
    }

    /** Raises this week's digests if their time has come, and sends every digest due for an attempt. */
    public Tick tick() {
        Instant now = clock.instant();
        Week week = Week.of(now);
        int raised = 0;
        if (!now.isBefore(week.at(properties.day(), properties.time())) && !digests.raised(week)) {
            raised = raise(week, now, false);
        }
        int sent = 0;
        int failed = 0;
        int skipped = 0;
        String claim = UUID.randomUUID().toString();
        List<DigestDelivery> batch;
        do {
            batch = digests.claim(claim, now, properties.lease(), properties.batchSize());
            for (DigestDelivery delivery : batch) {
                switch (deliver(delivery, week)) {
                    case SENT -> sent++;
                    case FAILED -> failed++;
                    case SKIPPED -> skipped++;
                }
            }
        } while (batch.size() == properties.batchSize());
        digests.backlog();
        return new Tick(raised, sent, failed, skipped);
    }

    /** What an admin asked to be raised now. */
    public record Raised(String week, int raised) {}

    /**
     * Raises this week's digest now for everyone with an e-mail address who has none yet (and has not opted out),
     * whatever the day and time: for someone entered after the week's were raised, or a week to be sent early. Still
     * one per person and week; the ticks send them.
     */
    public Raised raiseNow() {
        Instant now = clock.instant();
        Week week = Week.of(now);
        return new Raised(week.toString(), raise(week, now, true));
    }

    private int raise(Week week, Instant now, boolean evenIfRaised) {
        int raised = digests.raise(
                week,
                staff.withEmail().stream().map(StaffDirectory.Member::initials).toList(),
                now,
                evenIfRaised);
        meters.counter("sagsspor.digests.raised").increment(raised);
        return raised;
    }

    private enum Outcome {
        SENT,
        FAILED,
        SKIPPED
    }

    private Outcome deliver(DigestDelivery delivery, Week thisWeek) {
        MDC.put("correlationId", "digest-" + delivery.id());
        try {
            if (delivery.week().compareTo(thisWeek) < 0) {
                return skip(
                        delivery,
                        "week-passed",
                        "its week passed before it could be sent; the next digest tells of its changes");
            }
            if (!digests.subscription(delivery.initials()).subscribed()) {
                return skip(delivery, "opted-out", "opted out");
            }
            Map<String, StaffDirectory.Member> members = staff.members(List.of(delivery.initials()));
            StaffDirectory.Member member = members.get(delivery.initials());
            if (member == null || member.email() == null || member.email().isBlank()) {
                return skip(
                        delivery, "no-email", "the staff directory has no e-mail address for " + delivery.initials());
            }
            Digest digest = write(member, true, delivery.week());
            if (digest.empty() && !properties.sendEmpty()) {
                digests.nothingToTell(delivery, digest);
                meters.counter("sagsspor.digests.skipped", "reason", "nothing-to-tell")
                        .increment();
                return Outcome.SKIPPED;
            }
            try {
                mail.send(delivery, digest, member.email());
            } catch (Exception e) {
                Instant next = clock.instant().plus(properties.backoff(delivery.attempts()));
                String error = "mail: " + e;
                digests.failed(delivery, error.length() > 2000 ? error.substring(0, 2000) : error, next);
                meters.counter("sagsspor.digests.failed").increment();
                log.warn(
                        "Digest {} of {} for week {}: mail failed (attempt {}), next attempt at {}: {}",
                        delivery.id(),
                        delivery.initials(),
                        delivery.week(),
                        delivery.attempts(),
                        next,
                        e.toString());
                return Outcome.FAILED;
            }
            digests.sent(delivery, member.email(), digest, clock.instant());
            meters.counter("sagsspor.digests.sent").increment();
            log.info(
                    "Digest {} of week {} sent to {}: {} follow-ups ({} overdue), {} items, {} changes",
                    delivery.id(),
                    delivery.week(),
                    delivery.initials(),
                    digest.followUps().size(),
                    digest.overdue(),
                    digest.outstandingItems().size(),
                    digest.changes().size());
            return Outcome.SENT;
        } finally {
            MDC.remove("correlationId");
        }
    }

    private Outcome skip(DigestDelivery delivery, String reason, String why) {
        digests.skipped(delivery, why);
        meters.counter("sagsspor.digests.skipped", "reason", reason).increment();
        log.info("Digest {} of {} for week {} skipped: {}", delivery.id(), delivery.initials(), delivery.week(), why);
        return Outcome.SKIPPED;
    }

    /**
     * The person's digest as it would go out now: the changes since their last digest (or the first look-back), up
     * to {@code settle} ago, as the person responsible sees their items.
     */
    Digest write(StaffDirectory.Member member, boolean subscribed, Week week) {
        return write(member, subscribed, week, Visibility.Viewer.responsible());
    }

    /** The same, as the viewer may see it (a request answers for its user). */
    Digest write(StaffDirectory.Member member, boolean subscribed, Week week, Visibility.Viewer viewer) {
        Instant now = clock.instant();
        // whole seconds: the period is shown to people, and the next digest starts where this one ends
        Instant until = now.minus(properties.settle()).truncatedTo(ChronoUnit.SECONDS);
        Instant after = digests.lastCovered(member.initials()).orElse(until.minus(properties.firstLookBack()));
        if (after.isAfter(until)) {
            after = until;
        }
        LocalDate today = now.atZone(DanishDays.DENMARK).toLocalDate();
        return contents.of(member, subscribed, week, after, until, today, viewer);
    }
}
