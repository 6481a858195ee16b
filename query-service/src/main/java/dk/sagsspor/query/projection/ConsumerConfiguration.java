package dk.sagsspor.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
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
     * dead-lettered and the partition waits until the infrastructure is back. A record that can never be applied is
     * retried a few times (not at all if it cannot be decoded or comes from its aggregate's future), then recorded in
     * {@link DeadLetters} and published once to the dead-letter topic with the failing consumer group in its headers;
     * the partition moves on. Later records of the same aggregate wait behind it as <em>held</em> (recorded, not
     * published again), so one cause makes one dead letter, and a replay once it is fixed brings them all in.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler(
            KafkaTemplate<String, byte[]> kafka,
            ProjectionProperties properties,
            DeadLetters deadLetters,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(properties.deadLetterTopic(), -1));
        ThreadLocal<String> failingGroup = new ThreadLocal<>();
        publisher.setHeadersFunction((record, exception) -> {
            RecordHeaders headers = new RecordHeaders();
            String group = failingGroup.get();
            if (group != null) {
                headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
                headers.add(PROJECTION_HEADER, projection(group, properties).getBytes(StandardCharsets.UTF_8));
            }
            return headers;
        });
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, failure) -> {
            Exception reason = reason(failure);
            String projection = projection(consumer, properties);
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
            failingGroup.set(consumer == null ? null : consumer.groupMetadata().groupId());
            try {
                publisher.accept(record, consumer, reason);
            } finally {
                failingGroup.remove();
            }
            meters.counter("sagsspor.projection.dead-lettered", "topic", record.topic(), "projection", projection)
                    .increment();
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

    /** The projection a consumer feeds: its group without the prefix. */
    private static String projection(Consumer<?, ?> consumer, ProjectionProperties properties) {
        return projection(consumer == null ? null : consumer.groupMetadata().groupId(), properties);
    }

    private static String projection(String group, ProjectionProperties properties) {
        if (group == null) {
            return "unknown";
        }
        return group.startsWith(properties.groupPrefix())
                ? group.substring(properties.groupPrefix().length())
                : group;
    }

    /**
     * Why a record failed, without the listener's wrappers ({@code ListenerExecutionFailedException}, and the
     * {@link BatchListenerFailedException} that names the record of a batch), so the dead letter's headers name the
     * real exception.
     */
    static Exception reason(Exception failure) {
        Exception reason = failure;
        while ((reason instanceof ListenerExecutionFailedException || reason instanceof BatchListenerFailedException)
                && reason.getCause() instanceof Exception cause) {
            reason = cause;
        }
        return reason;
    }
}
