package dk.sagsspor.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every upcaster there is, and the chain that brings a payload of any version to the current one. */
public final class Upcasters {

    private static final List<Upcaster> ALL = List.of(new AgendaItemProposedV1ToV2());

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

    /** The first real change of shape: version 2 of {@code AgendaItemProposed} says whether the item is closed. */
    static final class AgendaItemProposedV1ToV2 implements Upcaster {

        @Override
        public String eventName() {
            return "AgendaItemProposed";
        }

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public Map<String, Object> upcast(Map<String, Object> payload) {
            payload.putIfAbsent("closedItem", false);
            return payload;
        }
    }
}
