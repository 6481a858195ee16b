package dk.sagsspor.command.agendaitem;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One agenda item's life, from proposal onwards. State changes only in the event sourcing handlers. */
@Aggregate
class AgendaItem {

    @AggregateIdentifier
    private String agendaItemId;

    AgendaItem() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    AgendaItem(ProposeAgendaItem command) {
        apply(new AgendaItemProposed(
                command.agendaItemId(),
                command.committee(),
                command.title(),
                command.caseNumber(),
                command.caseOfficers(),
                command.background(),
                command.recommendation(),
                command.presentation(),
                command.attachments()));
    }

    @EventSourcingHandler
    void on(AgendaItemProposed event) {
        agendaItemId = event.agendaItemId();
    }
}
