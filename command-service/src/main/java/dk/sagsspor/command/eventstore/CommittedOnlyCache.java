package dk.sagsspor.command.eventstore;

import dk.sagsspor.command.VersionedCommand;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A cache that holds only what has been committed. Axon puts an aggregate into its cache when its unit of work
 * prepares to commit; when that unit of work joins an outer transaction (a request with an {@code Idempotency-Key}, a
 * minutes import), Axon's part is done long before the database commits, and a failing commit used to leave the
 * uncommitted aggregate in the cache — later commands then appended to a history that was never stored.
 *
 * <p>Here a put inside a transaction removes the entry at once (the old state is stale from that moment, and a
 * concurrent command must read the store, where the unique sequence makes it wait for this transaction) and puts the
 * new state only after the transaction has committed. Outside a transaction a put is immediate.
 */
final class CommittedOnlyCache implements Cache {

    private final Cache delegate;

    CommittedOnlyCache(Cache delegate) {
        this.delegate = delegate;
    }

    @Override
    public <K, V> V get(K key) {
        return delegate.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            delegate.put(key, value);
            return;
        }
        delegate.remove(key);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    delegate.put(key, value);
                } else {
                    delegate.remove(key);
                }
            }
        });
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (delegate.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T present = delegate.get(key);
        if (present != null) {
            return present;
        }
        T value = valueSupplier.get();
        put(key, value);
        return value;
    }

    /**
     * Axon removes an aggregate when its unit of work rolls back, because a command may have changed the cached object
     * before it failed. A command refused for a stale {@code If-Match} was refused before it touched anything: the
     * cached aggregate is still the committed one and stays (without this, every 412 on a busy item made the next
     * command replay its whole history while holding the item's lock — under load the locks queued, their waiting
     * transactions held every pooled connection, and the service collapsed into 503s).
     */
    @Override
    public boolean remove(Object key) {
        if (refusedAsStale()) {
            return false;
        }
        return delegate.remove(key);
    }

    private static boolean refusedAsStale() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        var result = CurrentUnitOfWork.get().getExecutionResult();
        return result != null
                && result.isExceptionResult()
                && result.getExceptionResult() instanceof VersionedCommand.StaleVersion;
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return delegate.registerCacheEntryListener(cacheEntryListener);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }
}
