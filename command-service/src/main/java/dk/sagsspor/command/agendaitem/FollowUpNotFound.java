package dk.sagsspor.command.agendaitem;

import org.axonframework.modelling.command.AggregateNotFoundException;

/** The item has no follow-up by that id: answered 404 like any unknown id. */
public class FollowUpNotFound extends AggregateNotFoundException {

    FollowUpNotFound(String agendaItemId, String followUpId) {
        super(followUpId, "Agenda item " + agendaItemId + " has no follow-up " + followUpId);
    }
}
