package dk.sagsspor.command.eventstore;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the aggregate cache (ADR 8).
 *
 * @param maximumSize how many aggregates (items, meetings, staff members) stay in memory between commands; the least
 *     recently and least often used go first. A cached item or meeting takes a few KB.
 */
@Validated
@ConfigurationProperties("sagsspor.aggregate-cache")
record AggregateCacheProperties(@Min(1) long maximumSize) {}
