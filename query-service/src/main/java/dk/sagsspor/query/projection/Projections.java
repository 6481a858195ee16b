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
 * Applies records to one projection, the same way for every projection: decode those of the projection's aggregate
 * type, claim each in {@link AppliedEvents} and apply it, all in one database transaction per poll. The listener
 * returns only after the commit, so the offsets are committed after the read model. Counts applied and skipped
 * events and measures projection lag (now minus the event's time).
 */
@Component
public class Projections {

    /** While no single record is being decoded or applied (positions, commit). */
    private static final int NO_RECORD = -1;

    private final EventDecoder decoder;
    private final AppliedEvents applied;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    Projections(
            EventDecoder decoder,
            AppliedEvents applied,
            DeadLetters deadLetters,
            TransactionTemplate transactions,
            MeterRegistry meters,
            Clock clock) {
        this.decoder = decoder;
        this.applied = applied;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Applies a poll's records to one projection in one database transaction (far fewer commits than one per record,
     * which is what limits a rebuild): the records of the projection's aggregate type are decoded, the positions of
     * their aggregates locked and read at once, each event claimed and applied in order, and the positions written
     * back at once. When record {@code i} fails, the transaction is rolled back, records {@code 0..i-1} are applied
     * again in a transaction of their own, and a {@link BatchListenerFailedException} names record {@code i}: the error
     * handler commits the offsets before it and retries, then dead-letters, that record alone — exactly as if every
     * record had its own transaction. A transient failure (the database away, a deadlock; {@link TransientFailures}),
     * or one no record is to blame for (the positions, the commit), names the poll's first record as a
     * {@link TransientFailures.PollNotApplied}: nothing was committed, and the error handler retries the whole poll
     * without end — it is never dead-lettered.
     */
    <E extends SagssporEvent> void apply(Projection<E> target, List<ConsumerRecord<String, byte[]>> records) {
        int[] current = {NO_RECORD};
        List<Applied> done = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> {
                done.clear();
                List<Indexed<E>> events = new ArrayList<>();
                for (int i = 0; i < records.size(); i++) {
                    current[0] = i;
                    DecodedEvent<E> event = decodeIfFor(target, records.get(i));
                    if (event != null) {
                        events.add(new Indexed<>(i, event));
                    }
                }
                current[0] = NO_RECORD;
                AppliedEvents.Claims claims = applied.positions(
                        target.name(),
                        events.stream()
                                .map(e -> e.event().envelope().aggregateId())
                                .toList());
                for (Indexed<E> indexed : events) {
                    current[0] = indexed.index();
                    done.add(applyOne(target, claims, indexed.event()));
                }
                current[0] = NO_RECORD;
                deadLetters.supersede(target.name(), claims.claimedPositions());
                claims.save();
            });
        } catch (RuntimeException e) {
            int failed = current[0];
            if (failed == NO_RECORD || TransientFailures.isTransient(e)) {
                // Nothing was committed and no record is to blame: the whole poll is retried, without end.
                throw new BatchListenerFailedException(
                        target.name() + " could not apply a poll of " + records.size() + " record(s)",
                        new TransientFailures.PollNotApplied(
                                target.name() + " could not apply a poll: " + e.getMessage(), e),
                        0);
            }
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

    /** A decoded event and its record's place in the poll. */
    private record Indexed<E extends SagssporEvent>(int index, DecodedEvent<E> event) {}

    /**
     * The record decoded, if it is of the projection's aggregate type; null if not. The type header is looked at
     * first, so the records of other aggregates are passed over without parsing them (a record whose type cannot be
     * told from its header is decoded, and fails if it is not an event).
     */
    private <E extends SagssporEvent> DecodedEvent<E> decodeIfFor(
            Projection<E> target, ConsumerRecord<String, byte[]> record) {
        if (!decoder.mayBe(record, target.eventType())) {
            return null;
        }
        DecodedEvent<SagssporEvent> decoded = decoder.decode(record);
        if (!target.eventType().isInstance(decoded.event())) {
            return null;
        }
        @SuppressWarnings("unchecked")
        DecodedEvent<E> event = (DecodedEvent<E>) decoded;
        return event;
    }

    /** Claims and applies one event in the surrounding transaction. */
    private <E extends SagssporEvent> Applied applyOne(
            Projection<E> target, AppliedEvents.Claims claims, DecodedEvent<E> event) {
        String correlationId = event.envelope().correlationId();
        if (correlationId != null) {
            MDC.put("correlationId", correlationId);
        }
        try {
            if (!claims.claim(event.envelope())) {
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
