package dk.sagsspor.query.projection;

/**
 * An event from an aggregate's future: the projection has applied the aggregate up to some sequence and this event is
 * further ahead, so at least one event is missing. It is never applied; after the retries it goes to the dead-letter
 * topic, and rebuilding the projection from the topic repairs it.
 */
public class EventOutOfSequence extends RuntimeException {

    EventOutOfSequence(String projection, String aggregateId, long expected, long actual) {
        super("Projection " + projection + " expected event " + expected + " of " + aggregateId + " but got " + actual);
    }
}
