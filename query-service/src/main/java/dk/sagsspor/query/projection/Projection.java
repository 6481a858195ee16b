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
}
