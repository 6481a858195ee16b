package dk.sagsspor.command.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys after {@code sagsspor.idempotency.retention} (7 days by default): a client retries within
 * minutes, not weeks, and the table must not grow for ever. A request sent again with an expired key is handled as a
 * new one. Runs every {@code sagsspor.idempotency.cleanup-interval} (1 hour) on every instance; deleting is
 * idempotent, in batches so no transaction grows large.
 */
@Component
public class IdempotencyKeyExpiry {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyExpiry.class);
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final MeterRegistry meters;

    IdempotencyKeyExpiry(
            JdbcClient jdbc,
            Clock clock,
            MeterRegistry meters,
            @Value("${sagsspor.idempotency.retention:7d}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${sagsspor.idempotency.cleanup-interval:1h}",
            initialDelayString = "${sagsspor.idempotency.cleanup-interval:1h}")
    void scheduled() {
        try {
            int expired = expire();
            if (expired > 0) {
                log.info("Forgot {} idempotency keys older than {}", expired, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Expiring idempotency keys failed; next time: {}", e.toString());
        }
    }

    /** Deletes the keys older than the retention; returns how many. */
    public int expire() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
        int total = 0;
        int deleted;
        do {
            deleted =
                    jdbc.sql("""
                            delete from idempotent_request where idempotency_key in (
                                select idempotency_key from idempotent_request where created_at < :cutoff limit :batch)""").param("cutoff", cutoff).param("batch", BATCH).update();
            total += deleted;
        } while (deleted == BATCH);
        meters.counter("sagsspor.idempotency.keys.expired").increment(total);
        return total;
    }

    /** Turns on Spring's scheduling for the expiry. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {}
}
