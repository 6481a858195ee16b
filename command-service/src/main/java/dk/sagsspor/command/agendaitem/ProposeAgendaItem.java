package dk.sagsspor.command.agendaitem;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Propose a new agenda item to a committee. */
public record ProposeAgendaItem(
        @TargetAggregateIdentifier String agendaItemId,
        String committee,
        String title,
        String caseNumber,
        List<String> caseOfficers,
        String background,
        String recommendation,
        String presentation,
        List<String> attachments) {}
