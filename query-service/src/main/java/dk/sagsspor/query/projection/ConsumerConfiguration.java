package dk.sagsspor.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    /** The dead-letter record's header naming the projection that could not apply it. */
    static final String PROJECTION_HEADER = "sagsspor-projection";

    /** Records that could not be applied, kept forever with the reason, for an operator to inspect and replay. */
    @Bean
    NewTopic deadLetterTopic(ProjectionProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic())
                .partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    /**
     * Two kinds of failure, never confused. A transient one (the database or the network away, a timeout, a deadlock:
     * {@link TransientFailures}) is retried without end, with back-off up to {@code retry-max-interval}: nothing is
     * dead-lettered and the partition waits until the infrastructure is back. A record that a projection can never
     * apply is retried a few times (not at all if it cannot be decoded or comes from its aggregate's future), then
     * recorded in {@link DeadLetters} for that projection and published once to the dead-letter topic with the
     * consumer group and the projection in its headers; the record is then applied to the pass's other projections
     * (each that fails on it too gets a dead letter of its own), and the partition moves on. Later records of the same
     * aggregate wait behind it in that projection as <em>held</em> (recorded, not published again), so one cause makes
     * one dead letter, and a replay once it is fixed brings them all in.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler(
            KafkaTemplate<String, byte[]> kafka,
            ProjectionProperties properties,
            DeadLetters deadLetters,
            Projections projections,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(properties.deadLetterTopic(), -1));
        ThreadLocal<String> failingProjection = new ThreadLocal<>();
        ThreadLocal<String> failingGroup = new ThreadLocal<>();
        publisher.setHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            String group = failingGroup.get();
            if (group != null) {
                headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
            }
            String projection = failingProjection.get();
            if (projection != null) {
                headers.add(PROJECTION_HEADER, projection.getBytes(StandardCharsets.UTF_8));
            }
            return headers;
        });
        DeadLetterSink sink = (projection, record, consumer, reason) -> {
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, byte[]> event = (ConsumerRecord<String, byte[]>) record;
            boolean held = reason instanceof EventOutOfSequence && deadLetters.blocks(projection, event.key());
            boolean fresh = deadLetters.record(
                    projection, event, reason, held ? DeadLetters.Status.HELD : DeadLetters.Status.OPEN);
            String where = record.topic() + "-" + record.partition() + "@" + record.offset();
            if (held) {
                log.warn(
                        "{}: {} (key {}) held behind an earlier dead letter of its aggregate",
                        projection,
                        where,
                        record.key());
                meters.counter("sagsspor.projection.held", "projection", projection)
                        .increment();
                return;
            }
            if (!fresh) {
                log.warn(
                        "{}: {} (key {}) failed again, a known dead letter: {}",
                        projection,
                        where,
                        record.key(),
                        reason.getMessage());
                return;
            }
            log.error("{}: dead-lettering {} (key {}): {}", projection, where, record.key(), reason.getMessage());
            failingProjection.set(projection);
            failingGroup.set(consumer == null ? null : consumer.groupMetadata().groupId());
            try {
                publisher.accept(record, consumer, reason);
            } finally {
                failingProjection.remove();
                failingGroup.remove();
            }
            meters.counter("sagsspor.projection.dead-lettered", "topic", record.topic(), "projection", projection)
                    .increment();
        };
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, failure) -> {
            ProjectionFailed failed = ProjectionFailed.in(failure);
            if (failed == null) {
                sink.accept("unknown", record, consumer, reason(failure));
                return;
            }
            sink.accept(failed.projection(), record, consumer, reason(failure));
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, byte[]> event = (ConsumerRecord<String, byte[]>) record;
            applyToTheOthers(
                    projections,
                    failed,
                    event,
                    (projection, reason) -> sink.accept(projection, record, consumer, reason));
        };
        ExponentialBackOff badRecord =
                new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
        badRecord.setMaxAttempts(properties.retryAttempts());
        ExponentialBackOff transientFailure =
                new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
        transientFailure.setMaxInterval(properties.retryMaxInterval().toMillis());
        transientFailure.setMaxElapsedTime(Long.MAX_VALUE);
        transientFailure.setMaxAttempts(Integer.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, badRecord);
        handler.setBackOffFunction((record, failure) -> {
            if (TransientFailures.isTransient(failure)) {
                log.warn(
                        "{}-{}@{} not applied, the infrastructure is unavailable; retrying until it is back: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        reason(failure).getMessage());
                return transientFailure;
            }
            return null;
        });
        handler.addNotRetryableExceptions(UndecodableEvent.class, EventOutOfSequence.class);
        return handler;
    }

    /** Records a record one projection could not apply: a dead letter (or a held one), published once. */
    @FunctionalInterface
    private interface DeadLetterSink {
        void accept(String projection, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception reason);
    }

    /**
     * Applies a record that {@code failed.projection()} could not apply to the other projections of its pass, in a
     * transaction of their own; each that fails on it too is dead-lettered and left out, until the rest have applied
     * it. A transient failure is thrown: the error handler then delivers the record again (its dead letters are known
     * by then and not published twice).
     */
    private static void applyToTheOthers(
            Projections projections,
            ProjectionFailed failed,
            ConsumerRecord<String, byte[]> record,
            BiConsumer<String, Exception> deadLetter) {
        Set<String> excluded = new HashSet<>(Set.of(failed.projection()));
        while (true) {
            Scope others = failed.scope().without(excluded);
            if (others.projections().isEmpty()) {
                return;
            }
            try {
                projections.apply(others, List.of(record));
                return;
            } catch (RuntimeException e) {
                ProjectionFailed also = ProjectionFailed.in(e);
                if (also == null || TransientFailures.isTransient(e)) {
                    throw e;
                }
                deadLetter.accept(also.projection(), reason(e));
                excluded.add(also.projection());
            }
        }
    }

    /**
     * Why a record failed, without the listener's wrappers ({@code ListenerExecutionFailedException}, and the
     * {@link BatchListenerFailedException} that names the record of a batch, the {@link ProjectionFailed} that names
     * the projection), so the dead letter's headers name the
     * real exception.
     */
    static Exception reason(Exception failure) {
        Exception reason = failure;
        while ((reason instanceof ListenerExecutionFailedException
                        || reason instanceof BatchListenerFailedException
                        || reason instanceof ProjectionFailed)
                && reason.getCause() instanceof Exception cause) {
            reason = cause;
        }
        return reason;
    }
}
