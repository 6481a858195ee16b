package dk.sagsspor.events;

import dk.sagsspor.events.agendaitem.AgendaItemEvent;
import dk.sagsspor.events.meeting.MeetingEvent;
import dk.sagsspor.events.staff.StaffMemberEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The published names and versions of all event types. A type name is {@code dk.sagsspor.<EventName>.v<version>},
 * e.g. {@code dk.sagsspor.AgendaItemProposed.v2}; it is the CloudEvents {@code type} attribute on Kafka and names the
 * golden samples of the contract tests. An event's current version is its record's {@code public static final int
 * VERSION}, or 1 without one. The catalog is derived from each aggregate's sealed event interface, so a new event
 * record is in it the moment it is permitted.
 */
public final class EventCatalog {

    private static final String PREFIX = "dk.sagsspor.";
    private static final Pattern TYPE = Pattern.compile(Pattern.quote(PREFIX) + "([A-Za-z]+)\\.v([1-9][0-9]*)");

    /** One sealed root per aggregate type. */
    private static final List<Class<? extends SagssporEvent>> ROOTS =
            List.of(AgendaItemEvent.class, MeetingEvent.class, StaffMemberEvent.class);

    private static final Map<String, Class<? extends SagssporEvent>> BY_NAME = buildCatalog();

    private EventCatalog() {}

    /** A type name resolved: the event class, the version it was written in, and whether that is the current one. */
    public record EventType(String name, int version, Class<? extends SagssporEvent> eventClass) {

        public boolean isCurrent() {
            return version == versionOf(eventClass);
        }
    }

    /** The published type name of an event class, in its current version. */
    public static String typeOf(Class<? extends SagssporEvent> eventClass) {
        return PREFIX + eventClass.getSimpleName() + ".v" + versionOf(eventClass);
    }

    /** The current version of an event class. */
    public static int versionOf(Class<?> eventClass) {
        if (!eventClass.isRecord() || !SagssporEvent.class.isAssignableFrom(eventClass)) {
            throw new IllegalArgumentException(eventClass.getName() + " is not an event record");
        }
        try {
            Field version = eventClass.getField("VERSION");
            if (Modifier.isStatic(version.getModifiers()) && version.getType() == int.class) {
                return version.getInt(null);
            }
        } catch (NoSuchFieldException e) {
            return 1;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return 1;
    }

    /** The event published under a type name, if it names one this version of Sagsspor knows, in any version. */
    public static Optional<EventType> resolve(String type) {
        Matcher matcher = TYPE.matcher(type == null ? "" : type);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Class<? extends SagssporEvent> eventClass = BY_NAME.get(matcher.group(1));
        int version = Integer.parseInt(matcher.group(2));
        if (eventClass == null || version > versionOf(eventClass)) {
            return Optional.empty();
        }
        return Optional.of(new EventType(matcher.group(1), version, eventClass));
    }

    /** Every event class by its simple name. */
    public static Map<String, Class<? extends SagssporEvent>> all() {
        return BY_NAME;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends SagssporEvent>> buildCatalog() {
        Map<String, Class<? extends SagssporEvent>> catalog = new LinkedHashMap<>();
        Deque<Class<?>> pending = new ArrayDeque<>(ROOTS);
        while (!pending.isEmpty()) {
            Class<?> next = pending.removeFirst();
            if (next.isRecord()) {
                catalog.put(next.getSimpleName(), (Class<? extends SagssporEvent>) next);
            } else {
                Collections.addAll(pending, next.getPermittedSubclasses());
            }
        }
        return Collections.unmodifiableMap(catalog);
    }
}
