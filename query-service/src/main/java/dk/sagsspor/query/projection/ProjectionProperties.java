package dk.sagsspor.query.projection;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the projections.
 *
 * @param topic the event topic
 * @param deadLetterTopic where records that cannot be applied go, with the reason in their headers
 * @param groupPrefix prefix of the consumer groups: {@code read-models} (every projection) and each rebuild's
 * @param retryAttempts how often a failing record is retried before it is dead-lettered
 * @param retryInterval the first wait between retries; it doubles each time
 * @param retryMaxInterval the longest wait between retries of a transient failure (the database or the network
 *     away), which are retried without end
 */
@Validated
@ConfigurationProperties("sagsspor.projection")
public record ProjectionProperties(
        @NotBlank String topic,
        @NotBlank String deadLetterTopic,
        @NotBlank String groupPrefix,
        @Min(0) int retryAttempts,
        Duration retryInterval,
        Duration retryMaxInterval) {

    public ProjectionProperties {
        retryInterval = retryInterval == null ? Duration.ofMillis(500) : retryInterval;
        retryMaxInterval = retryMaxInterval == null ? Duration.ofSeconds(30) : retryMaxInterval;
    }
}
