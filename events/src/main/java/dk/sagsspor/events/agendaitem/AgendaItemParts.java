package dk.sagsspor.events.agendaitem;

import java.util.List;

/**
 * The editable parts of an item, as the events that state all of them at once carry them: the proposal and every
 * revision. Readers that keep an item's current parts take them from either alike.
 */
public interface AgendaItemParts {

    String title();

    String caseNumber();

    List<String> caseOfficers();

    String background();

    String recommendation();

    String presentation();

    List<String> attachments();
}
