package dk.sagsspor.query.projection;

import dk.sagsspor.events.SagssporEvent;
import java.util.List;

/**
 * A read model kept up to date from the event topic. Every projection bean gets its own Kafka listener and consumer
 * group ({@code <group-prefix><name>}, see {@link ProjectionListeners}), so each can be rebuilt alone; events are
 * applied through {@link Projections}: idempotently, in one transaction with the projection's position.
 */
public interface Projection<E extends SagssporEvent> {

    /** The projection's name: its listener id, the suffix of its consumer group, its key in projection_position. */
    String name();

    /** The events it applies (an aggregate's sealed interface, or {@link SagssporEvent} for all). */
    Class<E> eventType();

    /**
     * The tables that hold this projection's read model and nothing else's, in an order they can be emptied in
     * (referencing tables first): a rebuild empties them and applies every event again.
     */
    List<String> tables();

    /** Applies one event, inside the transaction that also records the projection's position. */
    void apply(DecodedEvent<E> event);

    /**
     * Applies a poll's new events for this projection, in their order, inside the pass's transaction. By default one
     * by one; a projection that can write many events in a few statements overrides it. If it throws anything but a
     * transient failure, the pass is rolled back and done again event by event, so the record to blame is found and
     * dead-lettered as if there had been no batch.
     */
    default void apply(List<DecodedEvent<E>> events) {
        for (DecodedEvent<E> event : events) {
            Projections.withCorrelationId(event, () -> apply(event));
        }
    }
}
