package dk.sagsspor.command.publishing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the relay from the event store to Kafka.
 *
 * @param topic the topic every event goes to (key = aggregate id)
 * @param partitions partitions of the topic when the relay creates it
 * @param replicas replication factor when the relay creates the topic
 * @param source the CloudEvents {@code source} of every event
 * @param sendTimeout how long a batch may wait for the broker's acknowledgements before it is retried
 */
@Validated
@ConfigurationProperties("sagsspor.publishing")
record PublishingProperties(
        @NotBlank String topic,
        @Min(1) int partitions,
        @Min(1) short replicas,
        URI source,
        Duration sendTimeout) {}
