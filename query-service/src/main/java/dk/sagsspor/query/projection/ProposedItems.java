package dk.sagsspor.query.projection;

import dk.sagsspor.events.agendaitem.AgendaItemProposed;
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
}
