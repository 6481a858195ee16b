package dk.sagsspor.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class ConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConsumerConfiguration.class);

    /** Records that could not be applied, kept forever with the reason, for an operator to inspect and replay. */
    @Bean
    NewTopic deadLetterTopic(ProjectionProperties properties) {
        return TopicBuilder.name(properties.deadLetterTopic())
                .partitions(1)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    /**
     * A failing record is retried with back-off, then published to the dead-letter topic (Spring Kafka adds the
     * exception, its message and the original topic, partition and offset as headers) and the partition moves on. A
     * record that cannot be decoded is dead-lettered at once: retrying cannot help it.
     */
    @Bean
    DefaultErrorHandler projectionErrorHandler(
            KafkaTemplate<String, byte[]> kafka, ProjectionProperties properties, MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, exception) -> new TopicPartition(properties.deadLetterTopic(), -1));
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInterval().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retryAttempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, failure) -> {
                    Exception exception = reason(failure);
                    log.error(
                            "Dead-lettering {}-{}@{} (key {}): {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            exception.getCause() == null
                                    ? exception.getMessage()
                                    : exception.getCause().getMessage());
                    deadLetters.accept(record, exception);
                    meters.counter("sagsspor.projection.dead-lettered", "topic", record.topic())
                            .increment();
                },
                backOff);
        handler.addNotRetryableExceptions(UndecodableEvent.class);
        return handler;
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
