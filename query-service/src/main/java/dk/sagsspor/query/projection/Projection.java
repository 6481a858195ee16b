package dk.sagsspor.query.projection;

import dk.sagsspor.events.SagssporEvent;
import java.util.List;

/**
 * A read model kept up to date from the event topic. One listener feeds every projection bean
 * ({@link ProjectionListeners}); {@link Projections} applies each poll to all of them in one pass, idempotently, in
 * one transaction with each projection's positions. Each can be rebuilt alone ({@link ProjectionRebuilds}).
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

    /**
     * The indexes (by name) that its writes find rows by, beyond the unique ones: a rebuild keeps them while it loads
     * (see {@link RebuildSchema}); every other index is built once at the end.
     */
    default List<String> writeIndexes() {
        return List.of();
    }

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
