package dk.sagsspor.events;

import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published names of all event types. A type name is {@code dk.sagsspor.<EventName>.v<version>}, e.g.
 * {@code dk.sagsspor.AgendaItemProposed.v1}; it is the CloudEvents {@code type} attribute on Kafka and the name of the
 * golden sample in the contract tests. The catalog is derived from each aggregate's sealed event interface, so a new
 * event record is in it the moment it is permitted.
 */
public final class EventCatalog {

    private static final String PREFIX = "dk.sagsspor.";
    private static final int CURRENT_VERSION = 1;

    /** One sealed root per aggregate type. */
    private static final List<Class<? extends SagssporEvent>> ROOTS = List.of(AgendaItemEvent.class);

    private static final Map<String, Class<? extends SagssporEvent>> BY_TYPE = buildCatalog();

    private EventCatalog() {}

    /** The published type name of an event class. */
    public static String typeOf(Class<? extends SagssporEvent> eventClass) {
        if (!eventClass.isRecord()) {
            throw new IllegalArgumentException(eventClass.getName() + " is not an event record");
        }
        return PREFIX + eventClass.getSimpleName() + ".v" + CURRENT_VERSION;
    }

    /** The event class published under a type name, if this version of Sagsspor knows it. */
    public static Optional<Class<? extends SagssporEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Every published type name and its class. */
    public static Map<String, Class<? extends SagssporEvent>> all() {
        return BY_TYPE;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends SagssporEvent>> buildCatalog() {
        Map<String, Class<? extends SagssporEvent>> catalog = new LinkedHashMap<>();
        Deque<Class<?>> pending = new ArrayDeque<>();
        pending.addAll(ROOTS);
        while (!pending.isEmpty()) {
            Class<?> next = pending.removeFirst();
            if (next.isRecord()) {
                Class<? extends SagssporEvent> event = (Class<? extends SagssporEvent>) next;
                catalog.put(typeOf(event), event);
            } else {
                Collections.addAll(pending, next.getPermittedSubclasses());
            }
        }
        return Collections.unmodifiableMap(catalog);
    }
}
