package dk.sagsspor.query.projection;

import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import dk.sagsspor.events.agendaitem.AgendaItemRevised;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What read models keep of each proposed item (its id, committee, title, case number, whether it is closed), as the
 * arrays a multi-row {@code unnest} insert binds: {@code :ids}, {@code :committees}, {@code :titles},
 * {@code :caseNumbers}, {@code :closedItems}. Each read model writes them into a table of its own.
 */
public final class ProposedItems {

    private ProposedItems() {}

    public static Map<String, Object> columns(List<AgendaItemProposed> items) {
        return Map.of(
                "ids", items.stream().map(AgendaItemProposed::agendaItemId).toArray(String[]::new),
                "committees", items.stream().map(AgendaItemProposed::committee).toArray(String[]::new),
                "titles", items.stream().map(AgendaItemProposed::title).toArray(String[]::new),
                // a case number may be null: Map.of takes no null values, but an array holds them
                "caseNumbers",
                        items.stream().map(AgendaItemProposed::caseNumber).toArray(String[]::new),
                "closedItems",
                        items.stream()
                                .map(item -> Boolean.toString(item.closedItem()))
                                .toArray(String[]::new));
    }

    /**
     * A poll's new items, with the title and case number of their revisions in the same poll folded in, so that they
     * are written in one statement; a revision of an item proposed before the poll is the caller's to write.
     */
    public static final class Poll {

        private final Map<String, AgendaItemProposed> items = new LinkedHashMap<>();

        /** Adds a proposal; a second proposal of an item is refused, as the event-by-event insert refuses it. */
        public void propose(AgendaItemProposed proposed) {
            if (items.putIfAbsent(proposed.agendaItemId(), proposed) != null) {
                throw new IllegalStateException("Item " + proposed.agendaItemId() + " is proposed again");
            }
        }

        /**
         * Folds a revision of its title or case number into the item's proposal in this poll. False if the item was
         * proposed before the poll (the caller writes the revision); true if it is handled (or changes neither).
         */
        public boolean revise(AgendaItemRevised revised) {
            if (!revised.changed("title") && !revised.changed("caseNumber")) {
                return true;
            }
            AgendaItemProposed proposed = items.get(revised.agendaItemId());
            if (proposed == null) {
                return false;
            }
            items.put(
                    revised.agendaItemId(),
                    new AgendaItemProposed(
                            proposed.agendaItemId(),
                            proposed.committee(),
                            revised.title(),
                            revised.caseNumber(),
                            proposed.caseOfficers(),
                            proposed.background(),
                            proposed.recommendation(),
                            proposed.presentation(),
                            proposed.attachments(),
                            proposed.closedItem()));
            return true;
        }

        /** The new items, in the order proposed, as they stand at the end of the poll. */
        public List<AgendaItemProposed> items() {
            return List.copyOf(items.values());
        }
    }
}
