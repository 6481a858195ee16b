package dk.sagsspor.events;

import java.util.Map;

/**
 * Turns the JSON payload of one version of an event into the next version's, as a generic tree (maps, lists, strings,
 * numbers, booleans), so it needs no JSON library. The services run upcasters wherever old events are read: Axon's
 * upcaster chain on the event store, the decoder on Kafka.
 */
public interface Upcaster {

    /** The event's simple name, e.g. {@code AgendaItemProposed}. */
    String eventName();

    /** The version this upcaster reads; it writes {@code fromVersion() + 1}. */
    int fromVersion();

    Map<String, Object> upcast(Map<String, Object> payload);
}
