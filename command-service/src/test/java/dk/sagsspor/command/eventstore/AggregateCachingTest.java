package dk.sagsspor.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class AggregateCachingTest {

    @Test
    void keepsAggregatesAcrossGarbageCollection() {
        Cache cache =
                new AggregateCaching().aggregateCache(new AggregateCacheProperties(100), new SimpleMeterRegistry());
        cache.put("item-1", new Object());

        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        assertThat(cache.<String, Object>get("item-1"))
                .as("a hot aggregate must not be replayed after every collection")
                .isNotNull();
    }

    @Test
    void holdsNoMoreThanItsMaximumSize() {
        Cache cache =
                new AggregateCaching().aggregateCache(new AggregateCacheProperties(100), new SimpleMeterRegistry());

        for (int i = 0; i < 1_000; i++) {
            cache.put("item-" + i, new Object());
        }

        long held = java.util.stream.IntStream.range(0, 1_000)
                .filter(i -> cache.containsKey("item-" + i))
                .count();
        assertThat(held).isBetween(1L, 100L);
    }
}
