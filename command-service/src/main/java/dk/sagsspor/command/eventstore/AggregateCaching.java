package dk.sagsspor.command.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates stay in memory between commands, so a busy item or meeting is not read back from its whole history for
 * every command (ADR 8). Axon's weak-reference cache: the garbage collector may drop any entry, memory is never held
 * for it. An aggregate whose command fails is dropped from it; one changed meanwhile by another instance fails to
 * append (its sequence is taken), is dropped and re-read on the client's retry. Only committed state is cached
 * ({@link CommittedOnlyCache}): a transaction that fails at its commit leaves nothing of itself behind.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaching {

    /** The bean name the aggregates' {@code @Aggregate(cache = …)} refers to. */
    public static final String NAME = "aggregateCache";

    @Bean(NAME)
    Cache aggregateCache() {
        return new CommittedOnlyCache(new WeakReferenceCache());
    }
}
