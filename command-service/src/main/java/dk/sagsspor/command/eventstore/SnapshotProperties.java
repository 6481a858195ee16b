package dk.sagsspor.command.eventstore;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of aggregate snapshots.
 *
 * @param threshold after how many events read to load an aggregate it is snapshotted, so that the next load (after a
 *     restart, or when the cache has let it go) reads the snapshot and the events after it, not the whole history
 */
@Validated
@ConfigurationProperties("sagsspor.snapshots")
record SnapshotProperties(@Min(2) int threshold) {}
