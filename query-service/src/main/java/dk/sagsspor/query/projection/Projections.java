package dk.sagsspor.query.projection;

import dk.sagsspor.events.SagssporEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies records to one projection, the same way for every projection: decode each, and if it belongs to the
 * projection's aggregate type, claim it in {@link AppliedEvents} and apply it in the same database transaction (one
 * per poll). The listener returns only after the commit, so the offsets are committed after the read model. Counts
 * applied and skipped events and measures projection lag (now minus the event's time).
 */
@Component
public class Projections {

    private final EventDecoder decoder;
    private final AppliedEvents applied;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    Projections(
            EventDecoder decoder,
            AppliedEvents applied,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock) {
        this.decoder = decoder;
        this.applied = applied;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Applies a poll's records to one projection in one database transaction (far fewer commits than one per record,
     * which is what limits a rebuild). When record {@code i} fails, the transaction is rolled back, records
     * {@code 0..i-1} are applied again in a transaction of their own, and a {@link BatchListenerFailedException} names
     * record {@code i}: the error handler commits the offsets before it and retries, then dead-letters, that record
     * alone — exactly as if every record had its own transaction.
     */
    <E extends SagssporEvent> void apply(Projection<E> target, List<ConsumerRecord<String, byte[]>> records) {
        int[] current = {0};
        List<Applied> done = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < records.size(); i++) {
                    current[0] = i;
                    Applied outcome = applyOne(target, records.get(i));
                    if (outcome != null) {
                        done.add(outcome);
                    }
                }
            });
        } catch (RuntimeException e) {
            int failed = current[0];
            if (failed > 0) {
                apply(target, records.subList(0, failed));
            }
            throw new BatchListenerFailedException(
                    target.name() + " could not apply " + records.get(failed).topic() + "-"
                            + records.get(failed).partition() + "@"
                            + records.get(failed).offset(),
                    e,
                    failed);
        }
        for (Applied outcome : done) {
            count(target.name(), outcome.event(), outcome.fresh() ? "applied" : "redelivered");
        }
    }

    /** What became of one record: applied now, or applied before (a redelivery). */
    private record Applied(DecodedEvent<?> event, boolean fresh) {}

    /** Decodes, claims and applies one record in the surrounding transaction; null if not the projection's type. */
    private <E extends SagssporEvent> Applied applyOne(Projection<E> target, ConsumerRecord<String, byte[]> record) {
        DecodedEvent<SagssporEvent> decoded = decoder.decode(record);
        if (!target.eventType().isInstance(decoded.event())) {
            return null;
        }
        @SuppressWarnings("unchecked")
        DecodedEvent<E> event = (DecodedEvent<E>) decoded;
        String correlationId = event.envelope().correlationId();
        if (correlationId != null) {
            MDC.put("correlationId", correlationId);
        }
        try {
            if (!applied.claim(target.name(), event.envelope())) {
                return new Applied(event, false);
            }
            target.apply(event);
            return new Applied(event, true);
        } finally {
            MDC.remove("correlationId");
        }
    }

    private void count(String projection, DecodedEvent<?> event, String outcome) {
        Counter.builder("sagsspor.projection.events")
                .description("Events a projection applied, or skipped because it had applied them before")
                .tag("projection", projection)
                .tag("type", event.event().getClass().getSimpleName())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
        if (outcome.equals("applied")) {
            Timer.builder("sagsspor.projection.lag")
                    .description("Time from an event being recorded to a projection applying it")
                    .tag("projection", projection)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(max(Duration.ZERO, Duration.between(event.envelope().time(), clock.instant())));
        }
    }

    /** A clock set back or an instance's clock behind another's must not record a negative lag. */
    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
