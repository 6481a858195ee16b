package dk.sagsspor.events;

/**
 * Every fact Sagsspor publishes. Each aggregate's events share a sealed interface in their own package (sealing across
 * packages needs a named module, and the services run on the class path); the {@link EventCatalog} lists those roots.
 */
public interface SagssporEvent {

    /** The identifier of the aggregate the event belongs to; it is the Kafka record key. */
    String aggregateId();
}
