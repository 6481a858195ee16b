package dk.sagsspor.command.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates stay in memory between commands, so a busy item or meeting is not read back from its whole history for
 * every command (ADR 8). At most {@code sagsspor.aggregate-cache.maximum-size} of them, held until evicted for room
 * ({@link BoundedCache}); its hits, misses and evictions are the {@code cache_*} meters named {@code aggregates}. An
 * aggregate whose command fails is dropped from it; one changed meanwhile by another instance fails to
 * append (its sequence is taken), is dropped and re-read on the client's retry. Only committed state is cached
 * ({@link CommittedOnlyCache}): a transaction that fails at its commit leaves nothing of itself behind.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AggregateCacheProperties.class, SnapshotProperties.class})
public class AggregateCaching {

    /** The bean name the aggregates' {@code @Aggregate(cache = …)} refers to. */
    public static final String NAME = "aggregateCache";

    /** The bean name the aggregates' {@code @Aggregate(snapshotTriggerDefinition = …)} refers to. */
    public static final String SNAPSHOTS = "aggregateSnapshots";

    /**
     * Snapshots for long histories (an open meeting, a much-revised item): when loading an aggregate read more than
     * {@code sagsspor.snapshots.threshold} events, Axon's snapshotter stores its state after the command commits. Each
     * aggregate class carries a {@code @Revision}; a snapshot of another revision, or one that cannot be read, is
     * passed over and the history replayed (ADR 8).
     */
    @Bean(SNAPSHOTS)
    SnapshotTriggerDefinition aggregateSnapshots(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.threshold());
    }

    @Bean(NAME)
    Cache aggregateCache(AggregateCacheProperties properties, MeterRegistry meters) {
        var entries = BoundedCache.entries(properties.maximumSize());
        CaffeineCacheMetrics.monitor(meters, entries, "aggregates");
        return new CommittedOnlyCache(new BoundedCache(entries));
    }
}
