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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a poll's records to every projection of a {@link Scope} in one pass: each record is decoded once and
 * applied to each projection of its aggregate type, each event claimed per projection in {@link AppliedEvents}, all in
 * one database transaction per poll. The listener returns only after the commit, so the offsets are committed after
 * the read models. Counts applied and skipped events and measures projection lag (now minus the event's time).
 */
@Component
public class Projections {

    /** While no single record is being decoded or applied (positions, commit). */
    private static final int NO_RECORD = -1;

    private final EventDecoder decoder;
    private final AppliedEvents applied;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Clock clock;

    Projections(
            EventDecoder decoder,
            AppliedEvents applied,
            DeadLetters deadLetters,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            MeterRegistry meters,
            Clock clock) {
        this.decoder = decoder;
        this.applied = applied;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.meters = meters;
        this.clock = clock;
    }

    /** Applies records to one projection of the live read models (a dead letter's replay). */
    void apply(Projection<?> target, List<ConsumerRecord<String, byte[]>> records) {
        apply(Scope.live(List.of(target)), records);
    }

    /**
     * Applies a poll's records to every projection of the scope in one database transaction (far fewer commits than
     * one per record and projection): the records are decoded once, the positions of their aggregates for every
     * projection locked and read at once, each event claimed and applied in order, and the positions written back at
     * once. When projection {@code p} fails on record {@code i}, the transaction is rolled back, records
     * {@code 0..i-1} are applied again in a transaction of their own, and a {@link BatchListenerFailedException} names
     * record {@code i} with a {@link ProjectionFailed} naming {@code p}: the error handler commits the offsets before
     * it and retries, then dead-letters it for {@code p} and applies it to the other projections — exactly as if every
     * record and projection had a transaction of its own. A transient failure (the database away, a deadlock;
     * {@link TransientFailures}), or one no record is to blame for (the positions, the commit), names the poll's first
     * record as a {@link TransientFailures.PollNotApplied}: nothing was committed, and the error handler retries the
     * whole poll without end — it is never dead-lettered.
     */
    void apply(Scope scope, List<ConsumerRecord<String, byte[]>> records) {
        List<Applied> done = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> {
                done.clear();
                Pass pass = begin(scope, records, new Failure());
                AppliedEvents.Claims claims = pass.claims();
                for (Projection<?> target : scope.projections()) {
                    List<DecodedEvent<SagssporEvent>> fresh = new ArrayList<>();
                    for (Decoded event : pass.events()) {
                        if (event.targets().contains(target)) {
                            boolean isNew =
                                    claims.claim(target.name(), event.event().envelope());
                            if (isNew) {
                                fresh.add(event.event());
                            }
                            done.add(new Applied(target.name(), event.event(), isNew));
                        }
                    }
                    if (!fresh.isEmpty()) {
                        applyAll(target, fresh);
                    }
                }
                end(claims);
            });
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw pollNotApplied(scope, records, e);
            }
            // a record or a projection failed; event by event, to find which and to apply the rest
            applyEventByEvent(scope, records);
            return;
        }
        count(done);
    }

    /**
     * The poll again, one event and projection at a time, so that a failure names its record and projection (see
     * {@link #apply(Scope, List)}).
     */
    private void applyEventByEvent(Scope scope, List<ConsumerRecord<String, byte[]>> records) {
        Failure at = new Failure();
        List<Applied> done = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> {
                done.clear();
                Pass pass = begin(scope, records, at);
                for (Decoded event : pass.events()) {
                    at.index = event.index();
                    applyOne(event, pass.claims(), at, done);
                }
                at.clear();
                end(pass.claims());
            });
        } catch (RuntimeException e) {
            int failed = at.index;
            if (failed == NO_RECORD || at.projection == null || TransientFailures.isTransient(e)) {
                // Nothing was committed and no record is to blame: the whole poll is retried, without end.
                throw pollNotApplied(scope, records, e);
            }
            if (failed > 0) {
                apply(scope, records.subList(0, failed));
            }
            ConsumerRecord<String, byte[]> record = records.get(failed);
            throw new BatchListenerFailedException(
                    at.projection + " could not apply " + record.topic() + "-" + record.partition() + "@"
                            + record.offset(),
                    new ProjectionFailed(at.projection, scope, e),
                    failed);
        }
        count(done);
    }

    /** A pass's decoded events (records no projection of the scope applies left out) and their positions. */
    private record Pass(List<Decoded> events, AppliedEvents.Claims claims) {}

    /**
     * Starts a pass in the surrounding transaction: the scope's schema, the records decoded (with {@code at} saying
     * which record is being decoded), the positions of their aggregates locked and read.
     */
    private Pass begin(Scope scope, List<ConsumerRecord<String, byte[]>> records, Failure at) {
        useSchema(scope);
        List<Decoded> events = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            at.index = i;
            Decoded event = decode(scope, records.get(i), i, at);
            if (event != null) {
                events.add(event);
            }
        }
        at.clear();
        AppliedEvents.Claims claims = applied.positions(
                scope.names(),
                events.stream().map(e -> e.event().envelope().aggregateId()).toList());
        return new Pass(events, claims);
    }

    /** Ends a pass: the dead letters its positions overtake resolved, the positions written. */
    private void end(AppliedEvents.Claims claims) {
        deadLetters.supersede(claims.claimedPositions());
        claims.save();
    }

    /** A poll no record is to blame for: retried whole, without end, by the error handler. */
    private static BatchListenerFailedException pollNotApplied(
            Scope scope, List<ConsumerRecord<String, byte[]>> records, RuntimeException e) {
        return new BatchListenerFailedException(
                scope.names() + " could not apply a poll of " + records.size() + " record(s)",
                new TransientFailures.PollNotApplied(scope.names() + " could not apply a poll: " + e.getMessage(), e),
                0);
    }

    /** A rebuild's pass writes into its own schema first (its tables), then the default one (dead letters). */
    private void useSchema(Scope scope) {
        if (scope.schema() != null) {
            jdbc.sql("select set_config('search_path', :path, true)")
                    .param("path", scope.schema() + ", public")
                    .query(String.class)
                    .single();
        }
    }

    /** Runs {@code work} with the event's correlation id in the log context. */
    static void withCorrelationId(DecodedEvent<?> event, Runnable work) {
        String correlationId = event.envelope().correlationId();
        if (correlationId != null) {
            MDC.put("correlationId", correlationId);
        }
        try {
            work.run();
        } finally {
            MDC.remove("correlationId");
        }
    }

    private void count(List<Applied> done) {
        for (Applied outcome : done) {
            count(outcome.projection(), outcome.event(), outcome.fresh() ? "applied" : "redelivered");
        }
    }

    /** Where a pass is: the record (or {@link #NO_RECORD}) and the projection (or null) it is working on. */
    private static final class Failure {
        int index = NO_RECORD;
        String projection;

        void clear() {
            index = NO_RECORD;
            projection = null;
        }
    }

    /** What became of one record in one projection: applied now, or applied before (a redelivery). */
    private record Applied(String projection, DecodedEvent<?> event, boolean fresh) {}

    /** A decoded event, its record's place in the poll, and the projections that apply it. */
    private record Decoded(int index, DecodedEvent<SagssporEvent> event, List<Projection<?>> targets) {}

    /**
     * The record decoded, with the projections of its aggregate type; null if none of the scope's is. The type header
     * is looked at first, so a record no projection applies is passed over without parsing it (a record whose type
     * cannot be told from its header is decoded, and fails if it is not an event: a failure of the first projection
     * that would have applied it, and then of each of the others in turn, see {@link ConsumerConfiguration}).
     */
    private Decoded decode(Scope scope, ConsumerRecord<String, byte[]> record, int index, Failure at) {
        List<Projection<?>> candidates = scope.projections().stream()
                .filter(p -> decoder.mayBe(record, p.eventType()))
                .toList();
        if (candidates.isEmpty()) {
            return null;
        }
        at.projection = candidates.getFirst().name();
        DecodedEvent<SagssporEvent> decoded = decoder.decode(record);
        at.projection = null;
        List<Projection<?>> targets = candidates.stream()
                .filter(p -> p.eventType().isInstance(decoded.event()))
                .toList();
        return targets.isEmpty() ? null : new Decoded(index, decoded, targets);
    }

    /** Claims and applies one event, for each of its projections, in the surrounding transaction. */
    private void applyOne(Decoded decoded, AppliedEvents.Claims claims, Failure at, List<Applied> done) {
        DecodedEvent<SagssporEvent> event = decoded.event();
        withCorrelationId(event, () -> {
            for (Projection<?> target : decoded.targets()) {
                at.projection = target.name();
                boolean fresh = claims.claim(target.name(), event.envelope());
                if (fresh) {
                    applyTo(target, event);
                }
                done.add(new Applied(target.name(), event, fresh));
            }
            at.projection = null;
        });
    }

    /** The projection's event type was checked when the record was decoded. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <E extends SagssporEvent> void applyAll(
            Projection<E> target, List<DecodedEvent<SagssporEvent>> events) {
        target.apply((List<DecodedEvent<E>>) (List) events);
    }

    /** The projection's event type was checked when the record was decoded. */
    @SuppressWarnings("unchecked")
    private static <E extends SagssporEvent> void applyTo(Projection<E> target, DecodedEvent<SagssporEvent> event) {
        target.apply((DecodedEvent<E>) (DecodedEvent<?>) event);
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
