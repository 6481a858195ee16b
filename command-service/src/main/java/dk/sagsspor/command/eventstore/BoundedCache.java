package dk.sagsspor.command.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Axon's {@link Cache} on a Caffeine cache of at most a given number of entries, held by strong references: the
 * aggregates used most recently and most often stay, whatever the garbage collector does (Axon's weak-reference cache
 * was emptied by every young collection, so hot aggregates were still replayed). Eviction runs on the calling thread.
 */
final class BoundedCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    BoundedCache(com.github.benmanes.caffeine.cache.Cache<Object, Object> entries) {
        this.entries = entries;
    }

    /** A cache of at most {@code maximumSize} entries that records its statistics (for the cache's meters). */
    static com.github.benmanes.caffeine.cache.Cache<Object, Object> entries(long maximumSize) {
        return Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            entries.invalidate(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    /** Nothing in this service listens to the aggregate cache; Axon's repositories only get, put and remove. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("The aggregate cache takes no entry listeners");
    }
}
