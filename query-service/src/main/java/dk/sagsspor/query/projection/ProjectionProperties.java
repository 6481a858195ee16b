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
 * @param groupPrefix prefix of every projection's consumer group; each projection has its own group
 * @param retryAttempts how often a failing record is retried before it is dead-lettered
 * @param retryInterval the first wait between retries; it doubles each time
 */
@Validated
@ConfigurationProperties("sagsspor.projection")
public record ProjectionProperties(
        @NotBlank String topic,
        @NotBlank String deadLetterTopic,
        @NotBlank String groupPrefix,
        @Min(0) int retryAttempts,
        Duration retryInterval) {}
