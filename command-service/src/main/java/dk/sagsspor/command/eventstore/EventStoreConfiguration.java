package dk.sagsspor.command.eventstore;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The event store: Axon's embedded store over the JDBC engine, its reader woken only by committed events. An
 * auto-configuration between Axon's JDBC one (which makes the engine only while no event bus exists) and Axon's core
 * one (which would make the store).
 */
@AutoConfiguration(
        afterName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties(EventStoreProperties.class)
public class EventStoreConfiguration {

    /** In place of Axon's auto-configured store (same name and qualifier), with the fetch delay set. */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine, Configuration configuration, EventStoreProperties properties) {
        return new CommittedEventsEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS));
    }

    /**
     * Wakes the reader when the events are visible to it. Axon wakes it when its unit of work commits; when that unit
     * of work joined a transaction begun outside it (a request with an {@code Idempotency-Key} stores the key in the
     * same transaction), nothing is committed yet at that moment: the reader found nothing and slept for the fetch
     * delay, or until another command woke it (~300 ms of relay lag under load). Then it is woken after the
     * surrounding transaction commits instead.
     */
    static final class CommittedEventsEventStore extends EmbeddedEventStore {

        CommittedEventsEventStore(Builder builder) {
            super(builder);
        }

        @Override
        protected void afterCommit(List<? extends EventMessage<?>> events) {
            if (TransactionSynchronizationManager.isSynchronizationActive()
                    && TransactionSynchronizationManager.isActualTransactionActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        wakeReader(events);
                    }
                });
            } else {
                wakeReader(events);
            }
        }

        private void wakeReader(List<? extends EventMessage<?>> events) {
            super.afterCommit(events);
        }
    }
}
