package dk.sagsspor.query.alert;

import dk.sagsspor.query.alert.Alerts.Claimed;
import dk.sagsspor.query.web.DanishDays;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Raises the alerts due today and delivers what is waiting: every instance does both on every tick, and the
 * {@code alert} table makes sure each alert is raised once and delivered by one instance. A delivery sends the mail,
 * then publishes on the alerts topic, recording each as it succeeds; a failure is retried with backoff, repeating
 * only the channel that failed. An alert whose follow-up was completed, cancelled, moved or reassigned before it went
 * out is dropped as obsolete.
 *
 * <p>Exactly once, and its one limit: a crash after the SMTP server accepted a mail but before that was recorded
 * sends the mail again when the lease ends, with the same Message-ID (likewise the same CloudEvent id on the topic).
 */
@Component
public class AlertScheduler {

    private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

    /** What one tick did. */
    public record Tick(int raised, int sent, int failed, int obsolete) {}

    private final Alerts alerts;
    private final AlertMail mail;
    private final AlertTopic topic;
    private final AlertProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertScheduler(
            Alerts alerts,
            AlertMail mail,
            AlertTopic topic,
            AlertProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.alerts = alerts;
        this.mail = mail;
        this.topic = topic;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(
            fixedDelayString = "${sagsspor.alerts.poll-interval}",
            initialDelayString = "${sagsspor.alerts.poll-interval}")
    void poll() {
        if (!properties.enabled()) {
            return;
        }
        try {
            Tick tick = tick();
            if (tick.raised() + tick.sent() + tick.failed() + tick.obsolete() > 0) {
                log.info(
                        "Alerts: {} raised, {} sent, {} failed, {} obsolete",
                        tick.raised(),
                        tick.sent(),
                        tick.failed(),
                        tick.obsolete());
            }
        } catch (RuntimeException e) {
            // the database is away, say: the next tick tries again, and nothing was lost
            log.warn("Alert tick failed: {}", e.toString());
        }
    }

    /** Raises what is due now and delivers every alert due for an attempt. */
    public Tick tick() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(DanishDays.DENMARK);
        LocalDate today = local.toLocalDate();
        int raised = 0;
        if (!local.toLocalTime().isBefore(properties.notBefore())) {
            List<Integer> perKind = alerts.raise(today, now);
            raised = perKind.stream().mapToInt(Integer::intValue).sum();
            meters.counter("sagsspor.alerts.raised").increment(raised);
        }
        int sent = 0;
        int failed = 0;
        int obsolete = 0;
        String claim = UUID.randomUUID().toString();
        List<Claimed> batch;
        do {
            batch = alerts.claim(claim, now, properties.lease(), properties.batchSize());
            for (Claimed claimed : batch) {
                switch (deliver(claimed, today)) {
                    case SENT -> sent++;
                    case FAILED -> failed++;
                    case OBSOLETE -> obsolete++;
                }
            }
        } while (batch.size() == properties.batchSize());
        alerts.backlog();
        return new Tick(raised, sent, failed, obsolete);
    }

    private enum Outcome {
        SENT,
        FAILED,
        OBSOLETE
    }

    private Outcome deliver(Claimed claimed, LocalDate today) {
        Alert alert = claimed.alert();
        MDC.put("correlationId", "alert-" + alert.id());
        try {
            if (claimed.followUp().isEmpty()) {
                alerts.obsolete(alert, "the follow-up is unknown");
                return Outcome.OBSOLETE;
            }
            FollowUpNow followUp = claimed.followUp().get();
            if (!followUp.stillConcerns(alert)) {
                alerts.obsolete(alert, followUp.whyNot(alert));
                log.info(
                        "Alert {} for follow-up {} dropped: {}",
                        alert.id(),
                        followUp.current().id(),
                        followUp.whyNot(alert));
                return Outcome.OBSOLETE;
            }
            boolean nothingSentYet = alert.mailedAt() == null && alert.publishedAt() == null;
            if (nothingSentYet
                    && alerts.kind(alert.daysBefore())
                            .map(kind -> kind.windowPassed(today, alert.dueDate()))
                            .orElse(true)) {
                alerts.obsolete(alert, "superseded: its time passed before it could be delivered");
                return Outcome.OBSOLETE;
            }
            if (alert.mailedAt() == null && !attempt(alert, "mail", () -> mailTo(alert, followUp, today))) {
                return Outcome.FAILED;
            }
            if (alert.publishedAt() == null && !attempt(alert, "topic", () -> publish(alert, followUp))) {
                return Outcome.FAILED;
            }
            alerts.sent(alert, clock.instant());
            log.info(
                    "Alert {} ({} of {}) for follow-up {} sent to {}",
                    alert.id(),
                    alert.kind(),
                    alert.dueDate(),
                    followUp.current().id(),
                    alert.assignee());
            return Outcome.SENT;
        } finally {
            MDC.remove("correlationId");
        }
    }

    private void mailTo(Alert alert, FollowUpNow followUp, LocalDate today) throws Exception {
        if (followUp.email() == null) {
            throw new IllegalStateException(
                    "the staff directory has no e-mail address for " + alert.assignee() + " (yet)");
        }
        mail.send(alert, followUp, today);
        alerts.mailed(alert, followUp.email(), clock.instant());
    }

    private void publish(Alert alert, FollowUpNow followUp) throws Exception {
        topic.publish(alert, followUp);
        alerts.published(alert, clock.instant());
    }

    private interface Channel {
        void deliver() throws Exception;
    }

    /** Delivers on one channel; on failure, schedules the next attempt and says so. */
    private boolean attempt(Alert alert, String channel, Channel delivery) {
        try {
            delivery.deliver();
            counter("sagsspor.alerts.sent", alert, channel).increment();
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Instant next = clock.instant().plus(properties.backoff(alert.attempts()));
            String error = channel + ": " + e;
            alerts.failed(alert, error.length() > 2000 ? error.substring(0, 2000) : error, next);
            counter("sagsspor.alerts.failed", alert, channel).increment();
            log.warn(
                    "Alert {} for follow-up {}: {} failed (attempt {}), next attempt at {}: {}",
                    alert.id(),
                    alert.followUpId(),
                    channel,
                    alert.attempts(),
                    next,
                    e.toString());
            return false;
        }
    }

    private Counter counter(String name, Alert alert, String channel) {
        return meters.counter(name, "channel", channel, "kind", alert.kind());
    }

    /** Turns on Spring's scheduling for {@link #poll()}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {}
}
