package dk.sagsspor.command.audit;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the tamper-evident history (docs/audit.md).
 *
 * @param chainInterval how often the chain is extended over the events stored since
 * @param settle how old an event must be before it is chained: a transaction that took its global index earlier may
 *     still commit within this time, and the chain must not pass over its place
 * @param sealInterval how often a seal of the chain's head is made and published (when the head has moved)
 * @param sealTopic the Kafka topic the seals are published to, kept forever
 * @param batchSize how many events one transaction of the chain takes at the most
 */
@Validated
@ConfigurationProperties("sagsspor.audit")
public record AuditProperties(
        @NotNull Duration chainInterval,
        @NotNull Duration settle,
        @NotNull Duration sealInterval,
        @NotBlank String sealTopic,
        @Min(1) int batchSize) {}
