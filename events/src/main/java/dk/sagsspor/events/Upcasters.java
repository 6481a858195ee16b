package dk.sagsspor.events;

import dk.sagsspor.events.agendaitem.AgendaItemDeferred;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every upcaster there is, and the chain that brings a payload of any version to the current one. */
public final class Upcasters {

    private static final List<Upcaster> ALL = List.of(
            // version 2 says whether the item is closed ("lukket punkt"); every earlier one was open
            new AddedField("AgendaItemProposed", 1, "closedItem", false),
            // version 2 says whether only the meeting's day is known; every earlier one had a time of day
            new AddedField("MeetingScheduled", 1, "dayOnly", false),
            // version 2 says whether the item moved because its meeting was cancelled; before, only the carry-over's
            // reason said so
            new DeferralByCancellation());

    private Upcasters() {}

    /** Applies every upcaster from {@code version} to the event's current version, in order. */
    public static Map<String, Object> toCurrent(String eventName, int version, Map<String, Object> payload) {
        Map<String, Object> current = payload;
        for (int v = version; ; v++) {
            int from = v;
            Upcaster next = ALL.stream()
                    .filter(u -> u.eventName().equals(eventName) && u.fromVersion() == from)
                    .findFirst()
                    .orElse(null);
            if (next == null) {
                return current;
            }
            current = next.upcast(new LinkedHashMap<>(current));
        }
    }

    /**
     * A version that added a field: payloads of the version before it get the field with the value that says what
     * every event of that version meant.
     */
    record AddedField(String eventName, int fromVersion, String field, Object value) implements Upcaster {

        @Override
        public Map<String, Object> upcast(Map<String, Object> payload) {
            payload.putIfAbsent(field, value);
            return payload;
        }
    }

    /** {@code AgendaItemDeferred} v1 → v2: a move from a cancelled meeting is one the carry-over gave its reason. */
    static final class DeferralByCancellation implements Upcaster {

        @Override
        public String eventName() {
            return "AgendaItemDeferred";
        }

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public Map<String, Object> upcast(Map<String, Object> payload) {
            payload.putIfAbsent(
                    "meetingCancelled",
                    Boolean.TRUE.equals(payload.get("automatic"))
                            && AgendaItemDeferred.MEETING_CANCELLED.equals(payload.get("reason")));
            return payload;
        }
    }
}
