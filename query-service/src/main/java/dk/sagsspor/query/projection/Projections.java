package dk.sagsspor.query.projection;

import dk.sagsspor.events.SagssporEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one record to one projection, the same way for every projection: decode it, and if it belongs to the
 * projection's aggregate type, claim it in {@link AppliedEvents} and apply it in the same database transaction. The
 * listener returns only after the commit, so the offset is committed after the read model. Counts applied and skipped
 * events and measures projection lag (now minus the event's time).
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

    <E extends SagssporEvent> void apply(Projection<E> target, ConsumerRecord<String, byte[]> record) {
        String projection = target.name();
        DecodedEvent<SagssporEvent> decoded = decoder.decode(record);
        if (!target.eventType().isInstance(decoded.event())) {
            return;
        }
        @SuppressWarnings("unchecked")
        DecodedEvent<E> event = (DecodedEvent<E>) decoded;
        String correlationId = event.envelope().correlationId();
        if (correlationId != null) {
            MDC.put("correlationId", correlationId);
        }
        try {
            Boolean fresh = transactions.execute(status -> {
                if (!applied.claim(projection, event.envelope())) {
                    return false;
                }
                target.apply(event);
                return true;
            });
            count(projection, event, Boolean.TRUE.equals(fresh) ? "applied" : "redelivered");
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
